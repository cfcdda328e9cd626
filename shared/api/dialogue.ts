import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { bilingualSchema, legalCitationSchema } from '#shared/templates/schema';
import { isoDateSchema } from '#shared/lifecycle/model';
import {
  agendaItemInput,
  commitmentSchema,
  dialogueKinds,
  dialogueParticipantInput,
  dialogueSchema,
  dialogueSideSchema,
  dialogueStates,
  enterpriseInput,
  meetingInput,
  ownerSchema,
  specificMatters,
  submissionSchema,
  submissionStatuses,
  submissionTextSchema,
  topicSchema,
} from '#shared/dialogue/model';
import { freeTextSchema, singleLineNameSchema } from '#shared/text/textSchemas';
import { isWorkplaceDialogue } from '#shared/dialogue/composition';

/**
 * The dialogue methods of the API contract (decision 0022). Every method naming a dialogue passes
 * the workspace gate (main/kernel/callScope.ts); the server decides what each side may do: the
 * employer side (and the workspace's host) organises and answers, the worker side submits,
 * requests and signs for itself, a reviewer reads. Two public methods need no account: submitting
 * through a dialogue's code, and reading what it published.
 */

const idSchema = z.string().min(1).max(64);
export const dialogueIdSchema = idSchema;

const dialogueRef = z.object({ dialogueId: dialogueIdSchema });

/** A dialogue's public code: what its submission link and its public page carry. */
export const dialogueCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z -]{10,16}$/, 'a dialogue code is 10 letters and digits, as on the notice');

export const createDialogueInput = z
  .object({
    kind: z.enum(dialogueKinds).exclude(['on_request']),
    matter: z.enum(specificMatters).nullable().default(null),
    title: singleLineNameSchema({ max: 300, empty: 'the title must not be empty' }),
    enterprise: enterpriseInput,
    meeting: meetingInput.default({ date: null, time: null, place: '' }),
    participants: z.array(dialogueParticipantInput).max(2_000).default([]),
  })
  .superRefine((input, context) => {
    if ((input.kind === 'specific_matter') !== (input.matter !== null))
      context.addIssue({ code: 'custom', message: 'a specific-matter dialogue names its matter, and only it does', path: ['matter'] });
    if (isWorkplaceDialogue(input.kind) && input.enterprise.headcount === null)
      context.addIssue({
        code: 'custom',
        message: 'a workplace dialogue needs the headcount: it sets the size of the worker side (Decree 145 Art. 38)',
        path: ['enterprise', 'headcount'],
      });
  });

/** One side asks for a dialogue (Decree 145 Art. 40): the worker side says how many representatives back it. */
export const requestDialogueInput = z.object({
  title: singleLineNameSchema({ max: 300, empty: 'the title must not be empty' }),
  enterprise: enterpriseInput.extend({ headcount: z.number().int().min(1).max(10_000_000) }),
  content: freeTextSchema({ max: 20_000, empty: 'say what the dialogue is to be about' }),
  supporters: z.number().int().min(0).max(100_000),
  representatives: z.number().int().min(1).max(100_000),
  requestedOn: isoDateSchema.optional(),
});

export const replyRequestInput = dialogueRef.extend({
  text: freeTextSchema({ max: 20_000, empty: 'write the reply' }),
  on: isoDateSchema.optional(),
});

/** Changes what was planned; only the fields given change. Participants and the meeting are fixed once the meeting is held. */
export const updateDialogueInput = dialogueRef.extend({
  title: singleLineNameSchema({ max: 300, empty: 'the title must not be empty' }).optional(),
  enterprise: enterpriseInput.optional(),
  meeting: meetingInput.optional(),
  participants: z
    .array(dialogueParticipantInput.extend({ id: idSchema.optional() }))
    .max(2_000)
    .optional(),
});

export const setAgendaInput = dialogueRef.extend({ items: z.array(agendaItemInput).max(200) });

/** Steps that happened on a day: today in Vietnam unless given (a step recorded afterwards). */
const onDay = isoDateSchema.optional();

export const sendAgendaInput = dialogueRef.extend({ on: onDay });

export const recordAttendanceInput = dialogueRef.extend({ presentIds: z.array(idSchema).max(2_000), on: onDay });

export const signMinutesInput = dialogueRef.extend({
  side: dialogueSideSchema,
  signerName: singleLineNameSchema({ max: 200, empty: 'the signer’s name must not be empty' }),
  on: onDay,
});

export const publishInput = dialogueRef.extend({
  summary: freeTextSchema({ max: 50_000, empty: 'write the main content to publish' }),
  on: onDay,
});

export const submissionLinkInput = dialogueRef.extend({ open: z.boolean() });

export const submissionLinkSchema = z.object({ code: z.string(), open: z.boolean() });

export const addCommitmentInput = dialogueRef.extend({
  text: freeTextSchema({ max: 5_000, empty: 'write the commitment' }),
  owner: ownerSchema,
  due: isoDateSchema.nullable().default(null),
  submissionId: idSchema.nullable().default(null),
});

export const commitmentDoneInput = dialogueRef.extend({ commitmentId: idSchema, on: onDay });

const articleLinkInput = z.object({ documentId: documentIdSchema, clauseId: z.string().min(1).max(64) });

export const addSubmissionInput = dialogueRef.extend({
  text: submissionTextSchema,
  submitterName: singleLineNameSchema({ max: 120 }).optional(),
  unit: singleLineNameSchema({ max: 200 }).default(''),
  /** member: collected by a representative; floor: raised in the meeting (recorded by the employer side). */
  source: z.enum(['member', 'floor']).default('member'),
  topic: topicSchema.optional(),
  article: articleLinkInput.optional(),
});

/** A worker without an account submits through the dialogue's code; their name is optional. */
export const submitPublicInput = z.object({
  code: dialogueCodeSchema,
  text: submissionTextSchema,
  name: singleLineNameSchema({ max: 120 }).optional(),
  unit: singleLineNameSchema({ max: 200 }).default(''),
});

/** What the worker is told: the number of their submission, never anyone else's. */
export const submissionReceiptSchema = z.object({ dialogueTitle: z.string(), number: z.number().int(), receivedAt: z.iso.datetime() });

export const listSubmissionsInput = dialogueRef.extend({
  topic: topicSchema.optional(),
  /** Only those without a topic. */
  untagged: z.boolean().default(false),
  status: z.enum(submissionStatuses).optional(),
  /** Merged submissions are left out unless asked for (their wording is in the one they were merged into). */
  includeMerged: z.boolean().default(false),
  /** Read on after this number (the previous page's `nextAfter`). */
  after: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const submissionPageSchema = z.object({
  items: z.array(submissionSchema),
  /** The number to read on after; null on the last page. */
  nextAfter: z.number().int().nullable(),
  /** How many match the filter. */
  total: z.number().int(),
  /** Every topic of the dialogue with how many submissions (not merged) carry it. */
  topics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
});

const submissionRef = dialogueRef.extend({ submissionId: idSchema });

export const tagSubmissionInput = submissionRef.extend({
  topic: topicSchema.nullable().optional(),
  article: articleLinkInput.nullable().optional(),
});

export const mergeSubmissionsInput = dialogueRef.extend({
  keepId: idSchema,
  mergeIds: z.array(idSchema).min(1).max(500),
});

export const answerDirectlyInput = submissionRef.extend({ text: freeTextSchema({ max: 20_000, empty: 'write the answer' }), on: onDay });

export const assignWrittenInput = submissionRef.extend({ owner: ownerSchema, due: isoDateSchema });

export const answerInWritingInput = submissionRef.extend({ text: freeTextSchema({ max: 20_000, empty: 'write the answer' }), on: onDay });

/**
 * The question becomes an amendment proposal on the article it is linked to, in that agreement's
 * bargaining round; when the agreement is not in bargaining, the worker side's draft position.
 * `documentId` names the agreement (the gate checks the caller sees it).
 */
export const proposeFromSubmissionInput = submissionRef.extend({ documentId: documentIdSchema });

export const proposalFromSubmissionSchema = z.object({
  submission: submissionSchema,
  /** The proposal put on the table, or null when it was kept as the worker side's draft position. */
  proposalId: z.string().nullable(),
  keptAsDraft: z.boolean(),
});

/** One result of the dialogue checks, with the provision it comes from. */
export const dialogueCheckSchema = z.object({
  ruleId: z.enum(['dialogue.periodic', 'dialogue.composition', 'dialogue.procedure', 'dialogue.written_answers']),
  status: z.enum(['ok', 'problem', 'pending']),
  citation: legalCitationSchema,
  message: bilingualSchema,
  /** The dialogue concerned; null for the workspace as a whole (no periodic dialogue). */
  dialogueId: z.string().nullable(),
});
export type DialogueCheck = z.infer<typeof dialogueCheckSchema>;

/** A deadline of the dialogue: its last day and the working days left, or why the calendar cannot count it. */
export const dialogueDeadlineSchema = z.object({
  id: z.enum(['request_reply', 'agenda', 'publication']),
  citation: legalCitationSchema,
  due: isoDateSchema.nullable(),
  /** Negative once past; null when met, not countable or not yet known. */
  workingDaysLeft: z.number().int().nullable(),
  status: z.enum(['open', 'met', 'missed', 'unknown']),
  /** Why `due` is null: the meeting has no date yet, or a year whose holidays are not known. */
  reason: bilingualSchema.nullable(),
});

/** The composition and quorum as the record shows them (Decree 145 Art. 38–39). */
export const compositionSchema = z.object({
  employer: z.object({ count: z.number().int(), legalRepresentative: z.boolean() }),
  worker: z.object({
    count: z.number().int(),
    band: z.object({ min: z.number().int(), max: z.number().int().nullable() }).nullable(),
    female: z.number().int(),
    femaleNeeded: z.boolean(),
  }),
  /** Once attendance is recorded: the legal representative or an authorised person present, and the worker representatives present. */
  quorum: z.object({ employerHead: z.boolean(), workersPresent: z.number().int(), workersListed: z.number().int(), met: z.boolean() }).nullable(),
});

export const dialogueViewSchema = z.object({
  dialogue: dialogueSchema,
  deadlines: z.array(dialogueDeadlineSchema),
  composition: compositionSchema,
  checks: z.array(dialogueCheckSchema),
  /** The caller's part: organiser (employer side or host), worker side, or reader. */
  role: z.enum(['organiser', 'worker_side', 'reader']),
  /** The public code, for the sides (never for a reader). */
  code: z.string().nullable(),
  submissions: z.object({ total: z.number().int(), open: z.number().int(), writtenOverdue: z.number().int() }),
});
export type DialogueView = z.infer<typeof dialogueViewSchema>;

export const dialogueSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(dialogueKinds),
  title: z.string(),
  state: z.enum(dialogueStates),
  meetingDate: isoDateSchema.nullable(),
  updatedAt: z.iso.datetime(),
});

export const listDialoguesInput = z.object({ state: z.enum(dialogueStates).optional() });

/** What anyone with the code reads: the dialogue's title and meeting, and once published its main content and answers. */
export const publicDialogueSchema = z.object({
  title: z.string(),
  kind: z.enum(dialogueKinds),
  enterpriseName: z.string(),
  meeting: z.object({ date: isoDateSchema.nullable(), time: z.string().nullable(), place: z.string() }),
  submissionsOpen: z.boolean(),
  published: z
    .object({
      on: isoDateSchema,
      summary: z.string(),
      agenda: z.array(z.string()),
      /** Answered questions, without who asked them. */
      answers: z.array(
        z.object({
          number: z.number().int(),
          question: z.string(),
          topic: z.string().nullable(),
          answer: z.string(),
          inWriting: z.boolean(),
          count: z.number().int(),
        }),
      ),
      commitments: z.array(z.object({ text: z.string(), owner: z.string(), due: isoDateSchema.nullable(), done: z.boolean() })),
    })
    .nullable(),
});
export type PublicDialogue = z.infer<typeof publicDialogueSchema>;
export type PublicAnswer = NonNullable<PublicDialogue['published']>['answers'][number];

export const readPublicInput = z.object({ code: dialogueCodeSchema });

const view = dialogueViewSchema;
const submission = submissionSchema;

/** The dialogue methods of the API contract (see contract.ts). */
export const dialogueMethods = {
  'dialogues/list': { access: 'signedIn', input: listDialoguesInput, output: z.array(dialogueSummarySchema) },
  'dialogues/get': { access: 'signedIn', input: dialogueRef, output: view },
  'dialogues/create': { access: 'signedIn', input: createDialogueInput, output: view },
  'dialogues/request': { access: 'signedIn', input: requestDialogueInput, output: view },
  'dialogues/replyRequest': { access: 'signedIn', input: replyRequestInput, output: view },
  'dialogues/update': { access: 'signedIn', input: updateDialogueInput, output: view },
  'dialogues/setAgenda': { access: 'signedIn', input: setAgendaInput, output: view },
  'dialogues/sendAgenda': { access: 'signedIn', input: sendAgendaInput, output: view },
  'dialogues/recordAttendance': { access: 'signedIn', input: recordAttendanceInput, output: view },
  'dialogues/signMinutes': { access: 'signedIn', input: signMinutesInput, output: view },
  'dialogues/publish': { access: 'signedIn', input: publishInput, output: view },
  'dialogues/submissionLink': { access: 'signedIn', input: submissionLinkInput, output: submissionLinkSchema },
  'dialogues/addCommitment': { access: 'signedIn', input: addCommitmentInput, output: commitmentSchema },
  'dialogues/commitmentDone': { access: 'signedIn', input: commitmentDoneInput, output: view },
  /** The workspace's checks (no periodic dialogue in 12 months, and each dialogue's), as the compliance check and the reviewer read them. */
  'dialogues/checks': { access: 'signedIn', input: z.object({}), output: z.array(dialogueCheckSchema) },
  'dialogues/readPublic': { access: 'public', input: readPublicInput, output: publicDialogueSchema },
  'submissions/list': { access: 'signedIn', input: listSubmissionsInput, output: submissionPageSchema },
  'submissions/add': { access: 'signedIn', input: addSubmissionInput, output: submission },
  'submissions/submit': { access: 'public', input: submitPublicInput, output: submissionReceiptSchema },
  'submissions/tag': { access: 'signedIn', input: tagSubmissionInput, output: submission },
  'submissions/merge': { access: 'signedIn', input: mergeSubmissionsInput, output: submission },
  'submissions/answerDirectly': { access: 'signedIn', input: answerDirectlyInput, output: submission },
  'submissions/assignWritten': { access: 'signedIn', input: assignWrittenInput, output: submission },
  'submissions/answerInWriting': { access: 'signedIn', input: answerInWritingInput, output: submission },
  'submissions/propose': { access: 'signedIn', input: proposeFromSubmissionInput, output: proposalFromSubmissionSchema },
} as const;
