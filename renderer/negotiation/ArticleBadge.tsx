import { useTranslation } from 'react-i18next';
import { articleStatuses } from '#shared/negotiation/model';
import { reopenedLabel } from './reopenedLabel';
import { requestArticleNegotiation, useArticleSummary } from './negotiationStore';
import './negotiation.css';

/**
 * Beside each article: its negotiation status (open, agreed, disputed, and which side has
 * marked it), open proposals and threads. Not part of the text; a click opens the negotiation panel.
 */
export function ArticleBadge({ clauseId }: { clauseId: string }) {
  const { t } = useTranslation();
  const summary = useArticleSummary(clauseId);
  if (summary === '') return null;
  const [shownStatus = 'open', marks = '', proposals = '0', threads = '0', reopenAsked = '', suggesting = '', bySuggestion = '', reopened = '', ...name] =
    summary.split('|');
  const byName = name.join('|');
  const status = articleStatuses.find((known) => known === shownStatus) ?? 'open';
  // An agreed article held open by suggestions keeps both marks: they say nothing new there.
  const showsMarks = status !== 'agreed' && bySuggestion === '';
  const suggestingSides = [...suggesting].map((letter) => t(letter === 'E' ? 'side.employer' : 'side.union')).join(', ');
  const label = [
    t(`negotiation.status.${status}`),
    bySuggestion ? t('suggestionPositions.reopenedBySuggestion', { sides: suggestingSides }) : '',
    marks.includes('E') && showsMarks ? t('negotiation.markedBy', { side: t('side.employer') }) : '',
    marks.includes('U') && showsMarks ? t('negotiation.markedBy', { side: t('side.union') }) : '',
    suggesting && !bySuggestion ? t('suggestionPositions.badge', { sides: suggestingSides }) : '',
    proposals !== '0' ? t('negotiation.openProposals', { count: Number(proposals) }) : '',
    threads !== '0' ? t('negotiation.openThreads', { count: Number(threads) }) : '',
    reopenAsked ? t('negotiation.reopenRequest.badge') : '',
    reopened ? reopenedLabel(t, byName === '' ? null : byName) : '',
  ].filter(Boolean);
  return (
    <button
      type="button"
      contentEditable={false}
      className={`article-badge status-${status}`}
      data-testid="article-badge"
      data-status={status}
      data-reopened-by-suggestion={bySuggestion ? 'true' : undefined}
      title={label.join(' · ')}
      onClick={() => requestArticleNegotiation(clauseId)}
    >
      {t(`negotiation.status.${status}`)}
      {bySuggestion && <span className="count">{t('suggestionPositions.reopenedShort')}</span>}
      {marks !== '' && showsMarks && <span className="count">{marks.includes('E') ? t('negotiation.employerMark') : t('negotiation.unionMark')} ✓</span>}
      {proposals !== '0' && <span className="count">{t('negotiation.proposalsShort', { count: Number(proposals) })}</span>}
      {threads !== '0' && <span className="count">{t('negotiation.threadsShort', { count: Number(threads) })}</span>}
      {reopenAsked && <span className="count">{t('negotiation.reopenRequest.badge')}</span>}
    </button>
  );
}
