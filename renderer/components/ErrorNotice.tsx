import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/i18n';
import { errorText } from './errorText';

/** An error explained in one sentence of the interface language. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (error === null || error === undefined) return null;
  return (
    <p className="error-notice" role="alert">
      {errorText(t, error, language)}
    </p>
  );
}
