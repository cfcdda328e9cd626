import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '#shared/format/locale';
import { languages, setLanguage } from '../i18n/i18n';
import { navigate } from '../app/hashRoute';

/** The bar at the top of every page: the product name, page-specific content, the language. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <button type="button" className="brand" onClick={() => navigate({ page: 'home' })} title={t('header.home')}>
        Thỏa Ước
      </button>
      <div className="app-header-content">{children}</div>
      <label className="language-picker">
        <span className="visually-hidden">{t('header.language')}</span>
        <select value={i18n.language} onChange={(event) => setLanguage(event.target.value as Language)} aria-label={t('header.language')}>
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
