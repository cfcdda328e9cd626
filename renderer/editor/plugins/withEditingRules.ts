import { Editor, Element, Path, Point, Range, Transforms } from 'slate';
import { insertArticle, toggleBulletedList } from '../commands';
import { isEmptyNode, selectedArticle, selectedChapter, selectedTextBlock } from '../structure';

function collapsedAt(editor: Editor): Point | null {
  return editor.selection && Range.isCollapsed(editor.selection) ? editor.selection.anchor : null;
}

/** Enter: a chapter title opens its first article; a title splits into a paragraph; an empty clause, point or list item returns to a paragraph. */
function insertBreakRule(editor: Editor): boolean {
  const block = selectedTextBlock(editor);
  if (!block) return false;
  const [node, path] = block;
  if (node.type === 'chapter-title') {
    insertArticle(editor);
    return true;
  }
  if (node.type === 'article-title') {
    Transforms.splitNodes(editor, { always: true });
    Transforms.setNodes(editor, { type: 'paragraph' }, { at: Path.next(path) });
    return true;
  }
  if (isEmptyNode(node) && (node.type === 'clause' || node.type === 'point')) {
    Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
    return true;
  }
  if (isEmptyNode(node) && node.type === 'list-item') {
    toggleBulletedList(editor);
    return true;
  }
  return false;
}

/**
 * Backspace never merges across articles or chapters: at the start of a title it removes the
 * article (or chapter) only when it is entirely empty; at the start of a clause or point it first
 * turns it back into a paragraph.
 */
function deleteBackwardRule(editor: Editor): boolean {
  const point = collapsedAt(editor);
  const block = selectedTextBlock(editor);
  if (!point || !block || !Point.equals(point, Editor.start(editor, block[1]))) return false;
  const [node, path] = block;
  if (node.type === 'article-title' || node.type === 'chapter-title') {
    const container = node.type === 'article-title' ? selectedArticle(editor) : selectedChapter(editor);
    if (container && isEmptyNode(container[0])) {
      const before = Editor.before(editor, container[1]);
      Transforms.removeNodes(editor, { at: container[1] });
      if (before) Transforms.select(editor, before);
    }
    return true;
  }
  if (node.type === 'clause' || node.type === 'point') {
    Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
    return true;
  }
  const article = selectedArticle(editor);
  if (article && path.length === article[1].length + 1 && path.at(-1) === 1 && !isEmptyNode(node)) {
    // The first body block would otherwise merge into the title.
    return true;
  }
  return false;
}

/** Delete at the end of an article's last block does not pull the next article's title in. */
function deleteForwardRule(editor: Editor): boolean {
  const point = collapsedAt(editor);
  const block = selectedTextBlock(editor);
  if (!point || !block || !Point.equals(point, Editor.end(editor, block[1]))) return false;
  const next = Editor.next(editor, {
    at: block[1],
    match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) && !Editor.hasBlocks(editor, node),
  });
  const nextNode = next?.[0];
  return Element.isElement(nextNode) && (nextNode.type === 'article-title' || nextNode.type === 'chapter-title');
}

/** Keyboard editing that respects the structure of a legal text. */
export function withEditingRules<T extends Editor>(editor: T): T {
  const { insertBreak, deleteBackward, deleteForward } = editor;
  editor.insertBreak = () => {
    if (!insertBreakRule(editor)) insertBreak();
  };
  editor.deleteBackward = (unit) => {
    if (unit !== 'character' || !deleteBackwardRule(editor)) deleteBackward(unit);
  };
  editor.deleteForward = (unit) => {
    if (unit !== 'character' || !deleteForwardRule(editor)) deleteForward(unit);
  };
  return editor;
}
