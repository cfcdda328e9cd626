import { Editor, Element, Node, Path, Text, type Operation } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import type { ArticleLock } from '../agreedArticles';
import type { SuggestingState } from '../suggestingMode';

function isLockedArticle(node: Node, lock: ArticleLock): boolean {
  return Element.isElement(node) && node.type === 'article' && lock.isLocked(node.clauseId);
}

/** Whether the node at `path` lies in a locked article (or is one, with `includeSelf`). */
function isInLockedArticle(editor: Editor, path: Path, lock: ArticleLock, includeSelf: boolean): boolean {
  const depth = includeSelf ? path.length : path.length - 1;
  for (let length = 1; length <= depth; length += 1) {
    const at = path.slice(0, length);
    if (!Node.has(editor, at)) return false;
    if (isLockedArticle(Node.get(editor, at), lock)) return true;
  }
  return false;
}

/** Whether the node at `path` holds a locked article (a chapter does). */
function holdsLockedArticle(editor: Editor, path: Path, lock: ArticleLock): boolean {
  if (!Node.has(editor, path)) return false;
  const node = Node.get(editor, path);
  return Element.isElement(node) && node.type === 'chapter' && node.children.some((child) => isLockedArticle(child, lock));
}

/** Whether an operation would change a locked article: its text, its blocks, or its place. */
export function touchesLockedArticle(editor: Editor, operation: Operation, lock: ArticleLock): boolean {
  const own = (path: Path) => isInLockedArticle(editor, path, lock, true) || holdsLockedArticle(editor, path, lock);
  switch (operation.type) {
    case 'set_selection':
      return false;
    case 'insert_node':
      return isInLockedArticle(editor, operation.path, lock, false);
    case 'insert_text':
    case 'remove_text':
    case 'set_node':
      return isInLockedArticle(editor, operation.path, lock, true);
    case 'merge_node':
      return own(operation.path) || (Path.hasPrevious(operation.path) && own(Path.previous(operation.path)));
    case 'move_node':
      return own(operation.path) || isInLockedArticle(editor, operation.newPath, lock, false);
    case 'remove_node':
    case 'split_node':
      return own(operation.path);
  }
}

/**
 * Whether an operation changes text only (its characters, a text's marks, splitting or joining
 * texts), as suggestions do; never a block.
 */
function isTextOperation(editor: Editor, operation: Operation): boolean {
  switch (operation.type) {
    case 'insert_text':
    case 'remove_text':
      return true;
    case 'insert_node':
      return Text.isText(operation.node);
    case 'set_node':
    case 'split_node':
    case 'merge_node':
      return Node.has(editor, operation.path) && Text.isText(Node.get(editor, operation.path));
    default:
      return false;
  }
}

/**
 * Whether an operation only suggests blocks (decision 0027): a block marked as new, a mark for
 * deletion set or dropped, or one's own new block removed.
 */
function isBlockSuggestion(operation: Operation, suggesting: SuggestingState): boolean {
  switch (operation.type) {
    case 'insert_node':
      return Element.isElement(operation.node) && 'suggestInsert' in operation.node && operation.node.suggestInsert !== undefined;
    case 'set_node':
      return Object.keys({ ...operation.properties, ...operation.newProperties }).every((key) => key === 'suggestDelete');
    case 'remove_node':
      return (
        Element.isElement(operation.node) &&
        'suggestInsert' in operation.node &&
        typeof operation.node.suggestInsert === 'string' &&
        suggesting.isOwn(operation.node.suggestInsert)
      );
    default:
      return false;
  }
}

/** Whether the selection reaches into a locked article. */
function selectionTouchesLocked(editor: Editor, lock: ArticleLock): boolean {
  if (!editor.selection) return false;
  const [entry] = Editor.nodes(editor, { at: editor.selection, match: (node) => isLockedArticle(node, lock) });
  return entry !== undefined;
}

/**
 * Articles both sides have agreed are read-only here (the server refuses any change to them, and
 * keeps a refused change as a draft): commands whose selection reaches into one do nothing, and
 * any local operation that would change one is dropped. Changes from others (an accepted position
 * applied by the server) pass, and so does the normalizing that follows them (two texts the server
 * wrote side by side are merged): normalizing expects each of its operations to take effect, and
 * would never end if one were dropped. In Suggesting mode, changes of text pass: they are
 * suggestions, which an agreed article takes (withSuggesting makes them), and so do blocks suggested.
 */
export function withAgreedLock<T extends Editor>(editor: T, lock: ArticleLock, suggesting: SuggestingState): T {
  const { apply, normalizeNode, insertText, insertBreak, insertSoftBreak, insertFragment, deleteBackward, deleteForward, deleteFragment } = editor;
  let normalizing = 0;
  editor.normalizeNode = (entry, options) => {
    normalizing += 1;
    try {
      normalizeNode(entry, options);
    } finally {
      normalizing -= 1;
    }
  };
  editor.apply = (operation) => {
    const isLocal = !YjsEditor.isYjsEditor(editor) || YjsEditor.isLocal(editor);
    // A suggestion changes nothing agreed until the other side accepts it (decision 0024).
    const suggested = suggesting.isSuggesting() && (isTextOperation(editor, operation) || isBlockSuggestion(operation, suggesting));
    if (isLocal && normalizing === 0 && !suggested && touchesLockedArticle(editor, operation, lock)) return;
    apply(operation);
  };
  const unlessLocked =
    <A extends unknown[]>(command: (...args: A) => void) =>
    (...args: A): void => {
      if (!selectionTouchesLocked(editor, lock)) command(...args);
    };
  editor.insertText = unlessLocked(insertText);
  editor.insertBreak = unlessLocked(insertBreak);
  editor.insertSoftBreak = unlessLocked(insertSoftBreak);
  editor.insertFragment = unlessLocked(insertFragment);
  editor.deleteBackward = unlessLocked(deleteBackward);
  editor.deleteForward = unlessLocked(deleteForward);
  editor.deleteFragment = unlessLocked(deleteFragment);
  return editor;
}
