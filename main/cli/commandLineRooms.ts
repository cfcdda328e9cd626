import { ApiError } from '#shared/api/errors';
import type { DocumentRooms } from '#main/kernel/documentRooms';

/**
 * The command line's document rooms: it never loads one. A document's text lives in its update log,
 * which only the process holding the data folder (server mode or the desktop app, which may be
 * running beside the command line) appends to and compacts: a second writer would take the same
 * sequence numbers, or fold the log under the holder's feet. So whatever reads or changes a
 * document's content is refused here; everything else the command line does (documents,
 * invitations, participants, tokens, verify) is plain SQLite transactions, safe beside a server.
 */
export function createCommandLineRooms(): DocumentRooms {
  const refuse = (): never => {
    throw new ApiError(
      'conflict',
      "the command line does not read or change a document's content: do it in the app, or through the API of the server that holds the data folder",
    );
  };
  return {
    withRoom: refuse,
    storeForReaders: refuse,
    // Nobody is connected to the command line.
    notifySide() {},
    notifyParticipant() {},
    stats: () => ({ openDocuments: 0, connections: 0 }),
  };
}
