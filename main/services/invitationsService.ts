import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { RedeemedAccess } from '#shared/api/access';
import type { Invitation, RedeemedInvitation } from '#shared/api/invitations';
import type { Side } from '#shared/sides';
import { actorOf, assertNotArchived, visibleDocument } from '#main/kernel/access';
import { toDocumentMeta, toParticipant } from '#main/kernel/dto';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { hashSecret, normaliseInvitationCode, randomInvitationCode, randomToken } from '#main/secrets';
import type { AttemptAdmission } from '#main/store/records';

const hourMs = 3_600_000;

/** How much of a wrong code the log and the audit trail keep: enough to tell a typo of a real code from noise, too little to help anyone guess. */
const shownCodeCharacters = 2;

type AdmittedAttempt = { id: string } & Extract<AttemptAdmission, { admitted: true }>;

export type InvitationsService = ReturnType<typeof createInvitationsService>;

export function createInvitationsService(context: ServiceContext) {
  const { store, redemptionLimiter: limiter } = context;

  /** Counts an attempt against the limits, or refuses it with when to try again. */
  async function admitAttempt(address: string): Promise<AdmittedAttempt> {
    const at = context.now();
    const id = context.newId();
    const admission = await limiter.admit({ id, address, at });
    if (admission.admitted) return { id, ...admission };
    const retryAfterSeconds = Math.max(1, Math.ceil((admission.retryAt - at) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const wait = minutes === 1 ? 'a minute' : `${minutes} minutes`;
    const who = admission.limit === 'address' ? 'from this address' : 'on this server (from all addresses together)';
    throw new ApiError('rate_limited', `too many wrong invitation codes ${who}; try again in ${wait}`, {
      reason: { key: 'too_many_codes', values: { count: minutes } },
      retryAfterSeconds,
    });
  }

  /** A code that matched no invitation: a log line and an audit entry, without the code (its first characters at most). */
  async function recordWrongCode(code: string, remoteAddress: string | undefined, attempt: AdmittedAttempt | null): Promise<void> {
    const address = remoteAddress ?? 'local';
    const codeStart = code.slice(0, shownCodeCharacters);
    // A warning when it came over the network; a typo on the command line is no one's attack.
    context.logger.log(remoteAddress === undefined ? 'info' : 'warn', 'invitation.redeem_failed', { address, codeStart });
    await store.audit.record({ at: context.now(), actor: 'anonymous', action: 'invitation.redeem_failed', documentId: null, details: { address, codeStart } });
    if (!attempt) return;
    // Said once, by the wrong code that used up what a limit allows; the refusals that follow are not logged one by one.
    const { limits } = limiter;
    const windowMinutes = limits.windowMs / 60_000;
    if (attempt.addressAttempts === limits.perAddress)
      context.logger.log('warn', 'invitation.redeem_limited', { address, limit: 'address', attempts: limits.perAddress, windowMinutes });
    if (attempt.overallAttempts === limits.overall)
      context.logger.log('warn', 'invitation.redeem_limited', { address, limit: 'overall', attempts: limits.overall, windowMinutes });
  }

  /**
   * The invitation a code names, whichever kind `find` looks for: a code naming none is counted
   * against the limits and refused; a used or expired one is refused (gone).
   */
  async function usableInvitation<T extends { redeemedAt: number | null; expiresAt: number }>(
    rawCode: string,
    remoteAddress: string | undefined,
    find: (codeHash: string) => Promise<T | undefined>,
  ): Promise<T> {
    const code = normaliseInvitationCode(rawCode);
    const attempt = remoteAddress === undefined ? null : await admitAttempt(remoteAddress);
    const invitation = await find(hashSecret(code));
    if (!invitation) {
      await recordWrongCode(code, remoteAddress, attempt);
      throw new ApiError('not_found', 'no invitation has this code; check it with whoever sent it', { reason: { key: 'invitation_unknown' } });
    }
    if (attempt) await limiter.release(attempt.id);
    if (invitation.redeemedAt !== null)
      throw new ApiError('gone', 'this invitation has already been used; ask for a new one', { reason: { key: 'invitation_used' } });
    if (invitation.expiresAt <= context.now())
      throw new ApiError('gone', 'this invitation has expired; ask for a new one', { reason: { key: 'invitation_expired' } });
    return invitation;
  }

  /** Participants may bring in people of their own side; reviewers invite nobody. */
  function assertMayInvite(caller: Caller, side: Side): void {
    if (caller.kind === 'admin') return;
    if (caller.kind !== 'participant' || caller.side === 'reviewer') {
      throw new ApiError('forbidden', 'reviewers cannot invite participants', { reason: { key: 'reviewer_cannot_invite' } });
    }
    if (caller.side !== side) {
      throw new ApiError('forbidden', `a ${caller.side} participant may only invite people of the ${caller.side} side`, { reason: { key: 'invite_own_side' } });
    }
  }

  return {
    async create(input: { documentId: string; side: Side; validForHours: number }, caller: Caller): Promise<Invitation> {
      const document = await visibleDocument(context, caller, input.documentId);
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
      await store.transaction(async (tx) => {
        await tx.invitations.insert(record, hashSecret(normaliseInvitationCode(code)));
        await tx.audit.record({
          at,
          actor: actorOf(caller),
          action: 'invitation.created',
          documentId: document.id,
          details: { invitationId: record.id, side: input.side },
        });
      });
      return { id: record.id, documentId: document.id, side: input.side, code, expiresAt: new Date(record.expiresAt).toISOString() };
    },

    /**
     * Joins with a code. `remoteAddress` is where the call came from over the network: such calls
     * are limited (see RedemptionLimiter); without one (the command line, the desktop window) the
     * caller is on the machine that holds the data and is not. Wrong codes are logged and audited
     * either way, with the address and the code's first characters only.
     */
    async redeem(input: { code: string; displayName: string }, remoteAddress?: string): Promise<RedeemedInvitation> {
      const invitation = await usableInvitation(input.code, remoteAddress, (codeHash) => store.invitations.byCodeHash(codeHash));
      const at = context.now();
      const document = await store.documents.get(invitation.documentId);
      if (!document) throw new ApiError('not_found', 'the document of this invitation no longer exists', { reason: { key: 'invitation_document_gone' } });
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
      await store.transaction(async (tx) => {
        if (!(await tx.invitations.markRedeemed(invitation.id, participant.id, at))) {
          throw new ApiError('gone', 'this invitation has already been used; ask for a new one', { reason: { key: 'invitation_used' } });
        }
        await tx.participants.insert(participant, hashSecret(token));
        await tx.audit.record({
          at,
          actor: `participant:${participant.id}`,
          action: 'invitation.redeemed',
          documentId: document.id,
          details: { invitationId: invitation.id, side: participant.side, displayName: participant.displayName },
        });
      });
      return { token, participant: toParticipant(participant), document: toDocumentMeta(document) };
    },

    /**
     * Redeems an invitation of the operator's (the command line: decision 0019) for a token of
     * its own: a host token of a workspace, or a reviewer token of an authority. Limited and
     * audited as participants' codes are.
     */
    async redeemAccess(input: { code: string; displayName: string }, remoteAddress?: string): Promise<RedeemedAccess> {
      const invitation = await usableInvitation(input.code, remoteAddress, (codeHash) => store.accessInvitations.byCodeHash(codeHash));
      const at = context.now();
      const token = randomToken();
      const id = context.newId();
      return store.transaction(async (tx): Promise<RedeemedAccess> => {
        if (!(await tx.accessInvitations.markRedeemed(invitation.id, id, at)))
          throw new ApiError('gone', 'this invitation has already been used; ask for a new one', { reason: { key: 'invitation_used' } });
        const { grants } = invitation;
        if (grants.kind === 'host') {
          const workspace = await tx.workspaces.get(grants.workspaceId);
          if (!workspace) throw new ApiError('not_found', 'the workspace of this invitation no longer exists');
          await tx.adminTokens.insert({ id, label: input.displayName, workspaceId: workspace.id, createdAt: at, revokedAt: null }, hashSecret(token));
          await tx.audit.record({
            at,
            actor: `admin:${workspace.id}`,
            action: 'access.host_joined',
            documentId: null,
            details: { invitationId: invitation.id, workspaceId: workspace.id, tokenId: id, label: input.displayName },
          });
          return { kind: 'host', token, workspace: { id: workspace.id, name: workspace.name } };
        }
        const authority = await tx.authorities.get(grants.authorityId);
        if (!authority) throw new ApiError('not_found', 'the authority of this invitation no longer exists');
        await tx.authorities.insertReviewer(
          { id, authorityId: authority.id, displayName: input.displayName, createdAt: at, revokedAt: null },
          hashSecret(token),
        );
        await tx.audit.record({
          at,
          actor: `reviewer:${id}`,
          action: 'access.reviewer_joined',
          documentId: null,
          details: { invitationId: invitation.id, authorityId: authority.id, displayName: input.displayName },
        });
        return { kind: 'authorityReviewer', token, authority: { id: authority.id, name: authority.name }, reviewer: { id, displayName: input.displayName } };
      });
    },
  };
}
