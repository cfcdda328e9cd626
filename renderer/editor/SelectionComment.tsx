import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { Range } from 'slate';
import { ReactEditor, useFocused, useSlateSelector, useSlateStatic } from 'slate-react';
import type { DocumentEditor } from './customTypes';
import { describeShortcut, runCommand, shortcuts } from './shortcuts';

/** Where the selection ends on the screen, while words are selected in the focused text (as one string: it re-renders only when it moves). */
function selectionEnd(editor: DocumentEditor): string {
  const { selection } = editor;
  if (!selection || Range.isCollapsed(selection)) return '';
  try {
    const rect = ReactEditor.toDOMRange(editor, selection).getBoundingClientRect();
    return `${Math.round(rect.right)} ${Math.round(rect.top)}`;
  } catch {
    // The selection is not on the screen (yet): nothing to show it by.
    return '';
  }
}

/**
 * A button beside the selected words, to comment on them: the same command as the toolbar's and
 * Ctrl+Alt+M, where the pointer already is.
 */
export function SelectionComment() {
  const { t } = useTranslation();
  const editor = useSlateStatic() as DocumentEditor;
  const focused = useFocused();
  // The selector runs again on each render: scrolling the text moves the button with the words.
  const [, scrolled] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    window.addEventListener('scroll', scrolled, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', scrolled, { capture: true });
  }, []);
  const at = useSlateSelector((state) => selectionEnd(state as DocumentEditor));
  if (!focused || at === '') return null;
  const [right, top] = at.split(' ').map(Number) as [number, number];
  const label = `${t('toolbar.comment')} (${shortcuts.comment.map(describeShortcut).join(', ')})`;
  return (
    <button
      type="button"
      className="selection-comment"
      style={{ left: right + 4, top: Math.max(top - 32, 0) }}
      title={label}
      aria-label={label}
      data-testid="selection-comment"
      onMouseDown={(event) => {
        // Keep the selection: act on mouse down, never take the focus.
        event.preventDefault();
        runCommand(editor, 'comment');
      }}
    >
      “ ”
    </button>
  );
}
