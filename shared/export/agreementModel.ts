import type { DocumentKind } from '#shared/documents/kinds';
import { computeNumbering, toRoman } from '#shared/document/numbering';
import type { ArticleElement, ChapterElement, ParagraphElement, TopLevelBlock } from '#shared/document/nodes';
import { markedTwins, type TrackedSuggestions } from '#shared/export/trackedChanges';
import { createDiffBudget, type DiffBudget } from '#shared/document/sequenceDiff';
import type { Language } from '#shared/format/locale';
import type { VariableValue } from '#shared/templates/schema';
import type { VariableLookup } from '#shared/templates/variableValues';
import { articleHeading, inlineRuns, inlineText, note, renderArticle, type TextContext } from '#shared/export/blockRender';
import { variablesAnnex } from '#shared/export/annex';
import { salaryScaleAnnex } from '#shared/export/salaryScaleAnnex';
import type { SalaryScale } from '#shared/salaryScale/model';
import { formatPlaceAndDate, frameText, labels, motto, nationalTitle, typeNames, upper, type FrameLanguages } from '#shared/export/officialFrame';
import { partyFrame } from '#shared/export/parties';
import { deletedArticle, diffArticle, insertedArticle, insertedNumber, proposalNote, withProposedValues, type RedlineProposal } from '#shared/export/redline';
import type { Annex, ContentBlock, RenderBlock, RenderDocument, Run } from '#shared/export/renderModel';
import { translateArticle, translateChapterTitle, translateGround, type TranslationSources } from '#shared/export/translation';

/** Vietnamese, English, or both side by side (the document's language on the left). */
export const languageModes = ['vi', 'en', 'both'] as const;
export type LanguageMode = (typeof languageModes)[number];

/** A document as the export reads it (from its Y.Doc: readContent, variablesMap, documentLanguage). */
export interface ExportedDocument {
  kind: DocumentKind;
  title: string;
  language: Language;
  blocks: readonly TopLevelBlock[];
  variables: Readonly<Record<string, VariableValue>>;
  /** The salary scales (shared/salaryScale), for their annex. */
  salaryScales?: readonly SalaryScale[];
}

export interface AgreementExportOptions {
  languageMode: LanguageMode;
  /** Open proposals to show as a redline; empty for the clean text. */
  proposals: readonly RedlineProposal[];
  /** Add the annex listing every variable and its value. */
  annex: boolean;
  /** Add the annex of the salary scales (when the document holds one). */
  salaryScaleAnnex?: boolean;
  /**
   * The date under the motto (YYYY-MM-DD): the day an agreement was signed, or labour regulations
   * issued, as the lifecycle records it (documentDate); null or absent for blanks to fill in.
   */
  date?: string | null;
  /**
   * The pending suggestions, to carry as Word tracked changes in the articles and paragraphs shown
   * in the document's language without a proposal's redline (decision 0030); absent for the
   * accepted text alone.
   */
  trackedSuggestions?: TrackedSuggestions;
}

export interface ExportSources extends TranslationSources {
  lookupVariable: VariableLookup;
}

// Not \b: in JavaScript it knows only ASCII letters, and "cứ" ends with one it does not know.
const groundPattern =
  /^\s*(căn cứ|xét|theo đề nghị|sau khi|pursuant to|based on|having regard to|in accordance with|at the proposal of|after consulting)(?![\p{L}\p{N}])/iu;

/** Whether a preamble paragraph is a legal ground ("Căn cứ …"). */
export function isLegalGround(text: string): boolean {
  return groundPattern.test(text);
}

/** Grounds end with ";" and the last with "." (Decree 30/2020 Appendix I). */
function punctuateGrounds(grounds: string[]): string[] {
  return grounds.map((ground, index) => `${ground.trim().replace(/[\s.;,]+$/u, '')}${index === grounds.length - 1 ? '.' : ';'}`);
}

/** What remains of the title once the type name is taken off: the summary (trích yếu). */
function summaryOf(title: string, typeName: string): string | null {
  const trimmed = title.trim();
  const prefix = typeName.toLocaleLowerCase('vi-VN');
  const rest = trimmed.toLocaleLowerCase('vi-VN').startsWith(prefix) ? trimmed.slice(prefix.length).replace(/^[\s:–-]+/u, '') : trimmed;
  return rest === '' || rest.toLocaleLowerCase('vi-VN') === prefix ? null : rest;
}

interface Builder {
  document: ExportedDocument;
  options: AgreementExportOptions;
  sources: ExportSources;
  context: TextContext;
  /** The other language, for the right-hand column of a bilingual export. */
  other: Language;
  /** What the export's redlines may spend comparing, all proposals together. */
  diffBudget: DiffBudget;
  /** With tracked suggestions: each block and article's marked twin, and the context reading its marks. */
  tracked: { twins: ReadonlyMap<object, TopLevelBlock | ArticleElement>; context: TextContext } | null;
}

/** The article or paragraph as the export shows it: with its marks and their context when tracked changes are asked for. */
function shownWithSuggestions<T extends ArticleElement | ParagraphElement>(builder: Builder, element: T): { element: T; context: TextContext } {
  const twin = builder.tracked?.twins.get(element);
  return builder.tracked && twin?.type === element.type ? { element: twin as T, context: builder.tracked.context } : { element, context: builder.context };
}

const chapterHeading = (number: number, title: string, language: Language, extra: Run[] = []): ContentBlock => ({
  type: 'heading',
  label: `${labels.chapter[language]} ${toRoman(number)}`,
  title: [{ text: upper(title, language) }, ...extra],
  labelOnOwnLine: true,
});

/** Column blocks for a text with no translation: the heading kept, a note instead of the text. */
function untranslated(language: Language, heading?: ContentBlock): ContentBlock[] {
  return [...(heading ? [heading] : []), note(labels.noTranslation[language])];
}

function groundBlocks(grounds: string[]): ContentBlock[] {
  return punctuateGrounds(grounds).map((ground) => ({ type: 'paragraph', role: 'ground', runs: [{ text: ground, italic: true }] }));
}

/** The legal grounds: those of the preamble, or (none there) the outline's for the kind. */
function renderGrounds(builder: Builder, grounds: string[]): RenderBlock[] {
  const { document, options, sources } = builder;
  const source = document.language;
  const fromOutline = grounds.length === 0 && sources.outline !== undefined;
  const inLanguage = (language: Language): string[] | null => {
    if (fromOutline) return sources.outline?.legalGrounds.map((ground) => ground[language]) ?? [];
    const translated = grounds.map((ground) => translateGround(ground, source, language, sources));
    return translated.every((ground): ground is string => ground !== null) ? translated : null;
  };
  if (options.languageMode === 'both') {
    const left = inLanguage(source) ?? grounds;
    const right = inLanguage(builder.other);
    if (left.length === 0) return [];
    return [
      {
        type: 'parallel',
        columns: [
          { language: source, blocks: groundBlocks(left) },
          { language: builder.other, blocks: right ? groundBlocks(right) : untranslated(builder.other) },
        ],
      },
    ];
  }
  const target = options.languageMode;
  const chosen = inLanguage(target) ?? grounds;
  return groundBlocks(chosen);
}

/** An article in the document's language, with its open proposals as a redline. */
function articleInSource(builder: Builder, article: ArticleElement, number: number): { blocks: ContentBlock[]; inserted: ContentBlock[][] } {
  const language = builder.document.language;
  const proposals = builder.options.proposals.filter((proposal) => proposal.clauseId === article.clauseId);
  const deletion = proposals.find((proposal) => proposal.kind === 'delete');
  // A values proposal reads as the article itself with the new values in it.
  const replacements = proposals.filter((proposal) => (proposal.kind === 'replace' && proposal.article) || proposal.kind === 'values');
  let blocks: ContentBlock[];
  if (deletion) blocks = deletedArticle(article, deletion, String(number), language, builder.context);
  else if (replacements.length > 0) {
    blocks = replacements.flatMap((proposal) => [
      ...diffArticle(
        article,
        proposal.article ?? article,
        String(number),
        language,
        builder.context,
        builder.diffBudget,
        withProposedValues(builder.context, proposal),
      ),
      proposalNote(proposal, language),
    ]);
  } else {
    const shown = shownWithSuggestions(builder, article);
    blocks = renderArticle(shown.element, String(number), language, shown.context);
  }
  const inserted = proposals
    .filter((proposal) => proposal.kind === 'insert_after' && proposal.article)
    .map((proposal, index) => insertedArticle(proposal, insertedNumber(number, index), language, builder.context));
  return { blocks, inserted };
}

function renderArticleBlocks(builder: Builder, article: ArticleElement, number: number): RenderBlock[] {
  const { document, options, sources, context } = builder;
  const source = document.language;
  const { blocks, inserted } = articleInSource(builder, article, number);
  const hasProposals = options.proposals.some((proposal) => proposal.clauseId === article.clauseId);
  if (options.languageMode === 'both') {
    const translation = translateArticle(article, source, builder.other, sources);
    const right = translation
      ? renderArticle(translation, String(number), builder.other, context)
      : untranslated(builder.other, articleHeading(String(number), [], builder.other));
    return [
      {
        type: 'parallel',
        columns: [
          { language: source, blocks },
          { language: builder.other, blocks: right },
        ],
      },
      ...inserted.map(
        (insertedBlocks): RenderBlock => ({
          type: 'parallel',
          columns: [
            { language: source, blocks: insertedBlocks },
            { language: builder.other, blocks: untranslated(builder.other) },
          ],
        }),
      ),
    ];
  }
  const target = options.languageMode;
  if (target === source || hasProposals) return [...blocks, ...inserted.flat()];
  const translation = translateArticle(article, source, target, sources);
  if (translation) return renderArticle(translation, String(number), target, context);
  const [heading, ...body] = renderArticle(article, String(number), source, context);
  const label = articleHeading(String(number), heading?.type === 'article' ? heading.title : [], target);
  return [label, note(labels.noTranslationOriginal[target]), ...body];
}

function renderChapter(builder: Builder, chapter: ChapterElement, chapterNumber: number, articleNumbers: Map<string, number>): RenderBlock[] {
  const { document, options, sources } = builder;
  const source = document.language;
  const [titleElement, ...articles] = chapter.children;
  const title = titleElement?.type === 'chapter-title' ? inlineText(titleElement.children, source, builder.context) : '';
  const heading = (language: Language): ContentBlock | null => {
    const translated = translateChapterTitle(title, source, language, sources);
    return translated === null ? null : chapterHeading(chapterNumber, translated, language);
  };
  let head: RenderBlock;
  if (options.languageMode === 'both') {
    const right = heading(builder.other);
    head = {
      type: 'parallel',
      columns: [
        { language: source, blocks: [chapterHeading(chapterNumber, title, source)] },
        { language: builder.other, blocks: right ? [right] : [chapterHeading(chapterNumber, '', builder.other), note(labels.noTranslation[builder.other])] },
      ],
    };
  } else {
    const target = options.languageMode;
    const shown = heading(target) ?? chapterHeading(chapterNumber, title, source);
    head = shown.type === 'heading' ? { ...shown, label: `${labels.chapter[target]} ${toRoman(chapterNumber)}` } : shown;
  }
  const rendered = articles
    .filter((child): child is ArticleElement => child.type === 'article')
    .flatMap((article) => renderArticleBlocks(builder, article, articleNumbers.get(article.clauseId) ?? 0));
  return [head, ...rendered];
}

function renderParagraph(builder: Builder, paragraph: ParagraphElement): RenderBlock {
  const source = builder.document.language;
  const shown = shownWithSuggestions(builder, paragraph);
  const block: ContentBlock = { type: 'paragraph', role: 'body', runs: inlineRuns(shown.element.children, source, shown.context) };
  if (builder.options.languageMode !== 'both') return block;
  return {
    type: 'parallel',
    columns: [
      { language: source, blocks: [block] },
      { language: builder.other, blocks: untranslated(builder.other) },
    ],
  };
}

/** The annexes asked for; numbered "Phụ lục I", "Phụ lục II" when there are several (Decree 30/2020 Appendix I). */
function numberedAnnexes(annexes: readonly (Annex | null)[]): Annex[] {
  const present = annexes.filter((annex): annex is Annex => annex !== null);
  if (present.length < 2) return present;
  return present.map((annex, index) => {
    const number = toRoman(index + 1);
    const { text, translation } = annex.heading;
    return { ...annex, heading: { text: `${text} ${number}`, ...(translation ? { translation: `${translation} ${number}` } : {}) } };
  });
}

/**
 * The official layout of an agreement or of labour regulations: header, place and date, type
 * name, legal grounds, chapters ("Chương I") and articles ("Điều 1."), signatures, and, when
 * asked, the annex of values; in one language or both, clean or with open proposals as a redline.
 */
export function buildAgreementModel(document: ExportedDocument, options: AgreementExportOptions, sources: ExportSources): RenderDocument {
  const primary: Language = options.languageMode === 'both' ? 'vi' : options.languageMode;
  const languages: FrameLanguages = options.languageMode === 'both' ? { primary: 'vi', secondary: 'en' } : { primary, secondary: null };
  const builder: Builder = {
    document,
    options,
    sources,
    context: { values: document.variables, lookupVariable: sources.lookupVariable },
    other: document.language === 'vi' ? 'en' : 'vi',
    diffBudget: createDiffBudget(),
    tracked: null,
  };
  const tracked = options.trackedSuggestions;
  if (tracked) builder.tracked = { twins: markedTwins(document.blocks, tracked.blocks), context: { ...builder.context, revisionAuthors: tracked.authors } };
  const numbering = computeNumbering(document.blocks);
  const firstStructural = document.blocks.findIndex((block) => block.type !== 'paragraph');
  const preamble = (firstStructural === -1 ? document.blocks : document.blocks.slice(0, firstStructural)) as ParagraphElement[];
  const rest = firstStructural === -1 ? [] : document.blocks.slice(firstStructural);
  const groundTexts = preamble.map((paragraph) => inlineText(paragraph.children, document.language, builder.context)).filter(isLegalGround);
  const blocks: RenderBlock[] = [];
  if (options.proposals.length > 0) blocks.push(note(labels.redlineLegend[primary]));
  blocks.push(...renderGrounds(builder, groundTexts));
  for (const paragraph of preamble) {
    const text = inlineText(paragraph.children, document.language, builder.context);
    if (!isLegalGround(text) && text.trim() !== '') blocks.push(renderParagraph(builder, paragraph));
  }
  for (const block of rest) {
    if (block.type === 'chapter') blocks.push(...renderChapter(builder, block, numbering.chapters.get(block.chapterId) ?? 0, numbering.articles));
    else if (block.type === 'article') blocks.push(...renderArticleBlocks(builder, block, numbering.articles.get(block.clauseId) ?? 0));
    else if (inlineText(block.children, document.language, builder.context).trim() !== '') blocks.push(renderParagraph(builder, block));
  }
  const parties = partyFrame(document.kind, document.variables, languages);
  const typeName = frameText(typeNames[document.kind], languages);
  return {
    language: primary,
    title: document.title,
    organisations: parties.organisations,
    nationalTitle: frameText(nationalTitle, languages),
    motto: frameText(motto, languages),
    number: null,
    placeAndDate: formatPlaceAndDate(parties.place, options.date ?? null, primary),
    typeName,
    summary: summaryOf(document.title, typeNames[document.kind].vi),
    blocks,
    signatures: parties.signatures,
    recipients: parties.recipients,
    annexes: numberedAnnexes([
      options.annex ? variablesAnnex(document, builder.context, languages) : null,
      options.salaryScaleAnnex ? salaryScaleAnnex(document.salaryScales ?? [], document.kind, languages) : null,
    ]),
  };
}
