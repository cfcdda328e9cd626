import { createContext, useContext, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { articleStatuses, type ArticleStatus } from '#shared/negotiation/model';
import { reopenedLabel } from './reopenedLabel';
import { requestArticleNegotiation, useArticleSummary } from './negotiationStore';
import './negotiation.css';

/** What a badge says for one article summary (useArticleSummary), in one language. */
interface BadgeText {
  status: ArticleStatus;
  statusLabel: string;
  /** Everything, for the tooltip. */
  title: string;
  /** The short words shown after the status; null for what it has none of. */
  reopenedBySuggestion: string | null;
  mark: string | null;
  proposals: string | null;
  threads: string | null;
  reopenAsked: string | null;
}

function badgeText(t: TFunction, summary: string): BadgeText {
  const [shownStatus = 'open', marks = '', proposals = '0', threads = '0', reopenAsked = '', suggesting = '', bySuggestion = '', reopened = '', ...name] =
    summary.split('|');
  const byName = name.join('|');
  const status = articleStatuses.find((known) => known === shownStatus) ?? 'open';
  // An agreed article held open by suggestions keeps both marks: they say nothing new there.
  const showsMarks = status !== 'agreed' && bySuggestion === '';
  const suggestingSides = [...suggesting].map((letter) => t(letter === 'E' ? 'side.employer' : 'side.union')).join(', ');
  const statusLabel = t(`negotiation.status.${status}`);
  const title = [
    statusLabel,
    bySuggestion ? t('suggestionPositions.reopenedBySuggestion', { sides: suggestingSides }) : '',
    marks.includes('E') && showsMarks ? t('negotiation.markedBy', { side: t('side.employer') }) : '',
    marks.includes('U') && showsMarks ? t('negotiation.markedBy', { side: t('side.union') }) : '',
    suggesting && !bySuggestion ? t('suggestionPositions.badge', { sides: suggestingSides }) : '',
    proposals !== '0' ? t('negotiation.openProposals', { count: Number(proposals) }) : '',
    threads !== '0' ? t('negotiation.openThreads', { count: Number(threads) }) : '',
    reopenAsked ? t('negotiation.reopenRequest.badge') : '',
    reopened ? reopenedLabel(t, byName === '' ? null : byName) : '',
  ].filter(Boolean);
  return {
    status,
    statusLabel,
    title: title.join(' · '),
    reopenedBySuggestion: bySuggestion ? t('suggestionPositions.reopenedShort') : null,
    mark: marks !== '' && showsMarks ? `${marks.includes('E') ? t('negotiation.employerMark') : t('negotiation.unionMark')} ✓` : null,
    proposals: proposals !== '0' ? t('negotiation.proposalsShort', { count: Number(proposals) }) : null,
    threads: threads !== '0' ? t('negotiation.threadsShort', { count: Number(threads) }) : null,
    reopenAsked: reopenAsked ? t('negotiation.reopenRequest.badge') : null,
  };
}

/** A badge's words for a summary, in the interface language. */
export type BadgeTexts = (summary: string) => BadgeText;

/**
 * The badges' words in the interface language, made once for the whole editor and once per
 * summary: a thousand articles share a handful of summaries ("open, nothing pending" for most),
 * so a badge neither translates as it renders nor follows the language on its own (decision 0031).
 */
export function useBadgeTextsOfLanguage(): BadgeTexts {
  const { t } = useTranslation();
  return useMemo(() => {
    const made = new Map<string, BadgeText>();
    return (summary) => {
      const known = made.get(summary);
      if (known) return known;
      const text = badgeText(t, summary);
      made.set(summary, text);
      return text;
    };
  }, [t]);
}

/** Provided by the document editor, the only place badges are shown. */
export const BadgeTextsContext = createContext<BadgeTexts | null>(null);

/**
 * Beside each article: its negotiation status (open, agreed, disputed, and which side has
 * marked it), open proposals and threads. Not part of the text; a click opens the negotiation panel.
 */
export function ArticleBadge({ clauseId }: { clauseId: string }) {
  const textOf = useContext(BadgeTextsContext);
  const summary = useArticleSummary(clauseId);
  if (summary === '' || !textOf) return null;
  const text = textOf(summary);
  return (
    <button
      type="button"
      contentEditable={false}
      className={`article-badge status-${text.status}`}
      data-testid="article-badge"
      data-status={text.status}
      data-reopened-by-suggestion={text.reopenedBySuggestion !== null ? 'true' : undefined}
      title={text.title}
      onClick={() => requestArticleNegotiation(clauseId)}
    >
      {text.statusLabel}
      {text.reopenedBySuggestion !== null && <span className="count">{text.reopenedBySuggestion}</span>}
      {text.mark !== null && <span className="count">{text.mark}</span>}
      {text.proposals !== null && <span className="count">{text.proposals}</span>}
      {text.threads !== null && <span className="count">{text.threads}</span>}
      {text.reopenAsked !== null && <span className="count">{text.reopenAsked}</span>}
    </button>
  );
}
