import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleProblem } from '#shared/salaryScale/model';

export interface ScaleCellProps {
  /** The value as shown when not being edited (a formatted amount, a name). */
  shown: string;
  /** The accessible name of the field ("Wage of step 2 of Welder"). */
  label: string;
  readOnly: boolean;
  /** Why the text typed cannot be kept, or null; checked on every keystroke. */
  problemOf: (text: string) => ScaleProblem | null;
  /** Keeps a text problemOf accepted (on Enter, or on leaving the field). */
  onCommit: (text: string) => void;
  align?: 'left' | 'right';
  /** Shown in the empty field: what goes there. */
  placeholder?: string;
  testId?: string;
}

/**
 * One cell of the salary scale: checked as it is typed (the reason shown under it, the same the
 * server would give), kept on Enter or on leaving, put back on Escape. Only what is valid is
 * written into the shared document, so the server never has to refuse it.
 */
export function ScaleCell({ shown, label, readOnly, problemOf, onCommit, align = 'left', placeholder, testId }: ScaleCellProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const problem = editing ? problemOf(text) : null;
  // Another person's edit shows at once, unless this one is typing here.
  useEffect(() => {
    if (!editing) setText(shown);
  }, [shown, editing]);
  const commit = () => {
    setEditing(false);
    if (problemOf(text) === null && text !== shown) onCommit(text);
    else setText(shown);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (problemOf(text) === null) event.currentTarget.blur();
    }
    if (event.key === 'Escape') {
      setText(shown);
      setEditing(false);
    }
  };
  return (
    <div className={`scale-cell${problem ? ' invalid' : ''}`}>
      <input
        value={text}
        aria-label={label}
        placeholder={placeholder}
        aria-invalid={problem !== null}
        readOnly={readOnly}
        style={{ textAlign: align }}
        data-testid={testId}
        onChange={(event) => {
          setEditing(true);
          setText(event.target.value);
        }}
        onBlur={() => {
          if (problemOf(text) === null) commit();
        }}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p className="field-problem" role="alert" data-testid="scale-problem">
          {t(`salaryScale.problem.${problem}`)}
        </p>
      )}
    </div>
  );
}
