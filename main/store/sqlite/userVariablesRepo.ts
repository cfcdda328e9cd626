import { variableDefinitionSchema, type VariableDefinition } from '#shared/templates/schema';
import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { UserVariableRecord } from '#main/store/records';
import { userVariableFromRow, type UserVariableRow } from '#main/store/rows';

/** Variables defined by imported template packs, each kept as validated JSON under its id. */
export function createUserVariablesRepo(db: SqliteDatabase) {
  const statements = {
    upsert: db.prepare<[string, string, number, number]>(
      `INSERT INTO user_variables (id, definition, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
    ),
    get: db.prepare<[string], UserVariableRow>('SELECT id, definition, created_at, updated_at FROM user_variables WHERE id = ?'),
    list: db.prepare<[], UserVariableRow>('SELECT id, definition, created_at, updated_at FROM user_variables ORDER BY id'),
  };

  const upsertAll = db.transaction((definitions: readonly VariableDefinition[], at: number) => {
    for (const definition of definitions) {
      const valid = variableDefinitionSchema.parse(definition);
      statements.upsert.run(valid.id, JSON.stringify(valid), at, at);
    }
  });

  return {
    /** Adds variables, or replaces the definitions of those already known (created_at kept); all or none. */
    upsert(definitions: readonly VariableDefinition[], at: number): void {
      upsertAll(definitions, at);
    },
    get(id: string): UserVariableRecord | undefined {
      const row = statements.get.get(id);
      return row && userVariableFromRow(row);
    },
    /** Every user variable, by id. */
    list(): UserVariableRecord[] {
      return statements.list.all().map(userVariableFromRow);
    },
  };
}
