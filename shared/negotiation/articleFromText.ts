import { textToInlines } from '#shared/templates/instantiate';
import { pointLetter } from '#shared/document/numbering';
import { plainText, type ArticleElement } from '#shared/document/nodes';

const clausePattern = /^\s*\d+\.\s+/;
const pointPattern = /^\s*[a-zđ]{1,2}\)\s+/;

/**
 * An article written as plain lines: the first line is the title; then one block per line —
 * "1. ..." a clause, "a) ..." a point, anything else a paragraph (numbers are re-derived, so the
 * typed ones are dropped). `{{variable_id}}` keeps a variable chip.
 */
export function articleFromText(clauseId: string, text: string): ArticleElement {
  const [title = '', ...lines] = text.replace(/\r\n?/g, '\n').split('\n');
  const body = lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      if (clausePattern.test(line)) return { type: 'clause' as const, children: textToInlines(line.replace(clausePattern, '')) };
      if (pointPattern.test(line)) return { type: 'point' as const, children: textToInlines(line.replace(pointPattern, '')) };
      return { type: 'paragraph' as const, children: textToInlines(line.trim()) };
    });
  return { type: 'article', clauseId, children: [{ type: 'article-title', children: textToInlines(title.trim()) }, ...(body.length > 0 ? body : [{ type: 'paragraph' as const, children: [{ text: '' }] }])] };
}

/** The lines a person edits for an article: its text with clauses numbered and points lettered. */
export function articleToEditableText(article: ArticleElement): string {
  let clause = 0;
  let point = 0;
  const [title, ...body] = article.children;
  const lines = body.map((block) => {
    if (block.type === 'clause') {
      clause += 1;
      point = 0;
      return `${clause}. ${plainText(block)}`;
    }
    if (block.type === 'point') {
      point += 1;
      return `${pointLetter(point)}) ${plainText(block)}`;
    }
    return plainText(block);
  });
  return [title ? plainText(title) : '', ...lines].join('\n');
}
