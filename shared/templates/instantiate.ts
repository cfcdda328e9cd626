import type { Language } from '#shared/format/locale';
import type { ArticleElement, ChapterElement, ClauseElement, InlineNode, ParagraphElement, PointElement, TopLevelBlock } from '#shared/document/nodes';
import type { ArticleTemplate, DocumentOutline, TemplateBlock, VariableValue } from '#shared/templates/schema';

const placeholder = /\{\{\s*([a-z][a-z0-9_.-]*)\s*\}\}/g;

/** A template text as inline nodes: plain text with a variable chip for each `{{variable_id}}`. */
export function textToInlines(text: string): InlineNode[] {
  const inlines: InlineNode[] = [];
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    inlines.push({ text: text.slice(last, match.index) });
    inlines.push({ type: 'variable', variableId: match[1] ?? '', children: [{ text: '' }] });
    last = (match.index ?? 0) + match[0].length;
  }
  inlines.push({ text: text.slice(last) });
  return inlines;
}

/** The blocks a template can hold. */
export type TemplateBodyBlock = ParagraphElement | ClauseElement | PointElement;

function blockFromTemplate(block: TemplateBlock, language: Language): TemplateBodyBlock {
  return { type: block.type, children: textToInlines(block.text[language]) };
}

/** The body blocks of a template, or of one of its alternative wordings. */
export function templateBody(template: ArticleTemplate, language: Language, alternativeId?: string): TemplateBodyBlock[] {
  const alternative = alternativeId === undefined ? undefined : template.alternatives.find((a) => a.id === alternativeId);
  return (alternative?.body ?? template.body).map((block) => blockFromTemplate(block, language));
}

export interface InstantiateOptions {
  language: Language;
  newId: () => string;
  /** Alternative wording per template id (default: the template's own wording). */
  wordings?: Readonly<Record<string, string>>;
}

/** An article built from a template, ready to insert: title, body, and the template it came from. */
export function articleFromTemplate(template: ArticleTemplate, options: InstantiateOptions): ArticleElement {
  return {
    type: 'article',
    clauseId: options.newId(),
    templateId: template.id,
    children: [
      { type: 'article-title', children: [{ text: template.title[options.language] }] },
      ...templateBody(template, options.language, options.wordings?.[template.id]),
    ],
  };
}

/**
 * A whole document from an outline: the legal grounds (in italics) as the preamble, then each
 * chapter with the chosen articles, in the outline's order. Chapters left without articles are kept.
 */
export function documentFromOutline(
  outline: DocumentOutline,
  templates: ReadonlyMap<string, ArticleTemplate>,
  chosen: ReadonlySet<string>,
  options: InstantiateOptions,
): TopLevelBlock[] {
  const grounds: ParagraphElement[] = outline.legalGrounds.map((ground) => ({
    type: 'paragraph',
    children: [{ text: ground[options.language], italic: true }],
  }));
  const chapters: ChapterElement[] = outline.chapters.map((chapter) => ({
    type: 'chapter',
    chapterId: options.newId(),
    children: [
      { type: 'chapter-title', children: [{ text: chapter.title[options.language] }] },
      ...chapter.articles
        .filter((id) => chosen.has(id))
        .flatMap((id) => {
          const template = templates.get(id);
          return template ? [articleFromTemplate(template, options)] : [];
        }),
    ],
  }));
  return [...grounds, ...chapters];
}

/** Every variable id a body refers to. */
export function variablesUsed(blocks: readonly TopLevelBlock[]): Set<string> {
  const used = new Set<string>();
  const visit = (node: { children?: unknown[]; type?: string; variableId?: string }) => {
    if (node.type === 'variable' && node.variableId) used.add(node.variableId);
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  for (const block of blocks) visit(block);
  return used;
}

/** The values an alternative wording proposes override the variables' defaults. */
export function proposedValues(templates: readonly ArticleTemplate[], wordings: Readonly<Record<string, string>>): Record<string, VariableValue> {
  const values: Record<string, VariableValue> = {};
  for (const template of templates) {
    const alternative = template.alternatives.find((a) => a.id === wordings[template.id]);
    Object.assign(values, alternative?.values ?? {});
  }
  return values;
}
