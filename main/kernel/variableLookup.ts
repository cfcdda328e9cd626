import { builtInVariables } from '#shared/templates/builtInVariables';
import type { VariableDefinition } from '#shared/templates/schema';
import type { ServiceEvents } from '#main/kernel/serviceEvents';
import type { Store } from '#main/store/port';

/** Finds the definition of a variable by id. */
export type VariableDefinitionLookup = (variableId: string) => VariableDefinition | undefined;

/** The variables the documents of a workspace may hold (each workspace imports packs of its own: decision 0019). */
export type WorkspaceVariables = (workspaceId: string) => VariableDefinitionLookup;

const builtInById = (): Map<string, VariableDefinition> => new Map(builtInVariables().map((variable) => [variable.id, variable]));

/**
 * The variables a document may hold: the built-in library's first, then those its workspace's
 * imported template packs defined. The sync server asks for every variable write, so each
 * workspace's user variables are kept in a Map read from the store at start and read again only
 * when an import changes them (`userVariablesChanged`); a built-in id always wins (pack checks
 * refuse built-in ids anyway). A lookup reads the maps as they are when it is called.
 */
export async function createVariableLookup(store: Store, events: ServiceEvents): Promise<WorkspaceVariables> {
  const builtIn = builtInById();
  const user = new Map<string, Map<string, VariableDefinition>>();
  for (const workspace of await store.workspaces.list()) user.set(workspace.id, await userVariablesOf(store, workspace.id));
  // The import that changed them awaits the reading (see serviceEvents.ts).
  events.on('userVariablesChanged', async ({ workspaceId }) => {
    user.set(workspaceId, await userVariablesOf(store, workspaceId));
  });
  return (workspaceId) => (variableId) => builtIn.get(variableId) ?? user.get(workspaceId)?.get(variableId);
}

async function userVariablesOf(store: Store, workspaceId: string): Promise<Map<string, VariableDefinition>> {
  return new Map((await store.userVariables.list(workspaceId)).map(({ definition }) => [definition.id, definition]));
}

/** The same variables for one reader of the store beside the server (the file worker laying out an export), as the store has them now. */
export async function createStoredVariableLookup(store: Store, workspaceId: string): Promise<VariableDefinitionLookup> {
  const builtIn = builtInById();
  const user = await userVariablesOf(store, workspaceId);
  return (variableId) => builtIn.get(variableId) ?? user.get(variableId);
}
