import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import { plainText, type ArticleElement, type TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestionsIn } from '#shared/document/suggestionMarks';
import { contentRoot } from '#shared/document/yjsContent';

/** An article's text as compared by proposals and versions: title and blocks, chips as {{id}}. */
export function articleText(article: ArticleElement): string {
  return article.children.map(plainText).join('\n');
}

/** Every article of a body, in document order. */
export function articlesOf(blocks: readonly TopLevelBlock[]): ArticleElement[] {
  return blocks.flatMap((block) =>
    block.type === 'article' ? [block] : block.type === 'chapter' ? block.children.filter((child): child is ArticleElement => child.type === 'article') : [],
  );
}

interface ArticleLocation {
  parent: Y.XmlText;
  offset: number;
  element: Y.XmlText;
}

/**
 * Where an article sits in the Yjs body: its parent (the root or a chapter) and its offset there.
 * A copy suggested as the article's new place (a move, decision 0027) keeps its `clauseId` but is
 * no part of the accepted text: the article is where it stands until the move is accepted.
 */
function locateArticle(doc: Y.Doc, clauseId: string): ArticleLocation | null {
  const search = (parent: Y.XmlText, depth: number): ArticleLocation | null => {
    let offset = 0;
    for (const part of parent.toDelta() as { insert: string | Y.XmlText }[]) {
      if (part.insert instanceof Y.XmlText) {
        const element = part.insert;
        const type = element.getAttribute('type');
        if (type === 'article' && element.getAttribute('clauseId') === clauseId && element.getAttribute('suggestInsert') === undefined)
          return { parent, offset, element };
        if (type === 'chapter' && depth === 0) {
          const found = search(element, 1);
          if (found) return found;
        }
        offset += 1;
      } else {
        offset += part.insert.length;
      }
    }
    return null;
  };
  return search(contentRoot(doc), 0);
}

/** An article as Slate nodes, read from the Yjs body as it is while no pending suggestion is accepted. */
export function readArticle(doc: Y.Doc, clauseId: string): ArticleElement | null {
  const location = locateArticle(doc, clauseId);
  return location ? withoutPendingSuggestionsIn(yTextToSlateElement(location.element) as unknown as ArticleElement) : null;
}

function insertDelta(article: ArticleElement) {
  return slateNodesToInsertDelta([article] as unknown as SlateNode[]);
}

/** Replaces an article by another (same place); call inside a transaction. Returns false if absent. */
export function replaceArticle(doc: Y.Doc, clauseId: string, article: ArticleElement): boolean {
  const location = locateArticle(doc, clauseId);
  if (!location) return false;
  location.parent.applyDelta([{ retain: location.offset }, { delete: 1 }, ...insertDelta(article)], { sanitize: false });
  return true;
}

/** Inserts an article right after another; returns false if that one is absent. */
export function insertArticleAfter(doc: Y.Doc, clauseId: string, article: ArticleElement): boolean {
  const location = locateArticle(doc, clauseId);
  if (!location) return false;
  location.parent.applyDelta([{ retain: location.offset + 1 }, ...insertDelta(article)], { sanitize: false });
  return true;
}

/** Removes an article; returns false if it is absent. */
export function removeArticle(doc: Y.Doc, clauseId: string): boolean {
  const location = locateArticle(doc, clauseId);
  if (!location) return false;
  location.parent.applyDelta([{ retain: location.offset }, { delete: 1 }]);
  return true;
}
