import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSession } from '../session/session';
import { AppHeader } from '../components/AppHeader';

/** First start: how others will see this person in documents and cursors. */
export function NamePrompt() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) updateSession((session) => ({ ...session, displayName: trimmed }));
  };
  return (
    <>
      <AppHeader />
      <main className="page narrow">
        <h1>{t('welcome.title')}</h1>
        <p>{t('welcome.intro')}</p>
        <form onSubmit={submit} className="stacked-form">
          <label>
            {t('welcome.nameLabel')}
            <input autoFocus value={name} maxLength={80} onChange={(event) => setName(event.target.value)} placeholder={t('welcome.namePlaceholder')} />
          </label>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {t('welcome.continue')}
          </button>
        </form>
      </main>
    </>
  );
}
