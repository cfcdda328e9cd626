import { ApiError } from '#shared/api/errors';
import { deploymentNameSchema, type Authority } from '#shared/api/access';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { hashSecret, normaliseInvitationCode, randomInvitationCode } from '#main/secrets';
import type { AccessGrant, AuthorityRecord, AuthorityReviewerRecord, WorkspaceRecord } from '#main/store/records';
import type { StoreRepositories } from '#main/store/port';

const hourMs = 3_600_000;

/** How long an operator's invitation can be redeemed unless told otherwise: a week. */
export const defaultAccessValidityHours = 24 * 7;

/** A one-time code for a workspace's host or an authority's reviewer, shown once. */
export interface AccessCode {
  code: string;
  expiresAt: string;
}

/** How the audit log names the operator: whoever runs the command line on the database. */
const operator = 'operator';

export type DeploymentService = ReturnType<typeof createDeploymentService>;

/**
 * The operator's side of a hosted deployment (decision 0019): workspaces, authorities and the
 * invitations that make their first hosts and reviewers. The command line calls it; the API does
 * not (it offers only the list of authorities to choose from).
 */
export function createDeploymentService(context: ServiceContext) {
  const { store } = context;

  function validName(name: string): string {
    const parsed = deploymentNameSchema.safeParse(name);
    if (!parsed.success) throw new ApiError('invalid_input', `name: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    return parsed.data;
  }

  function validHours(hours: number): number {
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30) throw new ApiError('invalid_input', 'hours: a whole number of hours from 1 to 720');
    return hours;
  }

  /** Writes a new one-time code granting `grants` (inside the caller's transaction). */
  async function invite(tx: StoreRepositories, grants: AccessGrant, validForHours: number): Promise<AccessCode> {
    const at = context.now();
    const code = randomInvitationCode();
    const record = { id: context.newId(), grants, createdAt: at, expiresAt: at + validHours(validForHours) * hourMs, redeemedAt: null, redeemedBy: null };
    await tx.accessInvitations.insert(record, hashSecret(normaliseInvitationCode(code)));
    await tx.audit.record({ at, actor: operator, action: 'access.invited', documentId: null, details: { invitationId: record.id, ...grants } });
    return { code, expiresAt: new Date(record.expiresAt).toISOString() };
  }

  return {
    /** A new workspace, and the invitation of its first host. */
    async createWorkspace(name: string, validForHours = defaultAccessValidityHours): Promise<{ workspace: WorkspaceRecord; invitation: AccessCode }> {
      const workspace = { id: context.newId(), name: validName(name), createdAt: context.now() };
      // An invitation refused (its hours) takes the workspace back with it: one transaction.
      return store.transaction(async (tx) => {
        await tx.workspaces.insert(workspace);
        await tx.audit.record({
          at: workspace.createdAt,
          actor: operator,
          action: 'workspace.created',
          documentId: null,
          details: { workspaceId: workspace.id, name: workspace.name },
        });
        return { workspace, invitation: await invite(tx, { kind: 'host', workspaceId: workspace.id }, validForHours) };
      });
    },

    listWorkspaces(): Promise<WorkspaceRecord[]> {
      return store.workspaces.list();
    },

    /** Another host's invitation for a workspace. */
    async inviteHost(workspaceId: string, validForHours = defaultAccessValidityHours): Promise<AccessCode> {
      return store.transaction(async (tx) => {
        if (!(await tx.workspaces.get(workspaceId)))
          throw new ApiError('not_found', `no workspace with id "${workspaceId}" (npm run cli -- workspace list names them)`);
        return invite(tx, { kind: 'host', workspaceId }, validForHours);
      });
    },

    /** A new authority, and the invitation of its first reviewer. */
    async createAuthority(name: string, validForHours = defaultAccessValidityHours): Promise<{ authority: AuthorityRecord; invitation: AccessCode }> {
      const authority = { id: context.newId(), name: validName(name), createdAt: context.now() };
      return store.transaction(async (tx) => {
        await tx.authorities.insert(authority);
        await tx.audit.record({
          at: authority.createdAt,
          actor: operator,
          action: 'authority.created',
          documentId: null,
          details: { authorityId: authority.id, name: authority.name },
        });
        return { authority, invitation: await invite(tx, { kind: 'reviewer', authorityId: authority.id }, validForHours) };
      });
    },

    /** The authorities with their reviewers, oldest first. */
    async listAuthorities(): Promise<{ authority: AuthorityRecord; reviewers: AuthorityReviewerRecord[] }[]> {
      const authorities = await store.authorities.list();
      return Promise.all(authorities.map(async (authority) => ({ authority, reviewers: await store.authorities.listReviewers(authority.id) })));
    },

    /** Another reviewer's invitation for an authority. */
    async inviteReviewer(authorityId: string, validForHours = defaultAccessValidityHours): Promise<AccessCode> {
      return store.transaction(async (tx) => {
        if (!(await tx.authorities.get(authorityId)))
          throw new ApiError('not_found', `no authority with id "${authorityId}" (npm run cli -- authority list names them)`);
        return invite(tx, { kind: 'reviewer', authorityId }, validForHours);
      });
    },

    /**
     * Ends a reviewer's token at once (every API call and new socket refuses it, and with it every
     * seat they hold); sockets already open stay until they reconnect (the command line has no relay).
     */
    async revokeReviewer(reviewerId: string): Promise<AuthorityReviewerRecord> {
      const at = context.now();
      return store.transaction(async (tx) => {
        const reviewer = await tx.authorities.reviewer(reviewerId);
        if (!reviewer) throw new ApiError('not_found', `no reviewer with id "${reviewerId}" (npm run cli -- authority list names them)`);
        if (reviewer.revokedAt !== null) return reviewer;
        await tx.authorities.revokeReviewer(reviewerId, at);
        await tx.audit.record({
          at,
          actor: operator,
          action: 'authority.reviewer_revoked',
          documentId: null,
          details: { authorityId: reviewer.authorityId, reviewerId },
        });
        return { ...reviewer, revokedAt: at };
      });
    },

    /** The authorities a document may be sent to, for every signed-in caller (their names are no one's secret). */
    async authorities(): Promise<Authority[]> {
      return (await store.authorities.list()).map(({ id, name }) => ({ id, name }));
    },
  };
}
