import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { ArticleEvent, ArticleNegotiation, Proposal } from '#shared/negotiation/model';
import { decidingSide, suggestionPositionSides, type SuggestionHistoryEntry, type SuggestionPosition } from '#shared/negotiation/suggestionPositions';
import { SideBadge } from '../components/SideBadge';
import { describeFormatChange } from '../editor/formatChange';
import { useLanguage } from '../i18n/i18n';
import { NegotiationDialog } from './NegotiationDialog';
import { useNegotiationView } from './negotiationView';
import { ArticleCostComparison, PositionCostLine } from './PositionCost';
import { PositionByline, PositionComparison, PositionOutcome } from './ProposalCard';
import { Redline } from './Redline';
import { useDescribeValue } from './valueChange';
import { BlockChange } from './BlockChange';

/** The suggestions of the document (decision 0029): each side's pending ones per article, and every one made, in order. */
export interface LedgerSuggestions {
  positions: readonly SuggestionPosition[];
  history: readonly SuggestionHistoryEntry[];
}

type LedgerEntry =
  | { at: string; position: Proposal }
  | { at: string; event: ArticleEvent }
  | { at: string; suggestion: SuggestionHistoryEntry; isDecision: boolean };

/** The positions on an article (a new article's too, once accepted), its suggestions made and decided, and its status events, in order. */
export function ledgerEntries(
  clauseId: string,
  proposals: readonly Proposal[],
  status: ArticleNegotiation | undefined,
  suggestions: readonly SuggestionHistoryEntry[],
): LedgerEntry[] {
  const positions: LedgerEntry[] = proposals
    .filter((proposal) => proposal.clauseId === clauseId || (proposal.kind === 'insert_after' && proposal.article?.clauseId === clauseId))
    .map((position) => ({ at: position.createdAt, position }));
  const suggested: LedgerEntry[] = suggestions
    .filter((suggestion) => suggestion.clauseId === clauseId)
    .flatMap((suggestion) => [
      { at: suggestion.record.createdAt, suggestion, isDecision: false },
      ...(suggestion.record.decidedAt === null || suggestion.record.status === 'pending'
        ? []
        : [{ at: suggestion.record.decidedAt, suggestion, isDecision: true }]),
    ]);
  const events: LedgerEntry[] = (status?.history ?? []).map((event) => ({ at: event.at, event }));
  // A stable sort: at the same moment, a position comes before what was done about it. Compared
  // as instants: the server writes suggestions' times with milliseconds, some events without.
  return [...positions, ...suggested, ...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** What a suggestion inserts and deletes, its blocks, the formatting or the value it suggests, in words. */
function SuggestedText({ entry }: { entry: SuggestionHistoryEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describeValue = useDescribeValue();
  return (
    <p className="ledger-note">
      {entry.blocks && <BlockChange blocks={entry.blocks} side={entry.record.side} />}
      {entry.deleted && <del>{t('suggestionPositions.delete', { text: entry.deleted })}</del>}
      {entry.deleted && entry.inserted && '; '}
      {entry.inserted && <ins>{t('suggestionPositions.insert', { text: entry.inserted })}</ins>}
      {entry.format && t('suggestions.formatChange', { change: describeFormatChange(t, entry.format, language), text: entry.format.text })}
      {entry.record.value && describeValue(entry.record.value)}
    </p>
  );
}

/** A suggestion made, or a decision on one: who, when, and its text. */
function SuggestionEntry({ entry, isDecision }: { entry: SuggestionHistoryEntry; isDecision: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { record } = entry;
  const decided = record.status === 'pending' ? null : record.status;
  const text =
    isDecision && decided
      ? t(`suggestionPositions.event.${decided}`, { name: record.decidedByName ?? '', author: record.authorName })
      : t('suggestionPositions.event.made', { name: record.authorName });
  const side = isDecision ? decidingSide(record) : record.side;
  return (
    <li
      className={`ledger-entry suggestion status-${record.status}`}
      data-testid="ledger-entry"
      data-entry={isDecision ? `suggestion_${record.status}` : 'suggestion'}
    >
      <p className="row">
        <SideBadge side={side} />
        <span>{text}</span>
        <span className="hint">{formatVietnamDateTime(isDecision && record.decidedAt ? record.decidedAt : record.createdAt, language)}</span>
      </p>
      <SuggestedText entry={entry} />
    </li>
  );
}

/**
 * A side's pending suggestions on the article, as its current position: who made them, when the
 * latest was, the accepted text redlined against the text with them accepted, what its suggested
 * wage values cost, and, when the side also has a formal proposal open on the article, which of
 * the two is newer.
 */
function SuggestionPositionEntry({ position }: { position: SuggestionPosition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useNegotiationView();
  const marked = view.positions.article(position.clauseId);
  const sides = useMemo(() => (marked ? suggestionPositionSides(position, marked, view.positions.values) : null), [position, marked, view.positions.values]);
  const proposal = view.proposals
    .filter((candidate) => candidate.clauseId === position.clauseId && candidate.side === position.side && candidate.status === 'open')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  return (
    <li className="ledger-entry position suggestion-position" data-testid="ledger-entry" data-entry="suggestion_position" data-side={position.side}>
      <p className="ledger-head row">
        <SideBadge side={position.side} />
        <strong>{t('suggestionPositions.heading')}</strong>
        <span className="proposal-status">{t('suggestionPositions.count', { count: position.ids.length })}</span>
      </p>
      <p className="hint">
        {t('suggestionPositions.byLine', { names: position.authorNames.join(', '), at: formatVietnamDateTime(position.latestAt, language) })}
      </p>
      {proposal && (
        <p className="hint" data-testid="suggestion-position-newer">
          {Date.parse(position.latestAt) >= Date.parse(proposal.createdAt) ? t('suggestionPositions.suggestionsNewer') : t('suggestionPositions.proposalNewer')}
        </p>
      )}
      {sides && <Redline before={sides.before} after={sides.after} />}
      <PositionCostLine position={position} />
    </li>
  );
}

function PositionEntry({ position }: { position: Proposal }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const others = position.packageId === null ? [] : view.proposals.filter((other) => other.packageId === position.packageId && other.id !== position.id);
  return (
    <li className={`ledger-entry position status-${position.status}`} data-testid="ledger-entry" data-entry="position" data-status={position.status}>
      <p className="ledger-head row">
        <SideBadge side={position.side} />
        <strong>{t(`negotiation.kind.${position.kind}`)}</strong>
        <span className="proposal-status">{t(`negotiation.proposalStatus.${position.status}`)}</span>
      </p>
      <PositionByline proposal={position} />
      {others.length > 0 && (
        <p className="hint">{t('negotiation.ledger.inPackage', { articles: others.map((other) => view.articleLabel(other.clauseId)).join('; ') })}</p>
      )}
      <p className="rationale">{position.rationale}</p>
      <PositionComparison proposal={position} />
      <PositionOutcome proposal={position} />
    </li>
  );
}

function EventEntry({ event }: { event: ArticleEvent }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useNegotiationView();
  const accepted = event.type === 'accepted' && event.note ? view.positions.proposal(event.note) : undefined;
  const text =
    event.type === 'accepted'
      ? t('negotiation.ledger.event.accepted', { name: event.byName, author: accepted?.authorName ?? t('negotiation.ledger.unknownAuthor') })
      : t(`negotiation.ledger.event.${event.type}`, { name: event.byName });
  return (
    <li className={`ledger-entry event event-${event.type}`} data-testid="ledger-entry" data-entry={event.type}>
      <p className="row">
        <SideBadge side={event.side} />
        <span>{text}</span>
        <span className="hint">{formatVietnamDateTime(event.at, language)}</span>
      </p>
      {event.type !== 'accepted' && event.note && <p className="ledger-note">{event.note}</p>}
    </li>
  );
}

/**
 * The ledger of an article: each side's pending suggestions first, as its current position; then
 * every position on it in order (side, person, time in Vietnam, the text and values offered,
 * redlined against what it answers or the text it was made on, the rationale, how it ended), the
 * suggestions made and decided, and the article's own steps: agreed, disputed with a position,
 * asked to reopen, declined, reopened. Its wage positions' costs are compared first.
 */
export function ArticleLedger({ clauseId, status, suggestions }: { clauseId: string; status: ArticleNegotiation | undefined; suggestions: LedgerSuggestions }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const entries = ledgerEntries(clauseId, view.proposals, status, suggestions.history);
  const current = suggestions.positions.filter((position) => position.clauseId === clauseId);
  if (entries.length === 0) return <p className="empty-state">{t('negotiation.ledger.empty')}</p>;
  return (
    <>
      <ArticleCostComparison clauseId={clauseId} suggestions={suggestions.positions} />
      {current.length > 0 && (
        <ul className="article-ledger" data-testid="suggestion-positions">
          {current.map((position) => (
            <SuggestionPositionEntry key={position.side} position={position} />
          ))}
        </ul>
      )}
      <ol className="article-ledger" data-testid="article-ledger">
        {entries.map((entry, index) =>
          'position' in entry ? (
            <PositionEntry key={entry.position.id} position={entry.position} />
          ) : 'suggestion' in entry ? (
            <SuggestionEntry
              key={`${entry.suggestion.record.id}-${entry.isDecision ? 'decided' : 'made'}`}
              entry={entry.suggestion}
              isDecision={entry.isDecision}
            />
          ) : (
            <EventEntry key={`event-${index}`} event={entry.event} />
          ),
        )}
      </ol>
    </>
  );
}

export function LedgerDialog({
  clauseId,
  status,
  suggestions,
  onClose,
}: {
  clauseId: string;
  status: ArticleNegotiation | undefined;
  suggestions: LedgerSuggestions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  return (
    <NegotiationDialog title={t('negotiation.ledger.title', { article: view.articleLabel(clauseId) })} onClose={onClose} wide testId="ledger-dialog">
      <ArticleLedger clauseId={clauseId} status={status} suggestions={suggestions} />
      <div className="row modal-actions">
        <button type="button" onClick={onClose} data-autofocus>
          {t('negotiation.ledger.close')}
        </button>
      </div>
    </NegotiationDialog>
  );
}
