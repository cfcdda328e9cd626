import { Editor, Element, Node, Path, Transforms } from 'slate';
import type { ArticleElement, ChapterElement, DocumentElement, Mark, TableElement } from '#shared/document/nodes';
import { newNodeId } from './ids';
import { selectedAncestor, selectedArticle, selectedChapter, selectedTextBlock } from './structure';

export function newArticle(title = ''): ArticleElement {
  return {
    type: 'article',
    clauseId: newNodeId(),
    children: [
      { type: 'article-title', children: [{ text: title }] },
      { type: 'paragraph', children: [{ text: '' }] },
    ],
  };
}

export function newChapter(title = ''): ChapterElement {
  return { type: 'chapter', chapterId: newNodeId(), children: [{ type: 'chapter-title', children: [{ text: title }] }] };
}

/** Where a new article goes: after the selected article, first in a selected chapter title, or at the end. */
function newArticlePath(editor: Editor): Path {
  const article = selectedArticle(editor);
  if (article) return Path.next(article[1]);
  const chapter = selectedChapter(editor);
  if (chapter) return [...chapter[1], 1];
  const topLevel = editor.selection ? editor.selection.anchor.path.slice(0, 1) : null;
  if (topLevel) return Path.next(topLevel);
  const last = editor.children.length - 1;
  const lastBlock = editor.children[last];
  if (lastBlock && Element.isElement(lastBlock) && lastBlock.type === 'chapter') return [last, lastBlock.children.length];
  return [editor.children.length];
}

/** Inserts an empty article and puts the cursor in its title. */
export function insertArticle(editor: Editor, article: ArticleElement = newArticle()): void {
  const at = newArticlePath(editor);
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, article, { at, select: false });
  });
  Transforms.select(editor, Editor.start(editor, [...at, 0]));
}

/**
 * Starts a new chapter at the cursor: inside a chapter, the articles after the selected one move
 * into the new chapter ("the next chapter starts here"); elsewhere it goes after the current block.
 */
export function insertChapter(editor: Editor): void {
  const chapter = selectedChapter(editor);
  const article = selectedArticle(editor);
  Editor.withoutNormalizing(editor, () => {
    if (chapter) {
      const [chapterNode, chapterPath] = chapter;
      const splitIndex = article ? (article[1][chapterPath.length] ?? 0) + 1 : 1;
      const at = Path.next(chapterPath);
      Transforms.insertNodes(editor, newChapter(), { at, select: false });
      for (let index = chapterNode.children.length - 1; index >= splitIndex; index -= 1) {
        Transforms.moveNodes(editor, { at: [...chapterPath, index], to: [...at, 1] });
      }
      Transforms.select(editor, Editor.start(editor, [...at, 0]));
      return;
    }
    const at = editor.selection ? Path.next(editor.selection.anchor.path.slice(0, 1)) : [editor.children.length];
    Transforms.insertNodes(editor, newChapter(), { at, select: false });
    Transforms.select(editor, Editor.start(editor, [...at, 0]));
  });
}

/**
 * Moves the selected article one place up or down; at a chapter's edge it crosses into the
 * neighbouring chapter. Numbers follow, since they are derived from positions.
 */
export function moveArticle(editor: Editor, direction: 'up' | 'down'): boolean {
  const entry = selectedArticle(editor);
  if (!entry) return false;
  const [, path] = entry;
  const parentPath = Path.parent(path);
  const index = path.at(-1) ?? 0;
  const parent = Node.get(editor, parentPath);
  const siblings = Editor.isEditor(parent) || Element.isElement(parent) ? parent.children : [];
  const firstArticleIndex = parentPath.length === 0 ? 0 : 1;
  let to: Path | null = null;
  if (direction === 'up' && index > firstArticleIndex) to = [...parentPath, index - 1];
  else if (direction === 'down' && index < siblings.length - 1) to = [...parentPath, index + 1];
  else if (parentPath.length === 1) {
    // Crossing into the previous or next chapter.
    const neighbourIndex = (parentPath[0] ?? 0) + (direction === 'up' ? -1 : 1);
    const neighbour = editor.children[neighbourIndex];
    if (neighbour && Element.isElement(neighbour) && neighbour.type === 'chapter') {
      to = direction === 'up' ? [neighbourIndex, neighbour.children.length] : [neighbourIndex, 1];
    }
  }
  if (!to) return false;
  Transforms.moveNodes(editor, { at: path, to });
  return true;
}

export function isMarkActive(editor: Editor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: Editor, mark: Mark): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

type BodyTextType = 'paragraph' | 'clause' | 'point';

/** Turns the selected body block into a paragraph, a numbered clause ("1.") or a point ("a)"). */
export function setBodyBlockType(editor: Editor, type: BodyTextType): void {
  const block = selectedTextBlock(editor);
  if (!block || !['paragraph', 'clause', 'point', 'list-item'].includes(block[0].type)) return;
  if (block[0].type === 'list-item') toggleBulletedList(editor);
  const target = block[0].type === type ? 'paragraph' : type;
  Transforms.setNodes(
    editor,
    { type: target },
    { match: (node) => Element.isElement(node) && ['paragraph', 'clause', 'point'].includes(node.type), mode: 'lowest' },
  );
}

export function toggleBulletedList(editor: Editor): void {
  const list = selectedAncestor(editor, 'bulleted-list');
  Editor.withoutNormalizing(editor, () => {
    if (list) {
      Transforms.setNodes<DocumentElement>(
        editor,
        { type: 'paragraph' },
        { at: list[1], match: (node) => Element.isElement(node) && node.type === 'list-item' },
      );
      Transforms.unwrapNodes(editor, { at: list[1] });
      return;
    }
    const block = selectedTextBlock(editor);
    if (!block || !['paragraph', 'clause', 'point'].includes(block[0].type)) return;
    Transforms.setNodes(editor, { type: 'list-item' }, { at: block[1] });
    Transforms.wrapNodes(editor, { type: 'bulleted-list', children: [] }, { at: block[1] });
  });
}

export function newTable(rows: number, columns: number): TableElement {
  return {
    type: 'table',
    children: Array.from({ length: rows }, (_row, rowIndex) => ({
      type: 'table-row' as const,
      children: Array.from({ length: columns }, () => ({
        type: 'table-cell' as const,
        ...(rowIndex === 0 ? { header: true as const } : {}),
        children: [{ text: '' }],
      })),
    })),
  };
}

/** Inserts a table (for instance a salary scale) after the selected body block. */
export function insertTable(editor: Editor, rows = 3, columns = 3): void {
  const article = selectedArticle(editor);
  if (!article || !editor.selection) return;
  const childIndex = editor.selection.anchor.path[article[1].length] ?? 0;
  const at = [...article[1], childIndex + 1];
  Transforms.insertNodes(editor, newTable(rows, columns), { at });
  Transforms.select(editor, Editor.start(editor, at));
}
