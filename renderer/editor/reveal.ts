import { Editor, Element, Node, Transforms, type Path } from 'slate';
import { ReactEditor } from 'slate-react';
import type { DocumentEditor } from './customTypes';

/** Scrolls a chapter or an article into view and puts the cursor at the start of its title. */
export function revealPath(editor: DocumentEditor, path: Path): void {
  Transforms.select(editor, Editor.start(editor, [...path, 0]));
  ReactEditor.focus(editor);
  ReactEditor.toDOMNode(editor, Node.get(editor, path)).scrollIntoView({ block: 'start' });
}

/** Reveals the article with this clauseId, if it is still in the document. */
export function revealArticle(editor: DocumentEditor, clauseId: string): boolean {
  const [entry] = Editor.nodes(editor, { at: [], match: (node) => Element.isElement(node) && node.type === 'article' && node.clauseId === clauseId });
  if (!entry) return false;
  revealPath(editor, entry[1]);
  return true;
}
