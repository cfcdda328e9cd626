import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { Invitation, RedeemedInvitation } from '#shared/api/invitations';
import type { Side } from '#shared/sides';
import { actorOf, assertNotArchived, visibleDocument } from '#main/services/access';
import { toDocumentMeta, toParticipant } from '#main/services/dto';
import type { ServiceContext } from '#main/services/serviceContext';
import { hashSecret, normaliseInvitationCode, randomInvitationCode, randomToken } from '#main/secrets';

const hourMs = 3_600_000;

export type InvitationsService = ReturnType<typeof createInvitationsService>;

export function createInvitationsService(context: ServiceContext) {
  const { store } = context;

  /** Participants may bring in people of their own side; reviewers invite nobody. */
  function assertMayInvite(caller: Caller, side: Side): void {
    if (caller.kind === 'admin') return;
    if (caller.kind !== 'participant' || caller.side === 'reviewer') {
      throw new ApiError('forbidden', 'reviewers cannot invite participants');
    }
    if (caller.side !== side) {
      throw new ApiError('forbidden', `a ${caller.side} participant may only invite people of the ${caller.side} side`);
    }
  }

  return {
    create(input: { documentId: string; side: Side; validForHours: number }, caller: Caller): Invitation {
      const document = visibleDocument(context, caller, input.documentId);
      assertNotArchived(document);
      assertMayInvite(caller, input.side);
      const at = context.now();
      const code = randomInvitationCode();
      const record = {
        id: context.newId(),
        documentId: document.id,
        side: input.side,
        createdBy: caller.kind === 'participant' ? caller.participantId : null,
        createdAt: at,
        expiresAt: at + input.validForHours * hourMs,
        redeemedAt: null,
        redeemedBy: null,
      };
      store.transaction(() => {
        store.invitations.insert(record, hashSecret(normaliseInvitationCode(code)));
        store.audit.record({ at, actor: actorOf(caller), action: 'invitation.created', documentId: document.id, details: { invitationId: record.id, side: input.side } });
      });
      return { id: record.id, documentId: document.id, side: input.side, code, expiresAt: new Date(record.expiresAt).toISOString() };
    },

    redeem(input: { code: string; displayName: string }): RedeemedInvitation {
      const invitation = store.invitations.byCodeHash(hashSecret(normaliseInvitationCode(input.code)));
      if (!invitation) throw new ApiError('not_found', 'no invitation has this code; check it with whoever sent it');
      const at = context.now();
      if (invitation.redeemedAt !== null) throw new ApiError('gone', 'this invitation has already been used; ask for a new one');
      if (invitation.expiresAt <= at) throw new ApiError('gone', 'this invitation has expired; ask for a new one');
      const document = store.documents.get(invitation.documentId);
      if (!document) throw new ApiError('not_found', 'the document of this invitation no longer exists');
      assertNotArchived(document);
      const token = randomToken();
      const participant = {
        id: context.newId(),
        documentId: document.id,
        displayName: input.displayName,
        side: invitation.side,
        invitationId: invitation.id,
        joinedAt: at,
        revokedAt: null,
      };
      store.transaction(() => {
        if (!store.invitations.markRedeemed(invitation.id, participant.id, at)) {
          throw new ApiError('gone', 'this invitation has already been used; ask for a new one');
        }
        store.participants.insert(participant, hashSecret(token));
        store.audit.record({ at, actor: `participant:${participant.id}`, action: 'invitation.redeemed', documentId: document.id, details: { invitationId: invitation.id, side: participant.side, displayName: participant.displayName } });
      });
      return { token, participant: toParticipant(participant), document: toDocumentMeta(document) };
    },
  };
}
