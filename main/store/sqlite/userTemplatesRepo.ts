import type { ArticleTemplate } from '#shared/templates/schema';
import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { UserTemplateRecord } from '#main/store/records';
import { userTemplateColumns, userTemplateFromRow, userTemplateJson, type UserTemplateRow } from '#main/store/rows';

/** Article templates saved or imported by users, each kept as validated JSON, each workspace's own. */
export function createUserTemplatesRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, string, string | null, string | null, number, number]>(
      `INSERT INTO user_templates (workspace_id, ${userTemplateColumns}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    replace: db.prepare<[string, number, string, string]>('UPDATE user_templates SET template = ?, updated_at = ? WHERE workspace_id = ? AND id = ?'),
    delete: db.prepare<[string, string]>('DELETE FROM user_templates WHERE workspace_id = ? AND id = ?'),
    get: db.prepare<[string, string], UserTemplateRow>(`SELECT ${userTemplateColumns} FROM user_templates WHERE workspace_id = ? AND id = ?`),
    listAll: db.prepare<[string], UserTemplateRow>(`SELECT ${userTemplateColumns} FROM user_templates WHERE workspace_id = ? ORDER BY created_at, rowid`),
    listByOwner: db.prepare<[string, string | null], UserTemplateRow>(
      `SELECT ${userTemplateColumns} FROM user_templates WHERE workspace_id = ? AND owner_side IS ? ORDER BY created_at, rowid`,
    ),
  };

  const insertAll = db.transaction((workspaceId: string, records: readonly UserTemplateRecord[]) => {
    for (const record of records) {
      statements.insert.run(
        workspaceId,
        record.id,
        userTemplateJson(record.id, record.template),
        record.ownerSide,
        record.createdBy,
        record.createdAt,
        record.updatedAt,
      );
    }
  });
  const replaceAll = db.transaction((workspaceId: string, templates: readonly ArticleTemplate[], at: number) => {
    for (const template of templates) {
      if (statements.replace.run(userTemplateJson(template.id, template), at, workspaceId, template.id).changes !== 1) {
        throw new Error(`no user template "${template.id}" to replace`);
      }
    }
  });

  return {
    /** Adds templates to a workspace, all or none (one transaction). */
    insert(workspaceId: string, records: readonly UserTemplateRecord[]): void {
      insertAll(workspaceId, records);
    },
    /** Replaces the content of existing templates of a workspace (matched by id), all or none. */
    replace(workspaceId: string, templates: readonly ArticleTemplate[], at: number): void {
      replaceAll(workspaceId, templates, at);
    },
    /** Deletes a template; false when the workspace had none with that id. */
    delete(workspaceId: string, id: string): boolean {
      return statements.delete.run(workspaceId, id).changes === 1;
    },
    get(workspaceId: string, id: string): UserTemplateRecord | undefined {
      const row = statements.get.get(workspaceId, id);
      return row && userTemplateFromRow(row);
    },
    /** Every user template of a workspace, oldest first (those written together, in the order they were written). */
    list(workspaceId: string): UserTemplateRecord[] {
      return statements.listAll.all(workspaceId).map(userTemplateFromRow);
    },
    /** The templates of one side, or the host's own (null), in a workspace, oldest first. */
    listByOwner(workspaceId: string, ownerSide: UserTemplateRecord['ownerSide']): UserTemplateRecord[] {
      return statements.listByOwner.all(workspaceId, ownerSide).map(userTemplateFromRow);
    },
  };
}
