import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { Actor } from '#shared/negotiation/proposalRules';
import type { RuleRefusal } from '#shared/negotiation/proposalRules';
import { assertNotArchived, visibleDocument } from '#main/kernel/access';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { ParticipantRecord } from '#main/store/records';

/** The participant behind a caller acting in a document's negotiation. */
export interface NegotiationActor extends Actor {
  participant: ParticipantRecord;
  /** The workspace of the document (its variables are the ones values may be given for). */
  workspaceId: string;
}

/**
 * Negotiation steps are taken by participants (with a side), in a document that can still change.
 * The host takes part through their own participant seat.
 */
export async function negotiationActor(context: ServiceContext, caller: Caller, documentId: string, forChange: boolean): Promise<NegotiationActor> {
  const document = await visibleDocument(context, caller, documentId);
  if (forChange) assertNotArchived(document);
  if (caller.kind !== 'participant')
    throw new ApiError('forbidden', 'negotiation steps are taken by participants of the document; the host joins it with a participant seat first', {
      reason: { key: 'participants_only' },
    });
  const participant = await context.store.participants.get(caller.participantId);
  if (!participant || participant.revokedAt !== null)
    throw new ApiError('unauthorized', 'this participant was removed from the document', { reason: { key: 'participant_removed' } });
  return { participantId: participant.id, side: participant.side, participant, workspaceId: document.workspaceId };
}

/** Turns a rule refusal into the API error that carries it. */
export function refuse(refusal: RuleRefusal | null): void {
  if (refusal) throw new ApiError(refusal.code, refusal.message, { reason: { key: refusal.reason } });
}
