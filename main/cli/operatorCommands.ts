import { accessLink } from '#main/server/defaults';
import type { AccessCode, DeploymentService } from '#main/services/deploymentService';
import { UsageError, type CliInvocation, type CommandOutput } from '#main/cli/cliCommands';

type OperatorCommand = (deployment: DeploymentService, invocation: CliInvocation) => Promise<CommandOutput>;

function hoursOption(invocation: CliInvocation): number | undefined {
  const { hours } = invocation.options;
  if (hours === undefined) return undefined;
  const value = Number(hours);
  if (typeof hours !== 'string' || !Number.isInteger(value)) throw new UsageError('--hours must be a whole number of hours');
  return value;
}

function nameOption(invocation: CliInvocation): string {
  const { name } = invocation.options;
  if (typeof name !== 'string' || name === '') throw new UsageError('--name is required');
  return name;
}

function positional(invocation: CliInvocation, what: string): string {
  const value = invocation.positionals[2];
  if (value === undefined) throw new UsageError(`${what} is required`);
  return value;
}

/** The lines telling the operator what to hand over: the code, the link, until when. */
function invitationLines(who: string, invitation: AccessCode, serverUrl: string): string[] {
  return [
    `Invitation for ${who}: ${invitation.code}`,
    `Link: ${accessLink(serverUrl, invitation.code)}`,
    `Valid until ${invitation.expiresAt}; it can be used once.`,
  ];
}

const withLink = (invitation: AccessCode, serverUrl: string) => ({ ...invitation, link: accessLink(serverUrl, invitation.code) });

/**
 * The operator's commands (decision 0019): whoever runs the command line on the deployment's
 * database creates workspaces and authorities and hands out the invitations of their first hosts
 * and reviewers. No HTTP endpoint does any of this.
 */
export const operatorCommands: Record<string, OperatorCommand> = {
  'workspace create': async (deployment, invocation) => {
    const { workspace, invitation } = await deployment.createWorkspace(nameOption(invocation), hoursOption(invocation));
    return {
      value: { workspace, invitation: withLink(invitation, invocation.serverUrl) },
      lines: [`Created workspace ${workspace.id}  ${workspace.name}`, ...invitationLines('its first host', invitation, invocation.serverUrl)],
    };
  },
  'workspace list': async (deployment) => {
    const workspaces = await deployment.listWorkspaces();
    return { value: workspaces, lines: workspaces.map((workspace) => `${workspace.id}  ${workspace.name}`) };
  },
  'workspace invite': async (deployment, invocation) => {
    const invitation = await deployment.inviteHost(positional(invocation, 'WORKSPACE'), hoursOption(invocation));
    return { value: withLink(invitation, invocation.serverUrl), lines: invitationLines('another host', invitation, invocation.serverUrl) };
  },
  'authority create': async (deployment, invocation) => {
    const { authority, invitation } = await deployment.createAuthority(nameOption(invocation), hoursOption(invocation));
    return {
      value: { authority, invitation: withLink(invitation, invocation.serverUrl) },
      lines: [`Created authority ${authority.id}  ${authority.name}`, ...invitationLines('its first reviewer', invitation, invocation.serverUrl)],
    };
  },
  'authority list': async (deployment) => {
    const authorities = await deployment.listAuthorities();
    if (authorities.length === 0) return { value: [], lines: ['No authorities yet. Create one with: npm run cli -- authority create --name "Sở Nội vụ …"'] };
    return {
      value: authorities,
      lines: authorities.flatMap(({ authority, reviewers }) => [
        `${authority.id}  ${authority.name}`,
        ...reviewers.map((reviewer) => `  reviewer ${reviewer.id}  ${reviewer.displayName}${reviewer.revokedAt === null ? '' : '  (revoked)'}`),
      ]),
    };
  },
  'authority revoke': async (deployment, invocation) => {
    const reviewer = await deployment.revokeReviewer(positional(invocation, 'REVIEWER'));
    return { value: reviewer, lines: [`Revoked ${reviewer.displayName}: their token no longer works (sockets already open stay until they reconnect).`] };
  },
  'authority invite': async (deployment, invocation) => {
    const invitation = await deployment.inviteReviewer(positional(invocation, 'AUTHORITY'), hoursOption(invocation));
    return { value: withLink(invitation, invocation.serverUrl), lines: invitationLines('another reviewer', invitation, invocation.serverUrl) };
  },
};
