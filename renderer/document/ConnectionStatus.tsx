import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/locale';
import { closeCodes } from '#shared/sync/protocol';
import type { Collaboration } from '../collab/collaboration';
import { useLanguage } from '../i18n/i18n';
import { useShownStatus } from './shownStatus';

/** Why the server closed the connection, by its close code (docs/api.md, Close codes); another code is a lost connection. */
function closeCodeName(code: number): keyof typeof closeCodes | 'other' {
  return (Object.keys(closeCodes) as (keyof typeof closeCodes)[]).find((name) => closeCodes[name] === code) ?? 'other';
}

/**
 * Always visible: connected or not, syncing, and how many changes are not yet on the server
 * (while connected, only those the server has not stored within a second: see shownStatus.ts).
 */
export function ConnectionStatus({ collaboration }: { collaboration: Collaboration | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, pending, refusalCode } = useShownStatus(collaboration);
  return (
    <div
      className={`connection-status status-${state}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={state}
      data-pending={pending}
    >
      <span className="status-dot" aria-hidden="true" />
      <span>{t(`status.${state}`)}</span>
      {pending > 0 && <span className="pending-count">{t('status.pending', { count: pending, formatted: formatNumber(pending, language) })}</span>}
      {refusalCode !== null && <span className="refusal-reason">{t(`status.closed.${closeCodeName(refusalCode)}`)}</span>}
    </div>
  );
}
