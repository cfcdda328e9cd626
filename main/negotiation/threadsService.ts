import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { readArticle } from '#shared/document/articles';
import type { Thread, ThreadComment } from '#shared/negotiation/model';
import type { DocumentRooms } from '#main/services/documentRooms';
import type { ServiceContext } from '#main/services/serviceContext';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { negotiationActor, type NegotiationActor } from '#main/negotiation/negotiationAccess';

const iso = (ms: number): string => new Date(ms).toISOString();

export type ThreadsService = ReturnType<typeof createThreadsService>;

/**
 * Comment threads anchored to an article: public ones live in the shared document; internal notes
 * of one side live only in the database and are served to that side alone, so the other side's
 * clients never receive them. Reviewers comment (publicly) only if the host allows it.
 */
export function createThreadsService(context: ServiceContext, rooms: DocumentRooms) {
  const { store } = context;

  function assertMayComment(actor: NegotiationActor, documentId: string, internal: boolean): void {
    if (actor.side !== 'reviewer') return;
    if (internal) throw new ApiError('forbidden', 'internal notes belong to the employer or the union side', { reason: { key: 'internal_notes_sides_only' } });
    if (!store.documents.reviewerComments(documentId)) throw new ApiError('forbidden', 'the host has not allowed reviewers to comment on this document', { reason: { key: 'reviewer_comments_off' } });
  }

  function newComment(actor: NegotiationActor, body: string, mentions: string[], documentId: string, internalSide: string | null): ThreadComment {
    for (const id of mentions) {
      const mentioned = store.participants.get(id);
      if (!mentioned || mentioned.documentId !== documentId) throw new ApiError('invalid_input', `mentions: "${id}" is not a participant of this document`, { reason: { key: 'mention_not_participant' } });
      if (internalSide !== null && mentioned.side !== internalSide) throw new ApiError('invalid_input', `mentions: an internal note can only mention people of the ${internalSide} side`, { reason: { key: 'mention_other_side' } });
    }
    return { id: context.newId(), authorId: actor.participantId, authorName: actor.participant.displayName, side: actor.side, body, mentions, createdAt: iso(context.now()) };
  }

  function audit(actor: NegotiationActor, action: string, documentId: string, details: Record<string, unknown>): void {
    store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details });
  }

  /** A thread of the document the actor may see: public, or internal to the actor's side. */
  function locate(documentId: string, threadId: string, actor: NegotiationActor): { kind: 'public'; thread: Thread } | { kind: 'internal'; side: 'employer' | 'union' } {
    const internalSide = store.internalThreads.sideOf(documentId, threadId);
    if (internalSide !== undefined) {
      if (internalSide !== actor.side) throw new ApiError('not_found', `no thread "${threadId}" in this document`, { reason: { key: 'thread_not_found' } });
      return { kind: 'internal', side: internalSide };
    }
    const thread = rooms.withRoom(documentId, (room) => negotiationMaps(room.doc).thread(threadId));
    if (!thread) throw new ApiError('not_found', `no thread "${threadId}" in this document`, { reason: { key: 'thread_not_found' } });
    return { kind: 'public', thread };
  }

  function setResolved(documentId: string, threadId: string, resolved: boolean, caller: Caller): Thread {
    const actor = negotiationActor(context, caller, documentId, true);
    if (actor.side === 'reviewer') throw new ApiError('forbidden', 'threads are resolved by the employer or the union side', { reason: { key: 'threads_resolved_by_sides' } });
    const found = locate(documentId, threadId, actor);
    const resolution = resolved ? { at: context.now(), byName: actor.participant.displayName } : null;
    audit(actor, resolved ? 'thread.resolved' : 'thread.reopened', documentId, { threadId });
    if (found.kind === 'internal') {
      store.internalThreads.setResolved(threadId, resolution);
      rooms.notifySide(documentId, found.side, 'threads');
      return store.internalThreads.listForSide(documentId, found.side).find((t) => t.id === threadId) as Thread;
    }
    const updated = { ...found.thread, resolvedAt: resolution ? iso(resolution.at) : null, resolvedByName: resolution?.byName ?? null };
    rooms.withRoom(documentId, (room) => room.change(actor.participantId, (doc) => negotiationMaps(doc).saveThread(updated)));
    return updated;
  }

  return {
    create(input: { documentId: string; clauseId: string; body: string; internal: boolean; mentions: string[] }, caller: Caller): Thread {
      const actor = negotiationActor(context, caller, input.documentId, true);
      assertMayComment(actor, input.documentId, input.internal);
      const side = actor.side === 'reviewer' ? null : actor.side;
      return rooms.withRoom(input.documentId, (room) => {
        if (!readArticle(room.doc, input.clauseId)) throw new ApiError('not_found', `no article with clauseId "${input.clauseId}" in this document`, { reason: { key: 'article_not_found' } });
        const comment = newComment(actor, input.body, input.mentions, input.documentId, input.internal ? side : null);
        const thread: Thread = { id: context.newId(), clauseId: input.clauseId, visibility: input.internal && side ? side : 'public', comments: [comment], createdAt: comment.createdAt, resolvedAt: null, resolvedByName: null };
        if (input.internal && side) {
          store.internalThreads.create(input.documentId, { id: thread.id, clauseId: input.clauseId, side }, { ...comment, at: context.now() });
          rooms.notifySide(input.documentId, side, 'threads');
        } else {
          room.change(actor.participantId, (doc) => negotiationMaps(doc).saveThread(thread));
        }
        audit(actor, 'thread.created', input.documentId, { threadId: thread.id, clauseId: input.clauseId, visibility: thread.visibility });
        return thread;
      });
    },

    reply(input: { documentId: string; threadId: string; body: string; mentions: string[] }, caller: Caller): Thread {
      const actor = negotiationActor(context, caller, input.documentId, true);
      const found = locate(input.documentId, input.threadId, actor);
      assertMayComment(actor, input.documentId, found.kind === 'internal');
      const comment = newComment(actor, input.body, input.mentions, input.documentId, found.kind === 'internal' ? found.side : null);
      audit(actor, 'thread.replied', input.documentId, { threadId: input.threadId });
      if (found.kind === 'internal') {
        store.internalThreads.reply(input.threadId, { ...comment, at: context.now() });
        rooms.notifySide(input.documentId, found.side, 'threads');
        return store.internalThreads.listForSide(input.documentId, found.side).find((t) => t.id === input.threadId) as Thread;
      }
      const updated = { ...found.thread, comments: [...found.thread.comments, comment] };
      rooms.withRoom(input.documentId, (room) => room.change(actor.participantId, (doc) => negotiationMaps(doc).saveThread(updated)));
      return updated;
    },

    resolve: (documentId: string, threadId: string, caller: Caller) => setResolved(documentId, threadId, true, caller),
    reopen: (documentId: string, threadId: string, caller: Caller) => setResolved(documentId, threadId, false, caller),

    /** The caller's side's internal threads (public ones are read from the shared document). */
    internalFor(documentId: string, side: string): Thread[] {
      return side === 'employer' || side === 'union' ? store.internalThreads.listForSide(documentId, side) : [];
    },
  };
}
