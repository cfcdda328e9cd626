import { Editor, Element, Node, type Path, Range, type NodeEntry } from 'slate';
import type { ArticleElement, ChapterElement, DocumentElement, ElementType } from '#shared/document/nodes';

/** The nearest ancestor (or self) of the selection's anchor with the given type. */
export function selectedAncestor<T extends ElementType>(
  editor: Editor,
  type: T,
  at: Range | Path | null = editor.selection,
): NodeEntry<Extract<DocumentElement, { type: T }>> | undefined {
  if (!at) return undefined;
  const entry = Editor.above(editor, {
    at: Range.isRange(at) ? Range.start(at) : at,
    match: (node) => Element.isElement(node) && node.type === type,
    mode: 'lowest',
  });
  return entry as NodeEntry<Extract<DocumentElement, { type: T }>> | undefined;
}

export function selectedArticle(editor: Editor): NodeEntry<ArticleElement> | undefined {
  return selectedAncestor(editor, 'article');
}

export function selectedChapter(editor: Editor): NodeEntry<ChapterElement> | undefined {
  return selectedAncestor(editor, 'chapter');
}

/** The text block (paragraph, clause, title...) holding the selection's anchor. */
export function selectedTextBlock(editor: Editor): NodeEntry<DocumentElement> | undefined {
  if (!editor.selection) return undefined;
  return Editor.above(editor, {
    at: Range.start(editor.selection),
    match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) && !Editor.hasBlocks(editor, node),
    mode: 'lowest',
  }) as NodeEntry<DocumentElement> | undefined;
}

/** Whether every text of a node is empty (variables count as content). */
export function isEmptyNode(node: Node): boolean {
  for (const [inner] of Node.nodes(node)) {
    if (Element.isElement(inner) && inner.type === 'variable') return false;
    if (!Element.isElement(inner) && 'text' in inner && inner.text !== '') return false;
  }
  return true;
}
