import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '#shared/api/review';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { hostClient, participantClient } from '../api/apiClients';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/i18n';
import { answerDeadlineText } from '../lifecycle/lifecycleFormat';
import { useSession, type Session } from '../session/session';
import '../lifecycle/lifecycle.css';

/** The queue as this device sees it: each reviewer token's own document, and everything for the host. */
async function loadQueue(session: Session): Promise<ReviewQueueItem[]> {
  const calls = session.memberships.filter((membership) => membership.side === 'reviewer').map((membership) => participantClient(membership.token).call('review/queue', {}));
  const host = hostClient(session.hostToken);
  if (host) calls.push(host.call('review/queue', {}));
  const byDocument = new Map<string, ReviewQueueItem>();
  for (const items of await Promise.all(calls)) for (const item of items) if (!byDocument.has(item.document.id)) byDocument.set(item.document.id, item);
  return [...byDocument.values()].sort((a, b) => Number(a.decision !== null) - Number(b.decision !== null) || a.sentOn.localeCompare(b.sentOn));
}

/** Whether this device holds a way into the review queue: a reviewer token, or the host's. */
export function hasReviewAccess(session: Session): boolean {
  return session.hostToken !== null || session.memberships.some((membership) => membership.side === 'reviewer') || typeof window.thoaUoc !== 'undefined';
}

/**
 * The labour authority's queue: documents sent to it (agreements under Art. 77, registrations of
 * labour regulations under Art. 119), undecided first, with the answer deadline where the law sets one.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
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
              {items.map((item) => (
                <tr key={item.document.id} data-testid="review-queue-item" data-document-id={item.document.id}>
                  <td>{item.document.title}</td>
                  <td>{t(`kind.${item.document.kind}`)}</td>
                  <td>{t(`lifecycle.state.${item.document.lifecycleState}`)}</td>
                  <td>{formatIsoDate(item.sentOn)}</td>
                  <td>{item.answerDeadline ? answerDeadlineText(t, item.answerDeadline, language) : t('review.noDeadline')}</td>
                  <td>{item.decision ? t(`review.decision.${item.decision}`) : '—'}</td>
                  <td>{item.findings}</td>
                  <td className="actions">
                    <a className="button primary" href={`#/review/${item.document.id}`}>
                      {t('review.open')}
                    </a>
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
