import type { Side } from '#shared/sides';

/**
 * The workspace of the desktop app, of server mode, and of everything stored before workspaces
 * existed (decision 0019): a host whose caller names no workspace is a host of this one.
 */
export const builtInWorkspaceId = 'local';

/**
 * Who is calling the API, as established by the transport: a host (Electron IPC, the local
 * command line, or a host token in server and hosted mode) of a workspace, a participant holding
 * a document token, a reviewer of a labour authority holding their own token, or nobody.
 */
export type Caller =
  /** `workspaceId` undefined: the built-in workspace (the desktop app, server mode, the command line). */
  | { kind: 'admin'; workspaceId?: string }
  | { kind: 'participant'; participantId: string; documentId: string; side: Side }
  /** A reviewer of an authority: their queue holds what every workspace sent it (see main/kernel/reviewerSeats.ts). */
  | { kind: 'authorityReviewer'; authorityId: string; reviewerId: string }
  | { kind: 'anonymous' };

/** The workspace a host's caller is a host of. */
export function hostWorkspaceOf(caller: { kind: 'admin'; workspaceId?: string }): string {
  return caller.workspaceId ?? builtInWorkspaceId;
}
