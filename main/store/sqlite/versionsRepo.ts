import { emptySummary, versionSummarySchema, type VersionSummary } from '#shared/versions/model';
import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { VersionHeader, VersionRecord } from '#main/store/records';

interface HeaderRow {
  id: string;
  document_id: string;
  number: number;
  version_kind: VersionRecord['kind'];
  name: string | null;
  author_id: string | null;
  side: VersionRecord['side'];
  created_at: number;
  snapshot_base: number;
  summary: string;
  restored_from: string | null;
  content_hash: string | null;
  previous_hash: string | null;
}

interface VersionRow extends HeaderRow {
  snapshot: Uint8Array;
}

/** A summary is shown, never trusted: one edited by hand into something else reads as empty. */
function parseSummary(json: string): VersionSummary {
  try {
    const parsed = versionSummarySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : emptySummary;
  } catch {
    return emptySummary;
  }
}

function toHeader(row: HeaderRow): VersionHeader {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    kind: row.version_kind,
    name: row.name,
    authorId: row.author_id,
    side: row.side,
    createdAt: row.created_at,
    snapshotBase: row.snapshot_base,
    summary: parseSummary(row.summary),
    restoredFrom: row.restored_from,
    contentHash: row.content_hash,
    previousHash: row.previous_hash,
  };
}

const toRecord = (row: VersionRow): VersionRecord => ({ ...toHeader(row), snapshot: row.snapshot });

const headerColumns = 'id, document_id, number, version_kind, name, author_id, side, created_at, snapshot_base, summary, restored_from, content_hash, previous_hash';

/** Versions of documents and what each participant last saw (migration 0004). */
export function createVersionsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO versions (${headerColumns}, snapshot)
       VALUES (@id, @documentId, @number, @kind, @name, @authorId, @side, @createdAt, @snapshotBase, @summary, @restoredFrom, @contentHash, @previousHash, @snapshot)`,
    ),
    list: db.prepare<[string], HeaderRow>(`SELECT ${headerColumns} FROM versions WHERE document_id = ? ORDER BY number`),
    get: db.prepare<[string, string], VersionRow>(`SELECT ${headerColumns}, snapshot FROM versions WHERE document_id = ? AND id = ?`),
    latest: db.prepare<[string], VersionRow>(`SELECT ${headerColumns}, snapshot FROM versions WHERE document_id = ? ORDER BY number DESC LIMIT 1`),
    pieces: db.prepare<[string, number, number], { number: number; snapshot: Uint8Array }>(
      'SELECT number, snapshot FROM versions WHERE document_id = ? AND number BETWEEN ? AND ? ORDER BY number',
    ),
    signed: db.prepare<[string], VersionRow>(`SELECT ${headerColumns}, snapshot FROM versions WHERE document_id = ? AND version_kind = 'signed' ORDER BY number`),
    upsertVisit: db.prepare<[string, string, Uint8Array, number]>(
      `INSERT INTO version_visits (document_id, participant_id, snapshot, seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id, participant_id) DO UPDATE SET snapshot = excluded.snapshot, seen_at = excluded.seen_at`,
    ),
    visit: db.prepare<[string, string], { snapshot: Uint8Array; seen_at: number }>('SELECT snapshot, seen_at FROM version_visits WHERE document_id = ? AND participant_id = ?'),
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
      return statements.list.all(documentId).map(toHeader);
    },
    get(documentId: string, versionId: string): VersionRecord | undefined {
      const row = statements.get.get(documentId, versionId);
      return row && toRecord(row);
    },
    latest(documentId: string): VersionRecord | undefined {
      const row = statements.latest.get(documentId);
      return row && toRecord(row);
    },
    /** The stored snapshots of versions `from` to `to` (numbers), oldest first. */
    snapshotPieces(documentId: string, from: number, to: number): { number: number; snapshot: Uint8Array }[] {
      return statements.pieces.all(documentId, from, to);
    },
    /** The signed versions of a document, oldest first, with their snapshots. */
    signed(documentId: string): VersionRecord[] {
      return statements.signed.all(documentId).map(toRecord);
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
