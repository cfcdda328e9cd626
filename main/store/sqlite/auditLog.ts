import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { AuditEntry } from '#main/store/records';
import { auditFromRow, type AuditRow } from '#main/store/rows';

/** Who did what and when: every change made through the API, and every refused write. */
export function createAuditLog(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[number, string, string, string | null, string]>(
      'INSERT INTO audit_log (at, actor, action, document_id, details) VALUES (?, ?, ?, ?, ?)',
    ),
    byDocument: db.prepare<[string], AuditRow>('SELECT at, actor, action, document_id, details FROM audit_log WHERE document_id = ? ORDER BY id'),
    byActionPrefix: db.prepare<[string, string], AuditRow>(
      'SELECT at, actor, action, document_id, details FROM audit_log WHERE substr(action, 1, length(?)) = ? ORDER BY id',
    ),
  };
  return {
    record(entry: AuditEntry): void {
      statements.insert.run(entry.at, entry.actor, entry.action, entry.documentId, JSON.stringify(entry.details));
    },
    listByDocument(documentId: string): AuditEntry[] {
      return statements.byDocument.all(documentId).map(auditFromRow);
    },
    /** Entries whose action starts with `prefix` (such as `template.`), oldest first. */
    listByActionPrefix(prefix: string): AuditEntry[] {
      return statements.byActionPrefix.all(prefix, prefix).map(auditFromRow);
    },
  };
}
