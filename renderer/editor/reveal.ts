import { Editor, Element, Node, Transforms, type Path, type Range } from 'slate';
import { ReactEditor } from 'slate-react';
import type { DocumentEditor } from './customTypes';
import { drawEveryArticleNow } from './openingRender';

/**
 * Selects `range` in the focused editor and scrolls the node at `path` into view (at the start or
 * the middle of the view): where the outline, the panels and the comments take the reader. Every
 * article is drawn first, in case this one still waits its turn as the document opens.
 */
export function selectAndShow(editor: DocumentEditor, range: Range, path: Path, block: 'start' | 'center'): void {
  drawEveryArticleNow(editor);
  Transforms.select(editor, range);
  ReactEditor.focus(editor);
  showSettled(ReactEditor.toDOMNode(editor, Node.get(editor, path)), block);
}

/** Longest the view follows a place it took the reader to, while what it passed is laid out. */
const settlingFrames = 10;

/**
 * Scrolls `element` into view at `block`, and again at the next frames for as long as it moves:
 * what the scroll passed or reached is laid out with its real height only then, in place of its
 * estimate (`content-visibility`, app.css), which moves what follows it.
 */
export function showSettled(element: HTMLElement, block: 'start' | 'center' | 'end'): void {
  element.scrollIntoView({ block });
  let top = element.getBoundingClientRect().top;
  let frames = 0;
  const follow = (): void => {
    const now = element.getBoundingClientRect().top;
    if (now === top || (frames += 1) > settlingFrames) return;
    element.scrollIntoView({ block });
    top = element.getBoundingClientRect().top;
    requestAnimationFrame(follow);
  };
  requestAnimationFrame(follow);
}

/** Scrolls a chapter or an article into view and puts the cursor at the start of its title. */
export function revealPath(editor: DocumentEditor, path: Path): void {
  selectAndShow(editor, Editor.range(editor, Editor.start(editor, [...path, 0])), path, 'start');
}

/** Reveals the article with this clauseId, if it is still in the document. */
export function revealArticle(editor: DocumentEditor, clauseId: string): boolean {
  const [entry] = Editor.nodes(editor, { at: [], match: (node) => Element.isElement(node) && node.type === 'article' && node.clauseId === clauseId });
  if (!entry) return false;
  revealPath(editor, entry[1]);
  return true;
}
