import * as Y from 'yjs';
import type { DeleteSet } from '#shared/versions/deleteSets';
import type { StoredDocumentState } from '#main/store/records';
import type { UpdateLogStore } from '#main/store/port';
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
 * Applies a document's stored state to a Y.Doc (garbage collection off) whose deletions
 * `deletions` notes: the checkpoint (into an empty document), then the updates logged after it or
 * after what the document already holds. Those have not been through a compaction yet: their
 * deletions are recorded again, each run of one author's updates in one transaction (what each
 * update newly deleted is that author's). Nothing is left pending after any stored update: a log
 * written before the server refused pending changes may hold deletions of clocks written later,
 * or structs it never placed, which would otherwise strike again; says what was dropped.
 */
export function replayStoredState(
  doc: Y.Doc,
  deletions: DeletionJournal,
  stored: Pick<StoredDocumentState, 'checkpoint' | 'tail' | 'tailAuthors'>,
): DroppedPending {
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

/** The document last read, and how far into the log it was read. */
interface KeptDocument {
  documentId: string;
  checkpointSeq: number;
  lastSeq: number;
  doc: Y.Doc;
  deletions: DeletionJournal;
}

/**
 * Documents of one store rebuilt from it, exactly as loading a room rebuilds them, without a
 * room: for the file worker, which reads beside the server. Rebuilding a document whose log has a
 * long tail (thousands of keystrokes since the last compaction) takes hundreds of milliseconds,
 * and the history panel compares one document several times in a row: so the document last read
 * is kept, and the next read of it applies only what was logged since, unless a compaction has
 * folded the log meanwhile. One document is kept, for as long as the worker runs or until another
 * is read.
 */
export function createStoredDocuments() {
  let kept: KeptDocument | null = null;

  async function rebuild(log: UpdateLogStore, documentId: string, checkpointSeq: number): Promise<KeptDocument> {
    const [recorded, stored] = await Promise.all([log.deletionAuthors(documentId), log.load(documentId)]);
    const doc = new Y.Doc({ gc: false });
    const deletions = new DeletionJournal(recorded);
    doc.on('afterTransaction', (transaction: Y.Transaction) => deletions.note(transaction));
    replayStoredState(doc, deletions, stored);
    return { documentId, checkpointSeq, lastSeq: stored.lastSeq, doc, deletions };
  }

  return {
    /**
     * The document as the store holds it now. Call it inside one read-only transaction, so that
     * the checkpoint, the log and the deletions recorded by compactions are of one committed
     * state. The document is kept for the next read: read it, never change or destroy it.
     */
    async read(log: UpdateLogStore, documentId: string): Promise<StoredDocument> {
      const checkpointSeq = await log.checkpointSeq(documentId);
      if (kept && (kept.documentId !== documentId || kept.checkpointSeq !== checkpointSeq)) {
        kept.doc.destroy();
        kept = null;
      }
      if (kept) {
        const since = await log.updatesAfter(documentId, kept.lastSeq);
        replayStoredState(kept.doc, kept.deletions, { checkpoint: null, ...since });
        kept.lastSeq = since.lastSeq;
      } else kept = await rebuild(log, documentId, checkpointSeq);
      const { doc, deletions } = kept;
      const owners = await log.clients(documentId);
      return { doc, ownerOfClient: (clientId) => owners.get(clientId), deletionAuthors: () => deletions.authors() };
    },
  };
}

export type StoredDocuments = ReturnType<typeof createStoredDocuments>;
