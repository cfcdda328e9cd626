import type * as Y from 'yjs';
import { compareVariables, differingArticles, type ArticleDifference, type ListedArticle, type VariableChange } from '#shared/versions/compareBodies';
import { coversStateVector } from '#shared/versions/deleteSets';
import { collectArticleEdits, type ArticleEdits, type ChangeLookups } from '#shared/versions/itemChanges';
import { articleAt, articleTypesAt, variablesAt } from '#shared/versions/snapshotContent';
import type { ArticleElement } from '#shared/document/nodes';

/** One end of a comparison: its snapshot, and what to read (undefined: the document now, which is that snapshot). */
export interface ComparedEnd {
  snapshot: Y.Snapshot;
  read: Y.Snapshot | undefined;
}

export interface DocumentComparison {
  /** The articles that differ, with their texts: redlineArticles draws their redlines. */
  articles: ArticleDifference[];
  variables: VariableChange[];
  /** Who changed what, found between the earlier and the later end. */
  edits: ArticleEdits;
}

function listAt(doc: Y.Doc, end: ComparedEnd): ListedArticle[] {
  return [...articleTypesAt(doc, end.read)].map(([clauseId, type], index) => {
    let article: ArticleElement | undefined;
    return { clauseId, number: index + 1, article: () => (article ??= articleAt(type, end.read)) };
  });
}

/**
 * Two texts of a document (kept with garbage collection off) compared article by article. Which
 * articles can differ is known from the Yjs items that changed between the two snapshots, so only
 * those are read: the work follows the edits, not the length of the agreement. Their redlines are
 * drawn apart (redlineArticles), on a budget.
 */
export function compareDocumentAt(doc: Y.Doc, from: ComparedEnd, to: ComparedEnd, lookups: ChangeLookups): DocumentComparison {
  const [older, newer] = coversStateVector(to.snapshot.sv, from.snapshot.sv) ? [from.snapshot, to.snapshot] : [to.snapshot, from.snapshot];
  const edits = collectArticleEdits(doc, older, newer, lookups);
  const touched = new Set([...edits.insertedArticles, ...edits.deletedArticles, ...edits.editedInside]);
  const articles = differingArticles(listAt(doc, from), listAt(doc, to), (clauseId) => touched.has(clauseId));
  const variables = edits.variables.size === 0 ? [] : compareVariables(variablesAt(doc, from.read), variablesAt(doc, to.read));
  return { articles, variables, edits };
}
