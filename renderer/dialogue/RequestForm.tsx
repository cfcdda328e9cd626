import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DialogueView } from '#shared/api/dialogue';
import { ErrorNotice } from '../components/ErrorNotice';

/** The worker side asks for a dialogue (Decree 145 Art. 40): what about, and how many of its representatives back it. */
export function RequestForm({ client, onSaved }: { client: ApiClient; onSaved: (view: DialogueView) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [enterprise, setEnterprise] = useState('');
  const [headcount, setHeadcount] = useState('');
  const [content, setContent] = useState('');
  const [supporters, setSupporters] = useState('');
  const [representatives, setRepresentatives] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await client.call('dialogues/request', {
          title,
          enterprise: { name: enterprise, headcount: Number.parseInt(headcount, 10) },
          content,
          supporters: Number.parseInt(supporters, 10),
          representatives: Number.parseInt(representatives, 10),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="dialogue-form" onSubmit={(event) => void submit(event)} data-testid="request-form">
      <p className="hint">{t('dialogue.request.intro')}</p>
      <div className="form-grid">
        <label>
          {t('dialogue.form.title')}
          <input value={title} onChange={(event) => setTitle(event.target.value)} required />
        </label>
        <label>
          {t('dialogue.form.enterprise')}
          <input value={enterprise} onChange={(event) => setEnterprise(event.target.value)} required />
        </label>
        <label>
          {t('dialogue.form.headcount')}
          <input type="number" min={1} value={headcount} onChange={(event) => setHeadcount(event.target.value)} required />
        </label>
        <label>
          {t('dialogue.request.supporters')}
          <input type="number" min={0} value={supporters} onChange={(event) => setSupporters(event.target.value)} required />
        </label>
        <label>
          {t('dialogue.request.representatives')}
          <input type="number" min={1} value={representatives} onChange={(event) => setRepresentatives(event.target.value)} required />
        </label>
      </div>
      <label>
        {t('dialogue.request.content')}
        <textarea value={content} onChange={(event) => setContent(event.target.value)} rows={4} required />
      </label>
      <ErrorNotice error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('dialogue.request.send')}
      </button>
    </form>
  );
}
