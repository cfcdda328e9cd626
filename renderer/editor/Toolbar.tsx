import { memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateSelector, useSlateStatic } from 'slate-react';
import { Editor } from 'slate';
import { markNames } from '#shared/document/elementRules';
import type { Mark } from '#shared/document/nodes';
import type { Language } from '#shared/format/locale';
import type { DocumentEditor } from './customTypes';
import { isMarkActive } from './commands';
import { formatChangeOf } from './formatChange';
import { describeShortcut, runCommand, shortcuts, suggestingShortcut, type EditorCommand } from './shortcuts';
import { SuggestingModeContext, useSuggestingMode, useSuggestionRecord } from './suggestingMode';
import { suggestionByLine, type SuggestedRunChange } from './suggestionByLine';

const documentGroups: readonly (readonly EditorCommand[])[] = [
  ['undo', 'redo'],
  ['bold', 'italic', 'underline'],
  ['clause', 'point', 'bulletedList', 'table'],
  ['insertChapter', 'insertArticle', 'moveArticleUp', 'moveArticleDown'],
  ['comment'],
];

// The faces of the buttons, alike in both languages (B, I, U are the faces Vietnamese word
// processors use too); the article's is its word's first letter, so the interface words it.
const icons: Record<Exclude<EditorCommand, 'insertArticle'>, string> = {
  undo: '↶',
  redo: '↷',
  bold: 'B',
  italic: 'I',
  underline: 'U',
  clause: '1.',
  point: 'a)',
  bulletedList: '•',
  table: '▦',
  insertChapter: '§+',
  moveArticleUp: '▲',
  moveArticleDown: '▼',
  comment: '“ ”',
};

const marks: readonly Mark[] = ['bold', 'italic', 'underline'];

const isMark = (command: EditorCommand): command is Mark => (marks as readonly string[]).includes(command);

/** The marks active at the selection, as one string: the toolbar re-renders only when it changes. */
function activeMarks(editor: DocumentEditor): string {
  return marks.filter((mark) => isMarkActive(editor, mark)).join(' ');
}

const ToolbarButton = memo(function ToolbarButton({ command, isPressed }: { command: EditorCommand; isPressed: boolean }) {
  const { t } = useTranslation();
  const editor = useSlateStatic() as DocumentEditor;
  const label = `${t(`toolbar.${command}`)} (${shortcuts[command].map(describeShortcut).join(', ')})`;
  return (
    <button
      type="button"
      className={`toolbar-button ${command}`}
      title={label}
      aria-label={label}
      aria-pressed={isPressed}
      onMouseDown={(event) => {
        // Keep the editor's selection: act on mouse down, never take the focus.
        event.preventDefault();
        runCommand(editor, command);
      }}
    >
      {command === 'insertArticle' ? t('toolbar.insertArticleIcon') : icons[command]}
    </button>
  );
});

/** Editing or Suggesting: a switch of this participant's mode, held on while the document requires suggesting. */
function SuggestingSwitch() {
  const { t } = useTranslation();
  const mode = useContext(SuggestingModeContext);
  const { on, required } = useSuggestingMode();
  if (!mode) return null;
  const label = `${t(required ? 'suggestions.requiredSwitch' : 'suggestions.switch')} (${describeShortcut(suggestingShortcut)})`;
  return (
    <div className="toolbar-group">
      <button
        type="button"
        className={`toolbar-button suggesting-switch${on ? ' on' : ''}`}
        title={label}
        aria-label={label}
        aria-pressed={on}
        disabled={required}
        data-testid="suggesting-switch"
        onMouseDown={(event) => {
          event.preventDefault();
          mode.toggle();
        }}
      >
        {t(on ? 'suggestions.modeSuggesting' : 'suggestions.modeEditing')}
      </button>
    </div>
  );
}

/** The suggestion at the cursor, as one string ("insert:id", "delete:id" or "format:id:change"; empty where there is none). */
function suggestionAtCursor(editor: DocumentEditor): string {
  const marks = editor.selection ? Editor.marks(editor) : null;
  if (marks?.suggestDelete !== undefined) return `delete:${marks.suggestDelete}`;
  if (marks?.suggestInsert !== undefined) return `insert:${marks.suggestInsert}`;
  if (marks?.suggestFormat === undefined) return '';
  const { added, removed } = formatChangeOf({ text: '', ...marks });
  return `format:${marks.suggestFormat}:${added.join('+')}:${removed.join('+')}`;
}

/**
 * Who made the suggestion the cursor is in, and when: what hovering shows, for whoever moves
 * through the text with the keyboard.
 */
function SuggestionAtCursor() {
  const { t, i18n } = useTranslation();
  const [kind, id = '', added = '', removed = ''] = useSlateSelector((editor) => suggestionAtCursor(editor as DocumentEditor)).split(':');
  const record = useSuggestionRecord(id);
  if (!id) return null;
  const marksIn = (list: string) => markNames.filter((mark) => list.split('+').includes(mark));
  const run: SuggestedRunChange =
    kind === 'format' ? { kind: 'format', change: { added: marksIn(added), removed: marksIn(removed) } } : { kind: kind === 'insert' ? 'insert' : 'delete' };
  return (
    <p className="suggestion-at-cursor" role="status" data-testid="suggestion-at-cursor">
      {suggestionByLine(t, i18n.language as Language, run, record)}
    </p>
  );
}

/**
 * Buttons for the usual marks and for the structure of a legal text; each names its shortcut.
 * It follows only the active marks (not every change): typing must not re-render it. An editor of
 * one article (a proposal) shows only the groups that apply to it.
 */
export function Toolbar({ groups = documentGroups }: { groups?: readonly (readonly EditorCommand[])[] }) {
  const { t } = useTranslation();
  const active = useSlateSelector((editor) => activeMarks(editor as DocumentEditor)).split(' ');
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {groups.map((group) => (
        <div className="toolbar-group" key={group.join()}>
          {group.map((command) => (
            <ToolbarButton key={command} command={command} isPressed={isMark(command) && active.includes(command)} />
          ))}
        </div>
      ))}
      <SuggestingSwitch />
      <SuggestionAtCursor />
    </div>
  );
}
