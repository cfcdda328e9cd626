import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articlesOf } from '#shared/document/articles';
import { computeNumbering } from '#shared/document/numbering';
import type { TopLevelBlock } from '#shared/document/nodes';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { variablesUsed } from '#shared/templates/instantiate';
import type { VariableDefinition, VariableValue } from '#shared/templates/schema';
import { formatVariableValue } from '#shared/templates/variableValues';
import { ErrorNotice } from '../components/ErrorNotice';
import { useActionRunner } from '../components/useActionRunner';
import { useAgreedArticles } from '../editor/agreedArticles';
import type { ChangeSignal } from '../editor/changeSignal';
import { isTextLevelOperation } from '../editor/textOperations';
import type { DocumentEditor } from '../editor/customTypes';
import { useSuggestingMode } from '../editor/suggestingMode';
import { usePendingValueSuggestion } from '../negotiation/pendingSuggestions';
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

/** The variable ids the text uses, in order of first appearance, followed every 300 ms while chips come and go. */
function usedVariables(editor: DocumentEditor): string[] {
  return [...variablesUsed(editor.children as TopLevelBlock[])];
}

function useUsedVariables(editor: DocumentEditor, changes: ChangeSignal): string[] {
  const [used, setUsed] = useState(() => usedVariables(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe((operations) => {
      // Typing never adds or removes a chip.
      if (operations.every(isTextLevelOperation)) return;
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

/** The variables shown in agreed articles: variable id → the numbers of the agreed articles showing it. */
function shownInAgreed(editor: DocumentEditor, agreed: ReadonlySet<string>): Map<string, number[]> {
  const shown = new Map<string, number[]>();
  if (agreed.size === 0) return shown;
  const blocks = editor.children as TopLevelBlock[];
  const numbers = computeNumbering(blocks).articles;
  for (const article of articlesOf(blocks)) {
    if (!agreed.has(article.clauseId)) continue;
    for (const id of variablesUsed([article])) shown.set(id, [...(shown.get(id) ?? []), numbers.get(article.clauseId) ?? 0]);
  }
  return shown;
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
  /** Suggests a value (decision 0028): what a value entered in Suggesting mode does instead of writing it. */
  suggestValue: (variableId: string, value: VariableValue) => Promise<unknown>;
}

/** The value suggested for a variable and not yet decided, under its field. */
function PendingValue({ variables, definition }: { variables: DocumentVariables; definition: VariableDefinition }) {
  const { t } = useTranslation();
  const pending = usePendingValueSuggestion(variables.values.doc, definition.id);
  if (!pending?.value) return null;
  return (
    <p className="hint" data-testid="pending-value">
      <ins className={`suggestion suggestion-insert side-${pending.side}`}>
        {t('suggestions.valuePending', { to: formatVariableValue(definition, pending.value.to, variables.language), name: pending.authorName })}
      </ins>
    </p>
  );
}

/**
 * Every variable of the document with its value: changing one here updates each place it appears,
 * live for everyone. Values are checked against the variable's type and range before saving. The
 * procedural facts (the vote, the signing) are shown, never edited: the lifecycle record fills them.
 * A value shown in an article both sides agreed is not changed here (the server would refuse it):
 * the field says so. In Suggesting mode a value entered is suggested instead (decision 0028), in
 * an agreed article too, and a value suggested shows under its field.
 */
export function VariablesPanel({ editor, changes, variables, readOnly, focus, suggestValue }: VariablesPanelProps) {
  const { t } = useTranslation();
  const suggesting = useSuggestingMode().on;
  const { run, notice, error } = useActionRunner(async () => undefined);
  const values = useMapSnapshot(variables);
  const used = useUsedVariables(editor, changes);
  const agreed = useAgreedArticles();
  // Followed with the variables used: both change when the text does.
  const locked = useMemo(() => shownInAgreed(editor, agreed), [editor, agreed, used]);

  const ids = [...new Set([...used, ...values.keys()])].filter((id) => variables.lookup(id) !== undefined);
  if (ids.length === 0) return <p className="empty-state">{t('variables.empty')}</p>;
  return (
    <div className="variables-panel" aria-label={t('variables.title')}>
      {readOnly && <p className="hint">{t('variables.readOnly')}</p>}
      {suggesting && !readOnly && (
        <p className="hint" data-testid="suggesting-values">
          {t('suggestions.suggestingValues')}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={error} />
      {ids.map((id) => {
        const definition = variables.lookup(id);
        if (!definition) return null;
        if (isProceduralFact(id))
          return <RecordedFactField key={id} definition={definition} value={values.get(id)} focusRequest={focus?.id === id ? focus.request : undefined} />;
        const lockedBy = suggesting ? undefined : locked.get(id);
        return (
          <div key={id} className={lockedBy ? 'variable-locked' : undefined}>
            <VariableField
              definition={definition}
              value={values.get(id)}
              readOnly={readOnly || lockedBy !== undefined}
              focusRequest={focus?.id === id ? focus.request : undefined}
              onCommit={(value) => (suggesting ? void run(() => suggestValue(id, value), t('suggestions.valueSent')) : variables.values.set(id, value))}
            />
            <PendingValue variables={variables} definition={definition} />
            {lockedBy && !readOnly && (
              <p className="hint" data-testid="variable-locked">
                {t('variables.lockedByAgreement', { articles: lockedBy.map((number) => t('negotiation.articleNumber', { number })).join(', ') })}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
