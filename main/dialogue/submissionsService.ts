import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { ApiParsedInput } from '#shared/api/contract';
import { readArticle } from '#shared/document/articles';
import type { ArticleElement } from '#shared/document/nodes';
import { formatVietnamTime, vietnamDate } from '#shared/format/vietnamTime';
import { submissionStatusNames, type ArticleLink, type Submission, type SubmissionStatus } from '#shared/dialogue/model';
import type { DialogueAction } from '#shared/dialogue/steps';
import { changeDialogue, dialogueRoleOf, requireOnOrAfter, requireRole, requireState, type DialogueChange } from '#main/dialogue/dialogueAccess';
import { dialogueOfCode } from '#main/dialogue/dialogueCodes';
import { withFollowUp } from '#main/dialogue/dialogueService';
import { visibleDialogue } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import { limitKeyOf } from '#main/kernel/redemptionLimiter';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { ProposalsService } from '#main/negotiation/proposalsService';
import { dialogueLockKey } from '#main/store/port';
import type { AttemptLimits } from '#main/store/records';

/**
 * The limits on public submissions to one dialogue, per network and from all networks together,
 * within an hour. Workers of one factory often reach the server through one address (the
 * company's Wi-Fi), so the limit per address is far above one person's questions; the overall
 * limit keeps a flood from many addresses from burying the real ones.
 */
export const publicSubmissionLimits: AttemptLimits = { windowMs: 60 * 60_000, perAddress: 20, overall: 600 };

/**
 * Workers' questions and proposals before (and in) the meeting: collected by either side or
 * submitted through the dialogue's code by workers without an account, sorted by topic and
 * linked to articles, merged when they ask the same, answered in the meeting or in writing, and
 * turned into an amendment proposal on the article they concern (decision 0022).
 */
export function createSubmissionsService(context: ServiceContext, rooms: DocumentRooms, proposals: ProposalsService) {
  const { store } = context;
  const iso = (ms: number): string => new Date(ms).toISOString();

  function fresh(dialogueId: string, fields: Pick<Submission, 'text' | 'submitterName' | 'unit' | 'source' | 'topic' | 'article'>): Omit<Submission, 'number'> {
    return {
      id: context.newId(),
      dialogueId,
      ...fields,
      status: 'open',
      mergedInto: null,
      mergedWordings: [],
      count: 1,
      answer: null,
      answeredOn: null,
      owner: null,
      due: null,
      proposal: null,
      createdAt: iso(context.now()),
    };
  }

  /** A submission of the dialogue that was not merged into another. */
  async function liveSubmission(change: DialogueChange, submissionId: string): Promise<Submission> {
    const submission = await change.tx.dialogues.getSubmission(change.record.dialogue.id, submissionId);
    if (!submission) throw new ApiError('not_found', `no submission "${submissionId}" in this dialogue`, { reason: { key: 'submission_not_found' } });
    if (submission.status === 'merged')
      throw new ApiError('conflict', 'this submission was merged into another one: act on that one', { reason: { key: 'submission_merged' } });
    return submission;
  }

  /** Checks an article link: a document of the dialogue's workspace that holds the article. Read before any transaction (it opens the document). */
  async function checkedArticle(link: ArticleLink, workspaceId: string): Promise<ArticleElement> {
    const document = await store.documents.get(link.documentId);
    if (!document || document.workspaceId !== workspaceId)
      throw new ApiError('not_found', `no document with id "${link.documentId}"`, { reason: { key: 'document_not_found' } });
    const article = await rooms.withRoom(link.documentId, (room) => readArticle(room.doc, link.clauseId));
    if (!article) throw new ApiError('not_found', `no article "${link.clauseId}" in that document`, { reason: { key: 'article_not_found' } });
    return article;
  }

  /** Changes one submission in a step of `action`'s states, by the sides that answer. */
  function answerStep(
    caller: Caller,
    input: { dialogueId: string; submissionId: string },
    auditAction: string,
    action: DialogueAction,
    from: readonly SubmissionStatus[],
    change: (submission: Submission, today: string) => Submission,
  ): Promise<Submission> {
    return changeDialogue(context, caller, input.dialogueId, auditAction, async (dialogueChange) => {
      requireRole(dialogueChange.role, ['organiser', 'worker_side']);
      requireState(dialogueChange.record.dialogue, action);
      const submission = await liveSubmission(dialogueChange, input.submissionId);
      if (!from.includes(submission.status))
        throw new ApiError('conflict', `this submission is "${submission.status}": it cannot be answered so now`, {
          reason: { key: 'submission_wrong_status', values: { label: submissionStatusNames[submission.status] } },
        });
      const changed = change(submission, dialogueChange.today);
      await dialogueChange.tx.dialogues.updateSubmission(changed);
      const dialogue = await withFollowUp(dialogueChange.tx, dialogueChange.record.dialogue, dialogueChange.today);
      return { ...(dialogue === dialogueChange.record.dialogue ? {} : { dialogue }), result: changed, details: { submissionId: changed.id } };
    });
  }

  return {
    async list(input: ApiParsedInput<'submissions/list'>, caller: Caller) {
      await visibleDialogue(context, caller, input.dialogueId);
      const page = await store.dialogues.listSubmissions(input.dialogueId, {
        ...(input.topic === undefined ? {} : { topic: input.topic }),
        untagged: input.untagged,
        ...(input.status === undefined ? {} : { status: input.status }),
        includeMerged: input.includeMerged,
        after: input.after,
        limit: input.limit,
      });
      const last = page.items.at(-1);
      const more = last !== undefined && page.items.length === input.limit;
      return { items: page.items, nextAfter: more ? last.number : null, total: page.total, topics: await store.dialogues.topics(input.dialogueId) };
    },

    /** A submission a side collected, or a question raised in the meeting (recorded for the minutes). */
    async add(input: ApiParsedInput<'submissions/add'>, caller: Caller): Promise<Submission> {
      const { dialogue } = await visibleDialogue(context, caller, input.dialogueId);
      if (input.article) await checkedArticle(input.article, dialogue.workspaceId);
      return changeDialogue(context, caller, input.dialogueId, 'dialogue.submission_added', async (change) => {
        requireRole(change.role, ['organiser', 'worker_side']);
        requireState(change.record.dialogue, input.source === 'floor' ? 'floor_question' : 'add_submission');
        const submission = await change.tx.dialogues.addSubmission(
          fresh(input.dialogueId, {
            text: input.text,
            submitterName: input.submitterName ?? null,
            unit: input.unit,
            source: input.source,
            topic: input.topic ?? null,
            article: input.article ?? null,
          }),
          null,
        );
        return { result: submission, details: { submissionId: submission.id } };
      });
    },

    /**
     * A worker without an account submits through the dialogue's code: the name is optional, the
     * text bounded (the schema), and each network limited (publicSubmissionLimits). A refused
     * submission stores nothing; the worker learns the number of theirs, never another's.
     */
    async submit(input: ApiParsedInput<'submissions/submit'>, remoteAddress: string | undefined) {
      const { dialogue } = await dialogueOfCode(context, input.code, remoteAddress);
      const clientKey = remoteAddress === undefined ? 'local' : limitKeyOf(remoteAddress);
      return context.store.transaction(
        async (tx) => {
          const current = (await tx.dialogues.get(dialogue.id))?.dialogue ?? dialogue;
          if (!current.submissionsOpen || !['draft', 'agenda_sent', 'held'].includes(current.state))
            throw new ApiError('conflict', 'this dialogue no longer takes submissions', { reason: { key: 'submissions_closed' } });
          const at = context.now();
          const limits = publicSubmissionLimits;
          const recent = await tx.dialogues.publicSubmissionsSince(current.id, clientKey, at - limits.windowMs);
          const limited = recent.client >= limits.perAddress ? recent.clientOldest : recent.all >= limits.overall ? recent.allOldest : null;
          if (limited !== null) {
            const retryAt = limited + limits.windowMs;
            context.logger.log('warn', 'dialogue.submissions_limited', { address: remoteAddress ?? 'local', dialogueId: current.id });
            throw new ApiError('rate_limited', 'too many submissions from this network for now', {
              reason: { key: 'submission_limit', values: { time: formatVietnamTime(retryAt) } },
              retryAfterSeconds: Math.max(1, Math.ceil((retryAt - at) / 1000)),
            });
          }
          const submission = await tx.dialogues.addSubmission(
            fresh(current.id, { text: input.text, submitterName: input.name ?? null, unit: input.unit, source: 'link', topic: null, article: null }),
            clientKey,
          );
          await tx.audit.record({
            at,
            actor: 'anonymous',
            action: 'dialogue.submitted',
            documentId: null,
            details: { dialogueId: current.id, submissionId: submission.id },
          });
          return { dialogueTitle: current.title, number: submission.number, receivedAt: submission.createdAt };
        },
        { documentId: dialogueLockKey(dialogue.id) },
      );
    },

    /** Sets or clears the topic and the article a submission concerns. */
    async tag(input: ApiParsedInput<'submissions/tag'>, caller: Caller): Promise<Submission> {
      const { dialogue } = await visibleDialogue(context, caller, input.dialogueId);
      if (input.article) await checkedArticle(input.article, dialogue.workspaceId);
      return changeDialogue(context, caller, input.dialogueId, 'dialogue.submission_tagged', async (change) => {
        requireRole(change.role, ['organiser', 'worker_side']);
        requireState(change.record.dialogue, 'sort_submissions');
        const submission = await liveSubmission(change, input.submissionId);
        const tagged: Submission = {
          ...submission,
          topic: input.topic === undefined ? submission.topic : input.topic,
          article: input.article === undefined ? submission.article : input.article,
        };
        await change.tx.dialogues.updateSubmission(tagged);
        return { result: tagged, details: { submissionId: tagged.id } };
      });
    },

    /** Merges duplicates into one: it keeps their wordings (and those merged into them) and counts everyone who asked. */
    async merge(input: ApiParsedInput<'submissions/merge'>, caller: Caller): Promise<Submission> {
      return changeDialogue(context, caller, input.dialogueId, 'dialogue.submissions_merged', async (change) => {
        requireRole(change.role, ['organiser', 'worker_side']);
        requireState(change.record.dialogue, 'sort_submissions');
        const mergeIds = [...new Set(input.mergeIds)];
        if (mergeIds.includes(input.keepId))
          throw new ApiError('invalid_input', 'mergeIds: a submission is not merged into itself', { reason: { key: 'submission_merge_itself' } });
        let kept = await liveSubmission(change, input.keepId);
        for (const id of mergeIds) {
          const merged = await liveSubmission(change, id);
          kept = {
            ...kept,
            count: kept.count + merged.count,
            mergedWordings: [
              ...kept.mergedWordings,
              { id: merged.id, number: merged.number, text: merged.text, submitterName: merged.submitterName },
              ...merged.mergedWordings,
            ],
            topic: kept.topic ?? merged.topic,
            article: kept.article ?? merged.article,
          };
          await change.tx.dialogues.updateSubmission({ ...merged, status: 'merged', mergedInto: kept.id, mergedWordings: [], count: 0 });
        }
        await change.tx.dialogues.updateSubmission(kept);
        return { result: kept, details: { submissionId: kept.id, merged: mergeIds } };
      });
    },

    /** Answered in the meeting: the answer goes into the minutes. */
    answerDirectly(input: ApiParsedInput<'submissions/answerDirectly'>, caller: Caller): Promise<Submission> {
      return answerStep(caller, input, 'dialogue.answered', 'answer_directly', ['open', 'answered'], (submission, today) => {
        const on = input.on ?? today;
        return { ...submission, status: 'answered', answer: input.text, answeredOn: on, owner: null, due: null };
      });
    },

    /** Left for a written answer: who owes it (a person or, at province scale, a department) and by when. */
    assignWritten(input: ApiParsedInput<'submissions/assignWritten'>, caller: Caller): Promise<Submission> {
      return answerStep(caller, input, 'dialogue.answer_assigned', 'written_answers', ['open', 'written'], (submission) => ({
        ...submission,
        status: 'written',
        owner: input.owner,
        due: input.due,
      }));
    },

    answerInWriting(input: ApiParsedInput<'submissions/answerInWriting'>, caller: Caller): Promise<Submission> {
      return answerStep(caller, input, 'dialogue.answered_in_writing', 'written_answers', ['open', 'written', 'answered_in_writing'], (submission, today) => {
        const on = input.on ?? today;
        requireOnOrAfter(on, vietnamDate(submission.createdAt));
        return { ...submission, status: 'answered_in_writing', answer: input.text, answeredOn: on };
      });
    },

    /**
     * The question becomes, in one step, the worker side's amendment proposal on the article it is
     * linked to: put on the table when the agreement is in bargaining (through the negotiation's
     * own service), else kept as the worker side's draft position for the next round (the caller
     * is told which). Made by a participant of the worker side in that agreement.
     */
    async propose(input: ApiParsedInput<'submissions/propose'>, caller: Caller) {
      const { dialogue } = await visibleDialogue(context, caller, input.dialogueId);
      requireRole(dialogueRoleOf(caller), ['worker_side']);
      if (caller.kind !== 'participant')
        throw new ApiError('forbidden', 'proposals are made by participants of the agreement', { reason: { key: 'participants_only' } });
      const submission = await store.dialogues.getSubmission(dialogue.id, input.submissionId);
      if (!submission) throw new ApiError('not_found', `no submission "${input.submissionId}" in this dialogue`, { reason: { key: 'submission_not_found' } });
      if (submission.status === 'merged')
        throw new ApiError('conflict', 'this submission was merged into another one: act on that one', { reason: { key: 'submission_merged' } });
      if (submission.proposal?.proposalId)
        throw new ApiError('conflict', 'this question is already a proposal on the table', { reason: { key: 'submission_already_proposed' } });
      const link = submission.article;
      if (!link) throw new ApiError('conflict', 'link the submission to an article first', { reason: { key: 'submission_no_article' } });
      if (link.documentId !== input.documentId)
        throw new ApiError('invalid_input', 'the submission is linked to an article of another document', { reason: { key: 'submission_article_elsewhere' } });
      const article = await checkedArticle(link, dialogue.workspaceId);
      const document = await store.documents.get(input.documentId);
      const rationale = `${submission.text}\n\n(${dialogue.title}, #${submission.number})`;
      let proposalId: string | null = null;
      if (document?.lifecycleState === 'bargaining') {
        proposalId = (await proposals.create({ documentId: input.documentId, clauseId: link.clauseId, kind: 'replace', article, rationale }, caller)).id;
      } else {
        await store.draftProposals.insert(input.documentId, caller.participantId, {
          id: context.newId(),
          clauseId: link.clauseId,
          kind: 'replace',
          article,
          values: {},
          origin: 'dialogue',
          createdAt: iso(context.now()),
        });
        rooms.notifyParticipant(input.documentId, caller.participantId, 'drafts');
      }
      const proposal = { documentId: input.documentId, clauseId: link.clauseId, proposalId, keptAsDraft: proposalId === null };
      const recorded = await changeDialogue(context, caller, input.dialogueId, 'dialogue.submission_proposed', async (change) => {
        const current = await liveSubmission(change, submission.id);
        const updated = { ...current, proposal };
        await change.tx.dialogues.updateSubmission(updated);
        return { result: updated, details: { submissionId: updated.id, documentId: input.documentId, proposalId } };
      });
      return { submission: recorded, proposalId, keptAsDraft: proposalId === null };
    },
  };
}
