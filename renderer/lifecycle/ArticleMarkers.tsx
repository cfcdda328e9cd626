import { useTranslation } from 'react-i18next';
import { requestSidePanelTab, showComplianceEvent, showReviewEvent, useArticleMarks } from './documentChecks';
import './lifecycle.css';

/**
 * In the margin of each article: a marker when the compliance check finds a violation in it, and
 * one when the labour authority wrote findings on it. Not part of the text; a click opens the list.
 */
export function ArticleMarkers({ clauseId }: { clauseId: string }) {
  const [violations = 0, findings = 0] = useArticleMarks(clauseId).split('|').map(Number);
  if (violations === 0 && findings === 0) return null;
  return <Markers clauseId={clauseId} violations={violations} findings={findings} />;
}

/** The markers themselves: only the articles that have some follow the interface language (decision 0031). */
function Markers({ clauseId, violations, findings }: { clauseId: string; violations: number; findings: number }) {
  const { t } = useTranslation();
  return (
    <span className="article-markers" contentEditable={false}>
      {violations > 0 && (
        <button
          type="button"
          className="article-marker compliance-marker"
          data-testid="compliance-marker"
          title={t('compliance.markerTitle', { count: violations })}
          aria-label={t('compliance.markerTitle', { count: violations })}
          onClick={() => requestSidePanelTab(showComplianceEvent, clauseId)}
        >
          ⚠{violations}
        </button>
      )}
      {findings > 0 && (
        <button
          type="button"
          className="article-marker review-marker"
          data-testid="review-marker"
          title={t('review.markerTitle', { count: findings })}
          aria-label={t('review.markerTitle', { count: findings })}
          onClick={() => requestSidePanelTab(showReviewEvent, clauseId)}
        >
          ✎{findings}
        </button>
      )}
    </span>
  );
}
