import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { ApiParsedInput } from '#shared/api/contract';
import type { DialogueCheck, DialogueView, PublicAnswer, PublicDialogue } from '#shared/api/dialogue';
import type { IsoDate } from '#shared/calendar/isoDate';
import { dialogueChecks } from '#shared/dialogue/checks';
import { compositionOf, isWorkplaceDialogue, quorumOf } from '#shared/dialogue/composition';
import { dialogueDeadlines } from '#shared/dialogue/deadlines';
import { dialogueStateRank, type Commitment, type Dialogue, type DialogueParticipant } from '#shared/dialogue/model';
import { followUpDone, requestBacked } from '#shared/dialogue/steps';
import {
  changeDialogue,
  dialogueRoleOf,
  requireOnOrAfter,
  requireRole,
  requireState,
  signableSides,
  todayOf,
  type DialogueRole,
} from '#main/dialogue/dialogueAccess';
import { codeOnNotice, dialogueOfCode, newDialogueCode } from '#main/dialogue/dialogueCodes';
import { workspaceDialogueChecks, writtenOverdueCount } from '#main/dialogue/dialogueChecks';
import { actorOf, visibleDialogue, workspaceOfCaller } from '#main/kernel/access';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { StoreRepositories } from '#main/store/port';
import type { DialogueRecord } from '#main/store/records';

type ParticipantInput = ApiParsedInput<'dialogues/create'>['participants'][number] & { id?: string | undefined };

/**
 * When a published dialogue's follow-up is over (every commitment done, no written answer owed),
 * it is completed on that day (Decree 145/2020/ND-CP Art. 39: what the meeting agreed is carried out).
 */
export async function withFollowUp(tx: Pick<StoreRepositories, 'dialogues'>, dialogue: Dialogue, today: IsoDate): Promise<Dialogue> {
  if (dialogue.state !== 'published') return dialogue;
  const owed = (await tx.dialogues.listSubmissions(dialogue.id, { status: 'written', includeMerged: false, after: 0, limit: 1 })).total;
  return followUpDone(dialogue, owed) ? { ...dialogue, state: 'completed', completedOn: today } : dialogue;
}

/**
 * Workplace dialogues, the worker conference and provincial conferences (decision 0022): their
 * record and its steps, each allowed to one side and in given states, the deadlines and checks
 * the record shows, and what anyone with its code may read once it is published.
 */
export function createDialogueService(context: ServiceContext) {
  const { store } = context;
  const iso = (ms: number): string => new Date(ms).toISOString();

  function participantsFrom(inputs: readonly ParticipantInput[], existing: readonly DialogueParticipant[]): DialogueParticipant[] {
    const known = new Set(existing.map((participant) => participant.id));
    return inputs.map(({ id, ...fields }) => {
      if (id !== undefined && !known.has(id))
        throw new ApiError('invalid_input', `participants: no participant "${id}" in this dialogue`, { reason: { key: 'dialogue_participant_unknown' } });
      return { id: id ?? context.newId(), ...fields };
    });
  }

  async function view(record: DialogueRecord, caller: Caller): Promise<DialogueView> {
    const { dialogue } = record;
    const today = todayOf(context);
    const role = dialogueRoleOf(caller);
    const composition = compositionOf(dialogue);
    const held = dialogueStateRank(dialogue.state) >= dialogueStateRank('held');
    const [total, open, writtenOverdue] = await Promise.all([
      store.dialogues.listSubmissions(dialogue.id, { includeMerged: false, after: 0, limit: 1 }),
      store.dialogues.listSubmissions(dialogue.id, { status: 'open', includeMerged: false, after: 0, limit: 1 }),
      writtenOverdueCount(store, dialogue.id, today),
    ]);
    return {
      dialogue,
      deadlines: dialogueDeadlines(dialogue, today),
      composition: {
        employer: composition.employer,
        worker: composition.worker,
        quorum: held ? quorumOf(dialogue.participants, dialogue.attendance) : null,
      },
      checks: dialogueChecks({ dialogues: [dialogue], writtenOverdue: new Map([[dialogue.id, writtenOverdue]]), today, employerWorkspace: false }),
      role,
      code: role === 'reader' ? null : codeOnNotice(record.code),
      submissions: { total: total.total, open: open.total, writtenOverdue },
    };
  }

  /** Records a new dialogue in the caller's workspace, audited. */
  async function insert(dialogue: Omit<Dialogue, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>, caller: Caller): Promise<DialogueView> {
    const at = context.now();
    const record: DialogueRecord = {
      dialogue: { ...dialogue, id: context.newId(), workspaceId: await workspaceOfCaller(context, caller), createdAt: iso(at), updatedAt: iso(at) },
      code: newDialogueCode(),
    };
    await store.transaction(async (tx) => {
      await tx.dialogues.insert(record);
      await tx.audit.record({
        at,
        actor: actorOf(caller),
        action: 'dialogue.created',
        documentId: null,
        details: { dialogueId: record.dialogue.id, kind: dialogue.kind },
      });
    });
    return view(record, caller);
  }

  const blank = {
    agenda: [],
    agendaSentOn: null,
    heldOn: null,
    attendance: [],
    signatures: { employer: null, union: null },
    minutesSignedOn: null,
    publishedOn: null,
    summary: '',
    commitments: [],
    completedOn: null,
    submissionsOpen: true,
  } satisfies Partial<Dialogue>;

  /** Changes a dialogue as `step` says and returns its view as the caller sees it. */
  async function step(
    caller: Caller,
    dialogueId: string,
    action: string,
    work: (dialogue: Dialogue, role: DialogueRole, today: IsoDate, tx: StoreRepositories) => Promise<Dialogue> | Dialogue,
  ): Promise<DialogueView> {
    await changeDialogue(context, caller, dialogueId, action, async ({ record, role, today, tx }) => ({
      dialogue: await withFollowUp(tx, await work(record.dialogue, role, today, tx), today),
      result: undefined,
    }));
    return view(await visibleDialogue(context, caller, dialogueId), caller);
  }

  return {
    async list(input: ApiParsedInput<'dialogues/list'>, caller: Caller) {
      const dialogues = await store.dialogues.listInWorkspace(await workspaceOfCaller(context, caller));
      return dialogues
        .filter((dialogue) => input.state === undefined || dialogue.state === input.state)
        .map((dialogue) => ({
          id: dialogue.id,
          kind: dialogue.kind,
          title: dialogue.title,
          state: dialogue.state,
          meetingDate: dialogue.meeting.date,
          updatedAt: dialogue.updatedAt,
        }));
    },

    async get(dialogueId: string, caller: Caller): Promise<DialogueView> {
      return view(await visibleDialogue(context, caller, dialogueId), caller);
    },

    async create(input: ApiParsedInput<'dialogues/create'>, caller: Caller): Promise<DialogueView> {
      requireRole(dialogueRoleOf(caller), ['organiser']);
      return insert(
        {
          ...blank,
          kind: input.kind,
          matter: input.matter,
          title: input.title,
          enterprise: input.enterprise,
          meeting: input.meeting,
          participants: participantsFrom(input.participants, []),
          state: 'draft',
          request: null,
        },
        caller,
      );
    },

    /** The worker side asks for a dialogue (Art. 40): refused unless at least 30% of the worker representatives back it. */
    async request(input: ApiParsedInput<'dialogues/request'>, caller: Caller): Promise<DialogueView> {
      requireRole(dialogueRoleOf(caller), ['worker_side']);
      if (!requestBacked(input.supporters, input.representatives))
        throw new ApiError('invalid_input', `a request needs at least 30% of the worker representatives: ${input.supporters} of ${input.representatives}`, {
          reason: { key: 'dialogue_request_threshold', values: { supporters: input.supporters, representatives: input.representatives } },
        });
      const requestedOn = input.requestedOn ?? todayOf(context);
      return insert(
        {
          ...blank,
          kind: 'on_request',
          matter: null,
          title: input.title,
          enterprise: input.enterprise,
          meeting: { date: null, time: null, place: '' },
          participants: [],
          state: 'requested',
          request: {
            side: 'union',
            requestedOn,
            content: input.content,
            supporters: input.supporters,
            representatives: input.representatives,
            reply: null,
          },
        },
        caller,
      );
    },

    replyRequest(input: ApiParsedInput<'dialogues/replyRequest'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.request_replied', (dialogue, role, today) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'reply_request');
        const on = input.on ?? today;
        const request = dialogue.request;
        if (!request) throw new ApiError('conflict', 'this dialogue was not requested');
        requireOnOrAfter(on, request.requestedOn);
        return { ...dialogue, state: 'draft', request: { ...request, reply: { text: input.text, on } } };
      });
    },

    update(input: ApiParsedInput<'dialogues/update'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.updated', (dialogue, role) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'update');
        const enterprise = input.enterprise ?? dialogue.enterprise;
        if (isWorkplaceDialogue(dialogue.kind) && enterprise.headcount === null)
          throw new ApiError('invalid_input', 'enterprise.headcount: a workplace dialogue needs the headcount (Decree 145 Art. 38)', {
            reason: { key: 'dialogue_headcount_needed' },
          });
        return {
          ...dialogue,
          title: input.title ?? dialogue.title,
          enterprise,
          meeting: input.meeting ?? dialogue.meeting,
          participants: input.participants ? participantsFrom(input.participants, dialogue.participants) : dialogue.participants,
        };
      });
    },

    /** The agenda, built from selected submissions; every one it names must be a submission of the dialogue. */
    setAgenda(input: ApiParsedInput<'dialogues/setAgenda'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.agenda_set', async (dialogue, role, _today, tx) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'set_agenda');
        for (const submissionId of new Set(input.items.flatMap((item) => item.submissionIds))) {
          if (!(await tx.dialogues.getSubmission(dialogue.id, submissionId)))
            throw new ApiError('not_found', `agenda: no submission "${submissionId}" in this dialogue`, { reason: { key: 'submission_not_found' } });
        }
        return { ...dialogue, agenda: input.items.map((item) => ({ id: context.newId(), ...item })) };
      });
    },

    sendAgenda(input: ApiParsedInput<'dialogues/sendAgenda'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.agenda_sent', (dialogue, role, today) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'send_agenda');
        const meeting = dialogue.meeting.date;
        if (meeting === null) throw new ApiError('conflict', 'the meeting has no date yet', { reason: { key: 'dialogue_meeting_date_needed' } });
        if (dialogue.agenda.length === 0) throw new ApiError('conflict', 'the agenda is empty', { reason: { key: 'dialogue_agenda_empty' } });
        const on = input.on ?? today;
        requireOnOrAfter(meeting, on);
        // Sent late, it is still sent: the procedure check says it was late (Art. 39).
        return { ...dialogue, state: 'agenda_sent', agendaSentOn: on };
      });
    },

    /** Who was present; the meeting is held. The quorum is shown and checked, not a condition: what happened is recorded. */
    recordAttendance(input: ApiParsedInput<'dialogues/recordAttendance'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.held', (dialogue, role, today) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'record_attendance');
        const known = new Set(dialogue.participants.map((participant) => participant.id));
        if (input.presentIds.some((id) => !known.has(id)))
          throw new ApiError('invalid_input', 'presentIds: someone named is not a participant of this dialogue', {
            reason: { key: 'dialogue_participant_unknown' },
          });
        const on = input.on ?? dialogue.heldOn ?? today;
        requireOnOrAfter(on, dialogue.agendaSentOn);
        return { ...dialogue, state: 'held', heldOn: on, attendance: [...new Set(input.presentIds)] };
      });
    },

    /** Each side signs the minutes for itself; signed by both, they are the dialogue's minutes (Art. 39). */
    signMinutes(input: ApiParsedInput<'dialogues/signMinutes'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.minutes_signed', (dialogue, role, today) => {
        requireRole(role, ['organiser', 'worker_side']);
        requireState(dialogue, 'sign_minutes');
        if (!signableSides(caller).includes(input.side))
          throw new ApiError('forbidden', 'each side signs the minutes for itself', { reason: { key: 'dialogue_sign_own_side' } });
        const on = input.on ?? today;
        requireOnOrAfter(on, dialogue.heldOn);
        const signatures = { ...dialogue.signatures, [input.side]: { name: input.signerName, on } };
        const both = signatures.employer !== null && signatures.union !== null;
        const lastSigned =
          [signatures.employer?.on, signatures.union?.on]
            .filter((date): date is IsoDate => date !== undefined)
            .sort()
            .at(-1) ?? on;
        return { ...dialogue, signatures, ...(both ? { state: 'minutes_signed' as const, minutesSignedOn: lastSigned } : {}) };
      });
    },

    /** The main content is published (within 3 working days of the meeting, Art. 39); the answers become public with it. */
    publish(input: ApiParsedInput<'dialogues/publish'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.published', (dialogue, role, today) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'publish');
        const on = input.on ?? today;
        requireOnOrAfter(on, dialogue.heldOn);
        return { ...dialogue, state: 'published', publishedOn: on, summary: input.summary, submissionsOpen: false };
      });
    },

    /** Opens or closes the submission link; either side may (both collect workers' questions). */
    async submissionLink(input: ApiParsedInput<'dialogues/submissionLink'>, caller: Caller) {
      return changeDialogue(
        context,
        caller,
        input.dialogueId,
        input.open ? 'dialogue.submissions_opened' : 'dialogue.submissions_closed',
        async ({ record, role }) => {
          requireRole(role, ['organiser', 'worker_side']);
          if (input.open) requireState(record.dialogue, 'add_submission');
          return { dialogue: { ...record.dialogue, submissionsOpen: input.open }, result: { code: codeOnNotice(record.code), open: input.open } };
        },
      );
    },

    async addCommitment(input: ApiParsedInput<'dialogues/addCommitment'>, caller: Caller): Promise<Commitment> {
      return changeDialogue(context, caller, input.dialogueId, 'dialogue.commitment_added', async ({ record, role, tx }) => {
        requireRole(role, ['organiser']);
        requireState(record.dialogue, 'commitments');
        if (input.submissionId !== null && !(await tx.dialogues.getSubmission(record.dialogue.id, input.submissionId)))
          throw new ApiError('not_found', `no submission "${input.submissionId}" in this dialogue`, { reason: { key: 'submission_not_found' } });
        const commitment: Commitment = {
          id: context.newId(),
          text: input.text,
          owner: input.owner,
          due: input.due,
          doneOn: null,
          submissionId: input.submissionId,
        };
        return {
          dialogue: { ...record.dialogue, commitments: [...record.dialogue.commitments, commitment] },
          result: commitment,
          details: { commitmentId: commitment.id },
        };
      });
    },

    commitmentDone(input: ApiParsedInput<'dialogues/commitmentDone'>, caller: Caller): Promise<DialogueView> {
      return step(caller, input.dialogueId, 'dialogue.commitment_done', (dialogue, role, today) => {
        requireRole(role, ['organiser']);
        requireState(dialogue, 'commitments');
        const commitment = dialogue.commitments.find((candidate) => candidate.id === input.commitmentId);
        if (!commitment) throw new ApiError('not_found', `no commitment "${input.commitmentId}" in this dialogue`, { reason: { key: 'commitment_not_found' } });
        const on = input.on ?? today;
        requireOnOrAfter(on, dialogue.heldOn);
        return {
          ...dialogue,
          commitments: dialogue.commitments.map((candidate) => (candidate.id === commitment.id ? { ...candidate, doneOn: on } : candidate)),
        };
      });
    },

    async checks(caller: Caller): Promise<DialogueCheck[]> {
      return workspaceDialogueChecks(context, await workspaceOfCaller(context, caller), todayOf(context));
    },

    /** What anyone with the code reads: the meeting, and once published its main content and the answers, never who asked. */
    async readPublic(code: string, remoteAddress: string | undefined): Promise<PublicDialogue> {
      const { dialogue } = await dialogueOfCode(context, code, remoteAddress);
      const published = dialogue.publishedOn;
      const answered: PublicAnswer[] = [];
      if (published !== null) {
        for (const status of ['answered', 'answered_in_writing'] as const) {
          for (let after = 0; ; ) {
            const page = await store.dialogues.listSubmissions(dialogue.id, { status, includeMerged: false, after, limit: 500 });
            for (const submission of page.items)
              answered.push({
                number: submission.number,
                question: submission.text,
                topic: submission.topic,
                answer: submission.answer ?? '',
                inWriting: status === 'answered_in_writing',
                count: submission.count,
              });
            const last = page.items.at(-1);
            if (!last || page.items.length < 500) break;
            after = last.number;
          }
        }
        answered.sort((a, b) => a.number - b.number);
      }
      return {
        title: dialogue.title,
        kind: dialogue.kind,
        enterpriseName: dialogue.enterprise.name,
        meeting: { date: dialogue.meeting.date, time: dialogue.meeting.time, place: dialogue.meeting.place },
        submissionsOpen: dialogue.submissionsOpen,
        published:
          published === null
            ? null
            : {
                on: published,
                summary: dialogue.summary,
                agenda: dialogue.agenda.map((item) => item.title),
                answers: answered,
                commitments: dialogue.commitments.map((commitment) => ({
                  text: commitment.text,
                  owner: commitment.owner.name,
                  due: commitment.due,
                  done: commitment.doneOn !== null,
                })),
              },
      };
    },
  };
}
