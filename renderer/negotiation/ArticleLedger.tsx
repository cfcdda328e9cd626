import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { ArticleEvent, ArticleNegotiation, Proposal } from '#shared/negotiation/model';
import { SideBadge } from '../components/SideBadge';
import { useLanguage } from '../i18n/i18n';
import { NegotiationDialog } from './NegotiationDialog';
import { useNegotiationView } from './negotiationView';
import { ArticleCostComparison } from './PositionCost';
import { PositionByline, PositionComparison, PositionOutcome } from './ProposalCard';

type LedgerEntry = { at: string; position: Proposal } | { at: string; event: ArticleEvent };

/** The positions on an article (a new article's too, once accepted) and its status events, in order. */
export function ledgerEntries(clauseId: string, proposals: readonly Proposal[], status: ArticleNegotiation | undefined): LedgerEntry[] {
  const positions: LedgerEntry[] = proposals
    .filter((proposal) => proposal.clauseId === clauseId || (proposal.kind === 'insert_after' && proposal.article?.clauseId === clauseId))
    .map((position) => ({ at: position.createdAt, position }));
  const events: LedgerEntry[] = (status?.history ?? []).map((event) => ({ at: event.at, event }));
  // A stable sort: at the same moment, a position comes before what was done about it.
  return [...positions, ...events].sort((a, b) => a.at.localeCompare(b.at));
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
 * The ledger of an article: every position on it in order (side, person, time in Vietnam, the
 * text and values offered, redlined against what it answers or the text it was made on, the
 * rationale, how it ended), and the article's own steps: agreed, disputed with a position, asked
 * to reopen, declined, reopened. Its wage positions' costs are compared first.
 */
export function ArticleLedger({ clauseId, status }: { clauseId: string; status: ArticleNegotiation | undefined }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const entries = ledgerEntries(clauseId, view.proposals, status);
  if (entries.length === 0) return <p className="empty-state">{t('negotiation.ledger.empty')}</p>;
  return (
    <>
      <ArticleCostComparison clauseId={clauseId} />
      <ol className="article-ledger" data-testid="article-ledger">
        {entries.map((entry, index) =>
          'position' in entry ? <PositionEntry key={entry.position.id} position={entry.position} /> : <EventEntry key={`event-${index}`} event={entry.event} />,
        )}
      </ol>
    </>
  );
}

export function LedgerDialog({ clauseId, status, onClose }: { clauseId: string; status: ArticleNegotiation | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  return (
    <NegotiationDialog title={t('negotiation.ledger.title', { article: view.articleLabel(clauseId) })} onClose={onClose} wide testId="ledger-dialog">
      <ArticleLedger clauseId={clauseId} status={status} />
      <div className="row modal-actions">
        <button type="button" onClick={onClose} data-autofocus>
          {t('negotiation.ledger.close')}
        </button>
      </div>
    </NegotiationDialog>
  );
}
