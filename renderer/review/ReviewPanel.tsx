import { useTranslation } from 'react-i18next';
import type { Side } from '#shared/sides';
import { reviewedRound, useComplianceSnapshot, useLifecycleSnapshot } from '../lifecycle/documentChecks';
import { ReportExport } from '../export/ReportExport';
import { useSession } from '../session/session';
import { ChecklistView, DecisionView, FindingsView } from './ReviewSummary';

/**
 * The labour authority's review as the open document shows it to everyone: the decision, the
 * findings on articles (a click reveals the article) and the procedural checklist. Reviewers work
 * on the review page, reached from the queue. Once decided, the decision exports as Word or PDF.
 */
export function ReviewPanel({ side, documentId, jumpTo }: { side: Side; documentId: string; jumpTo: (clauseId: string) => void }) {
  const { t } = useTranslation();
  const { review } = useLifecycleSnapshot();
  const compliance = useComplianceSnapshot();
  const membership = useSession().memberships.find((candidate) => candidate.documentId === documentId);
  if (!review) return <p>{t('common.loading')}</p>;
  return (
    <div className="review-panel" data-testid="review-panel">
      {side === 'reviewer' && review.canReview && (
        <p>
          <a href={`#/review/${documentId}`}>{t('review.open')}</a>
        </p>
      )}
      <DecisionView review={review} />
      {review.decision && membership && <ReportExport who={{ token: membership.token }} documentId={documentId} report="decision" />}
      <h3>{t('review.findingsTitle')}</h3>
      <FindingsView review={review} articles={compliance?.articles ?? new Map()} round={reviewedRound(review)} jumpTo={jumpTo} />
      <h3>{t('review.checklistTitle')}</h3>
      <ChecklistView review={review} />
    </div>
  );
}
