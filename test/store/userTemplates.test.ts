import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleTemplate } from '#shared/templates/schema';
import type { UserTemplateRecord } from '#main/store/records';
import type { Store } from '#main/store/port';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { canteenVariable, mealAllowanceVariable, mealTemplate } from '../helpers/templateFixtures';
import { createTempFolder } from '../helpers/tempFolder';

let folder: ReturnType<typeof createTempFolder>;
let file: string;
let store: Store;

beforeEach(() => {
  folder = createTempFolder();
  file = join(folder.path, 'thoa-uoc.sqlite');
  store = openSqliteStore(file);
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

function record(id: string, ownerSide: UserTemplateRecord['ownerSide'], createdAt: number): UserTemplateRecord {
  return { id, template: mealTemplate(id), ownerSide, createdBy: ownerSide === null ? null : `participant-${ownerSide}`, createdAt, updatedAt: createdAt };
}

/** Reads a table with a separate connection, as another process would see the file. */
function countRows(table: 'user_templates' | 'user_variables'): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('migration 0002 (user templates)', () => {
  it('creates both tables, refuses a side that keeps no templates and text that is not JSON', () => {
    const db = new Database(file);
    try {
      const columns = (table: string) =>
        db
          .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
          .all(table)
          .map((c) => c.name);
      expect(columns('user_templates')).toEqual(['workspace_id', 'id', 'template', 'owner_side', 'created_by', 'created_at', 'updated_at']);
      expect(columns('user_variables')).toEqual(['workspace_id', 'id', 'definition', 'created_at', 'updated_at']);
      const insert = db.prepare(
        "INSERT INTO user_templates (workspace_id, id, template, owner_side, created_by, created_at, updated_at) VALUES ('local', ?, ?, ?, NULL, 1, 1)",
      );
      expect(() => insert.run('user.a', '{}', 'reviewer')).toThrow(/CHECK constraint failed/);
      expect(() => insert.run('user.b', 'not json', null)).toThrow(/CHECK constraint failed/);
      expect(() =>
        db.prepare("INSERT INTO user_variables (workspace_id, id, definition, created_at, updated_at) VALUES ('local', 'user.v', '{', 1, 1)").run(),
      ).toThrow(/CHECK constraint failed/);
      insert.run('user.c', '{}', 'union');
      expect(db.prepare('SELECT id FROM user_templates').pluck().all()).toEqual(['user.c']);
    } finally {
      db.close();
    }
  });
});

describe('the user templates repository', () => {
  it('keeps templates across reopening, lists all oldest first or one owner at a time', async () => {
    await store.userTemplates.insert('local', [record('user.b', 'union', 20), record('user.a', 'employer', 30)]);
    await store.userTemplates.insert('local', [record('user.c', null, 10), record('user.d', 'union', 5)]);
    await store.close();
    store = openSqliteStore(file);
    expect((await store.userTemplates.list('local')).map((r) => r.id)).toEqual(['user.d', 'user.c', 'user.b', 'user.a']);
    expect((await store.userTemplates.listByOwner('local', 'union')).map((r) => r.id)).toEqual(['user.d', 'user.b']);
    expect((await store.userTemplates.listByOwner('local', 'employer')).map((r) => r.id)).toEqual(['user.a']);
    expect((await store.userTemplates.listByOwner('local', null)).map((r) => r.id)).toEqual(['user.c']);
    expect(await store.userTemplates.get('local', 'user.b')).toEqual(record('user.b', 'union', 20));
    expect(await store.userTemplates.get('local', 'user.zzz')).toBeUndefined();
  });

  it('writes a batch all or nothing: a template that fails validation, or has another id, writes none', async () => {
    const invalid = { ...record('user.bad', 'union', 2), template: { ...mealTemplate('user.bad'), body: [] } };
    await expect(store.userTemplates.insert('local', [record('user.ok', 'union', 1), invalid])).rejects.toThrow(/body/);
    const misfiled = { ...record('user.x', 'union', 3), template: mealTemplate('user.y') };
    await expect(store.userTemplates.insert('local', [record('user.ok', 'union', 1), misfiled])).rejects.toThrow(/its own id/);
    expect(await store.userTemplates.list('local')).toEqual([]);
    expect(countRows('user_templates')).toBe(0);
  });

  it('replaces content by id (owner and creation kept), all or nothing; deletes', async () => {
    await store.userTemplates.insert('local', [record('user.a', 'union', 1), record('user.b', 'employer', 2)]);
    const changed: ArticleTemplate = { ...mealTemplate('user.a'), version: 4, title: { vi: 'Bữa ăn (sửa)', en: 'Meals (edited)' } };
    await store.userTemplates.replace('local', [changed], 50);
    expect(await store.userTemplates.get('local', 'user.a')).toEqual({ ...record('user.a', 'union', 1), template: changed, updatedAt: 50 });

    const missing = mealTemplate('user.nobody');
    await expect(store.userTemplates.replace('local', [{ ...changed, version: 5 }, missing], 60)).rejects.toThrow(/no user template "user.nobody"/);
    expect((await store.userTemplates.get('local', 'user.a'))?.template.version).toBe(4);

    expect(await store.userTemplates.delete('local', 'user.a')).toBe(true);
    expect(await store.userTemplates.delete('local', 'user.a')).toBe(false);
    expect((await store.userTemplates.list('local')).map((r) => r.id)).toEqual(['user.b']);
  });

  it('refuses to read a row edited by hand into something that is not a template', async () => {
    await store.userTemplates.insert('local', [record('user.a', 'union', 1)]);
    const db = new Database(file);
    db.prepare("UPDATE user_templates SET template = json_set(template, '$.body', json('[]')) WHERE id = 'user.a'").run();
    db.close();
    await expect(store.userTemplates.get('local', 'user.a')).rejects.toThrow(/body/);
  });
});

describe('the user variables repository', () => {
  it('adds, replaces (creation time kept) and lists by id; a bad definition writes none of its batch', async () => {
    await store.userVariables.upsert('local', [mealAllowanceVariable, canteenVariable], 100);
    expect(await store.userVariables.list('local')).toEqual([
      { definition: canteenVariable, createdAt: 100, updatedAt: 100 },
      { definition: mealAllowanceVariable, createdAt: 100, updatedAt: 100 },
    ]);
    const raised = { ...mealAllowanceVariable, max: 300_000 };
    await store.userVariables.upsert('local', [raised], 200);
    expect(await store.userVariables.get('local', raised.id)).toEqual({ definition: raised, createdAt: 100, updatedAt: 200 });

    const broken = { ...canteenVariable, id: 'user.broken', type: 'colour' } as unknown as typeof canteenVariable;
    await expect(store.userVariables.upsert('local', [{ ...raised, max: 1 }, broken], 300)).rejects.toThrow(/type/);
    expect((await store.userVariables.get('local', raised.id))?.definition.max).toBe(300_000);
    expect(countRows('user_variables')).toBe(2);
  });
});

describe('the audit log by action', () => {
  it('lists the entries whose action starts with a prefix, oldest first', async () => {
    await store.audit.record({ at: 1, actor: 'admin', action: 'template.saved', documentId: null, details: { templateId: 'user.a' } });
    await store.audit.record({ at: 2, actor: 'admin', action: 'document.created', documentId: null, details: {} });
    await store.audit.record({ at: 3, actor: 'participant:p1', action: 'template.deleted', documentId: null, details: { templateId: 'user.a' } });
    await store.audit.record({ at: 4, actor: 'admin', action: 'templates_other', documentId: null, details: {} });
    expect((await store.audit.listByActionPrefix('template.')).map((entry) => [entry.at, entry.action])).toEqual([
      [1, 'template.saved'],
      [3, 'template.deleted'],
    ]);
    expect(await store.audit.listByActionPrefix('%')).toEqual([]);
  });
});
