import { useTranslation } from 'react-i18next';
import { useSlate } from 'slate-react';
import type { DocumentEditor } from './customTypes';
import { isMarkActive } from './commands';
import { describeShortcut, runCommand, shortcuts, type EditorCommand } from './shortcuts';

const groups: EditorCommand[][] = [
  ['undo', 'redo'],
  ['bold', 'italic', 'underline'],
  ['clause', 'point', 'bulletedList', 'table'],
  ['insertChapter', 'insertArticle', 'moveArticleUp', 'moveArticleDown'],
];

const icons: Record<EditorCommand, string> = {
  undo: '↶', redo: '↷', bold: 'B', italic: 'I', underline: 'U',
  clause: '1.', point: 'a)', bulletedList: '•', table: '▦',
  insertChapter: '§+', insertArticle: 'Đ+', moveArticleUp: '▲', moveArticleDown: '▼',
};

/** Buttons for the usual marks and for the structure of a legal text; each names its shortcut. */
export function Toolbar() {
  const { t } = useTranslation();
  const editor = useSlate() as DocumentEditor;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {groups.map((group) => (
        <div className="toolbar-group" key={group.join()}>
          {group.map((command) => {
            const label = `${t(`toolbar.${command}`)} (${shortcuts[command].map(describeShortcut).join(', ')})`;
            const isPressed = (command === 'bold' || command === 'italic' || command === 'underline') && isMarkActive(editor, command);
            return (
              <button
                key={command}
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
                {icons[command]}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
