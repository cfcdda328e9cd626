import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { AdminTokenRecord } from '#main/store/records';
import { adminTokenColumns, adminTokenFromRow, type AdminTokenRow } from '#main/store/rows';

export function createAdminTokensRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO admin_tokens (id, label, workspace_id, token_hash, created_at, revoked_at)
       VALUES (@id, @label, @workspaceId, @tokenHash, @createdAt, @revokedAt)`,
    ),
    byTokenHash: db.prepare<[string], AdminTokenRow>(`SELECT ${adminTokenColumns} FROM admin_tokens WHERE token_hash = ?`),
  };
  return {
    insert(record: AdminTokenRecord, tokenHash: string): void {
      statements.insert.run({ ...record, tokenHash });
    },
    byTokenHash(tokenHash: string): AdminTokenRecord | undefined {
      const row = statements.byTokenHash.get(tokenHash);
      return row && adminTokenFromRow(row);
    },
  };
}
