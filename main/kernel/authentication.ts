import { builtInWorkspaceId, type Caller } from '#shared/api/caller';
import { timingSafeEqual } from 'node:crypto';
import { hashSecret, randomToken } from '#main/secrets';
import { reviewerSeat } from '#main/kernel/reviewerSeats';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { ParticipantRecord } from '#main/store/records';

export type Authentication = ReturnType<typeof createAuthentication>;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(hashSecret(a));
  const right = Buffer.from(hashSecret(b));
  return timingSafeEqual(left, right);
}

/**
 * Maps bearer tokens to callers. Tokens are stored only as SHA-256 hashes. `sessionHostToken`
 * is a host token of the built-in workspace that lives only as long as this process (the link
 * printed at start-up).
 */
export function createAuthentication(context: ServiceContext, sessionHostToken?: string) {
  const { store } = context;
  return {
    /** The caller a token stands for; `null` when a token was given but is unknown or revoked. */
    async resolve(token: string | undefined): Promise<Caller | null> {
      if (token === undefined || token === '') return { kind: 'anonymous' };
      if (sessionHostToken !== undefined && sameSecret(token, sessionHostToken)) return { kind: 'admin' };
      const hash = hashSecret(token);
      const admin = await store.adminTokens.byTokenHash(hash);
      if (admin) {
        if (admin.revokedAt !== null) return null;
        // A host of the built-in workspace is the caller it always was.
        return admin.workspaceId === builtInWorkspaceId ? { kind: 'admin' } : { kind: 'admin', workspaceId: admin.workspaceId };
      }
      const reviewer = await store.authorities.reviewerByTokenHash(hash);
      if (reviewer) return reviewer.revokedAt === null ? { kind: 'authorityReviewer', authorityId: reviewer.authorityId, reviewerId: reviewer.id } : null;
      const participant = await store.participants.byTokenHash(hash);
      if (!participant || participant.revokedAt !== null) return null;
      return { kind: 'participant', participantId: participant.id, documentId: participant.documentId, side: participant.side };
    },

    /**
     * Whom a sync socket on `documentId` speaks for: the participant of a participant token (of
     * whichever document: the sync server refuses another document's), or the seat an authority's
     * reviewer holds on a document sent to their authority (an ApiError when it was not).
     * Undefined when the token is unknown or revoked.
     */
    async participantFor(token: string, documentId: string): Promise<ParticipantRecord | undefined> {
      const hash = hashSecret(token);
      const reviewer = await store.authorities.reviewerByTokenHash(hash);
      if (reviewer)
        return reviewer.revokedAt === null
          ? reviewerSeat(context, { kind: 'authorityReviewer', authorityId: reviewer.authorityId, reviewerId: reviewer.id }, documentId)
          : undefined;
      const participant = await store.participants.byTokenHash(hash);
      return participant && participant.revokedAt === null ? participant : undefined;
    },

    /** Creates a host token of a workspace (default: the built-in one); the token is returned once. */
    async createAdminToken(label: string, workspaceId: string = builtInWorkspaceId): Promise<string> {
      const token = randomToken();
      const at = context.now();
      await store.transaction(async (tx) => {
        await tx.adminTokens.insert({ id: context.newId(), label, workspaceId, createdAt: at, revokedAt: null }, hashSecret(token));
        await tx.audit.record({ at, actor: 'admin', action: 'admin-token.created', documentId: null, details: { label, workspaceId } });
      });
      return token;
    },
  };
}
