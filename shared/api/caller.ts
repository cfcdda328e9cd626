import type { Side } from '#shared/sides';

/**
 * Who is calling the API, as established by the transport: the host (Electron IPC, the local
 * command line, or an admin token in server mode), a participant holding a document token,
 * or nobody.
 */
export type Caller =
  | { kind: 'admin' }
  | { kind: 'participant'; participantId: string; documentId: string; side: Side }
  | { kind: 'anonymous' };
