import * as Y from 'yjs';
import { contentRoot } from '#shared/document/yjsContent';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';

/**
 * A tentative agreement is a lock: once both sides agreed an article, neither its text nor the
 * values of the variables it shows change but through a position the other side accepts, or
 * after both consent to reopen it. These read, from a shared document, what the lock covers.
 */

/** The articles both sides have agreed. */
export function agreedArticles(doc: Y.Doc): Set<string> {
  return new Set(
    negotiationMaps(doc)
      .allArticles()
      .filter((article) => article.status === 'agreed')
      .map((article) => article.clauseId),
  );
}

/** Every element of the body in document order, with the clauseId of the article it is or lies in. */
function walkBody(doc: Y.Doc, visit: (element: Y.XmlText, clauseId: string | null) => void): void {
  const walk = (parent: Y.XmlText, clauseId: string | null): void => {
    for (const part of parent.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      const element = part.insert;
      const own: unknown = element.getAttribute('type') === 'article' ? element.getAttribute('clauseId') : null;
      const inArticle = typeof own === 'string' ? own : clauseId;
      visit(element, inArticle);
      walk(element, inArticle);
    }
  };
  walk(contentRoot(doc), null);
}

/** The variables shown (as chips) in the given articles: variable id → the articles showing it. */
export function variablesShownIn(doc: Y.Doc, clauseIds: ReadonlySet<string>): Map<string, string[]> {
  const shown = new Map<string, string[]>();
  if (clauseIds.size === 0) return shown;
  walkBody(doc, (element, clauseId) => {
    if (clauseId === null || !clauseIds.has(clauseId) || element.getAttribute('type') !== 'variable') return;
    const variableId: unknown = element.getAttribute('variableId');
    if (typeof variableId !== 'string') return;
    const articles = shown.get(variableId) ?? [];
    if (!articles.includes(clauseId)) articles.push(clauseId);
    shown.set(variableId, articles);
  });
  return shown;
}

/** How readers name an article in a message: "Điều 5 (Tiền lương)", numbered from its position. */
export function articleLabel(doc: Y.Doc, clauseId: string): string {
  let number = 0;
  let label = 'an article';
  walkBody(doc, (element) => {
    if (element.getAttribute('type') !== 'article') return;
    number += 1;
    if (element.getAttribute('clauseId') !== clauseId) return;
    const title = (element.toDelta() as { insert: unknown }[])
      .map((part) => part.insert)
      .find((insert): insert is Y.XmlText => insert instanceof Y.XmlText && insert.getAttribute('type') === 'article-title');
    const text = title
      ? (title.toDelta() as { insert: unknown }[])
          .map((part) => (typeof part.insert === 'string' ? part.insert : ''))
          .join('')
          .trim()
      : '';
    label = text ? `Điều ${number} (${text})` : `Điều ${number}`;
  });
  return label;
}
