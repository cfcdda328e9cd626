import { useTranslation } from 'react-i18next';
import { ApiError } from '#shared/api/errors';

/** An error explained in the interface language; the server's own words follow for detail. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const code = error instanceof ApiError ? error.code : 'unreachable';
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <p className="error-notice" role="alert">
      {t(`errors.${code}`)} <span className="error-detail">({detail})</span>
    </p>
  );
}
