import { builtInWorkspaceId, hostWorkspaceOf, type Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { isTextFrozen } from '#shared/lifecycle/timeStates';
import type { DialogueRecord, DocumentRecord } from '#main/store/records';
import type { ServiceContext } from '#main/kernel/serviceContext';

/** How the audit log names whoever made a change. */
export function actorOf(caller: Caller): string {
  switch (caller.kind) {
    case 'admin':
      return hostWorkspaceOf(caller) === builtInWorkspaceId ? 'admin' : `admin:${hostWorkspaceOf(caller)}`;
    case 'participant':
      return `participant:${caller.participantId}`;
    case 'authorityReviewer':
      return `reviewer:${caller.reviewerId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

/**
 * The workspace a caller acts in (decision 0019): a host's own, a participant's document's. An
 * authority's reviewer belongs to no workspace and keeps nothing in one.
 */
export async function workspaceOfCaller(context: ServiceContext, caller: Caller): Promise<string> {
  if (caller.kind === 'admin') return hostWorkspaceOf(caller);
  if (caller.kind !== 'participant') throw new ApiError('forbidden', 'only the hosts and the participants of a workspace may do this');
  const document = await context.store.documents.get(caller.documentId);
  if (!document) throw new ApiError('unauthorized', 'this token no longer matches a document');
  return document.workspaceId;
}

/**
 * The document, if it exists and the caller may see it: a host, the documents of their workspace;
 * a participant, their own. A document of another workspace is not_found, exactly as one that does
 * not exist (nothing is said of another workspace, not even that the id is taken); a participant
 * asking for another document of their own workspace is refused as before (forbidden).
 */
export async function visibleDocument(context: ServiceContext, caller: Caller, documentId: string): Promise<DocumentRecord> {
  const document = await context.store.documents.get(documentId);
  const notFound = new ApiError('not_found', `no document with id "${documentId}"`, { reason: { key: 'document_not_found' } });
  if (!document) throw notFound;
  if (caller.kind === 'admin') {
    if (document.workspaceId === hostWorkspaceOf(caller)) return document;
    throw notFound;
  }
  if (caller.kind !== 'participant') throw notFound;
  if (caller.documentId === documentId) return document;
  if (document.workspaceId !== (await workspaceOfCaller(context, caller))) throw notFound;
  throw new ApiError('forbidden', 'this token does not give access to that document', { reason: { key: 'document_not_yours' } });
}

/** Refuses changes to an archived document. */
export function assertNotArchived(document: DocumentRecord): void {
  if (document.archivedAt !== null) {
    throw new ApiError('conflict', `the document "${document.title}" is archived and can no longer change`, {
      reason: { key: 'document_archived', values: { title: document.title } },
    });
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
    throw new ApiError(
      'conflict',
      `the text of "${document.title}" is frozen in the state "${document.lifecycleState}": open an amendment first (Labour Code Art. 82; Art. 118(3) for labour regulations)`,
      { reason: { key: 'text_frozen', values: { title: document.title } } },
    );
  }
}

/**
 * The dialogue, if it exists and the caller may see it (decision 0022): the hosts and the
 * participants of its workspace. One of another workspace is not_found, as one that does not exist.
 */
export async function visibleDialogue(context: ServiceContext, caller: Caller, dialogueId: string): Promise<DialogueRecord> {
  const found = await context.store.dialogues.get(dialogueId);
  const notFound = new ApiError('not_found', `no dialogue with id "${dialogueId}"`, { reason: { key: 'dialogue_not_found' } });
  if (!found || (caller.kind !== 'admin' && caller.kind !== 'participant')) throw notFound;
  if (found.dialogue.workspaceId !== (await workspaceOfCaller(context, caller))) throw notFound;
  return found;
}
