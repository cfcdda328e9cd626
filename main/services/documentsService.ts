import { hostWorkspaceOf, type Caller } from '#shared/api/caller';
import type { CreateDocument, DocumentMeta } from '#shared/api/documents';
import { blankDocument } from '#shared/document/blankDocument';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { initialLifecycleState } from '#shared/documents/lifecycleStates';
import { ApiError } from '#shared/api/errors';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { validateVariableValue, variableNames } from '#shared/templates/variableValues';
import { actorOf, assertNotArchived, visibleDocument, workspaceOfCaller } from '#main/kernel/access';
import { toDocumentMeta } from '#main/kernel/dto';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { DocumentRecord } from '#main/store/records';
import { initialVersionRecord } from '#main/versions/initialVersion';

export type DocumentsService = ReturnType<typeof createDocumentsService>;

export function createDocumentsService(context: ServiceContext) {
  const { store } = context;
  return {
    /** A host's, the documents of their workspace; a participant's, their own document; nobody else's, nothing. */
    async list(includeArchived: boolean, caller: Caller): Promise<DocumentMeta[]> {
      if (caller.kind === 'admin') return (await store.documents.listInWorkspace(hostWorkspaceOf(caller), includeArchived)).map(toDocumentMeta);
      if (caller.kind !== 'participant') return [];
      const own = await store.documents.get(caller.documentId);
      return own && (includeArchived || own.archivedAt === null) ? [toDocumentMeta(own)] : [];
    },

    /** Creates a document in the caller's workspace and seeds its body once, here on the server (never in each client). */
    async create(input: CreateDocument, caller: Caller): Promise<DocumentMeta> {
      const at = context.now();
      const record: DocumentRecord = {
        id: context.newId(),
        kind: input.kind,
        title: input.title,
        lifecycleState: initialLifecycleState,
        createdAt: at,
        updatedAt: at,
        archivedAt: null,
        workspaceId: await workspaceOfCaller(context, caller),
        authorityId: null,
      };
      const lookupVariable = context.variables(record.workspaceId);
      for (const [id, value] of Object.entries(input.variables)) {
        if (isProceduralFact(id))
          throw new ApiError(
            'invalid_input',
            `variables.${id}: this fact is filled from the lifecycle record when its step is recorded (the vote, the signing), never given`,
            { reason: { key: 'fact_from_lifecycle', values: { label: variableNames(lookupVariable(id)) } } },
          );
        const definition = lookupVariable(id);
        if (!definition) throw new ApiError('invalid_input', `variables.${id}: unknown variable`, { reason: { key: 'unknown_variable' } });
        const problem = validateVariableValue(definition, value);
        if (problem) throw new ApiError('invalid_input', `variables.${id}: ${problem.en}`, { reason: { key: 'explained', text: problem } });
      }
      const blocks = input.content ?? blankDocument(input.kind, context.newId);
      const content = encodeInitialContent({ blocks, variables: input.variables, language: input.language });
      await store.transaction(async (tx) => {
        await tx.documents.insert(record);
        await tx.updates.append(record.id, [{ bytes: content, participantId: null, at }]);
        // Version 1: the text as created, to compare with and restore (see main/versions).
        await tx.versions.insert(initialVersionRecord({ id: context.newId(), documentId: record.id, seed: content, blocks, at }));
        await tx.audit.record({
          at,
          actor: actorOf(caller),
          action: 'document.created',
          documentId: record.id,
          details: { kind: record.kind, title: record.title },
        });
      });
      return toDocumentMeta(record);
    },

    async get(documentId: string, caller: Caller): Promise<DocumentMeta> {
      return toDocumentMeta(await visibleDocument(context, caller, documentId));
    },

    async rename(documentId: string, title: string, caller: Caller): Promise<DocumentMeta> {
      const document = await visibleDocument(context, caller, documentId);
      assertNotArchived(document);
      const at = context.now();
      await store.transaction(async (tx) => {
        await tx.documents.rename(documentId, title, at);
        await tx.audit.record({ at, actor: actorOf(caller), action: 'document.renamed', documentId, details: { from: document.title, to: title } });
      });
      return toDocumentMeta({ ...document, title, updatedAt: at });
    },

    async archive(documentId: string, caller: Caller): Promise<DocumentMeta> {
      const document = await visibleDocument(context, caller, documentId);
      assertNotArchived(document);
      const at = context.now();
      await store.transaction(async (tx) => {
        await tx.documents.archive(documentId, at);
        await tx.audit.record({ at, actor: actorOf(caller), action: 'document.archived', documentId, details: {} });
      });
      await context.events.emit('documentChanged', { documentId });
      return toDocumentMeta({ ...document, archivedAt: at, updatedAt: at });
    },
  };
}
