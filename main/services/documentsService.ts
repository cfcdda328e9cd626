import type { Caller } from '#shared/api/caller';
import type { CreateDocument, DocumentMeta } from '#shared/api/documents';
import { blankDocument } from '#shared/document/blankDocument';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { initialLifecycleState } from '#shared/documents/lifecycleStates';
import { ApiError } from '#shared/api/errors';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { validateVariableValue, variableNames } from '#shared/templates/variableValues';
import { actorOf, assertNotArchived, visibleDocument } from '#main/services/access';
import { toDocumentMeta } from '#main/services/dto';
import type { ServiceContext } from '#main/services/serviceContext';
import { initialVersionRecord } from '#main/versions/initialVersion';

export type DocumentsService = ReturnType<typeof createDocumentsService>;

export function createDocumentsService(context: ServiceContext) {
  const { store } = context;
  return {
    list(includeArchived: boolean, caller: Caller): DocumentMeta[] {
      const documents = store.documents.list(includeArchived);
      const visible = caller.kind === 'admin' ? documents : documents.filter((d) => caller.kind === 'participant' && d.id === caller.documentId);
      return visible.map(toDocumentMeta);
    },

    /** Creates a document and seeds its body once, here on the server (never in each client). */
    create(input: CreateDocument, caller: Caller): DocumentMeta {
      const at = context.now();
      const record = {
        id: context.newId(),
        kind: input.kind,
        title: input.title,
        lifecycleState: initialLifecycleState,
        createdAt: at,
        updatedAt: at,
        archivedAt: null,
      };
      for (const [id, value] of Object.entries(input.variables)) {
        if (isProceduralFact(id)) throw new ApiError('invalid_input', `variables.${id}: this fact is filled from the lifecycle record when its step is recorded (the vote, the signing), never given`, { reason: { key: 'fact_from_lifecycle', values: { label: variableNames(context.lookupVariable(id)) } } });
        const definition = context.lookupVariable(id);
        if (!definition) throw new ApiError('invalid_input', `variables.${id}: unknown variable`, { reason: { key: 'unknown_variable' } });
        const problem = validateVariableValue(definition, value);
        if (problem) throw new ApiError('invalid_input', `variables.${id}: ${problem.en}`, { reason: { key: 'explained', text: problem } });
      }
      const blocks = input.content ?? blankDocument(input.kind, context.newId);
      const content = encodeInitialContent({ blocks, variables: input.variables, language: input.language });
      store.transaction(() => {
        store.documents.insert(record);
        store.updates.append(record.id, 1, [{ bytes: content, participantId: null, at }]);
        // Version 1: the text as created, to compare with and restore (see main/versions).
        store.versions.insert(initialVersionRecord({ id: context.newId(), documentId: record.id, seed: content, blocks, at }));
        store.audit.record({ at, actor: actorOf(caller), action: 'document.created', documentId: record.id, details: { kind: record.kind, title: record.title } });
      });
      return toDocumentMeta(record);
    },

    get(documentId: string, caller: Caller): DocumentMeta {
      return toDocumentMeta(visibleDocument(context, caller, documentId));
    },

    rename(documentId: string, title: string, caller: Caller): DocumentMeta {
      const document = visibleDocument(context, caller, documentId);
      assertNotArchived(document);
      const at = context.now();
      store.transaction(() => {
        store.documents.rename(documentId, title, at);
        store.audit.record({ at, actor: actorOf(caller), action: 'document.renamed', documentId, details: { from: document.title, to: title } });
      });
      return toDocumentMeta({ ...document, title, updatedAt: at });
    },

    archive(documentId: string, caller: Caller): DocumentMeta {
      const document = visibleDocument(context, caller, documentId);
      assertNotArchived(document);
      const at = context.now();
      store.transaction(() => {
        store.documents.archive(documentId, at);
        store.audit.record({ at, actor: actorOf(caller), action: 'document.archived', documentId, details: {} });
      });
      context.events.emit('documentChanged', { documentId });
      return toDocumentMeta({ ...document, archivedAt: at, updatedAt: at });
    },
  };
}
