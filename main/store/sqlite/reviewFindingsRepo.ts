import type { ReviewFindingRecord } from '#main/store/records';
import type { SqliteDatabase } from '#main/store/sqlite/database';

interface FindingRow {
  id: string;
  document_id: string;
  round: number;
  clause_id: string;
  rule_id: string | null;
  body: string;
  author_id: string;
  author_name: string;
  created_at: number;
  withdrawn_at: number | null;
}

function toRecord(row: FindingRow): ReviewFindingRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    round: row.round,
    clauseId: row.clause_id,
    ruleId: row.rule_id,
    body: row.body,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** The labour authority's findings on articles of documents sent to it. */
export function createReviewFindingsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, number, string, string | null, string, string, string, number]>(
      `INSERT INTO review_findings (id, document_id, round, clause_id, rule_id, body, author_id, author_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string, string], FindingRow>('SELECT * FROM review_findings WHERE id = ? AND document_id = ?'),
    byDocument: db.prepare<[string], FindingRow>('SELECT * FROM review_findings WHERE document_id = ? ORDER BY created_at, id'),
    withdraw: db.prepare<[number, string]>('UPDATE review_findings SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL'),
  };
  return {
    insert(record: Omit<ReviewFindingRecord, 'withdrawnAt'>): void {
      statements.insert.run(record.id, record.documentId, record.round, record.clauseId, record.ruleId, record.body, record.authorId, record.authorName, record.createdAt);
    },
    get(documentId: string, id: string): ReviewFindingRecord | undefined {
      const row = statements.get.get(id, documentId);
      return row && toRecord(row);
    },
    /** Every finding of a document, withdrawn ones included, oldest first. */
    listByDocument(documentId: string): ReviewFindingRecord[] {
      return statements.byDocument.all(documentId).map(toRecord);
    },
    withdraw(id: string, at: number): void {
      statements.withdraw.run(at, id);
    },
  };
}
