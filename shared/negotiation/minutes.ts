import { articlesOf } from '#shared/document/articles';
import { computeNumbering } from '#shared/document/numbering';
import { plainText, type TopLevelBlock } from '#shared/document/nodes';
import type { LeftOutArticle, RoundFacts } from '#shared/lifecycle/model';
import { openArticle, type ArticleNegotiation, type BargainingSide, type Proposal } from '#shared/negotiation/model';

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
  const statusOf = new Map(input.articles.map((status) => [status.clauseId, status]));
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
  const leftOut = new Map<string, LeftOutArticle>(input.round.leftOut.filter((article) => numbering.articles.has(article.clauseId) && statusOf.get(article.clauseId)?.status !== 'agreed').map((article) => [article.clauseId, article]));
  const agreed = byNumber(input.articles.filter((s) => s.status === 'agreed' && numbering.articles.has(s.clauseId)).map((s) => describe(s.clauseId)));
  const disputed = byNumber(input.articles.filter((s) => s.status === 'disputed' && numbering.articles.has(s.clauseId) && !leftOut.has(s.clauseId)).map((s) => ({ ...describe(s.clauseId), positions: positionsOf(s) })));
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
  const override = putToVote?.override ? { reason: putToVote.override.reason, byName: putToVote.override.byName, articles: byNumber(putToVote.notAgreed.filter((article) => !article.leftOut).map((article) => describe(article.clauseId, article.title))) } : null;
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
  return { documentTitle: input.documentTitle, date: input.now, sessionSince: input.since, participants: { employer: names('employer'), union: names('union') }, agreed, disputed, notAgreed, accepted, override, openCount };
}
