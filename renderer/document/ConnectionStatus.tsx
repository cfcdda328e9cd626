import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/locale';
import type { CollaborationStatus } from '../collab/collaboration';
import { useLanguage } from '../i18n/i18n';

/** Always visible: connected or not, syncing, and how many changes are not yet on the server. */
export function ConnectionStatus({ status }: { status: CollaborationStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state =
    status.connection === 'refused' ? 'refused'
    : status.connection === 'offline' ? 'offline'
    : status.connection === 'connecting' ? 'connecting'
    : !status.synced ? 'syncing'
    : status.pendingChanges > 0 ? 'saving'
    : 'saved';
  const pending = t('status.pending', { count: status.pendingChanges, formatted: formatNumber(status.pendingChanges, language) });
  return (
    <div className={`connection-status status-${state}`} role="status" aria-live="polite" data-testid="connection-status" data-state={state} data-pending={status.pendingChanges}>
      <span className="status-dot" aria-hidden="true" />
      <span>{t(`status.${state}`)}</span>
      {status.pendingChanges > 0 && <span className="pending-count">{pending}</span>}
      {status.refusal && <span className="refusal-reason">{status.refusal.reason}</span>}
    </div>
  );
}
