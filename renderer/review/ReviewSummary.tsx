import { useTranslation } from 'react-i18next';
import type { ReviewView } from '#shared/api/review';
import { formatCitation } from '#shared/compliance/citations';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { useLanguage } from '../i18n/i18n';

/** The authority's latest decision: accepted, or amendments requested with the reasons. */
export function DecisionView({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  if (!review.decision) return <p className="empty-state">{review.lifecycle.sentToAuthority ? t('review.pending') : t('review.notSent')}</p>;
  const { answer, round } = review.decision;
  return (
    <section className={`review-decision decision-${answer.decision}`} data-testid="review-decision" data-decision={answer.decision}>
      <h3>{t(`review.decision.${answer.decision}`)}</h3>
      <p className="muted">{t('review.decidedBy', { name: answer.byName ?? '', date: formatIsoDate(answer.decidedOn), round })}</p>
      {answer.late && answer.deadline && <p className="notice">{t('review.late', { date: formatIsoDate(answer.deadline) })}</p>}
      {answer.reasons.length > 0 && (
        <>
          <h4>{t('review.reasons')}</h4>
          <ul>
            {answer.reasons.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The procedural checklist: vote, dates and deadlines, dossier items, each with its provision. */
export function ChecklistView({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="checklist" data-testid="review-checklist">
      {review.checklist.map((item) => (
        <li key={item.id} className={`checklist-item status-${item.status}`} data-item={item.id} data-status={item.status}>
          <span className="checklist-status">{t(`review.checklistStatus.${item.status}`)}</span> {item.message[language]}
          {/* A message that names its provision already (the vote's) is not followed by it again. */}
          {!item.message[language].includes(formatCitation(item.citation, language)) && (
            <span className="citation"> ({formatCitation(item.citation, language)})</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The articles' names, to show a finding's article. */
export type ArticleNames = ReadonlyMap<string, { number: number; title: string }>;

/** The reviewer's findings on articles, each with its article (a click reveals it) and rule. */
export function FindingsView({
  review,
  articles,
  round,
  jumpTo,
  withdraw,
}: {
  review: ReviewView;
  articles: ArticleNames;
  round: number | null;
  jumpTo?: (clauseId: string) => void;
  withdraw?: (findingId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const findings = review.findings.filter((finding) => round === null || finding.round === round);
  if (findings.length === 0) return <p className="empty-state">{t('review.noFindings')}</p>;
  return (
    <ol className="review-findings">
      {findings.map((finding) => {
        const article = articles.get(finding.clauseId);
        const where = article ? t('compliance.article', { number: article.number, title: article.title }) : t('review.articleGone');
        return (
          <li key={finding.id} className="review-finding" data-testid="review-finding" data-clause-id={finding.clauseId}>
            <div className="finding-head">
              {jumpTo ? (
                <button type="button" className="link" onClick={() => jumpTo(finding.clauseId)}>
                  {where}
                </button>
              ) : (
                <strong>{where}</strong>
              )}
              <span className="muted">
                {finding.authorName} · {t('review.findingRound', { round: finding.round })}
              </span>
            </div>
            <p className="finding-message">{finding.body}</p>
            {finding.rule && <p className="finding-rule">{t('review.rule', { rule: finding.rule[language] })}</p>}
            {withdraw && (
              <button type="button" onClick={() => withdraw(finding.id)}>
                {t('review.withdraw')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
