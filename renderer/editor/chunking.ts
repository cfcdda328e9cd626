import { Editor, type Ancestor } from 'slate';

/**
 * How many children one chunk of the document editor holds (slate-react's chunking, decision 0031).
 * Chunks are memoized React components: a keystroke re-renders the chunks on the way to the text
 * it changed instead of every sibling of every ancestor, and each lowest chunk of a chapter is a
 * box the browser skips as a whole while it is off screen (content-visibility, app.css).
 * Ten keeps a chunk of articles near one screen's height (an article is about 26.5em).
 */
export const articlesPerChunk = 10;

/**
 * The chunk size of a node of the document: the body's top level and chapters are chunked, the
 * two levels whose children run into the hundreds (articles, chapters); an article's few blocks
 * and a block's text are not. The choice depends on the node's type alone, so that a chapter
 * growing or shrinking never switches chunking on or off under slate-react's cached chunk tree.
 */
export function documentChunkSize(node: Ancestor): number | null {
  if (Editor.isEditor(node)) return articlesPerChunk;
  return node.type === 'chapter' ? articlesPerChunk : null;
}
