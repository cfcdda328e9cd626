import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { ClientSighting, DeletionRecord, LoggedUpdate, LoggedUpdates, StoredDocumentState } from '#main/store/records';

/** Rows per multi-row INSERT when appending a batch (5 parameters a row, far below SQLite's limit). */
const rowsPerInsert = 32;

/** The bound values of consecutive rows of `updates`, five per row, in column order. */
type LoggedRowValues = (string | number | Uint8Array | null)[];

/**
 * The append-only log of Yjs updates per document, and its compaction into a checkpoint.
 * Invariant: checkpoint(seq) merged with every logged update of a greater seq is the document.
 */
export function createUpdateLog(db: SqliteDatabase) {
  const statements = {
    append: db.prepare<[string, number, Uint8Array, string | null, number]>(
      'INSERT INTO updates (document_id, seq, bytes, participant_id, at) VALUES (?, ?, ?, ?, ?)',
    ),
    appendRows: db.prepare<[LoggedRowValues]>(
      `INSERT INTO updates (document_id, seq, bytes, participant_id, at) VALUES ${Array.from({ length: rowsPerInsert }, () => '(?, ?, ?, ?, ?)').join(', ')}`,
    ),
    checkpoint: db.prepare<[string], { seq: number; state: Uint8Array }>('SELECT seq, state FROM checkpoints WHERE document_id = ?'),
    checkpointSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM checkpoints WHERE document_id = ?'),
    // LIMIT -1: no limit.
    tail: db.prepare<[string, number, number], { seq: number; bytes: Uint8Array; participant_id: string | null }>(
      'SELECT seq, bytes, participant_id FROM updates WHERE document_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    lastSeq: db
      .prepare<[string, string], number>(
        `SELECT max(coalesce((SELECT max(seq) FROM updates WHERE document_id = ?), 0),
                  coalesce((SELECT seq FROM checkpoints WHERE document_id = ?), 0))`,
      )
      .pluck(),
    upsertCheckpoint: db.prepare<[string, number, Uint8Array, number]>(
      `INSERT INTO checkpoints (document_id, seq, state, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, at = excluded.at`,
    ),
    deleteUpTo: db.prepare<[string, number]>('DELETE FROM updates WHERE document_id = ? AND seq <= ?'),
    recordClient: db.prepare<[string, number, string | null, number]>(
      'INSERT OR IGNORE INTO document_clients (document_id, client_id, participant_id, first_seen_at) VALUES (?, ?, ?, ?)',
    ),
    clients: db.prepare<[string], { client_id: number; participant_id: string | null }>(
      'SELECT client_id, participant_id FROM document_clients WHERE document_id = ?',
    ),
    insertDeletions: db.prepare<[string, number, string | null, Uint8Array]>(
      'INSERT INTO deletion_authors (document_id, through_seq, participant_id, delete_set) VALUES (?, ?, ?, ?)',
    ),
    deletions: db.prepare<[string], { participant_id: string | null; delete_set: Uint8Array }>(
      'SELECT participant_id, delete_set FROM deletion_authors WHERE document_id = ? ORDER BY through_seq, id',
    ),
  };

  function tailAfter(documentId: string, seq: number, limit?: number): LoggedUpdates {
    const rows = statements.tail.all(documentId, seq, limit ?? -1);
    return {
      tail: rows.map((row) => row.bytes),
      tailAuthors: rows.map((row) => row.participant_id),
      lastSeq: rows.at(-1)?.seq ?? seq,
      tailBytes: rows.reduce((sum, row) => sum + row.bytes.length, 0),
    };
  }

  const appendAll = db.transaction((documentId: string, updates: readonly LoggedUpdate[], clients: readonly ClientSighting[]): number => {
    // This connection is the database's only writer (decision 0010): the next numbers are read here.
    const firstSeq = (statements.lastSeq.get(documentId, documentId) ?? 0) + 1;
    // A burst (one socket read can hold thousands of keystrokes) goes in rowsPerInsert rows per
    // statement: one step of a multi-row INSERT costs far less than that many single-row steps.
    const values: LoggedRowValues = [];
    let index = 0;
    for (; index + rowsPerInsert <= updates.length; index += rowsPerInsert) {
      values.length = 0;
      for (let row = index; row < index + rowsPerInsert; row += 1) {
        const update = updates[row] as LoggedUpdate;
        values.push(documentId, firstSeq + row, update.bytes, update.participantId, update.at);
      }
      statements.appendRows.run(values);
    }
    for (; index < updates.length; index += 1) {
      const update = updates[index] as LoggedUpdate;
      statements.append.run(documentId, firstSeq + index, update.bytes, update.participantId, update.at);
    }
    for (const client of clients) {
      statements.recordClient.run(documentId, client.clientId, client.participantId, client.at);
    }
    return firstSeq + updates.length - 1;
  });

  const replaceCheckpoint = db.transaction((documentId: string, seq: number, state: Uint8Array, at: number, deletions: readonly DeletionRecord[]) => {
    // A checkpoint only moves forward (a copy behind another one's compaction has nothing to fold).
    if ((statements.checkpointSeq.get(documentId)?.seq ?? 0) > seq) return;
    // Who deleted what is kept before the updates that say it are dropped (decision 0008).
    for (const record of deletions) statements.insertDeletions.run(documentId, seq, record.participantId, record.deleteSet);
    statements.upsertCheckpoint.run(documentId, seq, state, at);
    statements.deleteUpTo.run(documentId, seq);
  });

  return {
    /**
     * One IMMEDIATE transaction: it reads the last number before it writes, and a deferred one,
     * reading while another connection (the command line beside the server) wrote, could not
     * take the write lock afterwards: SQLite fails that at once (SQLITE_BUSY) without waiting.
     */
    append(documentId: string, updates: readonly LoggedUpdate[], clients: readonly ClientSighting[] = []): number {
      return appendAll.immediate(documentId, updates, clients);
    },

    /** Reads the checkpoint and the updates logged after it. */
    load(documentId: string): StoredDocumentState {
      const checkpoint = statements.checkpoint.get(documentId) ?? null;
      return { checkpoint, ...tailAfter(documentId, checkpoint?.seq ?? 0) };
    },

    /** The sequence number the checkpoint folds the log up to (0 when there is none yet). */
    checkpointSeq(documentId: string): number {
      return statements.checkpointSeq.get(documentId)?.seq ?? 0;
    },

    /** The updates logged after `seq` (which the checkpoint must not have folded), with who sent them. */
    updatesAfter: tailAfter,

    lastSeq(documentId: string): number {
      return statements.lastSeq.get(documentId, documentId) ?? 0;
    },

    /**
     * Folds every update up to seq into one checkpoint and drops them from the log, recording
     * first who deleted what in them (`deletions`), then gives the freed pages back to the file
     * system.
     */
    compact(documentId: string, seq: number, state: Uint8Array, at: number, deletions: readonly DeletionRecord[] = []): void {
      replaceCheckpoint(documentId, seq, state, at, deletions);
      db.pragma('incremental_vacuum');
    },

    /** The deletions recorded by past compactions, oldest first. */
    deletionAuthors(documentId: string): DeletionRecord[] {
      return statements.deletions.all(documentId).map((row) => ({ participantId: row.participant_id, deleteSet: row.delete_set }));
    },

    /** Yjs client id → participant id, for attribution. */
    clients(documentId: string): Map<number, string | null> {
      return new Map(statements.clients.all(documentId).map((row) => [row.client_id, row.participant_id]));
    },
  };
}
