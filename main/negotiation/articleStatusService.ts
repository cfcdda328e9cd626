import type * as Y from 'yjs';
import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { articleText, readArticle } from '#shared/document/articles';
import type { ArticleEvent, ArticleNegotiation, BargainingSide } from '#shared/negotiation/model';
import { bargainingSideOf } from '#shared/negotiation/proposalRules';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { negotiationActor, type NegotiationActor } from '#main/negotiation/negotiationAccess';

const iso = (ms: number): string => new Date(ms).toISOString();

export type ArticleStatusService = ReturnType<typeof createArticleStatusService>;

interface Step {
  actor: NegotiationActor;
  side: BargainingSide;
  now: string;
  doc: Y.Doc;
  /** The status with this step appended to its history. */
  noted(status: ArticleNegotiation, type: ArticleEvent['type'], note?: string | null): ArticleNegotiation;
}

/**
 * Article statuses: open, agreed (a tentative agreement: each side marks it, and it is agreed only
 * when both have), disputed. An agreed article is locked (S23): it changes only through a position
 * the other side accepts, or once both sides consent to reopen it (one asks, the other accepts).
 */
export function createArticleStatusService(context: ServiceContext, rooms: DocumentRooms) {
  async function update(
    documentId: string,
    clauseId: string,
    caller: Caller,
    action: string,
    change: (status: ArticleNegotiation, step: Step) => ArticleNegotiation,
  ): Promise<ArticleNegotiation> {
    const actor = await negotiationActor(context, caller, documentId, true);
    const side = bargainingSideOf(actor);
    if (typeof side !== 'string') throw new ApiError(side.code, side.message, { reason: { key: side.reason } });
    const result = await rooms.withRoom(documentId, async (room) => {
      if (!readArticle(room.doc, clauseId))
        throw new ApiError('not_found', `no article with clauseId "${clauseId}" in this document`, { reason: { key: 'article_not_found' } });
      const now = iso(context.now());
      const noted = (status: ArticleNegotiation, type: ArticleEvent['type'], note: string | null = null): ArticleNegotiation => ({
        ...status,
        history: [...status.history, { type, side, byName: actor.participant.displayName, at: now, note }],
      });
      // Decided on the current status before anything is written: a refusal changes nothing.
      const changed = change(negotiationMaps(room.doc).article(clauseId), { actor, side, now, doc: room.doc, noted });
      await room.change(actor.participantId, (doc) => negotiationMaps(doc).saveArticle(changed));
      return changed;
    });
    await context.store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details: { clauseId } });
    return result;
  }

  const otherSide = (side: BargainingSide): BargainingSide => (side === 'employer' ? 'union' : 'employer');

  const reopened = (status: ArticleNegotiation, step: Step): ArticleNegotiation =>
    step.noted(
      {
        ...status,
        status: 'open',
        employerAgreedAt: null,
        unionAgreedAt: null,
        agreedText: null,
        disputedAt: null,
        reopenRequest: null,
        reopened: { at: step.now, byName: step.actor.participant.displayName },
      },
      'reopened',
    );

  const refuseWhenAgreed = (status: ArticleNegotiation, what: string): void => {
    if (status.status === 'agreed')
      throw new ApiError('conflict', `this article is agreed by both sides: to ${what} it, ask the other side to reopen it first`, {
        reason: { key: 'article_agreed' },
      });
  };

  return {
    /**
     * One side marks the article agreed; it is agreed when both have marked the same text. A mark
     * made on a text edited since no longer counts: nobody agrees to a text they have not seen.
     */
    agree(documentId: string, clauseId: string, caller: Caller): Promise<ArticleNegotiation> {
      return update(documentId, clauseId, caller, 'article.agreed', (status, step) => {
        if (status.status === 'agreed') return status;
        const article = readArticle(step.doc, clauseId);
        const text = article ? articleText(article) : null;
        const earlierMarks =
          status.agreedText === text
            ? { employerAgreedAt: status.employerAgreedAt, unionAgreedAt: status.unionAgreedAt }
            : { employerAgreedAt: null, unionAgreedAt: null };
        const marked = {
          ...status,
          ...earlierMarks,
          disputedAt: null,
          reopened: null,
          [step.side === 'employer' ? 'employerAgreedAt' : 'unionAgreedAt']: step.now,
        };
        const both = marked.employerAgreedAt !== null && marked.unionAgreedAt !== null;
        return step.noted({ ...marked, status: both ? 'agreed' : 'open', agreedText: text }, 'agreed');
      });
    },

    /** A side declares the article disputed, with its position for the minutes; marks are cleared. */
    dispute(documentId: string, clauseId: string, position: string | undefined, caller: Caller): Promise<ArticleNegotiation> {
      return update(documentId, clauseId, caller, 'article.disputed', (status, step) => {
        refuseWhenAgreed(status, 'dispute');
        return step.noted(
          {
            ...status,
            status: 'disputed',
            disputedAt: step.now,
            employerAgreedAt: null,
            unionAgreedAt: null,
            agreedText: null,
            reopened: null,
            positions: position ? { ...status.positions, [step.side]: position } : status.positions,
          },
          'disputed',
          position ?? null,
        );
      });
    },

    /** A disputed article goes back to open (either side); an agreed one needs both sides' consent. */
    reopen(documentId: string, clauseId: string, caller: Caller): Promise<ArticleNegotiation> {
      return update(documentId, clauseId, caller, 'article.reopened', (status, step) => {
        refuseWhenAgreed(status, 'reopen');
        return reopened(status, step);
      });
    },

    /** One side asks to reopen an agreed article, saying why; when the other side had asked already, it is reopened. */
    requestReopen(documentId: string, clauseId: string, reason: string, caller: Caller): Promise<ArticleNegotiation> {
      return update(documentId, clauseId, caller, 'article.reopen_requested', (status, step) => {
        if (status.status !== 'agreed')
          throw new ApiError('conflict', 'only an article agreed by both sides is reopened by consent; this one is not agreed', {
            reason: { key: 'reopen_not_agreed' },
          });
        if (status.reopenRequest?.side === otherSide(step.side)) return reopened(status, step);
        if (status.reopenRequest?.side === step.side)
          throw new ApiError('conflict', 'your side has already asked to reopen this article; the other side answers', {
            reason: { key: 'reopen_already_asked' },
          });
        return step.noted(
          { ...status, reopenRequest: { side: step.side, byName: step.actor.participant.displayName, at: step.now, reason } },
          'reopen_requested',
          reason,
        );
      });
    },

    /** The other side accepts (the article is open again) or declines (it stays agreed) a request to reopen. */
    answerReopen(documentId: string, clauseId: string, accept: boolean, reason: string | undefined, caller: Caller): Promise<ArticleNegotiation> {
      return update(documentId, clauseId, caller, accept ? 'article.reopened' : 'article.reopen_declined', (status, step) => {
        if (status.status !== 'agreed' || !status.reopenRequest)
          throw new ApiError('conflict', 'nobody has asked to reopen this article', { reason: { key: 'reopen_nobody_asked' } });
        if (status.reopenRequest.side === step.side)
          throw new ApiError('forbidden', 'a request to reopen is answered by the other side', { reason: { key: 'reopen_answered_by_other_side' } });
        return accept ? reopened(status, step) : step.noted({ ...status, reopenRequest: null }, 'reopen_declined', reason ?? null);
      });
    },
  };
}
