import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { Participant } from '#shared/api/participants';
import { actorOf, visibleDocument } from '#main/services/access';
import { toParticipant } from '#main/services/dto';
import type { ServiceContext } from '#main/services/serviceContext';

export type ParticipantsService = ReturnType<typeof createParticipantsService>;

export function createParticipantsService(context: ServiceContext) {
  const { store } = context;
  return {
    list(documentId: string, caller: Caller): Participant[] {
      visibleDocument(context, caller, documentId);
      return store.participants.listByDocument(documentId).map(toParticipant);
    },

    /** Invalidates a participant's token at once; their open sockets are closed. */
    revoke(participantId: string, caller: Caller): Participant {
      const participant = store.participants.get(participantId);
      if (!participant) throw new ApiError('not_found', `no participant with id "${participantId}"`, { reason: { key: 'participant_not_found' } });
      if (participant.revokedAt !== null) return toParticipant(participant);
      const at = context.now();
      store.transaction(() => {
        store.participants.revoke(participantId, at);
        store.audit.record({ at, actor: actorOf(caller), action: 'participant.revoked', documentId: participant.documentId, details: { participantId } });
      });
      context.events.emit('participantRevoked', { participantId, documentId: participant.documentId });
      return toParticipant({ ...participant, revokedAt: at });
    },
  };
}
