import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopLevelBlock } from '#shared/document/nodes';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { variablesUsed } from '#shared/templates/instantiate';
import type { VariableValue } from '#shared/templates/schema';
import type { ChangeSignal } from '../editor/changeSignal';
import type { DocumentEditor } from '../editor/customTypes';
import type { DocumentVariables } from './documentVariables';
import { RecordedFactField } from './RecordedFactField';
import { VariableField } from './VariableField';

function useMapSnapshot(variables: DocumentVariables): ReadonlyMap<string, VariableValue> {
  const [snapshot, setSnapshot] = useState(() => new Map(variables.values.entries()));
  useEffect(() => {
    const update = () => setSnapshot(new Map(variables.values.entries()));
    variables.values.observe(update);
    return () => variables.values.unobserve(update);
  }, [variables]);
  return snapshot;
}

/** The variable ids the text uses, in order of first appearance, followed every 300 ms while editing. */
function usedVariables(editor: DocumentEditor): string[] {
  return [...variablesUsed(editor.children as TopLevelBlock[])];
}

function useUsedVariables(editor: DocumentEditor, changes: ChangeSignal): string[] {
  const [used, setUsed] = useState(() => usedVariables(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setUsed(usedVariables(editor));
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [editor, changes]);
  return used;
}

/** Which variable to focus; `request` changes on each new request for the same variable. */
export interface VariableFocus {
  id: string;
  request: number;
}

export interface VariablesPanelProps {
  editor: DocumentEditor;
  changes: ChangeSignal;
  variables: DocumentVariables;
  readOnly: boolean;
  focus: VariableFocus | null;
}

/**
 * Every variable of the document with its value: changing one here updates each place it appears,
 * live for everyone. Values are checked against the variable's type and range before saving. The
 * procedural facts (the vote, the signing) are shown, never edited: the lifecycle record fills them.
 */
export function VariablesPanel({ editor, changes, variables, readOnly, focus }: VariablesPanelProps) {
  const { t } = useTranslation();
  const values = useMapSnapshot(variables);
  const used = useUsedVariables(editor, changes);

  const ids = [...new Set([...used, ...values.keys()])].filter((id) => variables.lookup(id) !== undefined);
  if (ids.length === 0) return <p className="empty-state">{t('variables.empty')}</p>;
  return (
    <div className="variables-panel" aria-label={t('variables.title')}>
      {readOnly && <p className="hint">{t('variables.readOnly')}</p>}
      {ids.map((id) => {
        const definition = variables.lookup(id);
        if (!definition) return null;
        if (isProceduralFact(id)) return <RecordedFactField key={id} definition={definition} value={values.get(id)} focusRequest={focus?.id === id ? focus.request : undefined} />;
        return (
          <VariableField
            key={id}
            definition={definition}
            value={values.get(id)}
            readOnly={readOnly}
            focusRequest={focus?.id === id ? focus.request : undefined}
            onCommit={(value) => variables.values.set(id, value)}
          />
        );
      })}
    </div>
  );
}
