import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { documentKinds } from '#shared/documents/kinds';
import { lifecycleStates } from '#shared/documents/lifecycleStates';
import { bilingualSchema, legalCitationSchema } from '#shared/templates/schema';
import { deadlineIds } from '#shared/lifecycle/deadlines';
import {
  eventActorSchema,
  eventFactsSchema,
  isoDateSchema,
  leftOutArticleSchema,
  lifecycleStepSchema,
  openViolationSchema,
  roundFactsSchema,
} from '#shared/lifecycle/model';

const stepTypes = [
  'request_bargaining',
  'record_bargaining_dates',
  'leave_out_article',
  'withdraw_leave_out',
  'open_vote',
  'return_to_bargaining',
  'record_vote',
  'sign',
  'send_to_authority',
  'open_amendment',
  'start_consultation',
  'record_union_opinion',
  'issue',
  'send_registration',
  'record_authority_answer',
  'record_scale_consultation',
  'publish_salary_scale',
] as const;

const countedDeadlineSchema = z.object({
  id: z.enum(deadlineIds),
  citation: legalCitationSchema,
  due: isoDateSchema,
  unit: z.enum(['days', 'working_days']),
  left: z.number().int(),
  status: z.enum(['open', 'met', 'missed', 'date']),
  doneOn: isoDateSchema.optional(),
});

/** A time limit over a year whose public holidays the calendar does not know: no date, the reason instead. */
const uncountedDeadlineSchema = z.object({
  id: z.enum(deadlineIds),
  citation: legalCitationSchema,
  unit: z.enum(['days', 'working_days']),
  status: z.literal('uncounted'),
  reason: bilingualSchema,
  doneOn: isoDateSchema.optional(),
});

export const deadlineSchema = z.union([countedDeadlineSchema, uncountedDeadlineSchema]);

export const lifecycleEventViewSchema = z.object({
  id: z.number().int(),
  round: z.number().int(),
  from: z.enum(lifecycleStates),
  to: z.enum(lifecycleStates),
  facts: eventFactsSchema,
  actor: eventActorSchema,
  at: z.iso.datetime(),
});

/** A document's lifecycle as everyone sees it: the state today, the rounds, the deadlines with days left. */
export const lifecycleViewSchema = z.object({
  documentId: z.string(),
  kind: z.enum(documentKinds),
  round: z.number().int(),
  /** The state today (the calendar moves a signed agreement into force, to expiring, to expired). */
  state: z.enum(lifecycleStates),
  /** Whether the sync server refuses edits of the text. */
  frozen: z.boolean(),
  /** Today in Vietnam, as the server counts it. */
  today: isoDateSchema,
  current: roundFactsSchema,
  previous: z.array(roundFactsSchema),
  deadlines: z.array(deadlineSchema),
  /** The open task due soonest, else the nearest date to come (what the header shows). */
  nextDeadline: deadlineSchema.nullable(),
  /** Whether the round has been sent to the authority (the agreement, or the registration dossier). */
  sentToAuthority: z.boolean(),
  /** The steps the caller's side could take now (their facts are checked when taken). */
  openSteps: z.array(z.enum(stepTypes)),
  events: z.array(lifecycleEventViewSchema),
});

export type LifecycleView = z.infer<typeof lifecycleViewSchema>;
export type DeadlineView = z.infer<typeof deadlineSchema>;

export const lifecycleRefInput = z.object({ documentId: documentIdSchema });

export const lifecycleStepInput = z.object({ documentId: documentIdSchema, step: lifecycleStepSchema });

const textSchema = z.object({ vi: z.string(), en: z.string() });

/** A finding of the compliance check (shared/compliance/types.ts). */
export const complianceFindingSchema = z.object({
  ruleId: z.string(),
  rule: textSchema,
  severity: z.enum(['violation', 'warning', 'information']),
  message: textSchema,
  citation: legalCitationSchema,
  source: textSchema.optional(),
  clauseId: z.string().optional(),
  clauseIds: z.array(z.string()).optional(),
  variableId: z.string().optional(),
  expected: textSchema,
  actual: textSchema.optional(),
});

export const complianceReportSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  findings: z.array(complianceFindingSchema),
  counts: z.object({ violation: z.number().int(), warning: z.number().int(), information: z.number().int() }),
  /** The law applied: its date, where the date came from, the minimum-wage table in force. */
  basis: z.object({
    legalDate: isoDateSchema,
    legalDateSource: z.string(),
    region: z.string().optional(),
    minimumWage: textSchema.optional(),
    publicHolidayDays: z.number().int(),
  }),
  /** The articles, to name the one each finding concerns. */
  articles: z.array(z.object({ clauseId: z.string(), number: z.number().int(), title: z.string() })),
  checkedOn: isoDateSchema,
});

export type ComplianceReport = z.infer<typeof complianceReportSchema>;

/**
 * What is still open before a draft agreement goes to the vote (Art. 71, 76): the articles not
 * agreed, each with the union's leave-out if any, and the violations of the law the compliance
 * check finds, named by their rules' titles.
 */
export const openItemsSchema = z.object({
  documentId: z.string(),
  articleCount: z.number().int(),
  agreedCount: z.number().int(),
  /** The articles not agreed by both sides on their text as it is now, in document order. */
  notAgreed: z.array(
    z.object({
      clauseId: z.string(),
      number: z.number().int(),
      title: z.string(),
      status: z.enum(['open', 'disputed']),
      leftOut: leftOutArticleSchema.nullable(),
    }),
  ),
  /** How many of them are neither agreed nor left out: the vote waits for them, or for the union's written reason. */
  blockingCount: z.number().int(),
  violations: z.array(openViolationSchema),
});

export type OpenItems = z.infer<typeof openItemsSchema>;

/** The lifecycle methods of the API contract (see contract.ts). */
export const lifecycleMethods = {
  'lifecycle/get': { access: 'signedIn', input: lifecycleRefInput, output: lifecycleViewSchema },
  'lifecycle/step': { access: 'signedIn', input: lifecycleStepInput, output: lifecycleViewSchema },
  'lifecycle/openItems': { access: 'signedIn', input: lifecycleRefInput, output: openItemsSchema },
  'compliance/report': { access: 'signedIn', input: lifecycleRefInput, output: complianceReportSchema },
} as const;
