import type * as Y from 'yjs';
import {
  articleNegotiationSchema,
  articleStatusRootName,
  openArticle,
  proposalSchema,
  proposalsRootName,
  threadSchema,
  threadsRootName,
  type ArticleNegotiation,
  type Proposal,
  type Thread,
} from '#shared/negotiation/model';

/** A stored record as its schema reads it, or undefined when it does not hold. */
function parsed<T>(schema: { safeParse: (value: unknown) => { success: boolean; data?: T } }, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * The negotiation parts of a shared document, which only the server writes: proposals, article
 * statuses and public threads, each a Y.Map of plain records keyed by id.
 */
export function negotiationMaps(doc: Y.Doc) {
  const proposals = doc.getMap<unknown>(proposalsRootName);
  const articles = doc.getMap<unknown>(articleStatusRootName);
  const threads = doc.getMap<unknown>(threadsRootName);
  return {
    proposal(id: string): Proposal | undefined {
      return parsed<Proposal>(proposalSchema, proposals.get(id));
    },
    allProposals(): Proposal[] {
      return [...proposals.values()].flatMap((value) => parsed<Proposal>(proposalSchema, value) ?? []);
    },
    saveProposal(proposal: Proposal): void {
      proposals.set(proposal.id, proposal);
    },
    article(clauseId: string): ArticleNegotiation {
      // Most articles have no record until someone proposes a change to them.
      const stored = articles.get(clauseId);
      return (stored !== undefined ? parsed<ArticleNegotiation>(articleNegotiationSchema, stored) : undefined) ?? openArticle(clauseId);
    },
    allArticles(): ArticleNegotiation[] {
      return [...articles.values()].flatMap((value) => parsed<ArticleNegotiation>(articleNegotiationSchema, value) ?? []);
    },
    saveArticle(status: ArticleNegotiation): void {
      articles.set(status.clauseId, status);
    },
    thread(id: string): Thread | undefined {
      return parsed<Thread>(threadSchema, threads.get(id));
    },
    allThreads(): Thread[] {
      return [...threads.values()].flatMap((value) => parsed<Thread>(threadSchema, value) ?? []);
    },
    saveThread(thread: Thread): void {
      threads.set(thread.id, thread);
    },
    /** Calls `listener` after any change to the negotiation parts. */
    observe(listener: () => void): void {
      for (const map of [proposals, articles, threads]) map.observe(listener);
    },
    unobserve(listener: () => void): void {
      for (const map of [proposals, articles, threads]) map.unobserve(listener);
    },
  };
}
