import type { ApiHandlers } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { readContent } from '#shared/document/yjsContent';
import { buildMinutes } from '#shared/negotiation/minutes';
import { shownArticleStatus, suggestingSidesByArticle, suggestionsAsPositions } from '#shared/negotiation/suggestionPositions';
import { vietnamDate, vietnamMidnight } from '#shared/format/vietnamTime';
import { foldEvents } from '#shared/lifecycle/record';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { actorOf, assertNotArchived, visibleDocument } from '#main/kernel/access';
import { createArticleStatusService } from '#main/negotiation/articleStatusService';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { createProposalsService } from '#main/negotiation/proposalsService';
import { createThreadsService } from '#main/negotiation/threadsService';
import { createCostingService } from '#main/negotiation/costingService';

type NegotiationMethod =
  | 'negotiation/state'
  | 'negotiation/minutes'
  | 'negotiation/setReviewerComments'
  | 'proposals/get'
  | 'proposals/create'
  | 'proposals/createPackage'
  | 'proposals/accept'
  | 'proposals/reject'
  | 'proposals/counter'
  | 'proposals/withdraw'
  | 'articles/agree'
  | 'articles/dispute'
  | 'articles/reopen'
  | 'articles/requestReopen'
  | 'articles/answerReopen'
  | 'drafts/discard'
  | 'threads/create'
  | 'threads/reply'
  | 'threads/resolve'
  | 'threads/reopen'
  | 'mentions/markRead';

/** The negotiation half of the API: proposals, article statuses, threads, minutes. */
export function createNegotiationHandlers(context: ServiceContext, rooms: DocumentRooms): Pick<ApiHandlers, NegotiationMethod> {
  const proposals = createProposalsService(context, rooms);
  const articles = createArticleStatusService(context, rooms);
  const threads = createThreadsService(context, rooms);
  const costing = createCostingService(context, rooms);
  // An edit refused because it touched what both sides agreed is kept as its author's drafts.
  context.events.on('agreedEditRefused', async ({ documentId, participantId, attempted }) => {
    await rooms.withRoom(documentId, (room) => proposals.keepRefusedEdit(documentId, participantId, room.doc, attempted));
  });

  return {
    'negotiation/state': async ({ documentId }, caller) => {
      await visibleDocument(context, caller, documentId);
      const side = caller.kind === 'participant' ? caller.side : null;
      const shared = await rooms.withRoom(documentId, (room) => {
        const maps = negotiationMaps(room.doc);
        const articles = maps.allArticles();
        // Read from the server's own copy: the body and the records it wrote, never a client's word.
        const { positions } = suggestionsAsPositions(room.doc);
        const suggesting = suggestingSidesByArticle(positions);
        const shownStatuses = articles.flatMap((status) => {
          const shown = shownArticleStatus(status, suggesting.get(status.clauseId) ?? []);
          return shown.status === status.status ? [] : [{ clauseId: status.clauseId, ...shown }];
        });
        return { proposals: maps.allProposals(), articles, threads: maps.allThreads(), suggestionPositions: positions, shownStatuses };
      });
      // Decided positions go in short: a long negotiation's history would otherwise make every read
      // of the state megabytes long (the articles offered, the texts they were made on).
      const open = shared.proposals.filter((proposal) => proposal.status === 'open');
      const decided = shared.proposals
        .filter((proposal) => proposal.status !== 'open')
        .map(({ article: _article, baseText: _baseText, ...summary }) => summary);
      return {
        ...shared,
        proposals: open,
        decided,
        threads: [...shared.threads, ...(side ? await threads.internalFor(documentId, side) : [])],
        drafts: caller.kind === 'participant' ? await proposals.draftsOf(documentId, caller.participantId) : [],
        reviewerCommentsAllowed: await context.store.documents.reviewerComments(documentId),
        mentionsRead: caller.kind === 'participant' ? await threads.mentionsReadBy(documentId, caller.participantId) : [],
      };
    },
    'negotiation/minutes': async ({ documentId, since }, caller) => {
      const document = await visibleDocument(context, caller, documentId);
      const now = new Date(context.now()).toISOString();
      // By default the session began at midnight today in Vietnam.
      const sessionStart = since ?? vietnamMidnight(vietnamDate(context.now()));
      const [participants, events, publishedScenarios] = await Promise.all([
        context.store.participants.listByDocument(documentId),
        context.store.lifecycle.listByDocument(documentId),
        costing.published(documentId),
      ]);
      // The articles left out of the agreement and the draft put to the vote are the lifecycle's record (Art. 71, 76).
      const round = foldEvents(document.kind, events).current;
      return rooms.withRoom(documentId, (room) => {
        const maps = negotiationMaps(room.doc);
        return buildMinutes({
          documentTitle: document.title,
          blocks: readContent(room.doc),
          proposals: maps.allProposals(),
          articles: maps.allArticles(),
          participants: participants.filter((p) => p.revokedAt === null),
          round,
          since: sessionStart,
          now,
          publishedScenarios,
          suggestions: suggestionsAsPositions(room.doc).history,
        });
      });
    },
    'negotiation/setReviewerComments': async ({ documentId, allowed }, caller) => {
      // A setting of the document like its title: an archived document no longer changes.
      assertNotArchived(await visibleDocument(context, caller, documentId));
      const at = context.now();
      await context.store.transaction(async (tx) => {
        await tx.documents.setReviewerComments(documentId, allowed, at);
        await tx.audit.record({ at, actor: actorOf(caller), action: 'document.reviewer_comments', documentId, details: { allowed } });
      });
      return { allowed };
    },
    'proposals/get': async ({ documentId, proposalId }, caller) => {
      await visibleDocument(context, caller, documentId);
      const found = await rooms.withRoom(documentId, (room) => negotiationMaps(room.doc).proposal(proposalId));
      if (!found) throw new ApiError('not_found', `no proposal "${proposalId}" in this document`, { reason: { key: 'proposal_not_found' } });
      return found;
    },
    'proposals/create': async (input, caller) => proposals.create(input, caller),
    'proposals/createPackage': async ({ documentId, rationale, items }, caller) => proposals.createPackage(documentId, rationale, items, caller),
    'proposals/accept': async ({ documentId, proposalId }, caller) => proposals.accept(documentId, proposalId, caller),
    'proposals/reject': async ({ documentId, proposalId, reason }, caller) => proposals.reject(documentId, proposalId, reason, caller),
    'proposals/counter': async ({ documentId, proposalId, ...draft }, caller) => proposals.counter(documentId, proposalId, draft, caller),
    'proposals/withdraw': async ({ documentId, proposalId }, caller) => proposals.withdraw(documentId, proposalId, caller),
    'articles/agree': async ({ documentId, clauseId }, caller) => articles.agree(documentId, clauseId, caller),
    'articles/dispute': async ({ documentId, clauseId, position }, caller) => articles.dispute(documentId, clauseId, position, caller),
    'articles/reopen': async ({ documentId, clauseId }, caller) => articles.reopen(documentId, clauseId, caller),
    'articles/requestReopen': async ({ documentId, clauseId, reason }, caller) => articles.requestReopen(documentId, clauseId, reason, caller),
    'articles/answerReopen': async ({ documentId, clauseId, accept, reason }, caller) => articles.answerReopen(documentId, clauseId, accept, reason, caller),
    'drafts/discard': async ({ documentId, draftId }, caller) => ({ discarded: await proposals.discardDraft(documentId, draftId, caller) }),
    'threads/create': async (input, caller) => threads.create(input, caller),
    'threads/reply': async (input, caller) => threads.reply(input, caller),
    'threads/resolve': async ({ documentId, threadId }, caller) => threads.resolve(documentId, threadId, caller),
    'threads/reopen': async ({ documentId, threadId }, caller) => threads.reopen(documentId, threadId, caller),
    'mentions/markRead': async ({ documentId, commentIds }, caller) => threads.markMentionsRead(documentId, commentIds, caller),
  };
}
