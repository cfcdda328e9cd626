import type { DocumentRoom } from '#main/sync/documentRoom';

/**
 * What services need of the sync server: the document's live room (loaded for the occasion when
 * nobody has it open) to read and change its content, and a way to tell a side something changed.
 */
export interface DocumentRooms {
  withRoom<T>(documentId: string, use: (room: DocumentRoom) => T | Promise<T>): Promise<T>;
  /**
   * Stores what the document's open room holds and has not stored yet (nothing when nobody has it
   * open), so that a reader of the store, the file worker, reads the document as it is.
   */
  storeForReaders(documentId: string): Promise<void>;
  notifySide(documentId: string, side: 'employer' | 'union', topic: string): void;
  notifyParticipant(documentId: string, participantId: string, topic: string): void;
  stats(): { openDocuments: number; connections: number };
}
