/**
 * The lifecycle of a document as data: the steps people take (validated at the API boundary), the
 * facts each step records, and what a round of bargaining (or of drafting regulations) holds.
 * Collective agreements: Labour Code Art. 70 (bargaining), 76 (vote, signing), 77 (sending), 78
 * (effect, term), 82 (amendment), 83 (expiry). Labour regulations: Art. 118(3) (consulting the
 * union), 119 (registration), 120 (dossier), 121 (effect). The rules are in agreementMachine.ts and
 * regulationsMachine.ts.
 */
import { z } from 'zod';
import { isIsoDate } from '#shared/calendar/isoDate';
import type { lifecycleStates } from '#shared/documents/lifecycleStates';
import { sides } from '#shared/sides';
import { bilingualSchema, legalCitationSchema } from '#shared/templates/schema';
import { freeTextSchema, singleLineNameSchema } from '#shared/text/textSchemas';

/** A calendar date written YYYY-MM-DD. */
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'a calendar date written YYYY-MM-DD' });

export const bargainingSideSchema = z.enum(['employer', 'union']);

/**
 * One count of a vote: the whole enterprise (Art. 76(1)), the people consulted for a sector
 * agreement (Art. 76(2)), or one enterprise of a multi-enterprise agreement (Art. 76(2)).
 */
export const voteGroupSchema = z.object({
  /** The enterprise, for a multi-enterprise agreement; empty otherwise. */
  name: singleLineNameSchema({ max: 200 }).default(''),
  /** The base of the count: ALL workers of the enterprise (Art. 76(1)), or everyone consulted (Art. 76(2)). */
  eligible: z.number().int().min(1).max(10_000_000),
  /** Ballots returned, for the record; the rule does not count on them. */
  votesCast: z.number().int().min(0).max(10_000_000).optional(),
  inFavour: z.number().int().min(0).max(10_000_000),
});

export type VoteGroup = z.infer<typeof voteGroupSchema>;

/** The dossier of Art. 120, as the employer declares it when filing the registration. */
export const dossierSchema = z.object({
  /** Art. 120(1): the request for registration. */
  request: z.boolean(),
  /** Art. 120(2): the labour regulations. */
  regulations: z.boolean(),
  /** Art. 120(3): the written opinion of the grassroots representative organisation, where one exists. */
  unionOpinion: z.boolean(),
  /** Art. 120(4): the employer's other documents on discipline and material liability, if any. */
  disciplineDocuments: z.enum(['none', 'included', 'missing']),
});

export type Dossier = z.infer<typeof dossierSchema>;

const clauseIdSchema = z.string().min(1).max(64);

/** One of the deployment's authorities, by its id (authorities/list). */
const authorityIdSchema = z.string().min(1).max(64);

/** Who signs for a bargaining side (Art. 76(4): its legal representative), in their own words. */
export const representativeSchema = z.object({
  name: singleLineNameSchema({ max: 200, empty: 'the name of the representative who signs' }),
  /** Their title or office (Giám đốc, Chủ tịch Công đoàn cơ sở...). */
  title: singleLineNameSchema({ max: 200, empty: 'the title of the representative who signs' }),
});

export type Representative = z.infer<typeof representativeSchema>;

/** The steps people take through `lifecycle/step`. */
export const lifecycleStepSchema = z.discriminatedUnion('type', [
  // Collective agreements.
  z.object({ type: z.literal('request_bargaining'), requestReceivedOn: isoDateSchema, requestedBy: bargainingSideSchema }),
  z.object({
    type: z.literal('record_bargaining_dates'),
    logisticsAgreedOn: isoDateSchema.optional(),
    startedOn: isoDateSchema.optional(),
    conclusionAgreedBy: isoDateSchema.optional(),
  }),
  // Art. 71: an article the parties did not agree stays outside the agreement, as the union states it.
  z.object({ type: z.literal('leave_out_article'), clauseId: clauseIdSchema, reason: freeTextSchema({ max: 5000 }).optional() }),
  z.object({ type: z.literal('withdraw_leave_out'), clauseId: clauseIdSchema }),
  /** `override`: the union's written reason to put the draft to the vote with articles neither agreed nor left out. */
  z.object({
    type: z.literal('open_vote'),
    concludedOn: isoDateSchema.optional(),
    override: freeTextSchema({ max: 5000, empty: 'write the reason for putting the draft to the vote with articles not agreed' }).optional(),
  }),
  z.object({ type: z.literal('return_to_bargaining'), reason: freeTextSchema({ max: 2000 }).optional() }),
  z.object({ type: z.literal('record_vote'), votedOn: isoDateSchema, groups: z.array(voteGroupSchema).min(1).max(500) }),
  /** One side's signature (Art. 76(4)); `side` names it when the host records it, and must be one's own otherwise. */
  z.object({
    type: z.literal('sign'),
    side: bargainingSideSchema.optional(),
    signedOn: isoDateSchema,
    representative: representativeSchema,
    place: singleLineNameSchema({ max: 200, empty: 'the place of signing' }),
    effectiveOn: isoDateSchema.optional(),
    termMonths: z.number().int().optional(),
  }),
  /** `authorityId`: one of the deployment's authorities (authorities/list), whose reviewers then review it; else `authority` names it in words. */
  z.object({
    type: z.literal('send_to_authority'),
    sentOn: isoDateSchema,
    authority: singleLineNameSchema({ max: 300 }).optional(),
    authorityId: authorityIdSchema.optional(),
  }),
  // Both kinds: a new round from the signed or issued text.
  z.object({
    type: z.literal('open_amendment'),
    requestReceivedOn: isoDateSchema,
    requestedBy: bargainingSideSchema.optional(),
    reason: freeTextSchema({ max: 2000 }).optional(),
  }),
  // Both kinds: the salary scale of the document (Art. 93(2)-(3); Decree 145 Art. 41).
  z.object({ type: z.literal('record_scale_consultation'), consultedOn: isoDateSchema }),
  z.object({ type: z.literal('publish_salary_scale'), publishedOn: isoDateSchema }),
  // Labour regulations.
  z.object({ type: z.literal('start_consultation'), sentOn: isoDateSchema }),
  z.object({
    type: z.literal('record_union_opinion'),
    receivedOn: isoDateSchema,
    opinion: freeTextSchema({ max: 20_000, empty: 'the written opinion must not be empty' }),
  }),
  z.object({ type: z.literal('issue'), issuedOn: isoDateSchema, withoutUnion: z.boolean().default(false) }),
  z.object({
    type: z.literal('send_registration'),
    filedOn: isoDateSchema,
    authority: singleLineNameSchema({ max: 300 }).optional(),
    authorityId: authorityIdSchema.optional(),
    dossier: dossierSchema,
  }),
]);

export type LifecycleStep = z.infer<typeof lifecycleStepSchema>;
export type LifecycleStepInput = z.input<typeof lifecycleStepSchema>;

export const reviewDecisions = ['accepted', 'amendments_requested'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** The authority's answer: recorded by a reviewer through `review/decide`, never through `lifecycle/step`. */
export interface AuthorityAnswerStep {
  type: 'record_authority_answer';
  decidedOn: string;
  decision: ReviewDecision;
  reasons: string[];
  findingIds: string[];
}

export type LifecycleAction = LifecycleStep | AuthorityAnswerStep;
export type LifecycleActionType = LifecycleAction['type'];

export const voteResultSchema = z.object({
  votedOn: isoDateSchema,
  /** What the majority is counted against (Art. 76(1) or (2)). */
  basis: z.enum(['all_workers', 'consulted', 'per_enterprise']),
  groups: z.array(voteGroupSchema.extend({ passed: z.boolean() })),
  passed: z.boolean(),
});

export type VoteResult = z.infer<typeof voteResultSchema>;

/** An article not agreed when the draft went to the vote: its number and title then, and its status. */
export const notAgreedArticleSchema = z.object({
  clauseId: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(['open', 'disputed']),
  /** Whether the union had left it out of the agreement (Art. 71). */
  leftOut: z.boolean(),
});

export type NotAgreedArticle = z.infer<typeof notAgreedArticleSchema>;

/** An article the union left out of the agreement during bargaining (Art. 71), as recorded. */
export const leftOutArticleSchema = z.object({
  clauseId: z.string(),
  /** Its number and title when it was left out (numbers follow the articles' places). */
  number: z.number().int(),
  title: z.string(),
  reason: z.string().optional(),
  on: isoDateSchema,
  byName: z.string().nullable(),
});

export type LeftOutArticle = z.infer<typeof leftOutArticleSchema>;

/** A rule of the compliance check the text broke when it went to the vote: its title, provision and articles (never its id). */
export const openViolationSchema = z.object({
  rule: bilingualSchema,
  citation: legalCitationSchema,
  articles: z.array(z.object({ number: z.number().int(), title: z.string() })),
});

export type OpenViolation = z.infer<typeof openViolationSchema>;

/** What the draft held when the union put it to the vote (Art. 76(1), (3)). */
export const voteDraftSchema = z.object({
  articleCount: z.number().int(),
  agreedCount: z.number().int(),
  notAgreed: z.array(notAgreedArticleSchema),
  /** The union's written reason for putting articles neither agreed nor left out to the vote. */
  override: z.object({ reason: z.string(), byName: z.string().nullable() }).nullable(),
  violations: z.array(openViolationSchema),
  /** The version made of the text put to the vote, and the hash of its negotiated text (the procedural facts left out): the signed text must be this one. */
  votedText: z.object({ versionId: z.string(), contentHash: z.string() }).nullable(),
});

export type VoteDraft = z.infer<typeof voteDraftSchema>;

/** One side's signature of the agreement (Art. 76(4)). */
export const signatureSchema = z.object({
  side: bargainingSideSchema,
  representative: representativeSchema,
  signedOn: isoDateSchema,
  place: z.string(),
  /** The terms signed: an effective date stated at signing (else the text's, else the signing date) and the term. */
  effectiveOn: isoDateSchema.optional(),
  termMonths: z.number().int(),
  /** Who recorded it: a participant's name, or null for the host. */
  recordedBy: z.string().nullable(),
});

export type Signature = z.infer<typeof signatureSchema>;

export const signingSchema = z.object({
  signedOn: isoDateSchema,
  effectiveOn: isoDateSchema,
  /** Where the effective date comes from (Art. 78(1)): stated at signing, written in the text, or the signing date. */
  effectiveSource: z.enum(['agreed', 'text', 'signing_date']),
  termMonths: z.number().int(),
  /** The last day in force. */
  expiresOn: isoDateSchema,
  /** Multi-enterprise agreements: the enterprises whose vote passed, the only ones that sign (Art. 76(2)). */
  signatories: z.array(z.string()),
  /** The signed version (content hash chain) made when the signing was recorded. */
  signedVersionId: z.string().nullable(),
  /** Both sides' signatures; absent on a signing recorded in one step, before each side signed for itself. */
  signatures: z.object({ employer: signatureSchema, union: signatureSchema }).optional(),
  /** The articles left out as not agreed (Art. 71): outside what the signatures agree. */
  notAgreed: z.array(notAgreedArticleSchema).optional(),
});

export type Signing = z.infer<typeof signingSchema>;

export const authorityAnswerSchema = z.object({
  decidedOn: isoDateSchema,
  decision: z.enum(reviewDecisions),
  reasons: z.array(z.string()),
  findingIds: z.array(z.string()),
  /** Labour regulations: the 7 working days of Art. 119(3); null for agreements (no time limit). */
  deadline: isoDateSchema.nullable(),
  late: z.boolean(),
  byName: z.string().nullable(),
});

export type AuthorityAnswer = z.infer<typeof authorityAnswerSchema>;

/** What a step records, as stored with the event (dates resolved, results computed). */
export const eventFactsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request_bargaining'), requestReceivedOn: isoDateSchema, requestedBy: bargainingSideSchema }),
  z.object({
    type: z.literal('record_bargaining_dates'),
    logisticsAgreedOn: isoDateSchema.optional(),
    startedOn: isoDateSchema.optional(),
    conclusionAgreedBy: isoDateSchema.optional(),
  }),
  z.object({ type: z.literal('leave_out_article'), article: leftOutArticleSchema }),
  z.object({ type: z.literal('withdraw_leave_out'), clauseId: z.string() }),
  // `draft` is absent on votes opened before the draft's standing was recorded.
  z.object({ type: z.literal('open_vote'), concludedOn: isoDateSchema, draft: voteDraftSchema.optional() }),
  z.object({ type: z.literal('return_to_bargaining'), reason: z.string().optional() }),
  z.object({ type: z.literal('record_vote'), vote: voteResultSchema }),
  // One side's signature, and the signing once both have signed; a signing recorded in one step has no signature.
  z.object({ type: z.literal('sign'), signature: signatureSchema.optional(), signing: signingSchema.optional() }),
  z.object({ type: z.literal('send_to_authority'), sentOn: isoDateSchema, authority: z.string().optional(), authorityId: z.string().optional() }),
  z.object({
    type: z.literal('open_amendment'),
    requestReceivedOn: isoDateSchema,
    requestedBy: bargainingSideSchema.optional(),
    reason: z.string().optional(),
    basis: z.enum(['amendment', 'renewal']),
  }),
  z.object({ type: z.literal('record_scale_consultation'), consultedOn: isoDateSchema }),
  z.object({ type: z.literal('publish_salary_scale'), publishedOn: isoDateSchema }),
  z.object({ type: z.literal('start_consultation'), sentOn: isoDateSchema }),
  z.object({ type: z.literal('record_union_opinion'), receivedOn: isoDateSchema, opinion: z.string() }),
  z.object({ type: z.literal('issue'), issuedOn: isoDateSchema, withoutUnion: z.boolean() }),
  z.object({
    type: z.literal('send_registration'),
    filedOn: isoDateSchema,
    authority: z.string().optional(),
    authorityId: z.string().optional(),
    dossier: dossierSchema,
  }),
  z.object({ type: z.literal('record_authority_answer'), answer: authorityAnswerSchema }),
  // The state moved with the calendar (in force, expiring, expired): recorded for the history.
  z.object({ type: z.literal('time_passed') }),
]);

export type EventFacts = z.infer<typeof eventFactsSchema>;

/** One round: the first bargaining (or drafting), then one more per amendment (Art. 82, 83, 118(3)). */
export const roundFactsSchema = z.object({
  round: z.number().int().min(1),
  /** How the round was opened. */
  basis: z.enum(['initial', 'amendment', 'renewal']),
  bargaining: z
    .object({
      requestReceivedOn: isoDateSchema,
      requestedBy: bargainingSideSchema.optional(),
      logisticsAgreedOn: isoDateSchema.optional(),
      startedOn: isoDateSchema.optional(),
      conclusionAgreedBy: isoDateSchema.optional(),
      concludedOn: isoDateSchema.optional(),
    })
    .optional(),
  votes: z.array(voteResultSchema),
  /** While the draft is put to the vote: where its vote starts in `votes` (earlier ones were on earlier drafts). */
  voteFrom: z.number().int().min(0).optional(),
  /** Articles the union left out of the agreement as not agreed (Art. 71), until it takes one back. */
  leftOut: z.array(leftOutArticleSchema),
  /** While the draft is before the workers and after: what it held when put to the vote. */
  putToVote: voteDraftSchema.optional(),
  /** The signatures recorded so far (Art. 76(4)); the agreement is signed once both are. */
  signatures: z.object({ employer: signatureSchema.optional(), union: signatureSchema.optional() }),
  signing: signingSchema.optional(),
  /** `authorityId`: the deployment's authority it was sent to, if the sending named one (its name is `authority`). */
  sentToAuthority: z.object({ sentOn: isoDateSchema, authority: z.string().optional(), authorityId: z.string().optional() }).optional(),
  consultation: z.object({ sentOn: isoDateSchema, opinion: z.object({ receivedOn: isoDateSchema, opinion: z.string() }).optional() }).optional(),
  /** The salary scale's procedure (Art. 93(2)-(3)): when the union was consulted on it, and when it was published at the workplace. */
  salaryScale: z.object({ consultedOn: isoDateSchema.optional(), publishedOn: isoDateSchema.optional() }).optional(),
  issue: z.object({ issuedOn: isoDateSchema, withoutUnion: z.boolean() }).optional(),
  registration: z.object({ filedOn: isoDateSchema, authority: z.string().optional(), authorityId: z.string().optional(), dossier: dossierSchema }).optional(),
  answers: z.array(authorityAnswerSchema),
  amendmentReason: z.string().optional(),
});

export type RoundFacts = z.infer<typeof roundFactsSchema>;

/** Who took a step: a participant of a side, the host (side null, participant null), or the calendar. */
export const eventActorSchema = z.object({ participantId: z.string().nullable(), side: z.enum(sides).nullable(), name: z.string().nullable() });

export type EventActor = z.infer<typeof eventActorSchema>;

/** A step as stored: the round it belongs to, the states before and after, and its facts. */
export interface LifecycleEventRecord {
  id: number;
  documentId: string;
  round: number;
  from: (typeof lifecycleStates)[number];
  to: (typeof lifecycleStates)[number];
  facts: EventFacts;
  actor: EventActor;
  /** Milliseconds since the epoch. */
  at: number;
}
