import { articlesOf } from '#shared/document/articles';
import { computeNumbering } from '#shared/document/numbering';
import { plainText, type TopLevelBlock } from '#shared/document/nodes';
import type { LeftOutArticle, RoundFacts } from '#shared/lifecycle/model';
import { openArticle, type ArticleEvent, type ArticleNegotiation, type BargainingSide, type Proposal, type ProposalKind } from '#shared/negotiation/model';
import type { BargainingScenario, PublishedCost } from '#shared/costing/bargainingScenario';
import { decidingSide, shownArticleStatus, type SuggestionHistoryEntry } from '#shared/negotiation/suggestionPositions';
import type { FormatChange, SuggestedBlock } from '#shared/negotiation/suggestions';
import type { VariableValue } from '#shared/templates/schema';

export interface MinutesArticle {
  clauseId: string;
  number: number;
  title: string;
}

export interface DisputedArticle extends MinutesArticle {
  /** Each side's last position: stated when disputing, else its last open proposal's rationale. */
  positions: Partial<Record<BargainingSide, string>>;
}

export interface AcceptedProposal extends MinutesArticle {
  proposalId: string;
  kind: Proposal['kind'];
  proposedBy: BargainingSide;
  proposedByName: string;
  acceptedByName: string;
  acceptedAt: string;
  rationale: string;
}

/** An article the union left out of the agreement: not agreed (Art. 71), with who left it out, when and why. */
export interface NotAgreedArticle extends DisputedArticle {
  leftOutOn: string;
  leftOutBy: string | null;
  reason?: string;
}

/** The draft went to the vote with articles neither agreed nor left out, for the union's written reason. */
export interface VoteOverride {
  reason: string;
  byName: string | null;
  articles: MinutesArticle[];
}

/** What a suggestion inserts and deletes (decision 0029), the formatting it changes (0028) or its blocks (0027). */
export interface SuggestedText {
  inserted: string;
  deleted: string;
  format?: FormatChange;
  blocks?: SuggestedBlock[];
}

/** A decision on a suggestion: what became of it, and whose it was. */
export interface SuggestionDecisionStep extends SuggestedText {
  status: 'accepted' | 'rejected' | 'withdrawn';
  authorName: string;
  authorSide: BargainingSide;
}

/**
 * One step in an article's negotiation during the session: a position offered, a suggestion made
 * in the text or decided, or an agreement, a dispute, a reopening.
 */
export interface LedgerEntry {
  at: string;
  side: BargainingSide;
  byName: string;
  /** A position (its kind), a suggestion (its text), a decision on one, or an event of the article (its type). */
  step: { position: ProposalKind } | { suggestion: SuggestedText } | { suggestionDecision: SuggestionDecisionStep } | { event: ArticleEvent['type'] };
  /** The position's rationale, or the event's note (the disputing side's position, a reason). */
  note: string | null;
  /** The values a position offered, with those they would replace. */
  values: { variableId: string; from: VariableValue | null; to: VariableValue }[];
  /** How a position ended (open while it is on the table), and who decided it. */
  outcome: { status: Proposal['status']; byName: string | null } | null;
}

/** An article negotiated during the session: every step in order, and where it stands now. */
export interface ArticleLedger extends MinutesArticle {
  standing: 'agreed' | 'disputed' | 'open' | 'left_out' | 'removed';
  entries: LedgerEntry[];
}

/** A costing scenario a side published into the negotiation during the session, with its figures then (decision 0023). */
export interface PublishedCosting {
  name: string;
  side: BargainingSide;
  byName: string;
  at: string;
  /** The article it is about, or null for the agreement as a whole. */
  article: MinutesArticle | null;
  cost: PublishedCost;
}

/**
 * The bargaining minutes (biên bản thương lượng, Labour Code Art. 70): who took part for each side,
 * the articles agreed, the articles still disputed with each side's last position, the articles
 * left out of the agreement as not agreed (Art. 71), the proposals accepted during the session, and
 * the union's reason if it put the draft to the vote with articles not agreed.
 */
export interface BargainingMinutes {
  documentTitle: string;
  date: string;
  sessionSince: string;
  participants: Record<BargainingSide, string[]>;
  agreed: MinutesArticle[];
  disputed: DisputedArticle[];
  notAgreed: NotAgreedArticle[];
  accepted: AcceptedProposal[];
  override: VoteOverride | null;
  openCount: number;
  /** Per article negotiated during the session, its positions and steps in order. */
  ledger: ArticleLedger[];
  /** The costing scenarios published during the session, in order. */
  costings: PublishedCosting[];
}

export interface MinutesInput {
  documentTitle: string;
  blocks: readonly TopLevelBlock[];
  proposals: readonly Proposal[];
  articles: readonly ArticleNegotiation[];
  participants: readonly { displayName: string; side: string }[];
  /** The lifecycle's round in progress: the articles left out, and the draft put to the vote. */
  round: Pick<RoundFacts, 'leftOut' | 'putToVote'>;
  /** Proposals accepted from this moment on belong to this session. */
  since: string;
  now: string;
  /** Both sides' published costing scenarios (those published since `since` are recorded). */
  publishedScenarios: readonly BargainingScenario[];
  /** Every suggestion made in an article, pending or decided (those made or decided since `since` are recorded). */
  suggestions: readonly SuggestionHistoryEntry[];
}

/** Builds the minutes from the current state of a document's negotiation. */
export function buildMinutes(input: MinutesInput): BargainingMinutes {
  const numbering = computeNumbering(input.blocks);
  const documentArticles = articlesOf(input.blocks);
  // An article no longer in the document (an accepted delete) has no number (0) and is named by
  // the title its proposal recorded.
  const describe = (clauseId: string, recordedTitle = ''): MinutesArticle => {
    const article = documentArticles.find((a) => a.clauseId === clauseId);
    return { clauseId, number: numbering.articles.get(clauseId) ?? 0, title: article?.children[0] ? plainText(article.children[0]) : recordedTitle };
  };
  const byNumber = <T extends MinutesArticle>(list: T[]): T[] => list.sort((a, b) => a.number - b.number);
  // An agreed article holding pending suggestions is open again until they are decided (decision 0029).
  const suggesting = new Map<string, BargainingSide[]>();
  for (const { record, clauseId } of input.suggestions)
    if (record.status === 'pending' && !suggesting.get(clauseId)?.includes(record.side))
      suggesting.set(clauseId, [...(suggesting.get(clauseId) ?? []), record.side]);
  const shown = input.articles.map((status) => ({ ...status, status: shownArticleStatus(status, suggesting.get(status.clauseId) ?? []).status }));
  const statusOf = new Map(shown.map((status) => [status.clauseId, status]));
  const lastOpenProposal = (clauseId: string, side: BargainingSide) =>
    input.proposals.filter((p) => p.clauseId === clauseId && p.side === side && p.status === 'open').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

  const positionsOf = (status: ArticleNegotiation): Partial<Record<BargainingSide, string>> => {
    const positions: Partial<Record<BargainingSide, string>> = {};
    for (const side of ['employer', 'union'] as const) {
      const position = status.positions[side] ?? lastOpenProposal(status.clauseId, side)?.rationale;
      if (position) positions[side] = position;
    }
    return positions;
  };
  // An article left out and still not agreed is listed as not agreed (Art. 71), not among the disputed or open ones.
  const leftOut = new Map<string, LeftOutArticle>(
    input.round.leftOut
      .filter((article) => numbering.articles.has(article.clauseId) && statusOf.get(article.clauseId)?.status !== 'agreed')
      .map((article) => [article.clauseId, article]),
  );
  const agreed = byNumber(shown.filter((s) => s.status === 'agreed' && numbering.articles.has(s.clauseId)).map((s) => describe(s.clauseId)));
  const disputed = byNumber(
    shown
      .filter((s) => s.status === 'disputed' && numbering.articles.has(s.clauseId) && !leftOut.has(s.clauseId))
      .map((s) => ({ ...describe(s.clauseId), positions: positionsOf(s) })),
  );
  const notAgreed = byNumber(
    [...leftOut.values()].map((article) => ({
      ...describe(article.clauseId, article.title),
      positions: positionsOf(statusOf.get(article.clauseId) ?? openArticle(article.clauseId)),
      leftOutOn: article.on,
      leftOutBy: article.byName,
      ...(article.reason ? { reason: article.reason } : {}),
    })),
  );
  const putToVote = input.round.putToVote;
  const override = putToVote?.override
    ? {
        reason: putToVote.override.reason,
        byName: putToVote.override.byName,
        articles: byNumber(putToVote.notAgreed.filter((article) => !article.leftOut).map((article) => describe(article.clauseId, article.title))),
      }
    : null;
  // Compared as instants: ISO strings of the same instant differ ("…T09:00:00Z", "…T09:00:00.000Z").
  const sessionStart = Date.parse(input.since);
  const accepted = byNumber(
    input.proposals
      .filter((p) => p.status === 'accepted' && p.decidedAt !== null && Date.parse(p.decidedAt) >= sessionStart)
      .map((p) => ({
        ...(p.kind === 'insert_after' && p.article
          ? describe(p.article.clauseId, p.article.children[0] ? plainText(p.article.children[0]) : '')
          : describe(p.clauseId, p.baseText.split('\n')[0])),
        proposalId: p.id,
        kind: p.kind,
        proposedBy: p.side,
        proposedByName: p.authorName,
        acceptedByName: p.decidedByName ?? '',
        acceptedAt: p.decidedAt ?? '',
        rationale: p.rationale,
      })),
  );
  const openCount = documentArticles.filter((a) => (statusOf.get(a.clauseId)?.status ?? 'open') === 'open' && !leftOut.has(a.clauseId)).length;
  const names = (side: BargainingSide) => input.participants.filter((p) => p.side === side).map((p) => p.displayName);
  const standingOf = (clauseId: string): ArticleLedger['standing'] =>
    !numbering.articles.has(clauseId) ? 'removed' : leftOut.has(clauseId) ? 'left_out' : (statusOf.get(clauseId)?.status ?? 'open');
  const ledger = byNumber(
    sessionLedger(input.proposals, input.articles, input.suggestions, sessionStart).map(([clauseId, entries]) => {
      const recordedTitle = input.proposals.find((p) => p.clauseId === clauseId)?.baseText.split('\n')[0] ?? '';
      return { ...describe(clauseId, recordedTitle), standing: standingOf(clauseId), entries };
    }),
  );
  return {
    documentTitle: input.documentTitle,
    date: input.now,
    sessionSince: input.since,
    participants: { employer: names('employer'), union: names('union') },
    agreed,
    disputed,
    notAgreed,
    accepted,
    override,
    openCount,
    ledger,
    costings: input.publishedScenarios.flatMap(({ name, side, clauseId, published }) =>
      published !== null && Date.parse(published.at) >= sessionStart
        ? [{ name, side, byName: published.byName, at: published.at, article: clauseId === null ? null : describe(clauseId), cost: published.cost }]
        : [],
    ),
  };
}

/** Each article's positions and events of the session (from `sessionStart` on), in time order. */
function sessionLedger(
  proposals: readonly Proposal[],
  articles: readonly ArticleNegotiation[],
  suggestions: readonly SuggestionHistoryEntry[],
  sessionStart: number,
): [string, LedgerEntry[]][] {
  const byArticle = new Map<string, LedgerEntry[]>();
  const add = (clauseId: string, entry: LedgerEntry): void => {
    byArticle.set(clauseId, [...(byArticle.get(clauseId) ?? []), entry]);
  };
  // At the same instant, a counter comes after the position it answers.
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const depth = (proposal: Proposal, seen = 0): number => {
    const answered = proposal.answers ? byId.get(proposal.answers) : undefined;
    return answered && seen < proposals.length ? depth(answered, seen + 1) + 1 : 0;
  };
  const ordered = [...proposals].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || depth(a) - depth(b));
  for (const proposal of ordered) {
    // A position made before the session belongs to it when it was decided during it.
    if (Date.parse(proposal.createdAt) < sessionStart && (proposal.decidedAt === null || Date.parse(proposal.decidedAt) < sessionStart)) continue;
    add(proposal.clauseId, {
      at: proposal.createdAt,
      side: proposal.side,
      byName: proposal.authorName,
      step: { position: proposal.kind },
      note: proposal.rationale || null,
      values: Object.entries(proposal.values).map(([variableId, to]) => ({ variableId, from: proposal.previousValues[variableId] ?? null, to })),
      outcome: { status: proposal.status, byName: proposal.decidedByName },
    });
  }
  // A suggestion is told like a position: made (with how it ended), and decided, each when it happened.
  for (const { record, clauseId, ...text } of suggestions) {
    const decidedAt = record.status === 'pending' ? null : record.decidedAt;
    const decidedInSession = decidedAt !== null && Date.parse(decidedAt) >= sessionStart;
    if (Date.parse(record.createdAt) < sessionStart && !decidedInSession) continue;
    add(clauseId, {
      at: record.createdAt,
      side: record.side,
      byName: record.authorName,
      step: { suggestion: text },
      note: null,
      values: record.value ? [record.value] : [],
      outcome: { status: record.status === 'pending' ? 'open' : record.status, byName: record.decidedByName },
    });
    if (decidedAt === null || record.status === 'pending' || !decidedInSession) continue;
    add(clauseId, {
      at: decidedAt,
      side: decidingSide(record),
      byName: record.decidedByName ?? '',
      step: { suggestionDecision: { status: record.status, authorName: record.authorName, authorSide: record.side, ...text } },
      note: null,
      values: record.value ? [record.value] : [],
      outcome: null,
    });
  }
  for (const article of articles) {
    for (const event of article.history) {
      if (Date.parse(event.at) < sessionStart) continue;
      // An acceptance is told by the position it accepted.
      if (event.type === 'accepted') continue;
      add(article.clauseId, { at: event.at, side: event.side, byName: event.byName, step: { event: event.type }, note: event.note, values: [], outcome: null });
    }
  }
  return [...byArticle].map(([clauseId, entries]) => [clauseId, entries.sort((a, b) => a.at.localeCompare(b.at))]);
}
