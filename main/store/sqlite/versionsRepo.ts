import type { VersionHeader, VersionRecord } from '#main/store/records';
import { versionFromRow, versionHeaderColumns, versionHeaderFromRow, type VersionHeaderRow, type VersionRow } from '#main/store/rows';
import type { SqliteDatabase } from '#main/store/sqlite/database';

/** Versions of documents and what each participant last saw (migration 0004). */
export function createVersionsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO versions (${versionHeaderColumns}, snapshot)
       VALUES (@id, @documentId, @number, @kind, @name, @authorId, @side, @createdAt, @snapshotBase, @summary, @restoredFrom, @contentHash, @previousHash, @snapshot)`,
    ),
    list: db.prepare<[string], VersionHeaderRow>(`SELECT ${versionHeaderColumns} FROM versions WHERE document_id = ? ORDER BY number`),
    get: db.prepare<[string, string], VersionRow>(`SELECT ${versionHeaderColumns}, snapshot FROM versions WHERE document_id = ? AND id = ?`),
    latest: db.prepare<[string], VersionRow>(`SELECT ${versionHeaderColumns}, snapshot FROM versions WHERE document_id = ? ORDER BY number DESC LIMIT 1`),
    pieces: db.prepare<[string, number, number], { number: number; snapshot: Uint8Array }>(
      'SELECT number, snapshot FROM versions WHERE document_id = ? AND number BETWEEN ? AND ? ORDER BY number',
    ),
    signed: db.prepare<[string], VersionRow>(
      `SELECT ${versionHeaderColumns}, snapshot FROM versions WHERE document_id = ? AND version_kind = 'signed' ORDER BY number`,
    ),
    upsertVisit: db.prepare<[string, string, Uint8Array, number]>(
      `INSERT INTO version_visits (document_id, participant_id, snapshot, seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id, participant_id) DO UPDATE SET snapshot = excluded.snapshot, seen_at = excluded.seen_at`,
    ),
    visit: db.prepare<[string, string], { snapshot: Uint8Array; seen_at: number }>(
      'SELECT snapshot, seen_at FROM version_visits WHERE document_id = ? AND participant_id = ?',
    ),
    storage: db.prepare<[string], { count: number; snapshots: number | null; summaries: number | null; largest: number | null }>(
      'SELECT count(*) AS count, sum(length(snapshot)) AS snapshots, sum(length(summary)) AS summaries, max(length(snapshot) + length(summary)) AS largest FROM versions WHERE document_id = ?',
    ),
  };
  return {
    insert(record: VersionRecord): void {
      statements.insert.run({ ...record, summary: JSON.stringify(record.summary) });
    },
    /** Every version of a document, oldest first, without snapshots. */
    list(documentId: string): VersionHeader[] {
      return statements.list.all(documentId).map(versionHeaderFromRow);
    },
    get(documentId: string, versionId: string): VersionRecord | undefined {
      const row = statements.get.get(documentId, versionId);
      return row && versionFromRow(row);
    },
    latest(documentId: string): VersionRecord | undefined {
      const row = statements.latest.get(documentId);
      return row && versionFromRow(row);
    },
    /** The stored snapshots of versions `from` to `to` (numbers), oldest first. */
    snapshotPieces(documentId: string, from: number, to: number): { number: number; snapshot: Uint8Array }[] {
      return statements.pieces.all(documentId, from, to);
    },
    /** The signed versions of a document, oldest first, with their snapshots. */
    signed(documentId: string): VersionRecord[] {
      return statements.signed.all(documentId).map(versionFromRow);
    },
    /** Records what a participant saw of the document when they last left it. */
    recordVisit(documentId: string, participantId: string, snapshot: Uint8Array, at: number): void {
      statements.upsertVisit.run(documentId, participantId, snapshot, at);
    },
    /** What a document's versions take: how many, the bytes of their snapshots and summaries, the largest. */
    storage(documentId: string): { count: number; snapshotBytes: number; summaryBytes: number; largestBytes: number } {
      const row = statements.storage.get(documentId);
      return { count: row?.count ?? 0, snapshotBytes: row?.snapshots ?? 0, summaryBytes: row?.summaries ?? 0, largestBytes: row?.largest ?? 0 };
    },
    visit(documentId: string, participantId: string): { snapshot: Uint8Array; seenAt: number } | undefined {
      const row = statements.visit.get(documentId, participantId);
      return row && { snapshot: row.snapshot, seenAt: row.seen_at };
    },
  };
}
