import { builtInVariables } from '#shared/templates/builtInVariables';
import type { VariableDefinition } from '#shared/templates/schema';
import type { ServiceEvents } from '#main/services/serviceEvents';
import type { Store } from '#main/store/store';

/** Finds the definition of a variable by id. */
export type VariableDefinitionLookup = (variableId: string) => VariableDefinition | undefined;

const builtInById = (): Map<string, VariableDefinition> => new Map(builtInVariables().map((variable) => [variable.id, variable]));

/**
 * The variables a document may hold: the built-in library's first, then those defined by imported
 * template packs. The sync server asks for every variable write, so user variables are kept in a
 * Map read once from the store and read again only when an import changes them
 * (`userVariablesChanged`); a built-in id always wins (pack checks refuse built-in ids anyway).
 */
export function createVariableLookup(store: Store, events: ServiceEvents): VariableDefinitionLookup {
  const builtIn = builtInById();
  const load = (): Map<string, VariableDefinition> => new Map(store.userVariables.list().map(({ definition }) => [definition.id, definition]));
  let user = load();
  events.on('userVariablesChanged', () => {
    user = load();
  });
  return (variableId) => builtIn.get(variableId) ?? user.get(variableId);
}

/**
 * The same variables for one reader of the store beside the server (the file worker laying out an
 * export): a user variable is read from the store when first asked for, then kept.
 */
export function createStoredVariableLookup(store: Store): VariableDefinitionLookup {
  const builtIn = builtInById();
  const user = new Map<string, VariableDefinition | undefined>();
  return (variableId) => {
    const known = builtIn.get(variableId);
    if (known) return known;
    if (!user.has(variableId)) user.set(variableId, store.userVariables.get(variableId)?.definition);
    return user.get(variableId);
  };
}
