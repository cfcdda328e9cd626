import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { variableValueSchema } from '#shared/templates/schema';
import {
  articleEventTypes,
  articleNegotiationSchema,
  articleStatuses,
  commentBodySchema,
  draftProposalSchema,
  proposalKinds,
  proposalStatuses,
  valueChangesSchema,
  type ProposalKind,
  proposalSchema,
  proposedArticleSchema,
  rationaleSchema,
  reasonSchema,
  threadSchema,
} from '#shared/negotiation/model';
import { phraseAnchorInputSchema } from '#shared/negotiation/phraseAnchor';
import { formatChangeSchema, suggestedBlockSchema } from '#shared/negotiation/suggestions';
import { freeTextSchema } from '#shared/text/textSchemas';
import { publishedCostSchema } from '#shared/costing/bargainingScenario';

const clauseIdSchema = z.string().min(1).max(64);
const idSchema = z.string().min(1).max(64);
const mentionsSchema = z.array(idSchema).max(50).default([]);

/** What a position offers for one article: its kind, the proposed article and/or new values. */
const positionFields = {
  clauseId: clauseIdSchema,
  kind: z.enum(proposalKinds),
  /** The proposed article, for replace and insert_after. */
  article: proposedArticleSchema.optional(),
  /** New values of variables (those the article shows, or any of the document's). */
  values: valueChangesSchema.optional(),
};

/** What each kind of position must carry. */
function checkPosition(
  position: { kind: ProposalKind; article?: unknown; values?: Record<string, unknown> },
  context: z.RefinementCtx,
  path: (string | number)[] = [],
): void {
  if ((position.kind === 'replace' || position.kind === 'insert_after') && position.article === undefined) {
    context.addIssue({ code: 'custom', message: 'replace and insert_after proposals carry the proposed article', path: [...path, 'article'] });
  }
  if (position.kind === 'values' && Object.keys(position.values ?? {}).length === 0) {
    context.addIssue({ code: 'custom', message: 'a values proposal offers at least one value', path: [...path, 'values'] });
  }
}

export const createProposalInput = z
  .object({
    documentId: documentIdSchema,
    ...positionFields,
    rationale: rationaleSchema,
    /** The caller's draft this proposal puts on the table (the draft is then gone). */
    fromDraftId: idSchema.optional(),
  })
  .superRefine((input, context) => checkPosition(input, context));

const positionSchema = z.object(positionFields).superRefine((position, context) => checkPosition(position, context));

/** A package: positions on several articles, accepted, rejected or withdrawn as a whole. */
export const createPackageInput = z
  .object({
    documentId: documentIdSchema,
    rationale: rationaleSchema,
    items: z.array(positionSchema).min(2, 'a package covers at least two articles').max(100),
  })
  .superRefine((input, context) => {
    const clauseIds = input.items.map((item) => item.clauseId);
    if (new Set(clauseIds).size !== clauseIds.length)
      context.addIssue({ code: 'custom', message: 'a package holds one position per article', path: ['items'] });
  });

export const proposalRefInput = z.object({ documentId: documentIdSchema, proposalId: idSchema });

export const rejectProposalInput = proposalRefInput.extend({ reason: reasonSchema });

/**
 * A counter-position answers an open position of the other side (the whole package when it is
 * one). Without `items` it answers on the same article; with them, it is a package of its own.
 */
export const counterProposalInput = proposalRefInput
  .extend({
    rationale: rationaleSchema,
    kind: z.enum(proposalKinds).optional(),
    article: proposedArticleSchema.optional(),
    values: valueChangesSchema.optional(),
    items: z.array(positionSchema).min(1).max(100).optional(),
  })
  .superRefine((input, context) => {
    if (input.kind) checkPosition({ kind: input.kind, article: input.article, values: input.values }, context);
  });

export const articleRefInput = z.object({ documentId: documentIdSchema, clauseId: clauseIdSchema });

/** One side asks to reopen an agreed article, saying why; the other side answers. */
export const requestReopenInput = articleRefInput.extend({ reason: reasonSchema });

export const answerReopenInput = articleRefInput.extend({ accept: z.boolean(), reason: reasonSchema.optional() });

export const draftRefInput = z.object({ documentId: documentIdSchema, draftId: idSchema });

export const disputeArticleInput = articleRefInput.extend({
  /** The side's position on the article, as the minutes will record it. */
  position: freeTextSchema({ max: 10_000 }).optional(),
});

export const createThreadInput = z.object({
  documentId: documentIdSchema,
  clauseId: clauseIdSchema,
  body: commentBodySchema,
  /** Seen by the author's side only (employers and unions confer privately). */
  internal: z.boolean().default(false),
  mentions: mentionsSchema,
  /** The phrase of the article the comment is on (without it, the whole article). */
  anchor: phraseAnchorInputSchema.optional(),
});

export const replyThreadInput = z.object({ documentId: documentIdSchema, threadId: idSchema, body: commentBodySchema, mentions: mentionsSchema });

export const threadRefInput = z.object({ documentId: documentIdSchema, threadId: idSchema });

export const documentNegotiationInput = z.object({ documentId: documentIdSchema });

/** Comments the caller has opened, among those that mention them. */
export const markMentionsReadInput = z.object({ documentId: documentIdSchema, commentIds: z.array(idSchema).min(1).max(200) });

export const reviewerCommentsInput = z.object({ documentId: documentIdSchema, allowed: z.boolean() });

/** A decided position, without the article it proposed and the text it was made on (`proposals/get` has them). */
export const positionSummarySchema = proposalSchema.omit({ article: true, baseText: true });

const suggestionPositionSchema = z.object({
  clauseId: z.string(),
  side: z.enum(['employer', 'union']),
  authorNames: z.array(z.string()),
  latestAt: z.iso.datetime(),
  ids: z.array(z.string()),
  /** What its suggested values set and the values they change, as a proposal's `values` and `previousValues`. */
  values: valueChangesSchema,
  previousValues: valueChangesSchema,
});

export const negotiationStateSchema = z.object({
  /** The open positions, in full. */
  proposals: z.array(proposalSchema),
  /** Every decided position (accepted, rejected, withdrawn, superseded), in short. */
  decided: z.array(positionSummarySchema),
  articles: z.array(articleNegotiationSchema),
  /** Public threads, and the caller's side's internal ones. */
  threads: z.array(threadSchema),
  /** The caller's own draft positions (nobody else's). */
  drafts: z.array(draftProposalSchema),
  reviewerCommentsAllowed: z.boolean(),
  /** The comments mentioning the caller that they have opened (the others are their unread mentions). */
  mentionsRead: z.array(z.string()),
  /** Each side's pending suggestions on an article: its current position there (decision 0029). */
  suggestionPositions: z.array(suggestionPositionSchema),
  /**
   * The articles whose status reads otherwise than `articles` records: agreed, but held open by
   * pending suggestions (`reopenedBySuggestion`: whose) until every one of them is decided.
   */
  shownStatuses: z.array(z.object({ clauseId: z.string(), status: z.enum(articleStatuses), reopenedBySuggestion: z.array(z.enum(['employer', 'union'])) })),
});

export type NegotiationState = z.infer<typeof negotiationStateSchema>;

export { articleNegotiationSchema, proposalSchema, threadSchema };

export const minutesInput = z.object({
  documentId: documentIdSchema,
  /** The start of the bargaining session: proposals accepted since then are listed (default: 00:00 today in Vietnam). */
  since: z.iso.datetime().optional(),
});

const minutesArticle = z.object({ clauseId: z.string(), number: z.number().int(), title: z.string() });
const positionsSchema = z.object({ employer: z.string().optional(), union: z.string().optional() });

/** What a suggestion inserts and deletes, the formatting it changes or its blocks, as the minutes tell it (decisions 0029, 0028, 0027). */
const suggestedTextSchema = z.object({
  inserted: z.string(),
  deleted: z.string(),
  format: formatChangeSchema.optional(),
  blocks: z.array(suggestedBlockSchema).optional(),
});

export const minutesSchema = z.object({
  documentTitle: z.string(),
  date: z.iso.datetime(),
  sessionSince: z.iso.datetime(),
  participants: z.object({ employer: z.array(z.string()), union: z.array(z.string()) }),
  agreed: z.array(minutesArticle),
  disputed: z.array(minutesArticle.extend({ positions: positionsSchema })),
  /** Articles the union left out of the agreement: not agreed (Labour Code Art. 71). */
  notAgreed: z.array(
    minutesArticle.extend({ positions: positionsSchema, leftOutOn: z.string(), leftOutBy: z.string().nullable(), reason: z.string().optional() }),
  ),
  accepted: z.array(
    minutesArticle.extend({
      proposalId: z.string(),
      kind: z.enum(proposalKinds),
      proposedBy: z.enum(['employer', 'union']),
      proposedByName: z.string(),
      acceptedByName: z.string(),
      acceptedAt: z.string(),
      rationale: z.string(),
    }),
  ),
  /** The union put the draft to the vote with these articles neither agreed nor left out, for this reason. */
  override: z.object({ reason: z.string(), byName: z.string().nullable(), articles: z.array(minutesArticle) }).nullable(),
  openCount: z.number().int(),
  /** Per article negotiated during the session: each position and step in order, and where it stands. */
  ledger: z.array(
    minutesArticle.extend({
      standing: z.enum(['agreed', 'disputed', 'open', 'left_out', 'removed']),
      entries: z.array(
        z.object({
          at: z.string(),
          side: z.enum(['employer', 'union']),
          byName: z.string(),
          step: z.union([
            z.object({ position: z.enum(proposalKinds) }),
            z.object({ suggestion: suggestedTextSchema }),
            z.object({
              suggestionDecision: suggestedTextSchema.extend({
                status: z.enum(['accepted', 'rejected', 'withdrawn']),
                authorName: z.string(),
                authorSide: z.enum(['employer', 'union']),
              }),
            }),
            z.object({ event: z.enum(articleEventTypes) }),
          ]),
          note: z.string().nullable(),
          values: z.array(z.object({ variableId: z.string(), from: variableValueSchema.nullable(), to: variableValueSchema })),
          outcome: z.object({ status: z.enum(proposalStatuses), byName: z.string().nullable() }).nullable(),
        }),
      ),
    }),
  ),
  /** The costing scenarios a side published during the session, with their figures then (decision 0023). */
  costings: z.array(
    z.object({
      name: z.string(),
      side: z.enum(['employer', 'union']),
      byName: z.string(),
      at: z.iso.datetime(),
      article: minutesArticle.nullable(),
      cost: publishedCostSchema,
    }),
  ),
});

const thread = threadSchema;
const proposal = proposalSchema;
const article = articleNegotiationSchema;

/** The negotiation methods of the API contract (see contract.ts). */
export const negotiationMethods = {
  'negotiation/state': { access: 'signedIn', input: documentNegotiationInput, output: negotiationStateSchema },
  'negotiation/minutes': { access: 'signedIn', input: minutesInput, output: minutesSchema },
  'negotiation/setReviewerComments': { access: 'admin', input: reviewerCommentsInput, output: z.object({ allowed: z.boolean() }) },
  'proposals/get': { access: 'signedIn', input: proposalRefInput, output: proposal },
  'proposals/create': { access: 'signedIn', input: createProposalInput, output: proposal },
  'proposals/createPackage': { access: 'signedIn', input: createPackageInput, output: z.array(proposal) },
  'proposals/accept': { access: 'signedIn', input: proposalRefInput, output: proposal },
  'proposals/reject': { access: 'signedIn', input: rejectProposalInput, output: proposal },
  'proposals/counter': { access: 'signedIn', input: counterProposalInput, output: proposal },
  'proposals/withdraw': { access: 'signedIn', input: proposalRefInput, output: proposal },
  'articles/agree': { access: 'signedIn', input: articleRefInput, output: article },
  'articles/dispute': { access: 'signedIn', input: disputeArticleInput, output: article },
  'articles/reopen': { access: 'signedIn', input: articleRefInput, output: article },
  'articles/requestReopen': { access: 'signedIn', input: requestReopenInput, output: article },
  'articles/answerReopen': { access: 'signedIn', input: answerReopenInput, output: article },
  'drafts/discard': { access: 'signedIn', input: draftRefInput, output: z.object({ discarded: z.boolean() }) },
  'threads/create': { access: 'signedIn', input: createThreadInput, output: thread },
  'threads/reply': { access: 'signedIn', input: replyThreadInput, output: thread },
  'threads/resolve': { access: 'signedIn', input: threadRefInput, output: thread },
  'threads/reopen': { access: 'signedIn', input: threadRefInput, output: thread },
  'mentions/markRead': { access: 'signedIn', input: markMentionsReadInput, output: z.object({ mentionsRead: z.array(z.string()) }) },
} as const;
