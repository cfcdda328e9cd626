import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { SideBadge } from '../components/SideBadge';
import { useSession } from '../session/session';
import { HostDocuments } from './HostDocuments';
import { hasReviewAccess } from '../review/ReviewQueuePage';

/** The start page: my documents, joining with a code, and (for the host) every document. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const [code, setCode] = useState('');
  const join = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) navigate({ page: 'join', code: code.trim() });
  };

  return (
    <>
      <AppHeader>
        <span className="greeting">{t('home.greeting', { name: session.displayName ?? '' })}</span>
      </AppHeader>
      <main className="page">
        <section>
          <h1>{t('home.myDocuments')}</h1>
          {session.memberships.length === 0 ? (
            <p className="empty-state">{t('home.noDocuments')}</p>
          ) : (
            <ul className="document-list">
              {session.memberships.map((membership) => (
                <li key={membership.documentId}>
                  <a href={`#/d/${membership.documentId}`}>{membership.documentTitle}</a> <SideBadge side={membership.side} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>{t('home.joinTitle')}</h2>
          <form onSubmit={join} className="row">
            <input
              value={code}
              onChange={(event) => setCode(event.target.value)}
              placeholder={t('home.codePlaceholder')}
              aria-label={t('home.codePlaceholder')}
            />
            <button type="submit" disabled={code.trim() === ''}>
              {t('home.joinAction')}
            </button>
          </form>
        </section>
        {(session.hostToken !== null || window.thoaUoc !== undefined || session.memberships.length > 0) && (
          <section>
            <h2>{t('dialogue.areaTitle')}</h2>
            <p className="hint">{t('dialogue.areaIntro')}</p>
            <a className="button" href="#/dialogues" data-testid="dialogues-link">
              {t('dialogue.homeLink')}
            </a>
          </section>
        )}
        {hasReviewAccess(session) && (
          <section>
            <h2>{t('review.queueTitle')}</h2>
            <a className="button" href="#/review" data-testid="review-queue-link">
              {t('review.queueLink')}
            </a>
          </section>
        )}
        <HostDocuments />
      </main>
    </>
  );
}
