import { variableDefinitionSchema, type VariableDefinition } from '#shared/templates/schema';
import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { UserVariableRecord } from '#main/store/records';
import { userVariableFromRow, type UserVariableRow } from '#main/store/rows';

/** Variables defined by imported template packs, each kept as validated JSON under its id, each workspace's own. */
export function createUserVariablesRepo(db: SqliteDatabase) {
  const statements = {
    upsert: db.prepare<[string, string, string, number, number]>(
      `INSERT INTO user_variables (workspace_id, id, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
    ),
    get: db.prepare<[string, string], UserVariableRow>('SELECT id, definition, created_at, updated_at FROM user_variables WHERE workspace_id = ? AND id = ?'),
    list: db.prepare<[string], UserVariableRow>('SELECT id, definition, created_at, updated_at FROM user_variables WHERE workspace_id = ? ORDER BY id'),
  };

  const upsertAll = db.transaction((workspaceId: string, definitions: readonly VariableDefinition[], at: number) => {
    for (const definition of definitions) {
      const valid = variableDefinitionSchema.parse(definition);
      statements.upsert.run(workspaceId, valid.id, JSON.stringify(valid), at, at);
    }
  });

  return {
    /** Adds variables to a workspace, or replaces the definitions of those it already knows (created_at kept); all or none. */
    upsert(workspaceId: string, definitions: readonly VariableDefinition[], at: number): void {
      upsertAll(workspaceId, definitions, at);
    },
    get(workspaceId: string, id: string): UserVariableRecord | undefined {
      const row = statements.get.get(workspaceId, id);
      return row && userVariableFromRow(row);
    },
    /** Every user variable of a workspace, by id. */
    list(workspaceId: string): UserVariableRecord[] {
      return statements.list.all(workspaceId).map(userVariableFromRow);
    },
  };
}
