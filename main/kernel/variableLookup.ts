import { builtInVariables } from '#shared/templates/builtInVariables';
import type { VariableDefinition } from '#shared/templates/schema';
import type { ServiceEvents } from '#main/kernel/serviceEvents';
import type { Store } from '#main/store/port';

/** Finds the definition of a variable by id. */
export type VariableDefinitionLookup = (variableId: string) => VariableDefinition | undefined;

const builtInById = (): Map<string, VariableDefinition> => new Map(builtInVariables().map((variable) => [variable.id, variable]));

/**
 * The variables a document may hold: the built-in library's first, then those defined by imported
 * template packs. The sync server asks for every variable write, so user variables are kept in a
 * Map read once from the store and read again only when an import changes them
 * (`userVariablesChanged`); a built-in id always wins (pack checks refuse built-in ids anyway).
 */
export async function createVariableLookup(store: Store, events: ServiceEvents): Promise<VariableDefinitionLookup> {
  const builtIn = builtInById();
  let user = await userVariablesOf(store);
  // The import that changed them awaits the reading (see serviceEvents.ts).
  events.on('userVariablesChanged', async () => {
    user = await userVariablesOf(store);
  });
  return (variableId) => builtIn.get(variableId) ?? user.get(variableId);
}

async function userVariablesOf(store: Store): Promise<Map<string, VariableDefinition>> {
  return new Map((await store.userVariables.list()).map(({ definition }) => [definition.id, definition]));
}

/** The same variables for one reader of the store beside the server (the file worker laying out an export), as the store has them now. */
export async function createStoredVariableLookup(store: Store): Promise<VariableDefinitionLookup> {
  const builtIn = builtInById();
  const user = await userVariablesOf(store);
  return (variableId) => builtIn.get(variableId) ?? user.get(variableId);
}
