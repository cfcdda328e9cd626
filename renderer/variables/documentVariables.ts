import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '#shared/api/client';
import type * as Y from 'yjs';
import type { Language } from '#shared/format/locale';
import { builtInVariables } from '#shared/templates/builtInVariables';
import type { VariableDefinition, VariableValue } from '#shared/templates/schema';
import type { VariableLookup } from '#shared/templates/variableValues';

/** The variables of the open document: one shared value per id, formatted in the document's language. */
export interface DocumentVariables {
  values: Y.Map<VariableValue>;
  language: Language;
  lookup: VariableLookup;
}

// Parsed on first use, not when the page loads.
let builtIn: Map<string, VariableDefinition> | undefined;

/** Definitions known to this interface: the built-in library's variables. */
export const lookupBuiltInVariable: VariableLookup = (id) => (builtIn ??= new Map(builtInVariables().map((variable) => [variable.id, variable]))).get(id);

export const VariablesContext = createContext<DocumentVariables | null>(null);

export function useDocumentVariables(): DocumentVariables | null {
  return useContext(VariablesContext);
}

/** The current value of one variable; re-renders only when that variable changes. */
export function useVariableValue(id: string): VariableValue | undefined {
  const variables = useDocumentVariables();
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!variables) return () => {};
      const observer = (event: Y.YMapEvent<VariableValue>) => {
        if (event.keysChanged.has(id)) listener();
      };
      variables.values.observe(observer);
      return () => variables.values.unobserve(observer);
    },
    [variables, id],
  );
  return useSyncExternalStore(subscribe, () => variables?.values.get(id));
}

/** The definition of a variable, if this interface knows it. */
export function useVariableDefinition(id: string): VariableDefinition | undefined {
  return useDocumentVariables()?.lookup(id);
}

export const editVariableEvent = 'thoa-uoc:edit-variable';

/** Asks the variables panel to show and focus one variable (chips do this when clicked). */
export function requestVariableEdit(id: string): void {
  window.dispatchEvent(new CustomEvent(editVariableEvent, { detail: id }));
}

/** What a click on a chip does: in the document, open the variables panel; in a proposal, focus its proposed value. */
export const VariableEditContext = createContext<(id: string) => void>(requestVariableEdit);

/**
 * The lookup of the open document's variables: the built-in library's, then those defined by the
 * template packs its workspace imported (fetched once; until then, built-in ones only).
 */
export function useVariableLookup(client: ApiClient, documentId: string): VariableLookup {
  const [lookup, setLookup] = useState<VariableLookup>(() => lookupBuiltInVariable);
  useEffect(() => {
    void client.call('templates/variables', { documentId }).then(
      (definitions) => {
        const user = new Map(definitions.map((definition) => [definition.id, definition]));
        setLookup(() => (id: string) => lookupBuiltInVariable(id) ?? user.get(id));
      },
      () => undefined,
    );
  }, [client, documentId]);
  return lookup;
}
