import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type * as Y from 'yjs';
import { readArticle } from '#shared/document/articles';
import { bodyOf, placePhrase, quoteOf, type PhraseAnchor, type PhraseAnchorInput } from '#shared/negotiation/phraseAnchor';
import type { Thread, ThreadComment } from '#shared/negotiation/model';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { negotiationActor, type NegotiationActor } from '#main/negotiation/negotiationAccess';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The anchor a comment on a phrase keeps: the range the client sent, which must be a phrase of the
 * article the comment is on in this document, and the words it covers now (never the client's).
 */
function phraseOf(doc: Y.Doc, clauseId: string, input: PhraseAnchorInput): PhraseAnchor {
  const body = bodyOf(doc);
  const place = placePhrase(doc, body, input);
  const quote = place?.clauseId === clauseId ? quoteOf(body, place.range) : '';
  if (quote === '')
    throw new ApiError('invalid_input', `anchor: not a phrase of the article "${clauseId}" in this document`, { reason: { key: 'anchor_not_phrase' } });
  return { start: input.start, end: input.end, quote };
}

export type ThreadsService = ReturnType<typeof createThreadsService>;

/**
 * Comment threads anchored to an article: public ones live in the shared document; internal notes
 * of one side live only in the database and are served to that side alone, so the other side's
 * clients never receive them. Reviewers comment (publicly) only if the host allows it.
 */
export function createThreadsService(context: ServiceContext, rooms: DocumentRooms) {
  const { store } = context;

  async function assertMayComment(actor: NegotiationActor, documentId: string, internal: boolean): Promise<void> {
    if (actor.side !== 'reviewer') return;
    if (internal) throw new ApiError('forbidden', 'internal notes belong to the employer or the union side', { reason: { key: 'internal_notes_sides_only' } });
    if (!(await store.documents.reviewerComments(documentId)))
      throw new ApiError('forbidden', 'the host has not allowed reviewers to comment on this document', { reason: { key: 'reviewer_comments_off' } });
  }

  async function newComment(
    actor: NegotiationActor,
    body: string,
    mentions: string[],
    documentId: string,
    internalSide: string | null,
  ): Promise<ThreadComment> {
    for (const id of mentions) {
      const mentioned = await store.participants.get(id);
      if (!mentioned || mentioned.documentId !== documentId)
        throw new ApiError('invalid_input', `mentions: "${id}" is not a participant of this document`, { reason: { key: 'mention_not_participant' } });
      if (internalSide !== null && mentioned.side !== internalSide)
        throw new ApiError('invalid_input', `mentions: an internal note can only mention people of the ${internalSide} side`, {
          reason: { key: 'mention_other_side' },
        });
    }
    return {
      id: context.newId(),
      authorId: actor.participantId,
      authorName: actor.participant.displayName,
      side: actor.side,
      body,
      mentions,
      createdAt: iso(context.now()),
    };
  }

  function audit(actor: NegotiationActor, action: string, documentId: string, details: Record<string, unknown>): Promise<void> {
    return store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details });
  }

  /** Where a thread of the document the actor may see lives: in the shared document, or internal to the actor's side. */
  async function locate(
    documentId: string,
    threadId: string,
    actor: NegotiationActor,
  ): Promise<{ kind: 'public' } | { kind: 'internal'; side: 'employer' | 'union' }> {
    const internalSide = await store.internalThreads.sideOf(documentId, threadId);
    if (internalSide !== undefined) {
      if (internalSide !== actor.side) throw new ApiError('not_found', `no thread "${threadId}" in this document`, { reason: { key: 'thread_not_found' } });
      return { kind: 'internal', side: internalSide };
    }
    return { kind: 'public' };
  }

  /**
   * Changes a public thread as it is in the document at that moment (read and written in one
   * server change, so that two replies at once both stay); not_found when there is none.
   */
  async function changePublicThread(documentId: string, threadId: string, actor: NegotiationActor, change: (thread: Thread) => Thread): Promise<Thread> {
    return rooms.withRoom(documentId, async (room) => {
      let updated: Thread | null = null;
      await room.change(actor.participantId, (doc) => {
        const maps = negotiationMaps(doc);
        const thread = maps.thread(threadId);
        if (!thread) throw new ApiError('not_found', `no thread "${threadId}" in this document`, { reason: { key: 'thread_not_found' } });
        updated = change(thread);
        maps.saveThread(updated);
      });
      return updated as unknown as Thread;
    });
  }

  async function internalThread(documentId: string, side: 'employer' | 'union', threadId: string): Promise<Thread> {
    return (await store.internalThreads.listForSide(documentId, side)).find((t) => t.id === threadId) as Thread;
  }

  async function setResolved(documentId: string, threadId: string, resolved: boolean, caller: Caller): Promise<Thread> {
    const actor = await negotiationActor(context, caller, documentId, true);
    if (actor.side === 'reviewer')
      throw new ApiError('forbidden', 'threads are resolved by the employer or the union side', { reason: { key: 'threads_resolved_by_sides' } });
    const found = await locate(documentId, threadId, actor);
    const resolution = resolved ? { at: context.now(), byName: actor.participant.displayName } : null;
    let result: Thread;
    if (found.kind === 'internal') {
      await store.internalThreads.setResolved(threadId, resolution);
      rooms.notifySide(documentId, found.side, 'threads');
      result = await internalThread(documentId, found.side, threadId);
    } else {
      result = await changePublicThread(documentId, threadId, actor, (thread) => ({
        ...thread,
        resolvedAt: resolution ? iso(resolution.at) : null,
        resolvedByName: resolution?.byName ?? null,
      }));
    }
    await audit(actor, resolved ? 'thread.resolved' : 'thread.reopened', documentId, { threadId });
    return result;
  }

  /** The comments mentioning a participant that they have opened, in a stable order. */
  async function mentionsReadBy(documentId: string, participantId: string): Promise<string[]> {
    return (await store.mentionReads.readBy(documentId, participantId)).sort();
  }

  return {
    async create(
      input: { documentId: string; clauseId: string; body: string; internal: boolean; mentions: string[]; anchor?: PhraseAnchorInput },
      caller: Caller,
    ): Promise<Thread> {
      const actor = await negotiationActor(context, caller, input.documentId, true);
      await assertMayComment(actor, input.documentId, input.internal);
      const side = actor.side === 'reviewer' ? null : actor.side;
      const comment = await newComment(actor, input.body, input.mentions, input.documentId, input.internal ? side : null);
      const thread = await rooms.withRoom(input.documentId, async (room) => {
        if (!readArticle(room.doc, input.clauseId))
          throw new ApiError('not_found', `no article with clauseId "${input.clauseId}" in this document`, { reason: { key: 'article_not_found' } });
        const created: Thread = {
          id: context.newId(),
          clauseId: input.clauseId,
          ...(input.anchor ? { anchor: phraseOf(room.doc, input.clauseId, input.anchor) } : {}),
          visibility: input.internal && side ? side : 'public',
          comments: [comment],
          createdAt: comment.createdAt,
          resolvedAt: null,
          resolvedByName: null,
        };
        if (input.internal && side) {
          await store.internalThreads.create(
            input.documentId,
            { id: created.id, clauseId: input.clauseId, side, anchor: created.anchor },
            { ...comment, at: context.now() },
          );
          rooms.notifySide(input.documentId, side, 'threads');
        } else {
          await room.change(actor.participantId, (doc) => negotiationMaps(doc).saveThread(created));
        }
        return created;
      });
      await audit(actor, 'thread.created', input.documentId, {
        threadId: thread.id,
        clauseId: input.clauseId,
        visibility: thread.visibility,
        onPhrase: thread.anchor !== undefined,
      });
      return thread;
    },

    async reply(input: { documentId: string; threadId: string; body: string; mentions: string[] }, caller: Caller): Promise<Thread> {
      const actor = await negotiationActor(context, caller, input.documentId, true);
      const found = await locate(input.documentId, input.threadId, actor);
      await assertMayComment(actor, input.documentId, found.kind === 'internal');
      const comment = await newComment(actor, input.body, input.mentions, input.documentId, found.kind === 'internal' ? found.side : null);
      let result: Thread;
      if (found.kind === 'internal') {
        await store.internalThreads.reply(input.threadId, { ...comment, at: context.now() });
        rooms.notifySide(input.documentId, found.side, 'threads');
        result = await internalThread(input.documentId, found.side, input.threadId);
      } else {
        result = await changePublicThread(input.documentId, input.threadId, actor, (thread) => ({ ...thread, comments: [...thread.comments, comment] }));
      }
      await audit(actor, 'thread.replied', input.documentId, { threadId: input.threadId });
      return result;
    },

    resolve: (documentId: string, threadId: string, caller: Caller) => setResolved(documentId, threadId, true, caller),
    reopen: (documentId: string, threadId: string, caller: Caller) => setResolved(documentId, threadId, false, caller),

    /**
     * Records comments that mention the caller as read by them (opened from their list of
     * mentions); every one must be a comment they can see that mentions them.
     */
    async markMentionsRead(documentId: string, commentIds: readonly string[], caller: Caller): Promise<{ mentionsRead: string[] }> {
      const actor = await negotiationActor(context, caller, documentId, false);
      const visible = [
        ...(await rooms.withRoom(documentId, (room) => negotiationMaps(room.doc).allThreads())),
        ...(actor.side === 'reviewer' ? [] : await store.internalThreads.listForSide(documentId, actor.side)),
      ];
      const mentioning = new Set(
        visible.flatMap((thread) =>
          thread.comments
            .filter((comment) => comment.authorId !== actor.participantId && comment.mentions.includes(actor.participantId))
            .map((comment) => comment.id),
        ),
      );
      for (const id of commentIds)
        if (!mentioning.has(id))
          throw new ApiError('invalid_input', `commentIds: "${id}" is not a comment of this document that mentions you`, {
            reason: { key: 'mention_not_yours' },
          });
      await store.mentionReads.markRead(documentId, actor.participantId, [...new Set(commentIds)], context.now());
      return { mentionsRead: await mentionsReadBy(documentId, actor.participantId) };
    },

    mentionsReadBy,

    /** The caller's side's internal threads (public ones are read from the shared document). */
    async internalFor(documentId: string, side: string): Promise<Thread[]> {
      return side === 'employer' || side === 'union' ? store.internalThreads.listForSide(documentId, side) : [];
    },
  };
}
