import * as Y from 'yjs';
import type { DeleteSet } from '#shared/versions/deleteSets';
import type { StoredDocumentState } from '#main/store/records';
import type { UpdateLog } from '#main/store/updateLog';
import { DeletionJournal, type DeletionAuthor } from '#main/sync/deletionJournal';

/** What was left pending in a document and dropped: structs Yjs could not place, deletions of clocks not written yet. */
export interface DroppedPending {
  structs: boolean;
  deletions: boolean;
}

/**
 * Empties what Yjs keeps pending in a document: deletions of clocks not written yet, and structs
 * it could not place. Neither may wait to strike later (see PersistentDoc.receive); says what there was.
 */
export function dropPending(doc: Y.Doc): DroppedPending {
  const dropped = { structs: doc.store.pendingStructs !== null, deletions: doc.store.pendingDs !== null };
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return dropped;
}

/**
 * Applies a document's stored state to an empty Y.Doc (garbage collection off) whose deletions
 * `deletions` notes: the checkpoint, then the tail. The tail has not been through a compaction
 * yet: its deletions are recorded again, each run of one author's updates in one transaction (what
 * each update newly deleted is that author's). Nothing is left pending after any stored update: a
 * log written before the server refused pending changes may hold deletions of clocks written
 * later, or structs it never placed, which would otherwise strike again; says what was dropped.
 */
export function replayStoredState(doc: Y.Doc, deletions: DeletionJournal, stored: StoredDocumentState): DroppedPending {
  const cleaned = { structs: false, deletions: false };
  const applyStored = (update: Uint8Array): void => {
    Y.applyUpdate(doc, update);
    const dropped = dropPending(doc);
    cleaned.structs ||= dropped.structs;
    cleaned.deletions ||= dropped.deletions;
  };
  doc.transact(() => {
    if (stored.checkpoint) applyStored(stored.checkpoint.state);
  });
  for (let start = 0; start < stored.tail.length; ) {
    const author = stored.tailAuthors[start] ?? null;
    let end = start + 1;
    while (end < stored.tail.length && (stored.tailAuthors[end] ?? null) === author) end += 1;
    const run = stored.tail.slice(start, end);
    deletions.by(author, () =>
      doc.transact(() => {
        for (const update of run) applyStored(update);
      }),
    );
    start = end;
  }
  return cleaned;
}

/** A document rebuilt from the store for reading, with who wrote and who deleted what, as its room would say. */
export interface StoredDocument {
  doc: Y.Doc;
  ownerOfClient(clientId: number): string | null | undefined;
  deletionAuthors(): Map<DeletionAuthor, DeleteSet>;
}

/**
 * Rebuilds a document from the store, exactly as loading its room does, without a room: for the
 * file worker, which reads beside the server. Call it inside one read transaction, so that the
 * checkpoint, the tail and the deletions recorded by compactions are of one committed state.
 */
export function loadStoredDocument(log: UpdateLog, documentId: string): StoredDocument {
  const doc = new Y.Doc({ gc: false });
  const recorded = log.deletionAuthors(documentId);
  const deletions = new DeletionJournal(() => recorded);
  doc.on('afterTransaction', (transaction: Y.Transaction) => deletions.note(transaction));
  replayStoredState(doc, deletions, log.load(documentId));
  const owners = log.clients(documentId);
  return { doc, ownerOfClient: (clientId) => owners.get(clientId), deletionAuthors: () => deletions.authors() };
}
