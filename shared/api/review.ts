import { z } from 'zod';
import { documentIdSchema, documentMetaSchema } from '#shared/api/documents';
import { lifecycleViewSchema } from '#shared/api/lifecycle';
import { participantSchema } from '#shared/api/participants';
import { bilingualSchema, legalCitationSchema } from '#shared/templates/schema';
import { authorityAnswerSchema, isoDateSchema, reviewDecisions } from '#shared/lifecycle/model';
import { freeTextSchema } from '#shared/text/textSchemas';

/** A finding the reviewer writes on an article: what is wrong, and optionally the rule it breaks. */
export const reviewFindingSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  /** The round it was written on (an amendment opens the next one). */
  round: z.number().int(),
  clauseId: z.string(),
  ruleId: z.string().nullable(),
  /** The rule by its title and provision (what people read; `ruleId` is for programs). */
  rule: bilingualSchema.nullable(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
});

export type ReviewFinding = z.infer<typeof reviewFindingSchema>;

export const checklistItemSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'problem', 'pending', 'info']),
  citation: legalCitationSchema,
  message: z.object({ vi: z.string(), en: z.string() }),
});

/**
 * Labour regulations sent for registration: the last day to ask for amendments (Art. 119(3)) with
 * the working days left, or why the calendar cannot count them (a year whose holidays are unknown).
 */
const answerDeadlineSchema = z.union([z.object({ due: isoDateSchema, workingDaysLeft: z.number().int() }), z.object({ reason: bilingualSchema })]).nullable();

/** The review of a document as the reviewer and both parties see it. */
export const reviewViewSchema = z.object({
  lifecycle: lifecycleViewSchema,
  checklist: z.array(checklistItemSchema),
  /** Findings not withdrawn, of every round, oldest first. */
  findings: z.array(reviewFindingSchema),
  /** The latest answer of the authority and the round it answered; null before any. */
  decision: z.object({ round: z.number().int(), answer: authorityAnswerSchema }).nullable(),
  answerDeadline: answerDeadlineSchema,
  /** Whether the caller may add findings and decide (a reviewer of the document, once it was sent). */
  canReview: z.boolean(),
});

export type ReviewView = z.infer<typeof reviewViewSchema>;

export const reviewQueueItemSchema = z.object({
  document: documentMetaSchema,
  round: z.number().int(),
  sentOn: isoDateSchema,
  answerDeadline: answerDeadlineSchema,
  decision: z.enum(reviewDecisions).nullable(),
  findings: z.number().int(),
});

export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

const ref = z.object({ documentId: documentIdSchema });

export const addFindingInput = z.object({
  documentId: documentIdSchema,
  clauseId: z.string().min(1).max(64),
  body: freeTextSchema({ max: 10_000, empty: 'write what the finding is' }),
  ruleId: z.string().trim().min(1).max(80).optional(),
});

export const withdrawFindingInput = z.object({ documentId: documentIdSchema, findingId: z.string().min(1).max(64) });

export const decideInput = z.object({
  documentId: documentIdSchema,
  decision: z.enum(reviewDecisions),
  /** The reasoned list (one reason a line); the findings of the round are part of it. */
  reasons: z
    .array(freeTextSchema({ max: 5_000, empty: 'a reason must not be empty' }))
    .max(100)
    .default([]),
});

/** The seat an authority's reviewer reviews a document as: a reviewer participant of it, their own token standing for it. */
export const reviewSeatSchema = z.object({ participant: participantSchema, document: documentMetaSchema });

export type ReviewSeat = z.infer<typeof reviewSeatSchema>;

/** The review methods of the API contract (see contract.ts). */
export const reviewMethods = {
  'review/queue': { access: 'signedIn', input: z.object({}), output: z.array(reviewQueueItemSchema) },
  /** An authority's reviewer opens a document sent to their authority: their seat on it, made the first time. */
  'review/open': { access: 'signedIn', input: ref, output: reviewSeatSchema },
  'review/get': { access: 'signedIn', input: ref, output: reviewViewSchema },
  'review/addFinding': { access: 'signedIn', input: addFindingInput, output: reviewFindingSchema },
  'review/withdrawFinding': { access: 'signedIn', input: withdrawFindingInput, output: reviewFindingSchema },
  'review/decide': { access: 'signedIn', input: decideInput, output: reviewViewSchema },
} as const;
