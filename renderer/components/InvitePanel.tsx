import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import { defaultValidityHours, type Invitation } from '#shared/api/invitations';
import type { Language } from '#shared/format/locale';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Side } from '#shared/sides';
import { ErrorNotice } from './ErrorNotice';
import { useAttemptError } from './useAttemptError';
import { NetworkShareControl, useShareUrl } from './NetworkShare';

export interface InvitePanelProps {
  /** The host's client (any side) or a participant's (their own side: the server refuses others). */
  client: ApiClient;
  documentId: string;
  allowedSides: readonly Side[];
  /** The side offered first (default: the first allowed). */
  initialSide?: Side;
}

/** Creates a one-time invitation for a side and shows its code and link, ready to send; says what a code is and how the other person joins. */
export function InvitePanel({ client, documentId, allowedSides, initialSide }: InvitePanelProps) {
  const { t, i18n } = useTranslation();
  const [side, setSide] = useState<Side>(initialSide ?? allowedSides[0] ?? 'union');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [error, setError] = useAttemptError(side);
  const { shareUrl, status, setStatus } = useShareUrl(client);
  const link = invitation ? `${shareUrl}/#/join/${encodeURIComponent(invitation.code)}` : '';

  const create = async () => {
    setError(null);
    try {
      setInvitation(await client.call('invitations/create', { documentId, side }));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="invite-panel" data-testid="invite-panel">
      <p className="hint">{t('invite.explain', { days: defaultValidityHours / 24 })}</p>
      {status && <NetworkShareControl client={client} status={status} onShared={setStatus} />}
      <div className="row">
        <label>
          {t('invite.side')}
          <select value={side} onChange={(event) => setSide(event.target.value as Side)}>
            {allowedSides.map((option) => (
              <option key={option} value={option}>
                {t(`side.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void create()}>
          {t('invite.create')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {invitation && (
        <div className="invitation-result" data-testid="invitation-result">
          <p>
            {t('invite.codeFor', { side: t(`side.${invitation.side}`) })}:{' '}
            <strong className="invitation-code" data-testid="invitation-code">
              {invitation.code}
            </strong>
          </p>
          <p>
            {t('invite.link')}: <input readOnly value={link} onFocus={(event) => event.target.select()} aria-label={t('invite.link')} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
              {t('invite.copy')}
            </button>
          </p>
          <p className="hint">{t('invite.validUntil', { date: formatVietnamDateTime(invitation.expiresAt, i18n.language as Language) })}</p>
        </div>
      )}
    </div>
  );
}
