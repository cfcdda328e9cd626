import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { Participant } from '#shared/api/participants';
import { actorOf, visibleDocument } from '#main/kernel/access';
import { toParticipant } from '#main/kernel/dto';
import type { ServiceContext } from '#main/kernel/serviceContext';

export type ParticipantsService = ReturnType<typeof createParticipantsService>;

export function createParticipantsService(context: ServiceContext) {
  const { store } = context;
  return {
    async list(documentId: string, caller: Caller): Promise<Participant[]> {
      await visibleDocument(context, caller, documentId);
      return (await store.participants.listByDocument(documentId)).map(toParticipant);
    },

    /** Invalidates a participant's token at once; their open sockets are closed. Only a host of the participant's workspace finds them. */
    async revoke(participantId: string, caller: Caller): Promise<Participant> {
      const participant = await store.participants.get(participantId);
      const notFound = new ApiError('not_found', `no participant with id "${participantId}"`, { reason: { key: 'participant_not_found' } });
      if (!participant) throw notFound;
      await visibleDocument(context, caller, participant.documentId).catch((error: unknown) => {
        throw error instanceof ApiError && error.code === 'not_found' ? notFound : error;
      });
      if (participant.revokedAt !== null) return toParticipant(participant);
      const at = context.now();
      await store.transaction(async (tx) => {
        await tx.participants.revoke(participantId, at);
        await tx.audit.record({ at, actor: actorOf(caller), action: 'participant.revoked', documentId: participant.documentId, details: { participantId } });
      });
      await context.events.emit('participantRevoked', { participantId, documentId: participant.documentId });
      return toParticipant({ ...participant, revokedAt: at });
    },
  };
}
