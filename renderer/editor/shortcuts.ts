import type { KeyboardEvent } from 'react';
import type { DocumentEditor } from './customTypes';
import { requestPhraseComment } from '../negotiation/negotiationStore';
import { selectedPhrase } from './phraseComments';
import { insertArticle, insertChapter, insertTable, moveArticle, setBodyBlockType, toggleBulletedList, toggleMark } from './commands';

export type EditorCommand =
  | 'undo'
  | 'redo'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'clause'
  | 'point'
  | 'bulletedList'
  | 'table'
  | 'insertArticle'
  | 'insertChapter'
  | 'moveArticleUp'
  | 'moveArticleDown'
  | 'comment';

/** Keys per command ("mod" is Ctrl, or ⌘ on macOS); shown in tooltips and the help dialog. */
export const shortcuts: Record<EditorCommand, string[]> = {
  undo: ['mod+z'],
  redo: ['mod+shift+z', 'mod+y'],
  bold: ['mod+b'],
  italic: ['mod+i'],
  underline: ['mod+u'],
  clause: ['mod+alt+1'],
  point: ['mod+alt+2'],
  bulletedList: ['mod+alt+8'],
  table: ['mod+alt+t'],
  insertArticle: ['mod+enter'],
  insertChapter: ['mod+shift+enter'],
  moveArticleUp: ['alt+shift+arrowup'],
  moveArticleDown: ['alt+shift+arrowdown'],
  comment: ['mod+alt+m'],
};

/** Switches Suggesting mode (decision 0024): the editor's mode, not a change of the text. */
export const suggestingShortcut = 'mod+shift+e';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.at(-1) ?? '';
  const wants = new Set(parts.slice(0, -1));
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (wants.has('mod') !== mod || wants.has('shift') !== event.shiftKey || wants.has('alt') !== event.altKey) return false;
  // event.code keeps digits and letters stable under Alt (and under Vietnamese input methods).
  const code = event.code.toLowerCase();
  return event.key.toLowerCase() === key || code === `key${key}` || code === `digit${key}`;
}

/**
 * Ctrl+Home and Ctrl+End (⌘↑ and ⌘↓ on a Mac), Shift extending the selection: the start or the end
 * of the whole text. The editor moves there itself: the browser's own move stops short of chapters
 * it is not laying out (content-visibility, app.css).
 */
export function documentEdgeOf(event: KeyboardEvent): 'start' | 'end' | null {
  if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey) return null;
  if (event.key === 'End' || (isMac && event.key === 'ArrowDown')) return 'end';
  if (event.key === 'Home' || (isMac && event.key === 'ArrowUp')) return 'start';
  return null;
}

/** Keys with which the browser itself moves the caret or the selection far: a screen down, a paragraph down (⌘↓ on a Mac is `documentEdgeOf`'s), the whole text. */
export function movesFar(event: KeyboardEvent): boolean {
  if (event.key === 'PageDown') return true;
  return (isMac ? event.metaKey : event.ctrlKey) && !event.altKey && ['ArrowDown', 'a', 'A'].includes(event.key);
}

/** How a shortcut reads for people ("Ctrl+Shift+Z", "⌘⇧Z"). */
export function describeShortcut(shortcut: string): string {
  return shortcut
    .split('+')
    .map((part) => {
      if (part === 'mod') return isMac ? '⌘' : 'Ctrl';
      if (part === 'arrowup') return '↑';
      if (part === 'arrowdown') return '↓';
      return part.length === 1 ? part.toUpperCase() : part[0]?.toUpperCase() + part.slice(1);
    })
    .join('+');
}

export function runCommand(editor: DocumentEditor, command: EditorCommand): void {
  switch (command) {
    case 'undo':
      return editor.undo();
    case 'redo':
      return editor.redo();
    case 'bold':
    case 'italic':
    case 'underline':
      return toggleMark(editor, command);
    case 'clause':
    case 'point':
      return setBodyBlockType(editor, command);
    case 'bulletedList':
      return toggleBulletedList(editor);
    case 'table':
      return insertTable(editor);
    case 'insertArticle':
      return insertArticle(editor);
    case 'insertChapter':
      return insertChapter(editor);
    case 'moveArticleUp':
      moveArticle(editor, 'up');
      return;
    case 'moveArticleDown':
      moveArticle(editor, 'down');
      return;
    case 'comment':
      commentOnSelection(editor);
      return;
  }
}

/** Opens the comment form on the selected words, when some words of one article are selected. */
function commentOnSelection(editor: DocumentEditor): void {
  const phrase = selectedPhrase(editor);
  if (phrase) requestPhraseComment(phrase);
}

/** What an editor of one article (a proposal) can do: no chapters, no other articles to move past. */
export const articleCommandGroups: readonly (readonly EditorCommand[])[] = [
  ['undo', 'redo'],
  ['bold', 'italic', 'underline'],
  ['clause', 'point', 'bulletedList', 'table'],
];

/**
 * Runs the command bound to a key press, if any (among `commands`, every one by default);
 * returns whether the press was handled.
 */
export function handleShortcut(editor: DocumentEditor, event: KeyboardEvent, readOnly: boolean, commands?: readonly EditorCommand[]): boolean {
  for (const [command, keys] of Object.entries(shortcuts) as [EditorCommand, string[]][]) {
    if (commands && !commands.includes(command)) continue;
    if (!keys.some((shortcut) => matchesShortcut(event, shortcut))) continue;
    event.preventDefault();
    // Commenting is reading, not writing: a reviewer allowed to comment does it on a read-only text.
    if (!readOnly || command === 'comment') runCommand(editor, command);
    return true;
  }
  return false;
}
