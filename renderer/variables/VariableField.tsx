import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, VariableDefinition, VariableValue } from '#shared/templates/schema';
import { validateVariableValue } from '#shared/templates/variableValues';
import { regions } from '#shared/templates/variableTypes';
import { useLanguage } from '../i18n/i18n';
import { inputTextOf, parseVariableInput } from './parseVariableInput';

export interface VariableFieldProps {
  definition: VariableDefinition;
  value: VariableValue | undefined;
  readOnly: boolean;
  onCommit: (value: VariableValue) => void;
  /** Focus this field now (a chip was clicked). */
  focusRequest?: number;
  /** Save every valid value as it is typed (forms), rather than on Enter or leaving (shared documents). */
  commitWhileTyping?: boolean;
  /** Told as the person types why the text is not acceptable, or null once it is: a form disables its action and says why. */
  onProblem?: (problem: Bilingual | null) => void;
}

/**
 * One variable's input: typed, checked as it is typed against the variable's definition (the law's
 * ranges), saved on Enter or when leaving (or as it is typed, in forms). Only valid values are saved.
 */
export function VariableField({ definition, value, readOnly, onCommit, focusRequest, commitWhileTyping = false, onProblem }: VariableFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState(() => inputTextOf(definition, value, language));
  const [problem, setProblem] = useState<Bilingual | null>(null);
  const input = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const reportProblem = useRef(onProblem);
  useEffect(() => {
    reportProblem.current = onProblem;
  });
  // A field that goes away takes its problem with it: its text is gone.
  useEffect(() => () => reportProblem.current?.(null), []);

  useEffect(() => {
    // Someone else (or another field) changed the value: show it, unless this field is being edited.
    if (document.activeElement !== input.current) setText(inputTextOf(definition, value, language));
  }, [definition, value, language]);

  useEffect(() => {
    if (focusRequest === undefined) return;
    input.current?.focus();
    input.current?.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  /** Reads and checks the text; says what is wrong at once, and tells the form. */
  const check = (raw: string): { parsed: VariableValue; isValid: boolean } => {
    const parsed = parseVariableInput(definition, raw, language);
    const invalid = validateVariableValue(definition, parsed);
    setProblem(invalid);
    reportProblem.current?.(invalid);
    return { parsed, isValid: invalid === null };
  };

  const commit = (raw: string) => {
    const { parsed, isValid } = check(raw);
    if (isValid && parsed !== value) onCommit(parsed);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') commit(text);
    if (event.key === 'Escape') {
      setText(inputTextOf(definition, value, language));
      setProblem(null);
      reportProblem.current?.(null);
    }
  };

  const options =
    definition.type === 'enum'
      ? (definition.options ?? []).map((o) => ({ value: o.value, label: o.label[language] }))
      : definition.type === 'region'
        ? regions.map((r) => ({ value: r, label: t('variables.region', { region: r }) }))
        : null;
  const unit = definition.unit?.[language];

  return (
    <div className={`variable-field${problem ? ' invalid' : ''}`} data-variable-id={definition.id}>
      <label htmlFor={id}>{definition.label[language]}</label>
      <div className="row">
        {options ? (
          <select
            id={id}
            ref={input}
            value={text}
            disabled={readOnly}
            onChange={(event) => {
              setText(event.target.value);
              commit(event.target.value);
            }}
          >
            {value === undefined && <option value="">—</option>}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            ref={input}
            type={definition.type === 'date' ? 'date' : definition.type === 'timeOfDay' ? 'time' : 'text'}
            inputMode={definition.type === 'money' || definition.type === 'headcount' ? 'numeric' : undefined}
            value={text}
            readOnly={readOnly}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              const { parsed, isValid } = check(event.target.value);
              if (commitWhileTyping && isValid) onCommit(parsed);
            }}
            onBlur={() => commit(text)}
            onKeyDown={onKeyDown}
          />
        )}
        {unit && <span className="unit">{unit}</span>}
      </div>
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem[language]}
        </p>
      )}
      {definition.help && <p className="hint">{definition.help[language]}</p>}
    </div>
  );
}
