import { bodyMarkers } from '#shared/document/numbering';
import type { ArticleElement, BodyBlock, FormattedText, InlineNode } from '#shared/document/nodes';
import type { Language } from '#shared/format/locale';
import type { VariableValue } from '#shared/templates/schema';
import { readableValue, type VariableLookup } from '#shared/templates/variableValues';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { blankToFill, labels } from '#shared/export/officialFrame';
import type { ArticleHeadingBlock, Change, ContentBlock, Revision, Run } from '#shared/export/renderModel';
import type { RevisionAuthor } from '#shared/export/trackedChanges';

/** What turns the document's inline nodes into text: its variable values and their definitions. */
export interface TextContext {
  values: Readonly<Record<string, VariableValue>>;
  lookupVariable: VariableLookup;
  /**
   * For a text read with its suggestion marks (decision 0030): the author of each pending
   * suggestion, whose runs become tracked changes. Absent, the text is the accepted one.
   */
  revisionAuthors?: ReadonlyMap<string, RevisionAuthor>;
}

/**
 * A variable chip as it reads in a language; an unset variable shows its label in brackets, a
 * procedural fact the lifecycle has not recorded yet (or a variable no definition describes) a
 * blank to fill in by hand.
 */
export function variableText(variableId: string, language: Language, context: TextContext): string {
  const definition = context.lookupVariable(variableId);
  const value = context.values[variableId];
  if (value === undefined && isProceduralFact(variableId)) return blankToFill;
  if (value === undefined) return definition ? `[${definition.label[language]}]` : blankToFill;
  return readableValue(definition, value, language);
}

/**
 * A marked text's tracked change: its insertion, else its deletion (text inserted by one side and
 * suggested for deletion by the other shows as the insertion: Word nests no deletion in another's
 * insertion here); undefined for unmarked text, null for an insertion no pending record names,
 * which the accepted text leaves out.
 */
function revisionOf(text: FormattedText, authors: ReadonlyMap<string, RevisionAuthor> | undefined): Revision | null | undefined {
  if (text.suggestInsert !== undefined) {
    const author = authors?.get(text.suggestInsert);
    return author ? { type: 'insert', ...author } : null;
  }
  if (text.suggestDelete === undefined) return undefined;
  const author = authors?.get(text.suggestDelete);
  return author ? { type: 'delete', ...author } : undefined;
}

/** Inline nodes as runs: marks kept, chips replaced by their formatted values. */
export function inlineRuns(children: readonly InlineNode[], language: Language, context: TextContext): Run[] {
  const runs: Run[] = [];
  for (const child of children) {
    if ('type' in child) {
      runs.push({ text: variableText(child.variableId, language, context) });
      continue;
    }
    if (child.text === '') continue;
    const run: Run = { text: child.text };
    if (child.bold) run.bold = true;
    if (child.italic) run.italic = true;
    if (child.underline) run.underline = true;
    const revision = revisionOf(child, context.revisionAuthors);
    if (revision === null) continue;
    if (revision !== undefined) run.revision = revision;
    runs.push(run);
  }
  return runs;
}

/** The text of inline nodes as it reads (chips formatted). */
export function inlineText(children: readonly InlineNode[], language: Language, context: TextContext): string {
  return inlineRuns(children, language, context)
    .map((run) => run.text)
    .join('');
}

/** Marks every run (and the block) of a rendered block as inserted or deleted. */
export function markChange<T extends ContentBlock>(block: T, change: Change): T {
  const mark = (runs: Run[]): Run[] => runs.map((run) => ({ ...run, change }));
  switch (block.type) {
    case 'heading':
    case 'article':
      return { ...block, title: mark(block.title), change };
    case 'clause':
    case 'point':
      return { ...block, marker: { ...block.marker, change }, runs: mark(block.runs), change };
    case 'table':
      return { ...block, rows: block.rows.map((row) => ({ cells: row.cells.map((cell) => ({ ...cell, runs: mark(cell.runs) })) })), change };
    default:
      return { ...block, runs: mark(block.runs), change };
  }
}

/** One body block as content blocks (a bulleted list gives one block per item). */
export function renderBodyBlock(block: BodyBlock, marker: string | null, language: Language, context: TextContext): ContentBlock[] {
  switch (block.type) {
    case 'paragraph':
      return [{ type: 'paragraph', role: 'body', runs: inlineRuns(block.children, language, context) }];
    case 'clause':
    case 'point':
      return [{ type: block.type, marker: { text: marker ?? '' }, runs: inlineRuns(block.children, language, context) }];
    case 'bulleted-list':
      return block.children.map((item) => ({ type: 'bullet', runs: inlineRuns(item.children, language, context) }));
    case 'table':
      return [
        {
          type: 'table',
          rows: block.children.map((row) => ({
            cells: row.children.map((cell) => ({ runs: inlineRuns(cell.children, language, context), header: cell.header ? true : undefined })),
          })),
        },
      ];
  }
}

/** "Điều 12." / "Article 12." ("Điều 12a." for a proposed new article after article 12). */
export function articleLabel(number: string, language: Language): string {
  return `${labels.article[language]} ${number}.`;
}

export function articleHeading(number: string, titleRuns: Run[], language: Language): ArticleHeadingBlock {
  return { type: 'article', label: articleLabel(number, language), title: titleRuns };
}

/** The inline nodes of an article's title. */
export function articleTitle(article: ArticleElement): InlineNode[] {
  const [title] = article.children;
  return title?.type === 'article-title' ? title.children : [];
}

/** The body blocks of an article (everything after its title). */
export function articleBody(article: ArticleElement): BodyBlock[] {
  return article.children.slice(1) as BodyBlock[];
}

/** An article as content blocks: its heading, then its body with clauses and points numbered. */
export function renderArticle(article: ArticleElement, number: string, language: Language, context: TextContext): ContentBlock[] {
  const body = articleBody(article);
  const markers = bodyMarkers(body);
  return [
    articleHeading(number, inlineRuns(articleTitle(article), language, context), language),
    ...body.flatMap((block, index) => renderBodyBlock(block, markers[index] ?? null, language, context)),
  ];
}

/** A note of the export itself, in italics. */
export function note(text: string): ContentBlock {
  return { type: 'paragraph', role: 'note', runs: [{ text, italic: true }] };
}
