/**
 * The document as the rules read it: its articles in order (with the template each came from and
 * the chapter it stands in), the text of every block with variable chips as ⟦id⟧ markers, and where
 * each variable appears.
 */
import type { ArticleElement, DocumentNode, InlineNode, TopLevelBlock } from '#shared/document/nodes';
import { isText } from '#shared/document/nodes';
import { computeNumbering } from '#shared/document/numbering';
import { chipMarker, fold, splitSentences, type Sentence } from '#shared/compliance/text';

export type UnitType = 'paragraph' | 'clause' | 'point' | 'list-item' | 'table-cell';

/** One block of body text. */
export interface TextUnit {
  type: UnitType;
  text: string;
  folded: string;
  /** For a point: the clause it stands under (its lead-in, "báo trước ít nhất:"). */
  lead?: TextUnit;
  variables: string[];
}

export interface IndexedArticle {
  clauseId: string;
  templateId?: string;
  /** Its number in the document (articles are numbered continuously). */
  number: number;
  title: string;
  foldedTitle: string;
  chapterTitle?: string;
  units: TextUnit[];
  /** The whole body, folded (title excluded). */
  foldedBody: string;
  /** Whether the body has any text to speak of (five characters or more besides spaces). */
  hasText: boolean;
}

/** A sentence and where it stands. */
export interface LocatedSentence extends Sentence {
  unit: TextUnit;
  article?: IndexedArticle;
  /** Folded article title, lead-in clause and sentence: what a rule reads to know the topic. */
  context: string;
  /** Whether the sentence writes a number (most rules read numbers; most sentences have none). */
  hasNumber: boolean;
}

export interface DocumentIndex {
  articles: IndexedArticle[];
  /** Text outside articles (the preamble). */
  preamble: TextUnit[];
  /** variableId → the clauseIds of the articles whose text shows it, in document order. */
  variableArticles: Map<string, string[]>;
  /** Every variable shown in the text, including the preamble. */
  variablesShown: Set<string>;
  sentences: LocatedSentence[];
}

function inlineText(children: readonly InlineNode[]): { text: string; variables: string[] } {
  const variables: string[] = [];
  let text = '';
  for (const child of children) {
    if (isText(child)) {
      text += child.text;
    } else {
      variables.push(child.variableId);
      text += chipMarker(child.variableId);
    }
  }
  return { text: text.normalize('NFC'), variables };
}

function unitsOf(blocks: readonly DocumentNode[]): TextUnit[] {
  const units: TextUnit[] = [];
  let lastClause: TextUnit | undefined;
  for (const block of blocks) {
    if (isText(block)) continue;
    switch (block.type) {
      case 'paragraph':
      case 'clause':
      case 'point': {
        const { text, variables } = inlineText(block.children);
        const unit: TextUnit = { type: block.type, text, folded: fold(text), variables };
        if (block.type === 'point' && lastClause) unit.lead = lastClause;
        if (block.type === 'clause') lastClause = unit;
        units.push(unit);
        break;
      }
      case 'bulleted-list':
      case 'table':
      case 'table-row':
        units.push(...unitsOf(block.children).map((unit) => (lastClause && !unit.lead ? { ...unit, lead: lastClause } : unit)));
        break;
      case 'list-item':
      case 'table-cell': {
        const { text, variables } = inlineText(block.children);
        units.push({ type: block.type, text, folded: fold(text), variables });
        break;
      }
      default:
        break;
    }
  }
  return units;
}

function indexArticle(article: ArticleElement, number: number, chapterTitle: string | undefined): IndexedArticle {
  const [titleBlock, ...body] = article.children;
  const title = titleBlock?.type === 'article-title' ? inlineText(titleBlock.children).text : '';
  const units = unitsOf(body);
  const foldedBody = units.map((unit) => unit.folded).join('\n');
  return {
    clauseId: article.clauseId,
    ...(article.templateId ? { templateId: article.templateId } : {}),
    number,
    title,
    foldedTitle: fold(title),
    ...(chapterTitle === undefined ? {} : { chapterTitle }),
    units,
    foldedBody,
    hasText: /(?:\S\s*){5}/.test(foldedBody),
  };
}

/** Indexes a document body for the rules. */
export function indexDocument(blocks: readonly TopLevelBlock[]): DocumentIndex {
  const numbering = computeNumbering(blocks);
  const articles: IndexedArticle[] = [];
  const preamble: TextUnit[] = [];
  for (const block of blocks) {
    if (block.type === 'chapter') {
      const [titleBlock, ...children] = block.children;
      const chapterTitle = titleBlock?.type === 'chapter-title' ? inlineText(titleBlock.children).text : undefined;
      for (const child of children) if (child.type === 'article') articles.push(indexArticle(child, numbering.articles.get(child.clauseId) ?? 0, chapterTitle));
    } else if (block.type === 'article') {
      articles.push(indexArticle(block, numbering.articles.get(block.clauseId) ?? 0, undefined));
    } else {
      preamble.push(...unitsOf([block]));
    }
  }
  const variableArticles = new Map<string, string[]>();
  const variablesShown = new Set<string>(preamble.flatMap((unit) => unit.variables));
  for (const article of articles) {
    for (const unit of article.units) {
      for (const id of unit.variables) {
        variablesShown.add(id);
        const list = variableArticles.get(id) ?? [];
        if (!list.includes(article.clauseId)) list.push(article.clauseId);
        variableArticles.set(id, list);
      }
    }
  }
  const sentences: LocatedSentence[] = [];
  const locate = (unit: TextUnit, article: IndexedArticle | undefined) => {
    const lead = unit.lead ? `${unit.lead.folded} ` : '';
    const title = article ? `${article.foldedTitle}. ` : '';
    for (const sentence of splitSentences(unit.text, unit.folded)) {
      sentences.push({
        ...sentence,
        unit,
        ...(article ? { article } : {}),
        context: `${title}${lead}${sentence.folded}`,
        hasNumber: /\d/.test(sentence.folded),
      });
    }
  };
  for (const unit of preamble) locate(unit, undefined);
  for (const article of articles) for (const unit of article.units) locate(unit, article);
  return { articles, preamble, variableArticles, variablesShown, sentences };
}
