import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DocumentMeta } from '#shared/api/documents';
import { formatVietnamDate } from '#shared/format/vietnamTime';
import { sides, type Side } from '#shared/sides';
import { hostClient, participantClient } from '../api/apiClients';
import { navigate } from '../app/hashRoute';
import { preopenCollaboration } from '../document/useCollaboration';
import { DesktopBackup } from '../components/DesktopBackup';
import { ErrorNotice } from '../components/ErrorNotice';
import { InvitePanel } from '../components/InvitePanel';
import { ImportDocx } from '../export/ImportDocx';
import { saveMembership, useSession, type Session } from '../session/session';

/** The host takes a seat in a document like anyone else: an invitation to themselves, redeemed. */
export async function joinAsHost(client: ApiClient, session: Session, document: DocumentMeta, side: Side): Promise<void> {
  const invitation = await client.call('invitations/create', { documentId: document.id, side });
  const redeemed = await participantClient().call('invitations/redeem', { code: invitation.code, displayName: session.displayName ?? '' });
  const membership = {
    documentId: document.id,
    documentTitle: document.title,
    token: redeemed.token,
    participantId: redeemed.participant.id,
    side: redeemed.participant.side,
    displayName: redeemed.participant.displayName,
  };
  saveMembership(membership);
  preopenCollaboration(membership);
  navigate({ page: 'document', documentId: document.id });
}

/** What only the host sees: every document of this server, creating one, inviting people. */
export function HostDocuments() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useMemo(() => hostClient(session.hostToken), [session.hostToken]);
  const [documents, setDocuments] = useState<DocumentMeta[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [side, setSide] = useState<Side>('employer');
  const [inviting, setInviting] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!client) return;
    try {
      setDocuments(await client.call('documents/list', { includeArchived: false }));
    } catch (caught) {
      setError(caught);
    }
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (!client) return null;

  return (
    <section className="host-section">
      <h2>{t('host.title')}</h2>
      <div className="row">
        <a className="button primary" href="#/new">
          {t('host.newDocument')}
        </a>
        <label>
          {t('host.mySide')}
          <select value={side} onChange={(event) => setSide(event.target.value as Side)}>
            {sides
              .filter((option) => option !== 'reviewer')
              .map((option) => (
                <option key={option} value={option}>
                  {t(`side.${option}`)}
                </option>
              ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={error} />
      <ImportDocx client={client} hostToken={session.hostToken} onCreated={(document) => joinAsHost(client, session, document, side).catch(setError)} />
      {window.thoaUoc && <DesktopBackup bridge={window.thoaUoc} />}
      <h3>{t('host.allDocuments')}</h3>
      {documents === null ? (
        <p>{t('common.loading')}</p>
      ) : documents.length === 0 ? (
        <p className="empty-state">{t('host.noDocuments')}</p>
      ) : (
        <table className="document-table">
          <thead>
            <tr>
              <th>{t('host.documentTitle')}</th>
              <th>{t('host.kind')}</th>
              <th>{t('host.updated')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                <td>{document.title}</td>
                <td>{t(`kind.${document.kind}`)}</td>
                <td>{formatVietnamDate(document.updatedAt)}</td>
                <td className="actions">
                  {session.memberships.some((m) => m.documentId === document.id) ? (
                    <a href={`#/d/${document.id}`}>{t('host.open')}</a>
                  ) : (
                    <button type="button" onClick={() => void joinAsHost(client, session, document, side).catch(setError)}>
                      {t('host.joinAs', { side: t(`side.${side}`) })}
                    </button>
                  )}
                  <button type="button" onClick={() => setInviting(inviting === document.id ? null : document.id)}>
                    {t('host.invite')}
                  </button>
                  {inviting === document.id && <InvitePanel client={client} documentId={document.id} allowedSides={sides} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
