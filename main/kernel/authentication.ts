import type { Caller } from '#shared/api/caller';
import { timingSafeEqual } from 'node:crypto';
import { hashSecret, randomToken } from '#main/secrets';
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
 * is a host token that lives only as long as this process (the link printed at start-up).
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
      if (admin) return admin.revokedAt === null ? { kind: 'admin' } : null;
      const participant = await store.participants.byTokenHash(hash);
      if (!participant || participant.revokedAt !== null) return null;
      return { kind: 'participant', participantId: participant.id, documentId: participant.documentId, side: participant.side };
    },

    /** The participant behind a token, if it is valid. */
    async participantFor(token: string): Promise<ParticipantRecord | undefined> {
      const participant = await store.participants.byTokenHash(hashSecret(token));
      return participant && participant.revokedAt === null ? participant : undefined;
    },

    /** Creates a host token for server mode's HTTP API; the token is returned once. */
    async createAdminToken(label: string): Promise<string> {
      const token = randomToken();
      const at = context.now();
      await store.transaction(async (tx) => {
        await tx.adminTokens.insert({ id: context.newId(), label, createdAt: at, revokedAt: null }, hashSecret(token));
        await tx.audit.record({ at, actor: 'admin', action: 'admin-token.created', documentId: null, details: { label } });
      });
      return token;
    },
  };
}
