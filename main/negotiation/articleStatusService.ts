import type * as Y from 'yjs';
import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { articleText, readArticle } from '#shared/document/articles';
import type { ArticleNegotiation } from '#shared/negotiation/model';
import { bargainingSideOf } from '#shared/negotiation/proposalRules';
import type { DocumentRooms } from '#main/services/documentRooms';
import type { ServiceContext } from '#main/services/serviceContext';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { negotiationActor, type NegotiationActor } from '#main/negotiation/negotiationAccess';

const iso = (ms: number): string => new Date(ms).toISOString();

export type ArticleStatusService = ReturnType<typeof createArticleStatusService>;

/**
 * Article statuses: open, agreed (a tentative agreement: each side marks it, and it is agreed only
 * when both have), disputed. Editing an agreed article reopens it, and both sides see that it did.
 */
export function createArticleStatusService(context: ServiceContext, rooms: DocumentRooms) {
  function update(documentId: string, clauseId: string, caller: Caller, action: string, change: (status: ArticleNegotiation, actor: NegotiationActor, doc: Y.Doc) => ArticleNegotiation): ArticleNegotiation {
    const actor = negotiationActor(context, caller, documentId, true);
    const side = bargainingSideOf(actor);
    if (typeof side !== 'string') throw new ApiError(side.code, side.message);
    return rooms.withRoom(documentId, (room) => {
      if (!readArticle(room.doc, clauseId)) throw new ApiError('not_found', `no article with clauseId "${clauseId}" in this document`);
      let result: ArticleNegotiation | null = null;
      room.change(actor.participantId, (doc) => {
        const maps = negotiationMaps(doc);
        result = change(maps.article(clauseId), actor, doc);
        maps.saveArticle(result);
      });
      context.store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details: { clauseId } });
      if (!result) throw new ApiError('internal', 'the status was not recorded');
      return result;
    });
  }

  return {
    /**
     * One side marks the article agreed; it is agreed when both have marked the same text. A mark
     * made on a text edited since no longer counts: nobody agrees to a text they have not seen.
     */
    agree(documentId: string, clauseId: string, caller: Caller): ArticleNegotiation {
      return update(documentId, clauseId, caller, 'article.agreed', (status, actor, doc) => {
        const now = iso(context.now());
        const article = readArticle(doc, clauseId);
        const text = article ? articleText(article) : null;
        const earlierMarks = status.agreedText === text ? { employerAgreedAt: status.employerAgreedAt, unionAgreedAt: status.unionAgreedAt } : { employerAgreedAt: null, unionAgreedAt: null };
        const marked = { ...status, ...earlierMarks, disputedAt: null, reopened: null, [actor.side === 'employer' ? 'employerAgreedAt' : 'unionAgreedAt']: now };
        const both = marked.employerAgreedAt !== null && marked.unionAgreedAt !== null;
        return { ...marked, status: both ? 'agreed' : 'open', agreedText: text };
      });
    },

    /** A side declares the article disputed, with its position for the minutes; agreements are cleared. */
    dispute(documentId: string, clauseId: string, position: string | undefined, caller: Caller): ArticleNegotiation {
      return update(documentId, clauseId, caller, 'article.disputed', (status, actor) => ({
        ...status,
        status: 'disputed',
        disputedAt: iso(context.now()),
        employerAgreedAt: null,
        unionAgreedAt: null,
        agreedText: null,
        reopened: null,
        positions: position ? { ...status.positions, [actor.side]: position } : status.positions,
      }));
    },

    reopen(documentId: string, clauseId: string, caller: Caller): ArticleNegotiation {
      return update(documentId, clauseId, caller, 'article.reopened', (status) => ({ ...status, status: 'open', employerAgreedAt: null, unionAgreedAt: null, agreedText: null, disputedAt: null }));
    },

    /**
     * After clients' edits are stored: an agreed article whose text now differs from the agreed text
     * is reopened, naming who edited it (both sides see the notice in the document).
     */
    reopenEditedArticles(documentId: string, edits: ReadonlyMap<string, string | null>): void {
      rooms.withRoom(documentId, (room) => {
        const maps = negotiationMaps(room.doc);
        const reopen = [...edits].flatMap(([clauseId, participantId]) => {
          const status = maps.article(clauseId);
          // Most edits are of articles not agreed: only an agreed one's text is read (a walk of the body).
          if (status.status !== 'agreed') return [];
          const article = readArticle(room.doc, clauseId);
          return !article || articleText(article) !== status.agreedText ? [{ status, participantId }] : [];
        });
        if (reopen.length === 0) return;
        room.change(null, (doc) => {
          for (const { status, participantId } of reopen) {
            const byName = participantId === null ? null : (context.store.participants.get(participantId)?.displayName ?? participantId);
            negotiationMaps(doc).saveArticle({ ...status, status: 'open', employerAgreedAt: null, unionAgreedAt: null, agreedText: null, reopened: { at: iso(context.now()), byName } });
            context.store.audit.record({ at: context.now(), actor: participantId === null ? 'admin' : `participant:${participantId}`, action: 'article.reopened_by_edit', documentId, details: { clauseId: status.clauseId } });
          }
        });
      });
    },
  };
}
