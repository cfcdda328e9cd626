import { articleText, articlesOf } from '#shared/document/articles';
import { plainText, type ArticleElement, type TopLevelBlock } from '#shared/document/nodes';
import { createDiffBudget, diffDistinct, type DiffBudget } from '#shared/document/sequenceDiff';
import type { DiffGranularity, DiffSegment, TextDiff } from '#shared/document/wordDiff';
import { diffArticleText } from '#shared/versions/articleRedline';
import type { VariableValue } from '#shared/templates/schema';

/**
 * Comparing two texts of a document article by article: articles are matched by their stable
 * clauseId, so an article renumbered because another was inserted before it is not "changed".
 * Finding what differs needs the texts; drawing the redlines needs only the differing articles'
 * strings, so that it can run elsewhere (the server's worker thread, see redlineArticles).
 */

export type ArticleChangeStatus = 'added' | 'removed' | 'moved' | 'changed';

export interface ArticleHeading {
  number: number;
  title: string;
}

/** An article that differs between the two texts, before its redline is drawn. */
export interface ArticleDifference {
  clauseId: string;
  status: ArticleChangeStatus;
  /** Whether the article's text differs (always for added and removed ones; a moved one may differ too). */
  textChanged: boolean;
  before: ArticleHeading | null;
  after: ArticleHeading | null;
  /** The article's text in the first text ('' when it was added). */
  textBefore: string;
  /** The article's text in the second text ('' when it was removed). */
  textAfter: string;
}

export interface ArticleChange extends Omit<ArticleDifference, 'textBefore' | 'textAfter'> {
  /** The word-level redline from the text before to the text after. */
  segments: DiffSegment[];
  /** How finely the redline was compared: coarser than 'word' when the change was too large for the budget. */
  granularity: DiffGranularity;
}

export interface VariableChange {
  id: string;
  before: VariableValue | null;
  after: VariableValue | null;
}

/** An article of one of the two texts: its place, and (read only when needed) its content. */
export interface ListedArticle {
  clauseId: string;
  number: number;
  article: () => ArticleElement;
}

const titleOf = (article: ArticleElement): string => (article.children[0] ? plainText(article.children[0]) : '');

function listArticles(blocks: readonly TopLevelBlock[]): ListedArticle[] {
  const seen = new Set<string>();
  return articlesOf(blocks).flatMap((article) => {
    if (seen.has(article.clauseId)) return [];
    seen.add(article.clauseId);
    return [{ clauseId: article.clauseId, number: seen.size, article: () => article }];
  });
}

/**
 * The articles added, removed, moved (out of their order relative to the others) and changed
 * between two lists of articles, in the order of the second (a removed article where it stood).
 * `mayDiffer` says which articles present in both may have changed text (the others are not
 * read); unchanged articles are left out.
 */
export function differingArticles(
  before: readonly ListedArticle[],
  after: readonly ListedArticle[],
  mayDiffer: (clauseId: string) => boolean = () => true,
): ArticleDifference[] {
  const old = new Map(before.map((entry) => [entry.clauseId, entry]));
  const now = new Map(after.map((entry) => [entry.clauseId, entry]));
  const heading = (entry: ListedArticle): ArticleHeading => ({ number: entry.number, title: titleOf(entry.article()) });
  const differences: ArticleDifference[] = [];
  // The longest common subsequence of the two orders keeps its articles in place; an article in
  // both texts but outside it has moved (shown where it is now).
  for (const edit of diffDistinct(
    before.map((entry) => entry.clauseId),
    after.map((entry) => entry.clauseId),
  )) {
    if (edit.kind === 'deleted') {
      const was = before[edit.aIndex] as ListedArticle;
      if (!now.has(was.clauseId))
        differences.push({
          clauseId: was.clauseId,
          status: 'removed',
          textChanged: true,
          before: heading(was),
          after: null,
          textBefore: articleText(was.article()),
          textAfter: '',
        });
      continue;
    }
    const is = after[edit.bIndex] as ListedArticle;
    const was = old.get(is.clauseId);
    if (!was) {
      differences.push({
        clauseId: is.clauseId,
        status: 'added',
        textChanged: true,
        before: null,
        after: heading(is),
        textBefore: '',
        textAfter: articleText(is.article()),
      });
      continue;
    }
    if (edit.kind === 'equal' && !mayDiffer(is.clauseId)) continue;
    const textBefore = articleText(was.article());
    const textAfter = articleText(is.article());
    const textChanged = textBefore !== textAfter;
    if (edit.kind === 'equal' && !textChanged) continue;
    differences.push({
      clauseId: is.clauseId,
      status: edit.kind === 'inserted' ? 'moved' : 'changed',
      textChanged,
      before: heading(was),
      after: heading(is),
      textBefore,
      textAfter,
    });
  }
  return differences;
}

/** The redline of one difference: added and removed articles wholly, changed texts compared on the budget. */
function redlineOf(change: Pick<ArticleDifference, 'status' | 'textChanged'>, textBefore: string, textAfter: string, budget: DiffBudget): TextDiff {
  if (change.status === 'added') return { segments: [{ kind: 'inserted', text: textAfter }], granularity: 'word' };
  if (change.status === 'removed') return { segments: [{ kind: 'deleted', text: textBefore }], granularity: 'word' };
  if (!change.textChanged) return { segments: [{ kind: 'equal', text: textAfter }], granularity: 'word' };
  return diffArticleText(textBefore, textAfter, budget);
}

/** The differing articles with their redlines, all drawn on one request's budget. */
export function redlineArticles(differences: readonly ArticleDifference[], budget: DiffBudget): ArticleChange[] {
  return differences.map(({ textBefore, textAfter, ...change }) => ({ ...change, ...redlineOf(change, textBefore, textAfter, budget) }));
}

/** differingArticles over two whole bodies. */
export function bodyDifferences(before: readonly TopLevelBlock[], after: readonly TopLevelBlock[]): ArticleDifference[] {
  return differingArticles(listArticles(before), listArticles(after));
}

/** Two whole bodies compared, with the redlines, on a request's budget. */
export function compareBodies(before: readonly TopLevelBlock[], after: readonly TopLevelBlock[]): ArticleChange[] {
  return redlineArticles(bodyDifferences(before, after), createDiffBudget());
}

/** The variables whose values differ, by id. */
export function compareVariables(before: Readonly<Record<string, VariableValue>>, after: Readonly<Record<string, VariableValue>>): VariableChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return ids.flatMap((id) => {
    const was = before[id] ?? null;
    const is = after[id] ?? null;
    return Object.is(was, is) ? [] : [{ id, before: was, after: is }];
  });
}
