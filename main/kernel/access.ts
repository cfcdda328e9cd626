import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { isTextFrozen } from '#shared/lifecycle/timeStates';
import type { DocumentRecord } from '#main/store/records';
import type { ServiceContext } from '#main/kernel/serviceContext';

/** How the audit log names whoever made a change. */
export function actorOf(caller: Caller): string {
  switch (caller.kind) {
    case 'admin':
      return 'admin';
    case 'participant':
      return `participant:${caller.participantId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

/** The document, if it exists and the caller may see it; otherwise a not_found or forbidden error. */
export async function visibleDocument(context: ServiceContext, caller: Caller, documentId: string): Promise<DocumentRecord> {
  const document = await context.store.documents.get(documentId);
  if (!document) throw new ApiError('not_found', `no document with id "${documentId}"`, { reason: { key: 'document_not_found' } });
  if (caller.kind === 'admin') return document;
  if (caller.kind === 'participant' && caller.documentId === documentId) return document;
  throw new ApiError('forbidden', 'this token does not give access to that document', { reason: { key: 'document_not_yours' } });
}

/** Refuses changes to an archived document. */
export function assertNotArchived(document: DocumentRecord): void {
  if (document.archivedAt !== null) {
    throw new ApiError('conflict', `the document "${document.title}" is archived and can no longer change`, { reason: { key: 'document_archived', values: { title: document.title } } });
  }
}

/**
 * Refuses changes to the text of a document its lifecycle has frozen: put to the workers' vote,
 * signed (Labour Code Art. 76, 78), or issued labour regulations (Art. 119-120). An amendment
 * (Art. 82) opens it again.
 */
export function assertTextOpen(document: DocumentRecord): void {
  assertNotArchived(document);
  if (isTextFrozen(document.kind, document.lifecycleState)) {
    throw new ApiError('conflict', `the text of "${document.title}" is frozen in the state "${document.lifecycleState}": open an amendment first (Labour Code Art. 82; Art. 118(3) for labour regulations)`, { reason: { key: 'text_frozen', values: { title: document.title } } });
  }
}
