import type { TemplateDraft } from '#shared/api/templates';
import type { DocumentKind } from '#shared/documents/kinds';
import type { ArticleElement, InlineNode } from '#shared/document/nodes';
import { foldForSearch } from '#shared/templates/search';
import { topicByName } from '#shared/templates/topicNames';
import type { ArticleTemplate, LegalCitation, TemplateBlock } from '#shared/templates/schema';

/**
 * Turning an article of the document into a template draft, and the small parsers of the save
 * form. Pure functions: no React, no editor, so they run the same in tests.
 */

/** How a variable chip reads where a placeholder is not allowed (a title): its value, say. */
export type DescribeVariable = (variableId: string) => string;

/** The text of inline nodes; each variable chip becomes `{{variable_id}}` (or `describe(id)`). */
export function inlineText(children: readonly InlineNode[], describe?: DescribeVariable): string {
  return children.map((inline) => ('type' in inline ? (describe ? describe(inline.variableId) : `{{${inline.variableId}}}`) : inline.text)).join('');
}

/** The article's title as plain text; chips read as `describe` says (titles hold no placeholders). */
export function articleTitleText(article: ArticleElement, describe: DescribeVariable): string {
  const [title] = article.children;
  return title?.type === 'article-title' ? inlineText(title.children, describe).trim() : '';
}

const listItemPrefix = '- ';
const tableCellSeparator = ' | ';

/**
 * The body of an article as template blocks. Paragraphs, clauses and points stay what they are;
 * a bulleted list becomes one paragraph per item ("- item"), a table one paragraph per row (cells
 * joined by " | "): templates hold only those three kinds of block. Empty blocks are left out.
 * Both language fields get the document's text; a translation is added later by editing.
 */
export function articleBodyBlocks(article: ArticleElement): TemplateBlock[] {
  const texts: { type: TemplateBlock['type']; text: string }[] = [];
  for (const block of article.children) {
    switch (block.type) {
      case 'paragraph':
      case 'clause':
      case 'point':
        texts.push({ type: block.type, text: inlineText(block.children) });
        break;
      case 'bulleted-list':
        for (const item of block.children) texts.push({ type: 'paragraph', text: `${listItemPrefix}${inlineText(item.children).trim()}` });
        break;
      case 'table':
        for (const row of block.children)
          texts.push({ type: 'paragraph', text: row.children.map((cell) => inlineText(cell.children).trim()).join(tableCellSeparator) });
        break;
      default:
        break; // the article title
    }
  }
  return texts
    .map(({ type, text }) => ({ type, text: text.trim() }))
    .filter(({ text }) => text !== '' && text !== listItemPrefix.trim() && text.replaceAll('|', '').trim() !== '')
    .map(({ type, text }) => ({ type, text: { vi: text, en: text } }));
}

/**
 * A topic as the schema wants it (an id: lowercase ASCII letters, digits, "_"), from what someone
 * typed: "Phụ cấp ăn ca" becomes "phu_cap_an_ca". Null when nothing usable is left.
 */
export function topicIdFromText(text: string): string | null {
  let id = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (/^[0-9]/.test(id)) id = `topic_${id}`;
  id = id.slice(0, 80).replace(/_+$/, '');
  return id.length >= 2 ? id : null;
}

/** The topics typed in one field, separated by commas or semicolons, as topic ids (a library topic's name gives its id). */
export function parseTopics(text: string): { topics: string[]; invalid: string[] } {
  const topics: string[] = [];
  const invalid: string[] = [];
  for (const part of text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')) {
    const id = topicByName(part) ?? topicIdFromText(part);
    if (id) topics.push(id);
    else invalid.push(part);
  }
  return { topics, invalid };
}

/** The Labour Code 2019 has 220 articles. */
export const labourCodeArticles = 220;

/** Labour Code article numbers typed in one field ("98, 107"), as citations of the Code. */
export function parseLabourCodeArticles(text: string): { citations: LegalCitation[]; invalid: string[] } {
  const citations: LegalCitation[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/).filter((piece) => piece !== '')) {
    const number = /^\d{1,3}$/.test(part) ? Number(part) : Number.NaN;
    if (Number.isInteger(number) && number >= 1 && number <= labourCodeArticles) citations.push({ law: 'LC2019', article: number });
    else invalid.push(part);
  }
  return { citations, invalid };
}

const citationKey = (citation: LegalCitation): string => `${citation.law}:${citation.article}:${citation.clause ?? ''}:${citation.point ?? ''}`;

/** The citations without repeats, each in the place of its first occurrence. */
export function uniqueCitations(citations: readonly LegalCitation[]): LegalCitation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = citationKey(citation);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface DraftFields {
  title: { vi: string; en: string };
  topics: readonly string[];
  legalBasis: readonly LegalCitation[];
}

/** A new template from an article: its text as the body, the document's kind, the form's fields. */
export function draftFromArticle(article: ArticleElement, kind: DocumentKind, fields: DraftFields): TemplateDraft {
  return {
    kinds: [kind],
    title: { vi: fields.title.vi.trim(), en: fields.title.en.trim() },
    body: articleBodyBlocks(article),
    topics: [...new Set(fields.topics)],
    legalBasis: uniqueCitations(fields.legalBasis),
    recommended: false,
    alternatives: [],
  };
}

/**
 * An edited template: the form's fields over what it was; its body replaced by an article's text
 * when one is given. Alternative wordings, kinds and the recommendation are kept.
 */
export function draftFromEdit(template: ArticleTemplate, fields: DraftFields, replacement: ArticleElement | null): TemplateDraft {
  return {
    kinds: template.kinds,
    title: { vi: fields.title.vi.trim(), en: fields.title.en.trim() },
    body: replacement ? articleBodyBlocks(replacement) : template.body,
    topics: [...new Set(fields.topics)],
    legalBasis: uniqueCitations(fields.legalBasis),
    recommended: template.recommended,
    alternatives: template.alternatives,
  };
}
