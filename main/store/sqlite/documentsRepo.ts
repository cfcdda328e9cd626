import type { SqliteDatabase } from '#main/store/sqlite/database';
import { builtInWorkspaceId } from '#shared/api/caller';
import type { DocumentRecord, NewDocumentRecord } from '#main/store/records';
import { documentFromRow, type DocumentRow } from '#main/store/rows';

export function createDocumentsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO documents (id, kind, title, lifecycle_state, created_at, updated_at, archived_at, workspace_id)
       VALUES (@id, @kind, @title, @lifecycleState, @createdAt, @updatedAt, @archivedAt, @workspaceId)`,
    ),
    get: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
    listActive: db.prepare<[], DocumentRow>('SELECT * FROM documents WHERE archived_at IS NULL ORDER BY updated_at DESC, id'),
    listAll: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id'),
    listInWorkspaceActive: db.prepare<[string], DocumentRow>(
      'SELECT * FROM documents WHERE workspace_id = ? AND archived_at IS NULL ORDER BY updated_at DESC, id',
    ),
    listInWorkspaceAll: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE workspace_id = ? ORDER BY updated_at DESC, id'),
    listSentTo: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE authority_id = ? AND archived_at IS NULL ORDER BY updated_at DESC, id'),
    setAuthority: db.prepare<[string | null, string]>('UPDATE documents SET authority_id = ? WHERE id = ?'),
    rename: db.prepare<[string, number, string]>('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?'),
    reviewerComments: db.prepare<[string], { reviewer_comments: number }>('SELECT reviewer_comments FROM documents WHERE id = ?'),
    setReviewerComments: db.prepare<[number, number, string]>('UPDATE documents SET reviewer_comments = ?, updated_at = ? WHERE id = ?'),
    setLifecycleState: db.prepare<[string, number, string]>('UPDATE documents SET lifecycle_state = ?, updated_at = ? WHERE id = ?'),
    archive: db.prepare<[number, number, string]>('UPDATE documents SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL'),
  };
  return {
    insert(record: NewDocumentRecord): void {
      statements.insert.run({ ...record, workspaceId: record.workspaceId ?? builtInWorkspaceId });
    },
    get(id: string): DocumentRecord | undefined {
      const row = statements.get.get(id);
      return row && documentFromRow(row);
    },
    list(includeArchived: boolean): DocumentRecord[] {
      return (includeArchived ? statements.listAll : statements.listActive).all().map(documentFromRow);
    },
    listInWorkspace(workspaceId: string, includeArchived: boolean): DocumentRecord[] {
      return (includeArchived ? statements.listInWorkspaceAll : statements.listInWorkspaceActive).all(workspaceId).map(documentFromRow);
    },
    listSentTo(authorityId: string): DocumentRecord[] {
      return statements.listSentTo.all(authorityId).map(documentFromRow);
    },
    setAuthority(id: string, authorityId: string | null): void {
      statements.setAuthority.run(authorityId, id);
    },
    rename(id: string, title: string, at: number): void {
      statements.rename.run(title, at, id);
    },
    /** Whether the host lets reviewers comment on this document. */
    reviewerComments(id: string): boolean {
      return statements.reviewerComments.get(id)?.reviewer_comments === 1;
    },
    setReviewerComments(id: string, allowed: boolean, at: number): void {
      statements.setReviewerComments.run(allowed ? 1 : 0, at, id);
    },
    /** Mirrors the lifecycle's state today (main/lifecycle keeps it current). */
    setLifecycleState(id: string, state: DocumentRecord['lifecycleState'], at: number): void {
      statements.setLifecycleState.run(state, at, id);
    },
    archive(id: string, at: number): void {
      statements.archive.run(at, at, id);
    },
  };
}
