import type { ReviewFindingRecord } from '#main/store/records';
import { findingFromRow, type FindingRow } from '#main/store/rows';
import type { SqliteDatabase } from '#main/store/sqlite/database';

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
      statements.insert.run(
        record.id,
        record.documentId,
        record.round,
        record.clauseId,
        record.ruleId,
        record.body,
        record.authorId,
        record.authorName,
        record.createdAt,
      );
    },
    get(documentId: string, id: string): ReviewFindingRecord | undefined {
      const row = statements.get.get(id, documentId);
      return row && findingFromRow(row);
    },
    /** Every finding of a document, withdrawn ones included, oldest first. */
    listByDocument(documentId: string): ReviewFindingRecord[] {
      return statements.byDocument.all(documentId).map(findingFromRow);
    },
    withdraw(id: string, at: number): void {
      statements.withdraw.run(at, id);
    },
  };
}
