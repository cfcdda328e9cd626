import type * as Y from 'yjs';
import { ApiError } from '#shared/api/errors';
import { articleText, insertArticleAfter, readArticle, removeArticle, replaceArticle } from '#shared/document/articles';
import type { ArticleElement } from '#shared/document/nodes';
import type { Proposal, ProposalKind } from '#shared/negotiation/model';
import { bargainingSideOf, checkProposalAction, proposalActionDone, type ProposalAction } from '#shared/negotiation/proposalRules';
import type { Caller } from '#shared/api/caller';
import type { ServiceContext } from '#main/services/serviceContext';
import type { DocumentRooms } from '#main/services/documentRooms';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { negotiationActor, refuse, type NegotiationActor } from '#main/negotiation/negotiationAccess';
import { assertTextOpen, visibleDocument } from '#main/services/access';

const iso = (ms: number): string => new Date(ms).toISOString();

export interface ProposalDraft {
  documentId: string;
  clauseId: string;
  kind: ProposalKind;
  rationale: string;
  article?: ArticleElement;
}

export type ProposalsService = ReturnType<typeof createProposalsService>;

/**
 * Amendment proposals: one side proposes to replace, insert after, or delete an article, with a
 * rationale; the other side accepts (the text changes in one Yjs transaction), rejects with a
 * reason, or counters (the proposal is superseded); the author may withdraw.
 */
export function createProposalsService(context: ServiceContext, rooms: DocumentRooms) {
  const audit = (actor: NegotiationActor, action: string, documentId: string, details: Record<string, unknown>) =>
    context.store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details });

  /** Builds a new open proposal against the current text of its article (which must exist). */
  function draftProposal(doc: Y.Doc, actor: NegotiationActor, draft: ProposalDraft, answers: string | null): Proposal {
    const side = bargainingSideOf(actor);
    if (typeof side !== 'string') throw new ApiError(side.code, side.message);
    const current = readArticle(doc, draft.clauseId);
    if (!current) throw new ApiError('not_found', `no article with clauseId "${draft.clauseId}" in this document`);
    if (draft.kind !== 'delete' && !draft.article) throw new ApiError('invalid_input', 'article: replace and insert_after proposals carry the proposed article');
    const article = draft.kind === 'delete' || !draft.article ? null : { ...draft.article, clauseId: draft.kind === 'replace' ? draft.clauseId : context.newId() };
    return {
      id: context.newId(),
      clauseId: draft.clauseId,
      kind: draft.kind,
      side,
      authorId: actor.participantId,
      authorName: actor.participant.displayName,
      rationale: draft.rationale,
      article,
      baseText: articleText(current),
      status: 'open',
      createdAt: iso(context.now()),
      answers,
      supersededBy: null,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      reason: null,
    };
  }

  function decide(documentId: string, proposalId: string, action: ProposalAction, caller: Caller, apply: (proposal: Proposal, actor: NegotiationActor, doc: Y.Doc) => Proposal): Proposal {
    const actor = negotiationActor(context, caller, documentId, true);
    return rooms.withRoom(documentId, (room) => {
      const existing = negotiationMaps(room.doc).proposal(proposalId);
      if (!existing) throw new ApiError('not_found', `no proposal "${proposalId}" in this document`);
      refuse(checkProposalAction(existing, action, actor));
      let result = existing;
      room.change(actor.participantId, (doc) => {
        result = apply(existing, actor, doc);
      });
      audit(actor, `proposal.${proposalActionDone[action]}`, documentId, { proposalId, clauseId: existing.clauseId });
      return result;
    });
  }

  const decided = (proposal: Proposal, actor: NegotiationActor, status: Proposal['status']): Proposal => ({
    ...proposal,
    status,
    decidedAt: iso(context.now()),
    decidedById: actor.participantId,
    decidedByName: actor.participant.displayName,
  });

  return {
    create(draft: ProposalDraft, caller: Caller): Proposal {
      const actor = negotiationActor(context, caller, draft.documentId, true);
      return rooms.withRoom(draft.documentId, (room) => {
        const proposal = draftProposal(room.doc, actor, draft, null);
        room.change(actor.participantId, (doc) => negotiationMaps(doc).saveProposal(proposal));
        audit(actor, 'proposal.created', draft.documentId, { proposalId: proposal.id, clauseId: proposal.clauseId, kind: proposal.kind });
        return proposal;
      });
    },

    /** Applies the proposal's text and records who accepted it and when, in one transaction. */
    accept(documentId: string, proposalId: string, caller: Caller): Proposal {
      // A text put to the vote or signed changes only through an amendment round (LC Art. 82).
      assertTextOpen(visibleDocument(context, caller, documentId));
      return decide(documentId, proposalId, 'accept', caller, (proposal, actor, doc) => {
        const applied =
          proposal.kind === 'delete' ? removeArticle(doc, proposal.clauseId)
          : proposal.kind === 'replace' && proposal.article ? replaceArticle(doc, proposal.clauseId, proposal.article)
          : proposal.article ? insertArticleAfter(doc, proposal.clauseId, proposal.article) : false;
        if (!applied) throw new ApiError('conflict', 'the article this proposal is about no longer exists; it cannot be applied');
        const accepted = decided(proposal, actor, 'accepted');
        const maps = negotiationMaps(doc);
        maps.saveProposal(accepted);
        // The agreed text is gone: the article is open again until both sides agree on the new one.
        const status = maps.article(proposal.clauseId);
        if (status.status === 'agreed') {
          maps.saveArticle({ ...status, status: 'open', employerAgreedAt: null, unionAgreedAt: null, agreedText: null, reopened: { at: iso(context.now()), byName: actor.participant.displayName } });
        }
        return accepted;
      });
    },

    reject(documentId: string, proposalId: string, reason: string, caller: Caller): Proposal {
      return decide(documentId, proposalId, 'reject', caller, (proposal, actor, doc) => {
        const rejected = { ...decided(proposal, actor, 'rejected'), reason };
        negotiationMaps(doc).saveProposal(rejected);
        return rejected;
      });
    },

    withdraw(documentId: string, proposalId: string, caller: Caller): Proposal {
      return decide(documentId, proposalId, 'withdraw', caller, (proposal, actor, doc) => {
        const withdrawn = decided(proposal, actor, 'withdrawn');
        negotiationMaps(doc).saveProposal(withdrawn);
        return withdrawn;
      });
    },

    /** A counter-proposal answers an open proposal of the other side, which becomes superseded. */
    counter(documentId: string, proposalId: string, draft: { rationale: string; kind?: ProposalKind; article?: ArticleElement }, caller: Caller): Proposal {
      let counter: Proposal | null = null;
      decide(documentId, proposalId, 'counter', caller, (proposal, actor, doc) => {
        counter = draftProposal(doc, actor, { documentId, clauseId: proposal.clauseId, kind: draft.kind ?? proposal.kind, rationale: draft.rationale, article: draft.article }, proposal.id);
        const maps = negotiationMaps(doc);
        maps.saveProposal(counter);
        const superseded = { ...decided(proposal, actor, 'superseded'), supersededBy: counter.id };
        maps.saveProposal(superseded);
        return superseded;
      });
      if (!counter) throw new ApiError('internal', 'the counter-proposal was not recorded');
      return counter;
    },
  };
}
