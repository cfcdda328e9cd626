import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '#shared/api/review';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { hostClient, participantClient } from '../api/apiClients';
import { navigate } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/i18n';
import { answerDeadlineText } from '../lifecycle/lifecycleFormat';
import { membershipFor, saveMembership, useSession, type Session } from '../session/session';
import '../lifecycle/lifecycle.css';

/** A document in the queue, and whether it came from the authority's own queue (opened through a seat of its reviewer). */
interface QueueEntry {
  item: ReviewQueueItem;
  viaAuthority: boolean;
}

/** The queue as this device sees it: each reviewer token's own document, what every workspace sent the authority, and the host's. */
async function loadQueue(session: Session): Promise<QueueEntry[]> {
  const calls = session.memberships
    .filter((membership) => membership.side === 'reviewer')
    .map(async (membership) => ({ items: await participantClient(membership.token).call('review/queue', {}), viaAuthority: false }));
  if (session.authority)
    calls.push(
      participantClient(session.authority.token)
        .call('review/queue', {})
        .then((items) => ({ items, viaAuthority: true })),
    );
  const host = hostClient(session.hostToken);
  if (host) calls.push(host.call('review/queue', {}).then((items) => ({ items, viaAuthority: false })));
  const byDocument = new Map<string, QueueEntry>();
  for (const { items, viaAuthority } of await Promise.all(calls))
    for (const item of items) if (!byDocument.has(item.document.id)) byDocument.set(item.document.id, { item, viaAuthority });
  return [...byDocument.values()].sort(
    ({ item: a }, { item: b }) => Number(a.decision !== null) - Number(b.decision !== null) || a.sentOn.localeCompare(b.sentOn),
  );
}

/** Whether this device holds a way into the review queue: a reviewer token, an authority's, or the host's. */
export function hasReviewAccess(session: Session): boolean {
  return (
    session.hostToken !== null ||
    session.authority !== null ||
    session.memberships.some((membership) => membership.side === 'reviewer') ||
    typeof window.thoaUoc !== 'undefined'
  );
}

/**
 * Opens a document of the authority's queue: the reviewer's seat on it is made the first time
 * (review/open) and kept as this device's seat, its token the reviewer's own (the server reads
 * it as the seat on that document).
 */
async function openAsAuthority(session: Session, item: ReviewQueueItem): Promise<void> {
  if (session.authority && !membershipFor(item.document.id)) {
    const seat = await participantClient(session.authority.token).call('review/open', { documentId: item.document.id });
    saveMembership({
      documentId: seat.document.id,
      documentTitle: seat.document.title,
      token: session.authority.token,
      participantId: seat.participant.id,
      side: 'reviewer',
      displayName: seat.participant.displayName,
    });
  }
  navigate({ page: 'reviewDocument', documentId: item.document.id });
}

/**
 * The labour authority's queue: documents sent to it (agreements under Art. 77, registrations of
 * labour regulations under Art. 119), undecided first, with the answer deadline where the law sets one.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const [items, setItems] = useState<QueueEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadQueue(session).then(setItems, (caught: unknown) => {
      setError(caught);
      setItems([]);
    });
  }, [session]);

  return (
    <>
      <AppHeader />
      <main className="page review-queue" data-testid="review-queue">
        <h1>{t('review.queueTitle')}</h1>
        {session.authority && <p data-testid="authority-name">{t('access.reviewerOf', { authority: session.authority.name })}</p>}
        <p>{t('review.queueIntro')}</p>
        <ErrorNotice error={error} />
        {items === null ? (
          <p>{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p className="empty-state">{t('review.queueEmpty')}</p>
        ) : (
          <table className="document-table">
            <thead>
              <tr>
                {(['document', 'kind', 'state', 'sentOn', 'deadline', 'decision', 'findings'] as const).map((column) => (
                  <th key={column}>{t(`review.column.${column}`)}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map(({ item, viaAuthority }) => (
                <tr key={item.document.id} data-testid="review-queue-item" data-document-id={item.document.id}>
                  <td>{item.document.title}</td>
                  <td>{t(`kind.${item.document.kind}`)}</td>
                  <td>{t(`lifecycle.state.${item.document.lifecycleState}`)}</td>
                  <td>{formatIsoDate(item.sentOn)}</td>
                  <td>{item.answerDeadline ? answerDeadlineText(t, item.answerDeadline, language) : t('review.noDeadline')}</td>
                  <td>{item.decision ? t(`review.decision.${item.decision}`) : '—'}</td>
                  <td>{item.findings}</td>
                  <td className="actions">
                    {viaAuthority ? (
                      <button type="button" className="primary" onClick={() => void openAsAuthority(session, item).catch(setError)}>
                        {t('review.open')}
                      </button>
                    ) : (
                      <a className="button primary" href={`#/review/${item.document.id}`}>
                        {t('review.open')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
