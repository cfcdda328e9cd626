import type { ArticleTemplate } from '#shared/templates/schema';
import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { UserTemplateRecord } from '#main/store/records';
import { userTemplateColumns, userTemplateFromRow, userTemplateJson, type UserTemplateRow } from '#main/store/rows';

/** Article templates saved or imported by users, each kept as validated JSON. */
export function createUserTemplatesRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, string | null, string | null, number, number]>(
      `INSERT INTO user_templates (${userTemplateColumns}) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    replace: db.prepare<[string, number, string]>('UPDATE user_templates SET template = ?, updated_at = ? WHERE id = ?'),
    delete: db.prepare<[string]>('DELETE FROM user_templates WHERE id = ?'),
    get: db.prepare<[string], UserTemplateRow>(`SELECT ${userTemplateColumns} FROM user_templates WHERE id = ?`),
    listAll: db.prepare<[], UserTemplateRow>(`SELECT ${userTemplateColumns} FROM user_templates ORDER BY created_at, rowid`),
    listByOwner: db.prepare<[string | null], UserTemplateRow>(
      `SELECT ${userTemplateColumns} FROM user_templates WHERE owner_side IS ? ORDER BY created_at, rowid`,
    ),
  };

  const insertAll = db.transaction((records: readonly UserTemplateRecord[]) => {
    for (const record of records) {
      statements.insert.run(record.id, userTemplateJson(record.id, record.template), record.ownerSide, record.createdBy, record.createdAt, record.updatedAt);
    }
  });
  const replaceAll = db.transaction((templates: readonly ArticleTemplate[], at: number) => {
    for (const template of templates) {
      if (statements.replace.run(userTemplateJson(template.id, template), at, template.id).changes !== 1) {
        throw new Error(`no user template "${template.id}" to replace`);
      }
    }
  });

  return {
    /** Adds templates, all or none (one transaction). */
    insert(records: readonly UserTemplateRecord[]): void {
      insertAll(records);
    },
    /** Replaces the content of existing templates (matched by id), all or none. */
    replace(templates: readonly ArticleTemplate[], at: number): void {
      replaceAll(templates, at);
    },
    /** Deletes a template; false when there was none with that id. */
    delete(id: string): boolean {
      return statements.delete.run(id).changes === 1;
    },
    get(id: string): UserTemplateRecord | undefined {
      const row = statements.get.get(id);
      return row && userTemplateFromRow(row);
    },
    /** Every user template, oldest first (those written together, in the order they were written). */
    list(): UserTemplateRecord[] {
      return statements.listAll.all().map(userTemplateFromRow);
    },
    /** The templates of one side, or the host's own (null), oldest first. */
    listByOwner(ownerSide: UserTemplateRecord['ownerSide']): UserTemplateRecord[] {
      return statements.listByOwner.all(ownerSide).map(userTemplateFromRow);
    },
  };
}
