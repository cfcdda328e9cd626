import type { Caller } from '#shared/api/caller';
import type { CallContext } from '#shared/api/cancellation';
import type { ApiHandlers, ApiMethod } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { syncProtocolVersion } from '#shared/sync/protocol';
import { toDocumentMeta, toParticipant } from '#main/kernel/dto';
import { createDocumentsService } from '#main/services/documentsService';
import { createInvitationsService } from '#main/services/invitationsService';
import { createParticipantsService } from '#main/services/participantsService';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createTemplatesService } from '#main/services/templatesService';
import { createDeploymentService } from '#main/services/deploymentService';
import { scopedCaller } from '#main/kernel/callScope';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import { createNegotiationHandlers } from '#main/negotiation/negotiationHandlers';
import { createCostingHandlers } from '#main/negotiation/costingHandlers';
import { createSuggestionHandlers } from '#main/negotiation/suggestionHandlers';
import { createExportHandlers, type ExportDependencies } from '#main/export/exportHandlers';
import { createFileWorkers } from '#main/export/fileWorkers';
import type { ReportSources } from '#main/export/reportExport';
import { createVersionHandlers } from '#main/versions/versionHandlers';
import { createLifecycleHandlers } from '#main/lifecycle/lifecycleHandlers';
import { createNetworkHandlers } from '#main/server/networkHandlers';
import { createDialogueHandlers } from '#main/dialogue/dialogueHandlers';
import { createDocumentArticlesHandler } from '#main/export/documentArticles';
import type { NetworkShare } from '#main/server/networkShare';

/** What only a running server offers: reading live rooms and printing for exports, sharing on the network. */
export interface HandlerEnvironment extends ExportDependencies {
  network?: NetworkShare;
}

/**
 * Every handler behind the one gate (main/kernel/callScope.ts): a call naming a document reaches
 * its handler only if the caller may see the document, as the caller the gate says it acts for.
 */
function gated(context: ServiceContext, handlers: ApiHandlers): ApiHandlers {
  type AnyHandler = (input: unknown, caller: Caller, call?: CallContext) => Promise<unknown>;
  const gate =
    (method: ApiMethod, handler: AnyHandler): AnyHandler =>
    async (input, caller, call) =>
      handler(input, await scopedCaller(context, method, input, caller), call);
  // Each handler keeps its own input and output: only the caller it is given may change.
  return Object.fromEntries(Object.entries(handlers).map(([method, handler]) => [method, gate(method as ApiMethod, handler as AnyHandler)])) as ApiHandlers;
}

/** The API contract implemented over the services; every transport serves this one map. */
export function createApiHandlers(context: ServiceContext, rooms: DocumentRooms, environment: HandlerEnvironment = {}): ApiHandlers {
  return gated(context, ungatedHandlers(context, rooms, environment));
}

function ungatedHandlers(context: ServiceContext, rooms: DocumentRooms, environment: HandlerEnvironment): ApiHandlers {
  const startedAt = context.now();
  const deployment = createDeploymentService(context);
  const documents = createDocumentsService(context);
  const invitations = createInvitationsService(context);
  const participants = createParticipantsService(context);
  const templates = createTemplatesService(context);
  const negotiation = createNegotiationHandlers(context, rooms);
  const network = createNetworkHandlers(context, environment.network);
  // One worker thread for the long jobs of exports and comparisons, started at the first of them.
  const fileWorkers = environment.fileWorkers ?? createFileWorkers();
  const versions = createVersionHandlers(context, rooms, fileWorkers);
  // Created last, as before: it brings every document's lifecycle up to today at once.
  const lifecycle = createLifecycleHandlers(context, rooms);
  // Reports are exported from what these handlers give the caller: the same access, the same content.
  const reports: ReportSources = {
    minutes: negotiation['negotiation/minutes'],
    complianceReport: lifecycle['compliance/report'],
    lifecycle: lifecycle['lifecycle/get'],
    review: lifecycle['review/get'],
  };
  const dialogues = createDialogueHandlers(context, rooms);

  return {
    'health/get': async () => ({
      status: 'ok',
      version: context.appVersion,
      protocolVersion: syncProtocolVersion,
      uptimeSeconds: Math.round((context.now() - startedAt) / 1000),
      ...rooms.stats(),
    }),
    'session/get': async (_input, caller) => {
      if (caller.kind === 'admin') return { kind: 'admin' };
      if (caller.kind === 'authorityReviewer') {
        const [reviewer, authority] = await Promise.all([
          context.store.authorities.reviewer(caller.reviewerId),
          context.store.authorities.get(caller.authorityId),
        ]);
        if (!reviewer || !authority) throw new ApiError('unauthorized', 'this token no longer matches a reviewer');
        return {
          kind: 'authorityReviewer',
          authority: { id: authority.id, name: authority.name },
          reviewer: { id: reviewer.id, displayName: reviewer.displayName },
        };
      }
      if (caller.kind !== 'participant') throw new ApiError('unauthorized', 'no session without a token', { reason: { key: 'token_needed' } });
      const [participant, document] = await Promise.all([context.store.participants.get(caller.participantId), context.store.documents.get(caller.documentId)]);
      if (!participant || !document)
        throw new ApiError('unauthorized', 'this token no longer matches a participant', { reason: { key: 'participant_removed' } });
      return { kind: 'participant', participant: toParticipant(participant), document: toDocumentMeta(document) };
    },
    'documents/list': async (input, caller) => documents.list(input.includeArchived, caller),
    'documents/create': async (input, caller) => documents.create(input, caller),
    'documents/get': async (input, caller) => documents.get(input.documentId, caller),
    'documents/rename': async (input, caller) => documents.rename(input.documentId, input.title, caller),
    'documents/archive': async (input, caller) => documents.archive(input.documentId, caller),
    'invitations/create': async (input, caller) => invitations.create(input, caller),
    'invitations/redeem': async (input, _caller, call) => invitations.redeem(input, call?.remoteAddress),
    'participants/list': async (input, caller) => participants.list(input.documentId, caller),
    'participants/revoke': async (input, caller) => participants.revoke(input.participantId, caller),
    'templates/list': async (_input, caller) => templates.list(caller),
    'templates/save': async (input, caller) => templates.save(input.template, input.ownerSide, caller),
    'templates/update': async (input, caller) => templates.update(input.id, input.template, caller),
    'templates/delete': async (input, caller) => templates.delete(input.id, caller),
    'templates/exportPack': async (_input, caller) => templates.exportPack(caller),
    'templates/importPack': async (input, caller) => templates.importPack(input.packJson, input.ownerSide, caller),
    'templates/variables': async (input, caller) => templates.variables(caller, input.documentId),
    'authorities/list': async () => deployment.authorities(),
    'access/redeem': async (input, _caller, call) => invitations.redeemAccess(input, call?.remoteAddress),
    ...negotiation,
    ...createSuggestionHandlers(context, rooms, fileWorkers),
    ...createCostingHandlers(context, rooms, environment.printPdf),
    ...createExportHandlers(
      context,
      rooms,
      reports,
      // A dialogue's papers, likewise, from what dialogues/get and submissions/list give the caller.
      { dialogue: dialogues['dialogues/get'], submissions: dialogues['submissions/list'] },
      { ...environment, fileWorkers },
    ),
    ...createDocumentArticlesHandler(context, environment.openDocument),
    ...network,
    ...versions,
    ...lifecycle,
    ...dialogues,
  };
}
