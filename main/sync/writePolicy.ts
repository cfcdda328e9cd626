import type * as Y from 'yjs';
import { contentRootName, variablesRootName } from '#shared/document/yjsContent';
import { validateVariableValue, type VariableLookup } from '#shared/templates/variableValues';
import { inspectUpdate } from '#main/sync/updateInspection';

/** Root types of a document that clients may change through sync; the rest are the server's. */
export const clientWritableRoots: ReadonlySet<string> = new Set([contentRootName, variablesRootName]);

/**
 * What the sync server accepts from a client: changes to the body and to the variables only
 * (proposals, statuses and threads change through the API), and only valid variable values.
 * Returns the reason for refusing an update, or null.
 */
export function createWritePolicy(lookupVariable: VariableLookup) {
  return (decoded: ReturnType<typeof Y.decodeUpdate>, doc: Y.Doc): string | null => {
    const effects = inspectUpdate(decoded, doc);
    for (const root of effects.roots) {
      if (!clientWritableRoots.has(root)) return `the "${root}" part of the document is changed only through the API`;
    }
    for (const write of effects.mapWrites) {
      if (write.root !== variablesRootName) continue;
      const definition = lookupVariable(write.key);
      if (!definition) return `unknown variable "${write.key}"`;
      const problem = validateVariableValue(definition, write.value);
      if (problem) return `invalid value for the variable "${write.key}": ${problem.en} / ${problem.vi}`;
    }
    return null;
  };
}
