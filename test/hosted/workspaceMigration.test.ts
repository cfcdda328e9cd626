import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresMigrationsFolder, readMigrations } from '#main/store/migrations';
import { openPostgresStore } from '#main/store/postgres/postgresStore';
import { mealAllowanceVariable, mealTemplate } from '../helpers/templateFixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';

describe('the migration to workspaces (PostgreSQL 0002)', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('puts the rows of a schema-1 database in the built-in workspace, keys templates and variables by workspace', async () => {
    const before = await openPostgresStore(database.url, { migrations: readMigrations(postgresMigrationsFolder).slice(0, 1) });
    await before.close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        "INSERT INTO documents (id, kind, title, lifecycle_state, created_at, updated_at) VALUES ('tailieucu0000001', 'enterprise_agreement', 'Thỏa ước cũ', 'drafting', 1, 2)",
      );
      await client.query("INSERT INTO admin_tokens (id, label, token_hash, created_at) VALUES ('khoacu', 'Máy chủ', 'hash-cu', 3)");
      for (const [id, at] of [
        ['user.b', 10],
        ['user.a', 10],
        ['user.c', 5],
      ] as const) {
        await client.query('INSERT INTO user_templates (id, template, owner_side, created_by, created_at, updated_at) VALUES ($1, $2, NULL, NULL, $3, $3)', [
          id,
          JSON.stringify(mealTemplate(id)),
          at,
        ]);
      }
      await client.query('INSERT INTO user_variables (id, definition, created_at, updated_at) VALUES ($1, $2, 6, 6)', [
        mealAllowanceVariable.id,
        JSON.stringify(mealAllowanceVariable),
      ]);
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(database.url);
    try {
      expect(await store.workspaces.list()).toEqual([{ id: 'local', name: 'local', createdAt: 0 }]);
      expect(await store.documents.get('tailieucu0000001')).toMatchObject({ workspaceId: 'local', authorityId: null, title: 'Thỏa ước cũ' });
      expect(await store.adminTokens.byTokenHash('hash-cu')).toMatchObject({ id: 'khoacu', workspaceId: 'local' });
      expect((await store.userTemplates.list('local')).map((record) => record.id)).toEqual(['user.c', 'user.b', 'user.a']);
      expect((await store.userVariables.list('local')).map((record) => record.definition)).toEqual([mealAllowanceVariable]);
      // Another workspace may now hold a template and a variable of the same ids; the same workspace may not.
      await store.workspaces.insert({ id: 'w2', name: 'Công ty B', createdAt: 7 });
      await store.userTemplates.insert('w2', [
        { id: 'user.b', template: mealTemplate('user.b'), ownerSide: null, createdBy: null, createdAt: 20, updatedAt: 20 },
      ]);
      await store.userVariables.upsert('w2', [mealAllowanceVariable], 20);
      await expect(
        store.userTemplates.insert('local', [
          { id: 'user.b', template: mealTemplate('user.b'), ownerSide: null, createdBy: null, createdAt: 20, updatedAt: 20 },
        ]),
      ).rejects.toThrow();
      expect((await store.userTemplates.list('local')).map((record) => record.id)).toEqual(['user.c', 'user.b', 'user.a']);
    } finally {
      await store.close();
    }
  });
});
