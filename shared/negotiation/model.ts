import { z } from 'zod';
import { documentBodySchema } from '#shared/document/nodeSchema';
import type { ArticleElement } from '#shared/document/nodes';
import { variableValueSchema } from '#shared/templates/schema';
import { freeTextSchema } from '#shared/text/textSchemas';

/** Who bargains: the two sides of Labour Code Art. 65; reviewers read (and may comment when allowed). */
export const bargainingSides = ['employer', 'union'] as const;
export type BargainingSide = (typeof bargainingSides)[number];

/**
 * What a position proposes for its article: a new text (replace), a new article after it
 * (insert_after), its removal (delete), or new values of variables it shows (values). A replace
 * or insert_after may change values too.
 */
export const proposalKinds = ['replace', 'insert_after', 'delete', 'values'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/** New values of variables, by variable id, as a position offers them. */
export const valueChangesSchema = z.record(z.string().min(1).max(80), variableValueSchema);
export type ValueChanges = z.infer<typeof valueChangesSchema>;

export const proposalStatuses = ['open', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A proposed article (title and body), validated like any body received from outside. A text that
 * breaks a rule of its own (a character no document can hold) is named by its place in the
 * article; any other failure means the value is not an article at all.
 */
export const proposedArticleSchema = z.unknown().transform((value, context): ArticleElement => {
  const parsed = documentBodySchema.safeParse([value]);
  const article = parsed.success ? parsed.data[0] : undefined;
  if (article?.type === 'article') return article;
  const textProblems = parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code === 'custom');
  if (textProblems.length > 0) {
    for (const issue of textProblems) context.addIssue({ code: 'custom', message: issue.message, path: issue.path.slice(1) });
  } else {
    context.addIssue({ code: 'custom', message: 'a proposed article has a title and body blocks (paragraphs, clauses, points, lists, tables)' });
  }
  return z.NEVER;
});

const at = z.iso.datetime();

/** An amendment proposal on one article, as kept in the document (everyone may read it). */
export const proposalSchema = z.object({
  id: z.string(),
  clauseId: z.string(),
  kind: z.enum(proposalKinds),
  side: z.enum(bargainingSides),
  authorId: z.string(),
  authorName: z.string(),
  rationale: z.string(),
  /** The proposed article for replace and insert_after. */
  article: z.custom<ArticleElement>().nullable(),
  /** The values the position offers, by variable id (any kind may carry some; values carries only these). */
  values: valueChangesSchema.default({}),
  /** Those variables' values when the position was made ("150% → 200%"). */
  previousValues: valueChangesSchema.default({}),
  /** The article's text when the proposal was made: a different current text makes it stale. */
  baseText: z.string(),
  status: z.enum(proposalStatuses),
  createdAt: at,
  /** The proposal this one answers (a counter-proposal). */
  answers: z.string().nullable(),
  supersededBy: z.string().nullable(),
  decidedAt: at.nullable(),
  decidedById: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** Why it was rejected. */
  reason: z.string().nullable(),
  /** The package it belongs to: the positions of one package are accepted, rejected or withdrawn together. */
  packageId: z.string().nullable().default(null),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** Negotiation status of an article: agreed only once both sides have marked it (tentative agreement). */
export const articleStatuses = ['open', 'agreed', 'disputed'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** One step in an article's negotiation besides proposals, kept in order for the ledger and the minutes. */
export const articleEventTypes = ['agreed', 'disputed', 'reopen_requested', 'reopen_declined', 'reopened', 'accepted'] as const;

export const articleEventSchema = z.object({
  type: z.enum(articleEventTypes),
  side: z.enum(bargainingSides),
  byName: z.string(),
  at,
  /** The side's position (disputed), the reason (reopen requested or declined), or the proposal accepted. */
  note: z.string().nullable(),
});
export type ArticleEvent = z.infer<typeof articleEventSchema>;

export const articleNegotiationSchema = z.object({
  clauseId: z.string(),
  status: z.enum(articleStatuses),
  employerAgreedAt: at.nullable(),
  unionAgreedAt: at.nullable(),
  /**
   * The text the marks were made on (null without marks): a mark counts only while the text is
   * the same, and editing an agreed article reopens it.
   */
  agreedText: z.string().nullable(),
  disputedAt: at.nullable(),
  /** Each side's last stated position on the article (for the bargaining minutes). */
  positions: z.object({ employer: z.string().optional(), union: z.string().optional() }),
  /**
   * Set when an agreed article was edited and therefore reopened: both sides are told who did it
   * (`byName` null: the host, who has no seat in the document, restored a version).
   */
  reopened: z.object({ at, byName: z.string().nullable() }).nullable(),
  /**
   * An agreed article stays agreed until both sides consent to reopen it: one side asks (with its
   * reason), the other accepts or declines.
   */
  reopenRequest: z
    .object({ side: z.enum(bargainingSides), byName: z.string(), at, reason: z.string() })
    .nullable()
    .default(null),
  /** Agreements, disputes, reopenings and acceptances, in order. */
  history: z.array(articleEventSchema).default([]),
});
export type ArticleNegotiation = z.infer<typeof articleNegotiationSchema>;

export const threadVisibilities = ['public', 'employer', 'union'] as const;
export type ThreadVisibility = (typeof threadVisibilities)[number];

export const threadCommentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  side: z.enum(['employer', 'union', 'reviewer']),
  body: z.string(),
  mentions: z.array(z.string()),
  createdAt: at,
});
export type ThreadComment = z.infer<typeof threadCommentSchema>;

/** A comment thread anchored to an article; internal threads are seen by one side only. */
export const threadSchema = z.object({
  id: z.string(),
  clauseId: z.string(),
  visibility: z.enum(threadVisibilities),
  comments: z.array(threadCommentSchema),
  createdAt: at,
  resolvedAt: at.nullable(),
  resolvedByName: z.string().nullable(),
});
export type Thread = z.infer<typeof threadSchema>;

/** Roots of the document that only the server writes (through the API). */
export const proposalsRootName = 'proposals';
export const articleStatusRootName = 'articleStatus';
export const threadsRootName = 'threads';

export const commentBodySchema = freeTextSchema({ max: 10_000, empty: 'a comment must not be empty', tooLong: 'a comment is at most 10,000 characters' });
export const rationaleSchema = freeTextSchema({ max: 10_000, empty: 'a proposal needs a rationale', tooLong: 'a rationale is at most 10,000 characters' });
export const reasonSchema = freeTextSchema({ max: 10_000, empty: 'say why', tooLong: 'at most 10,000 characters' });

/** A fresh negotiation status for an article nobody has marked yet. */
export function openArticle(clauseId: string): ArticleNegotiation {
  return {
    clauseId,
    status: 'open',
    employerAgreedAt: null,
    unionAgreedAt: null,
    agreedText: null,
    disputedAt: null,
    positions: {},
    reopened: null,
    reopenRequest: null,
    history: [],
  };
}

/**
 * A position a participant has not put on the table: kept for its author alone (never in the
 * shared document, like internal notes), until they propose it or discard it. A change typed into
 * an article that both sides had agreed meanwhile becomes one (origin `late_edit`), and so does a
 * workers' question from a dialogue when the agreement is not in bargaining (origin `dialogue`).
 */
export const draftProposalSchema = z.object({
  id: z.string(),
  clauseId: z.string(),
  kind: z.enum(proposalKinds),
  article: z.custom<ArticleElement>().nullable(),
  values: valueChangesSchema,
  origin: z.enum(['late_edit', 'dialogue']),
  createdAt: at,
});
export type DraftProposal = z.infer<typeof draftProposalSchema>;
