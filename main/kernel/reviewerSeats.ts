import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { hashSecret, randomToken } from '#main/secrets';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { ParticipantRecord } from '#main/store/records';

type AuthorityReviewer = Extract<Caller, { kind: 'authorityReviewer' }>;

/**
 * An authority's reviewer reviews a document sent to their authority (from any workspace) as a
 * reviewer participant of it: their seat, made the first time they open it, so that findings,
 * decisions, the read-only socket and the host's list of people are a reviewer participant's, as
 * for a reviewer the host invited (decision 0019). The seat has no token of its own: the
 * reviewer's token stands for it on that document, and revoking the reviewer's token ends them
 * all. A document not sent to the authority is not_found, whoever's it is.
 */
export async function reviewerSeat(context: ServiceContext, reviewer: AuthorityReviewer, documentId: string): Promise<ParticipantRecord> {
  const { store } = context;
  const document = await store.documents.get(documentId);
  if (!document || document.authorityId !== reviewer.authorityId)
    throw new ApiError('not_found', `no document with id "${documentId}" was sent to your authority`);
  const seated = await store.transaction(
    async (tx) => {
      const seat = await tx.authorities.seat(reviewer.reviewerId, documentId);
      if (seat !== undefined) return tx.participants.get(seat);
      const person = await tx.authorities.reviewer(reviewer.reviewerId);
      if (!person) throw new ApiError('unauthorized', 'this reviewer no longer exists');
      const at = context.now();
      const participant: ParticipantRecord = {
        id: context.newId(),
        documentId,
        displayName: person.displayName,
        side: 'reviewer',
        invitationId: null,
        joinedAt: at,
        revokedAt: null,
      };
      // A token nobody is given: the reviewer's own token stands for the seat.
      await tx.participants.insert(participant, hashSecret(randomToken()));
      await tx.authorities.insertSeat(reviewer.reviewerId, documentId, participant.id);
      await tx.audit.record({
        at,
        actor: `reviewer:${reviewer.reviewerId}`,
        action: 'review.seat_taken',
        documentId,
        details: { authorityId: reviewer.authorityId, participantId: participant.id, displayName: person.displayName },
      });
      return participant;
    },
    // Two first opens at once make one seat.
    { documentId },
  );
  if (!seated) throw new ApiError('not_found', `no document with id "${documentId}" was sent to your authority`);
  if (seated.revokedAt !== null) throw new ApiError('forbidden', 'the host of this document removed you from it');
  return seated;
}
