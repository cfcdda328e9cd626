import { articlesOf } from '#shared/document/articles';
import { computeNumbering } from '#shared/document/numbering';
import { plainText, type TopLevelBlock } from '#shared/document/nodes';
import type { ArticleNegotiation, BargainingSide, Proposal } from '#shared/negotiation/model';

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

/**
 * The bargaining minutes (biên bản thương lượng, Labour Code Art. 70): who took part for each side,
 * the articles agreed, the articles still disputed with each side's last position, and the
 * proposals accepted during the session.
 */
export interface BargainingMinutes {
  documentTitle: string;
  date: string;
  sessionSince: string;
  participants: Record<BargainingSide, string[]>;
  agreed: MinutesArticle[];
  disputed: DisputedArticle[];
  accepted: AcceptedProposal[];
  openCount: number;
}

export interface MinutesInput {
  documentTitle: string;
  blocks: readonly TopLevelBlock[];
  proposals: readonly Proposal[];
  articles: readonly ArticleNegotiation[];
  participants: readonly { displayName: string; side: string }[];
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

  const agreed = byNumber(input.articles.filter((s) => s.status === 'agreed' && numbering.articles.has(s.clauseId)).map((s) => describe(s.clauseId)));
  const disputed = byNumber(
    input.articles
      .filter((s) => s.status === 'disputed' && numbering.articles.has(s.clauseId))
      .map((s) => {
        const positions: Partial<Record<BargainingSide, string>> = {};
        for (const side of ['employer', 'union'] as const) {
          const position = s.positions[side] ?? lastOpenProposal(s.clauseId, side)?.rationale;
          if (position) positions[side] = position;
        }
        return { ...describe(s.clauseId), positions };
      }),
  );
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
  const openCount = documentArticles.filter((a) => (statusOf.get(a.clauseId)?.status ?? 'open') === 'open').length;
  const names = (side: BargainingSide) => input.participants.filter((p) => p.side === side).map((p) => p.displayName);
  return { documentTitle: input.documentTitle, date: input.now, sessionSince: input.since, participants: { employer: names('employer'), union: names('union') }, agreed, disputed, accepted, openCount };
}
