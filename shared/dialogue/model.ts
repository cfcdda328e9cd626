import { z } from 'zod';
import { bargainingSides } from '#shared/negotiation/model';
import { isoDateSchema } from '#shared/lifecycle/model';
import type { Bilingual } from '#shared/templates/schema';
import { freeTextSchema, singleLineNameSchema } from '#shared/text/textSchemas';

/**
 * Workplace dialogue and the worker conference (Labour Code Art. 63–64; Decree 145/2020/ND-CP
 * Art. 37–48), and the provincial dialogue conference a labour federation hosts: a record of its
 * own beside agreements and regulations, in one workspace (decision 0022). The worker side is the
 * representative organisation or the workers' dialogue group: it travels as the bargaining side
 * `union`, as everywhere else in the product.
 */

/**
 * periodic: at least once a year (LC Art. 63(2)(a); Decree 145 Art. 39); on_request: asked by one
 * side (Art. 40); specific_matter: a matter the law puts to dialogue (Art. 41); worker_conference:
 * the annual conference (Art. 47); provincial_conference: a federation's conference with the
 * province's authorities, outside Art. 38's composition rules.
 */
export const dialogueKinds = ['periodic', 'on_request', 'specific_matter', 'worker_conference', 'provincial_conference'] as const;
export type DialogueKind = (typeof dialogueKinds)[number];

/**
 * The matters of Decree 145 Art. 41 (the Labour Code articles it lists): performance rating
 * criteria (LC Art. 36(1)(a)), dismissals for restructuring (Art. 42), the labour-use plan (Art.
 * 44), the salary scale and norms (Art. 93), bonus rules (Art. 104), labour regulations (Art.
 * 118), suspension from work (Art. 128(1)).
 */
export const specificMatters = [
  'performance_rating',
  'restructuring',
  'labour_use_plan',
  'salary_scale',
  'bonus_rules',
  'labour_regulations',
  'suspension',
] as const;
export type SpecificMatter = (typeof specificMatters)[number];

/**
 * requested → (written reply) draft → agenda_sent → held → minutes_signed → published → completed
 * (every commitment done). Only an on-request dialogue starts `requested`; the others start `draft`.
 */
export const dialogueStates = ['requested', 'draft', 'agenda_sent', 'held', 'minutes_signed', 'published', 'completed'] as const;
export type DialogueState = (typeof dialogueStates)[number];

/** The states as people read them (a refusal names the state it was refused in). */
export const dialogueStateNames: Readonly<Record<DialogueState, Bilingual>> = {
  requested: { vi: 'đã có yêu cầu đối thoại', en: 'requested' },
  draft: { vi: 'đang chuẩn bị', en: 'in preparation' },
  agenda_sent: { vi: 'đã gửi nội dung', en: 'agenda sent' },
  held: { vi: 'đã họp', en: 'held' },
  minutes_signed: { vi: 'đã ký biên bản', en: 'minutes signed' },
  published: { vi: 'đã công bố', en: 'published' },
  completed: { vi: 'đã hoàn tất theo dõi', en: 'follow-up completed' },
};

/** Where a state sits in the order above: a step moves forward only. */
export function dialogueStateRank(state: DialogueState): number {
  return dialogueStates.indexOf(state);
}

export const dialogueSideSchema = z.enum(bargainingSides);
export type DialogueSide = z.infer<typeof dialogueSideSchema>;

const idSchema = z.string().min(1).max(64);
const nameSchema = singleLineNameSchema({ max: 200, empty: 'a name must not be empty' });
const optionalLineSchema = singleLineNameSchema({ max: 200 });

/** One person of either side. */
export const dialogueParticipantInput = z.object({
  name: nameSchema,
  position: optionalLineSchema.default(''),
  side: dialogueSideSchema,
  /** The employer's legal representative (Art. 38(1)). */
  legalRepresentative: z.boolean().default(false),
  /** A person the legal representative authorised to stand for them (Art. 39(2)). */
  authorised: z.boolean().default(false),
  female: z.boolean().default(false),
  /** The unit they come from: a grassroots union, a department, a workshop (province scale). */
  unit: optionalLineSchema.default(''),
});

export const dialogueParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string(),
  side: dialogueSideSchema,
  legalRepresentative: z.boolean(),
  authorised: z.boolean(),
  female: z.boolean(),
  unit: z.string(),
});
export type DialogueParticipant = z.infer<typeof dialogueParticipantSchema>;

export const enterpriseInput = z.object({
  name: nameSchema,
  /** Workers employed: the band of the worker side's size (Art. 38(2)); none for a provincial conference. */
  headcount: z.number().int().min(1).max(10_000_000).nullable(),
  /** The weekly rest days the working days are counted with: Sunday (LC Art. 111(2)) or Saturday and Sunday. */
  restDays: z.enum(['sunday', 'saturday_sunday']).default('sunday'),
});
export type Enterprise = z.infer<typeof enterpriseInput>;

export const meetingInput = z.object({
  date: isoDateSchema.nullable(),
  /** "HH:MM", Vietnam's time. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written HH:MM')
    .nullable()
    .default(null),
  place: optionalLineSchema.default(''),
});
export type Meeting = z.infer<typeof meetingInput>;

export const agendaItemInput = z.object({
  title: freeTextSchema({ max: 2_000, empty: 'an agenda item needs a title' }),
  /** The submissions the item answers (the agenda is built from them). */
  submissionIds: z.array(idSchema).max(1_000).default([]),
  /** Women workers' issues: the worker side then counts a woman (Art. 38(3)). */
  womenIssue: z.boolean().default(false),
});

export const agendaItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  submissionIds: z.array(z.string()),
  womenIssue: z.boolean(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** Who owes a written answer or a commitment: a person, or at province scale a department. */
export const ownerSchema = z.object({ kind: z.enum(['person', 'department']), name: nameSchema });
export type Owner = z.infer<typeof ownerSchema>;

export const commitmentSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: ownerSchema,
  due: isoDateSchema.nullable(),
  doneOn: isoDateSchema.nullable(),
  /** The question it answers, if any. */
  submissionId: z.string().nullable(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** An on-request dialogue (Art. 40): who asked, how many worker representatives back it, and the written reply. */
export const dialogueRequestSchema = z.object({
  side: dialogueSideSchema,
  requestedOn: isoDateSchema,
  content: z.string(),
  /** Worker representatives backing the request, of all of them (at least 30% for the worker side, Art. 40(1)). */
  supporters: z.number().int().min(0),
  representatives: z.number().int().min(1),
  reply: z.object({ text: z.string(), on: isoDateSchema }).nullable(),
});
export type DialogueRequest = z.infer<typeof dialogueRequestSchema>;

export const signatureSchema = z.object({ name: z.string(), on: isoDateSchema });

/** The dialogue record as stored and served to both sides and reviewers. */
export const dialogueSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.enum(dialogueKinds),
  /** The matter of a specific-matter dialogue; null for the other kinds. */
  matter: z.enum(specificMatters).nullable(),
  title: z.string(),
  enterprise: enterpriseInput,
  meeting: meetingInput,
  participants: z.array(dialogueParticipantSchema),
  agenda: z.array(agendaItemSchema),
  state: z.enum(dialogueStates),
  request: dialogueRequestSchema.nullable(),
  /** The day the agenda and content went to the other side (at least 5 working days before, Art. 39(1)). */
  agendaSentOn: isoDateSchema.nullable(),
  heldOn: isoDateSchema.nullable(),
  /** Participants present at the meeting, by id. */
  attendance: z.array(z.string()),
  signatures: z.object({ employer: signatureSchema.nullable(), union: signatureSchema.nullable() }),
  minutesSignedOn: isoDateSchema.nullable(),
  /** The main content published (within 3 working days of the meeting, Art. 39(3)). */
  publishedOn: isoDateSchema.nullable(),
  summary: z.string(),
  commitments: z.array(commitmentSchema),
  completedOn: isoDateSchema.nullable(),
  /** Whether workers without an account may submit through the dialogue's code now. */
  submissionsOpen: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Dialogue = z.infer<typeof dialogueSchema>;

/** Where a submission came from: the public code, a representative collecting it, a question raised in the meeting. */
export const submissionSources = ['link', 'member', 'floor'] as const;
export type SubmissionSource = (typeof submissionSources)[number];

/**
 * open: not answered yet; answered: answered directly in the meeting (in the minutes); written:
 * assigned for a written answer, not given yet; answered_in_writing: the written answer given;
 * merged: folded into another submission (which keeps its wording and count).
 */
export const submissionStatuses = ['open', 'answered', 'written', 'answered_in_writing', 'merged'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** Submission statuses as people read them (a refusal names the status it was refused in). */
export const submissionStatusNames: Readonly<Record<SubmissionStatus, Bilingual>> = {
  open: { vi: 'chưa trả lời', en: 'not answered' },
  answered: { vi: 'đã trả lời trực tiếp', en: 'answered in the meeting' },
  written: { vi: 'chờ trả lời bằng văn bản', en: 'awaiting a written answer' },
  answered_in_writing: { vi: 'đã trả lời bằng văn bản', en: 'answered in writing' },
  merged: { vi: 'đã gộp', en: 'merged' },
};

/** An article of the agreement or regulations in force a submission is about. */
export const articleLinkSchema = z.object({ documentId: z.string(), clauseId: z.string() });
export type ArticleLink = z.infer<typeof articleLinkSchema>;

export const topicSchema = singleLineNameSchema({ max: 80, empty: 'a topic must not be empty' });

/** The most characters of a submission: a question, not a file. */
export const submissionMaxLength = 4_000;

export const submissionTextSchema = freeTextSchema({
  max: submissionMaxLength,
  empty: 'write the question or proposal',
  tooLong: `a submission is at most ${submissionMaxLength} characters`,
});

export const submissionSchema = z.object({
  id: z.string(),
  dialogueId: z.string(),
  /** Its number in the dialogue, from 1, in the order received. */
  number: z.number().int(),
  text: z.string(),
  /** Null when the worker gave no name. */
  submitterName: z.string().nullable(),
  unit: z.string(),
  source: z.enum(submissionSources),
  topic: z.string().nullable(),
  article: articleLinkSchema.nullable(),
  status: z.enum(submissionStatuses),
  /** The submission this one was merged into. */
  mergedInto: z.string().nullable(),
  /** The wordings merged into this one, each with its submitter. */
  mergedWordings: z.array(z.object({ id: z.string(), number: z.number().int(), text: z.string(), submitterName: z.string().nullable() })),
  /** How many people asked it: 1, plus every submission merged into it. */
  count: z.number().int(),
  answer: z.string().nullable(),
  answeredOn: isoDateSchema.nullable(),
  /** Who owes the written answer and by when. */
  owner: ownerSchema.nullable(),
  due: isoDateSchema.nullable(),
  /** The amendment proposal (or the union's draft position) made from it. */
  proposal: z.object({ documentId: z.string(), clauseId: z.string(), proposalId: z.string().nullable(), keptAsDraft: z.boolean() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type Submission = z.infer<typeof submissionSchema>;
