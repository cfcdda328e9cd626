import { Editor, Element, Node, Text, Transforms, type NodeEntry } from 'slate';
import type { DocumentElement, ElementType } from '#shared/document/nodes';
import { newNodeId } from '../ids';

const topLevelTypes: readonly ElementType[] = ['chapter', 'article', 'paragraph'];
const bodyTypes: readonly ElementType[] = ['paragraph', 'clause', 'point', 'bulleted-list', 'table'];

function isElementOf(node: Node, types: readonly ElementType[]): boolean {
  return Element.isElement(node) && types.includes(node.type);
}

/** Turns a misplaced block into a paragraph (keeping its text), or unwraps a container. */
function demoteToParagraph(editor: Editor, path: number[]): void {
  const node = Node.get(editor, path);
  if (Element.isElement(node) && Editor.isBlock(editor, node) && node.children.some((child) => Element.isElement(child) && Editor.isBlock(editor, child))) {
    Transforms.unwrapNodes(editor, { at: path });
  } else if (Text.isText(node)) {
    Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at: path });
  } else {
    Transforms.setNodes<DocumentElement>(editor, { type: 'paragraph' }, { at: path });
  }
}

/** Elements that only make sense under one parent type (titles only as its first child). */
const requiredParent: Partial<Record<ElementType, ElementType>> = {
  'chapter-title': 'chapter',
  'article-title': 'article',
  'list-item': 'bulleted-list',
  'table-row': 'table',
  'table-cell': 'table-row',
};

function isMisplaced(node: DocumentElement, parent: Node, index: number): boolean {
  const required = requiredParent[node.type];
  if (required === undefined) return false;
  if (!Element.isElement(parent) || parent.type !== required) return true;
  return (node.type === 'chapter-title' || node.type === 'article-title') && index !== 0;
}

function normalizeRoot(editor: Editor): boolean {
  for (const [child, path] of Node.children(editor, [])) {
    if (!isElementOf(child, topLevelTypes)) {
      demoteToParagraph(editor, path);
      return true;
    }
  }
  return false;
}

function normalizeChapter(editor: Editor, chapter: DocumentElement & { type: 'chapter' }, path: number[]): boolean {
  const first = chapter.children[0];
  if (!first || first.type !== 'chapter-title') {
    Transforms.insertNodes(editor, { type: 'chapter-title', children: [{ text: '' }] }, { at: [...path, 0] });
    return true;
  }
  for (let index = 1; index < chapter.children.length; index += 1) {
    const child = chapter.children[index] as Node;
    if (isElementOf(child, ['article'])) continue;
    if (isElementOf(child, bodyTypes) || Text.isText(child)) {
      // A body block directly in a chapter belongs to a new article of its own.
      Transforms.wrapNodes(editor, { type: 'article', clauseId: newNodeId(), children: [] }, { at: [...path, index] });
    } else {
      demoteToParagraph(editor, [...path, index]);
    }
    return true;
  }
  return false;
}

function normalizeArticle(editor: Editor, article: DocumentElement & { type: 'article' }, path: number[]): boolean {
  const first = article.children[0];
  if (!first || first.type !== 'article-title') {
    Transforms.insertNodes(editor, { type: 'article-title', children: [{ text: '' }] }, { at: [...path, 0] });
    return true;
  }
  for (let index = 1; index < article.children.length; index += 1) {
    const child = article.children[index] as Node;
    if (!isElementOf(child, bodyTypes)) {
      demoteToParagraph(editor, [...path, index]);
      return true;
    }
  }
  return false;
}

/**
 * Keeps the legal structure valid: chapters start with their title and hold articles; articles
 * start with their title and hold body blocks; the top level holds chapters, articles and the
 * preamble's paragraphs. Anything else is demoted to a paragraph rather than deleted.
 */
export function withStructure<T extends Editor>(editor: T): T {
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (path.length === 0 && normalizeRoot(editor)) return;
    if (Element.isElement(node)) {
      if (node.type === 'chapter' && normalizeChapter(editor, node, path)) return;
      if (node.type === 'article' && normalizeArticle(editor, node, path)) return;
      if (path.length > 0 && isMisplaced(node, Node.parent(editor, path), path.at(-1) ?? 0)) {
        demoteToParagraph(editor, path);
        return;
      }
    }
    normalizeNode(entry, options);
  };
  return editor;
}
