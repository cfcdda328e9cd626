import { Editor, Transforms, type Path } from 'slate';
import type { ArticleElement, BodyBlock, ChapterElement, InlineNode, ParagraphElement } from '#shared/document/nodes';
import type { DocumentEditor } from '../../renderer/editor/customTypes';

/** Fixture builders: short ways to write a document's initial state. */
export function paragraph(...children: (string | InlineNode)[]): ParagraphElement {
  return { type: 'paragraph', children: children.length === 0 ? [{ text: '' }] : children.map((c) => (typeof c === 'string' ? { text: c } : c)) };
}

export function clause(text: string): BodyBlock {
  return { type: 'clause', children: [{ text }] };
}

export function point(text: string): BodyBlock {
  return { type: 'point', children: [{ text }] };
}

export function article(clauseId: string, title: string, ...body: (string | BodyBlock)[]): ArticleElement {
  return {
    type: 'article',
    clauseId,
    children: [{ type: 'article-title', children: [{ text: title }] }, ...body.map((b) => (typeof b === 'string' ? paragraph(b) : b))],
  };
}

export function chapter(chapterId: string, title: string, ...articles: ArticleElement[]): ChapterElement {
  return { type: 'chapter', chapterId, children: [{ type: 'chapter-title', children: [{ text: title }] }, ...articles] };
}

/** Puts the cursor at an offset of the text at `path` (a path to a text block; offset -1 = end). */
export function cursorAt(editor: DocumentEditor, path: Path, offset = 0): void {
  const point = offset < 0 ? Editor.end(editor, path) : { path: [...path, 0], offset };
  Transforms.select(editor, point);
}
