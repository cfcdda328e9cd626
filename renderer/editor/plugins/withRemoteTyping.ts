import { YjsEditor } from '@slate-yjs/core';
import { Node, Path, Point, Text, type Editor, type InsertNodeOperation } from 'slate';

/**
 * Plain text someone else typed goes into the plain text it continues. slate-yjs applies a remote
 * insertion as a new text node beside the one it goes into (after splitting that one when the
 * text goes in the middle); normalizing then merges them back, and the merge, a local operation,
 * is sent to Yjs as a formatting of the merged text with its marks. That is most of the work of
 * drawing another person's keystroke. Here such a node becomes an insertion into its neighbour,
 * and the split halves are joined again at once: the same text, without the merge to find and send.
 *
 * Only text without marks: for it that formatting is empty, so nothing changes in Yjs. Marked
 * text (bold, a suggestion) keeps slate-yjs's way, whose formatting restates the marks of the
 * words typed, and so keeps them when a decision on those marks races the typing (the fixtures
 * of decision 0024). A caret at the end of the neighbour stays before the new text, as it did
 * with a new node. Wrap outside withReact, so that the text keeps its key (and React its DOM).
 */
export function withRemoteTyping<T extends Editor & YjsEditor>(editor: T): T {
  const { apply } = editor;
  editor.apply = (operation) => {
    const into = YjsEditor.isLocal(editor) || operation.type !== 'insert_node' ? null : continuedText(editor, operation);
    if (!into) return apply(operation);
    const [neighbour, path, text] = into;
    const at = { path, offset: neighbour.text.length };
    const before = editor.selection;
    apply({ type: 'insert_text', path, offset: at.offset, text });
    const rightHalf = Path.next(path);
    if (Node.has(editor, rightHalf)) {
      const next = Node.get(editor, rightHalf);
      if (isPlainText(next)) apply({ type: 'merge_node', path: rightHalf, position: at.offset + text.length, properties: {} });
    }
    const after = editor.selection;
    if (before && after && (Point.equals(before.anchor, at) || Point.equals(before.focus, at))) {
      const kept = { anchor: Point.equals(before.anchor, at) ? at : after.anchor, focus: Point.equals(before.focus, at) ? at : after.focus };
      apply({ type: 'set_selection', properties: after, newProperties: kept });
    }
  };
  return editor;
}

/** The text a remotely inserted plain text node continues: the plain text before it. */
function continuedText(editor: Editor, operation: InsertNodeOperation): [Text, Path, string] | null {
  const { node, path } = operation;
  if (!isPlainText(node) || node.text === '' || path.length === 0 || path[path.length - 1] === 0) return null;
  const previousPath = Path.previous(path);
  if (!Node.has(editor, previousPath)) return null;
  const previous = Node.get(editor, previousPath);
  return isPlainText(previous) ? [previous, previousPath, node.text] : null;
}

function isPlainText(node: Node): node is Text {
  return Text.isText(node) && Object.keys(node).length === 1;
}
