import type { Caller } from '#shared/api/caller';
import type { ApiMethod } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { visibleDialogue, visibleDocument } from '#main/kernel/access';
import { reviewerSeat } from '#main/kernel/reviewerSeats';
import type { ServiceContext } from '#main/kernel/serviceContext';

/** The methods an authority's reviewer calls as themselves; any other naming a document, they call as their seat on it. */
const reviewerOwnMethods: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'health/get',
  'session/get',
  'review/queue',
  'review/open',
  'authorities/list',
  'invitations/redeem',
  'access/redeem',
]);

/** The document a call's input names, if any (every method about one document names it `documentId`). */
function documentIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('documentId' in input)) return undefined;
  return typeof input.documentId === 'string' ? input.documentId : undefined;
}

/** The dialogue a call's input names, if any (every method about one dialogue names it `dialogueId`). */
function dialogueIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('dialogueId' in input)) return undefined;
  return typeof input.dialogueId === 'string' ? input.dialogueId : undefined;
}

/**
 * The gate every API call passes before its handler (decision 0019), so that no method can forget
 * it: a call naming a document is refused unless the caller may see that document
 * (visibleDocument: a host, the documents of their workspace; a participant, their own), and an
 * authority's reviewer calls a document's methods as their reviewer seat on it (only on a
 * document sent to their authority) and nothing else beyond their own methods. A call naming a
 * dialogue is refused unless the caller is of the dialogue's workspace (visibleDialogue). Returns the caller
 * the handler acts for. The handlers check again, and check what is not a document (templates,
 * participants) against the caller's workspace.
 */
export async function scopedCaller(context: ServiceContext, method: ApiMethod, input: unknown, caller: Caller): Promise<Caller> {
  const acting = await documentScopedCaller(context, method, input, caller);
  const dialogueId = dialogueIdOf(input);
  if (dialogueId !== undefined) await visibleDialogue(context, acting, dialogueId);
  return acting;
}

/** The caller a call naming a document acts as, once it may see the document (an authority's reviewer, their seat). */
async function documentScopedCaller(context: ServiceContext, method: ApiMethod, input: unknown, caller: Caller): Promise<Caller> {
  const documentId = documentIdOf(input);
  if (caller.kind === 'authorityReviewer') {
    if (reviewerOwnMethods.has(method)) return caller;
    if (documentId === undefined)
      throw new ApiError('forbidden', 'a reviewer of an authority reviews the documents sent to the authority, and does nothing else here');
    const seat = await reviewerSeat(context, caller, documentId);
    return { kind: 'participant', participantId: seat.id, documentId, side: 'reviewer' };
  }
  if (documentId !== undefined) await visibleDocument(context, caller, documentId);
  return caller;
}
