import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/locale';
import type { Collaboration } from '../collab/collaboration';
import { useLanguage } from '../i18n/i18n';
import { useShownStatus } from './shownStatus';

/**
 * Always visible: connected or not, syncing, and how many changes are not yet on the server
 * (while connected, only those the server has not stored within a second: see shownStatus.ts).
 */
export function ConnectionStatus({ collaboration }: { collaboration: Collaboration | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, pending, refusalReason } = useShownStatus(collaboration);
  return (
    <div className={`connection-status status-${state}`} role="status" aria-live="polite" data-testid="connection-status" data-state={state} data-pending={pending}>
      <span className="status-dot" aria-hidden="true" />
      <span>{t(`status.${state}`)}</span>
      {pending > 0 && <span className="pending-count">{t('status.pending', { count: pending, formatted: formatNumber(pending, language) })}</span>}
      {refusalReason !== null && <span className="refusal-reason">{refusalReason}</span>}
    </div>
  );
}
