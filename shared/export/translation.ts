import { plainText, type ArticleElement, type BodyBlock } from '#shared/document/nodes';
import type { Language } from '#shared/format/locale';
import { templateBody } from '#shared/templates/instantiate';
import type { ArticleTemplate, DocumentOutline } from '#shared/templates/schema';

/**
 * Where the other language of a bilingual export comes from: the clause templates. An article
 * that came from a template (templateId) and still reads exactly as the template (or one of its
 * alternative wordings) renders in the document language has a faithful translation, the same
 * template in the other language; an article edited since has none, and the export says so.
 */

export interface TranslationSources {
  findTemplate: (templateId: string) => ArticleTemplate | undefined;
  /** The outline of the document's kind: chapter titles and legal grounds in both languages. */
  outline: DocumentOutline | undefined;
}

/** Text compared for "still equals the template": spaces collapsed, chips as `{{id}}`. */
function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bodySignature(blocks: readonly BodyBlock[]): string {
  return blocks.map((block) => `${block.type}\u0000${normalised(plainText(block))}`).join('\u0001');
}

/** The article in the other language, or null when it has no faithful translation. */
export function translateArticle(article: ArticleElement, from: Language, to: Language, sources: TranslationSources): ArticleElement | null {
  if (from === to) return article;
  if (!article.templateId) return null;
  const template = sources.findTemplate(article.templateId);
  if (!template) return null;
  const [title, ...body] = article.children;
  if (normalised(title ? plainText(title) : '') !== normalised(template.title[from])) return null;
  const signature = bodySignature(body as BodyBlock[]);
  const matches = (wordingId?: string): boolean => bodySignature(templateBody(template, from, wordingId)) === signature;
  let wording: string | undefined;
  if (!matches()) {
    wording = template.alternatives.find((alternative) => matches(alternative.id))?.id;
    if (wording === undefined) return null;
  }
  return {
    ...article,
    children: [{ type: 'article-title', children: [{ text: template.title[to] }] }, ...templateBody(template, to, wording)],
  };
}

const trailingPunctuation = /[\s.;,:]+$/;

function sameText(a: string, b: string, language: Language): boolean {
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  return normalised(a).replace(trailingPunctuation, '').toLocaleLowerCase(locale) === normalised(b).replace(trailingPunctuation, '').toLocaleLowerCase(locale);
}

/** A chapter title of the outline in the other language, or null. */
export function translateChapterTitle(title: string, from: Language, to: Language, sources: TranslationSources): string | null {
  if (from === to) return title;
  return sources.outline?.chapters.find((chapter) => sameText(chapter.title[from], title, from))?.title[to] ?? null;
}

/** A legal ground of the outline in the other language, or null. */
export function translateGround(ground: string, from: Language, to: Language, sources: TranslationSources): string | null {
  if (from === to) return ground;
  return sources.outline?.legalGrounds.find((candidate) => sameText(candidate[from], ground, from))?.[to] ?? null;
}
