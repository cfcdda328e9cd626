import type * as Y from 'yjs';
import { collectArticleEdits, type ArticleEdits, type ChangeLookups } from '#shared/versions/itemChanges';
import type { ArticleRef, VersionSummary } from '#shared/versions/model';
import { articleHeadingsAt, elementTextAt } from '#shared/versions/snapshotContent';

type Headings = ReturnType<typeof articleHeadingsAt>;

function lazy<T>(compute: () => T): () => T {
  let value: { is: T } | undefined;
  return () => (value ??= { is: compute() }).is;
}

function refs(clauseIds: Iterable<string>, headings: Headings): ArticleRef[] {
  return [...clauseIds]
    .map((clauseId) => {
      const heading = headings.get(clauseId);
      return { clauseId, number: heading?.number ?? null, title: heading?.title ?? '' };
    })
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));
}

/**
 * What changed from the `older` snapshot to the `newer` one, as the timeline says it: articles
 * added, removed, moved and changed, variables changed, and who changed them. An article whose
 * element was replaced in place (an accepted proposal, a restore) counts as changed if its text
 * differs, as moved if its number changed, and not at all otherwise.
 */
export function summarizeChanges(doc: Y.Doc, older: Y.Snapshot, newer: Y.Snapshot, lookups: ChangeLookups): VersionSummary {
  const edits: ArticleEdits = collectArticleEdits(doc, older, newer, lookups);
  // Numbers need every article's place; titles only those of the articles the summary names.
  const named = new Set([...edits.insertedArticles, ...edits.deletedArticles, ...edits.editedInside]);
  const olderHeadings = lazy(() => articleHeadingsAt(doc, older, named));
  const newerHeadings = lazy(() => articleHeadingsAt(doc, newer, named));
  const added: string[] = [];
  const removed: string[] = [];
  const moved: string[] = [];
  const changed = new Set([...edits.editedInside].filter((id) => !edits.insertedArticles.has(id) && !edits.deletedArticles.has(id)));
  for (const clauseId of edits.insertedArticles) if (!edits.deletedArticles.has(clauseId)) added.push(clauseId);
  for (const clauseId of edits.deletedArticles) {
    if (!edits.insertedArticles.has(clauseId)) {
      removed.push(clauseId);
      continue;
    }
    const was = olderHeadings().get(clauseId);
    const is = newerHeadings().get(clauseId);
    if (!was || !is) {
      (is ? added : removed).push(clauseId);
    } else if (was.number !== is.number) {
      moved.push(clauseId);
    } else {
      const textBefore = elementTextAt(was.type, older);
      const textAfter = elementTextAt(is.type, newer);
      if (textBefore !== textAfter) changed.add(clauseId);
    }
  }
  const needsNewer = added.length + moved.length + changed.size > 0;
  return {
    added: refs(added, needsNewer ? newerHeadings() : new Map()),
    removed: refs(removed, removed.length > 0 ? olderHeadings() : new Map()),
    moved: refs(moved, needsNewer ? newerHeadings() : new Map()),
    changed: refs(changed, needsNewer ? newerHeadings() : new Map()),
    variables: [...edits.variables].sort(),
    contributors: [...edits.contributors].sort((a, b) => (a ?? '').localeCompare(b ?? '')),
  };
}
