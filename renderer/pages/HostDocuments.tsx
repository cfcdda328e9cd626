import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DocumentMeta } from '#shared/api/documents';
import { documentKinds, type DocumentKind } from '#shared/documents/kinds';
import { formatDate } from '#shared/format/locale';
import { sides, type Side } from '#shared/sides';
import { hostClient, participantClient } from '../api/apiClients';
import { navigate } from '../app/hashRoute';
import { ErrorNotice } from '../components/ErrorNotice';
import { InvitePanel } from '../components/InvitePanel';
import { useLanguage } from '../i18n/i18n';
import { saveMembership, useSession, type Session } from '../session/session';

/** The host takes a seat in a document like anyone else: an invitation to themselves, redeemed. */
async function joinAsHost(client: ApiClient, session: Session, document: DocumentMeta, side: Side): Promise<void> {
  const invitation = await client.call('invitations/create', { documentId: document.id, side });
  const redeemed = await participantClient().call('invitations/redeem', { code: invitation.code, displayName: session.displayName ?? '' });
  saveMembership({
    documentId: document.id,
    documentTitle: document.title,
    token: redeemed.token,
    participantId: redeemed.participant.id,
    side: redeemed.participant.side,
    displayName: redeemed.participant.displayName,
  });
  navigate({ page: 'document', documentId: document.id });
}

/** What only the host sees: every document of this server, creating one, inviting people. */
export function HostDocuments() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const client = useMemo(() => hostClient(session.hostToken), [session.hostToken]);
  const [documents, setDocuments] = useState<DocumentMeta[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [kind, setKind] = useState<DocumentKind>('enterprise_agreement');
  const [title, setTitle] = useState('');
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

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const document = await client.call('documents/create', { kind, title });
      await joinAsHost(client, session, document, side);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="host-section">
      <h2>{t('host.title')}</h2>
      <form onSubmit={(event) => void create(event)} className="stacked-form" aria-label={t('host.newDocument')}>
        <h3>{t('host.newDocument')}</h3>
        <label>
          {t('host.kind')}
          <select value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
            {documentKinds.map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('host.documentTitle')}
          <input value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} placeholder={t('host.titlePlaceholder')} />
        </label>
        <label>
          {t('host.mySide')}
          <select value={side} onChange={(event) => setSide(event.target.value as Side)}>
            {sides.filter((option) => option !== 'reviewer').map((option) => (
              <option key={option} value={option}>
                {t(`side.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={title.trim() === ''}>
          {t('host.create')}
        </button>
      </form>
      <ErrorNotice error={error} />
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
                <td>{formatDate(document.updatedAt, language)}</td>
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
