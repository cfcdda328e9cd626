import * as Y from 'yjs';
import { createDiffBudget } from '#shared/document/sequenceDiff';
import { redlineArticles, type ArticleChange, type VariableChange } from '#shared/versions/compareBodies';
import { compareDocumentAt, type ComparedEnd } from '#shared/versions/compareVersions';
import type { Contributor } from '#shared/versions/itemChanges';
import type { VersionHeader } from '#main/store/records';
import type { Store } from '#main/store/port';
import type { StoredDocuments } from '#main/sync/storedDocument';
import { changeLookups } from '#main/versions/changeLookups';
import { createVersionSnapshots } from '#main/versions/versionSnapshots';

/** One end of a comparison, as the server names it to the file worker: the text now, a version, or a snapshot it read (a visit). */
export type ComparisonEnd =
  | { kind: 'current' }
  | { kind: 'version'; version: Pick<VersionHeader, 'id' | 'documentId' | 'number' | 'snapshotBase'> }
  | { kind: 'snapshot'; snapshot: Uint8Array };

export interface ComparisonRequest {
  documentId: string;
  from: ComparisonEnd;
  to: ComparisonEnd;
}

/** Characters a contributor inserted into and deleted from an article between the two ends. */
export interface ContributedCharacters {
  inserted: number;
  deleted: number;
}

/** A comparison as the file worker answers it: people are still participant ids. */
export interface StoredComparison {
  /** The differing articles with their redlines. */
  articles: ArticleChange[];
  variables: VariableChange[];
  /** clauseId → who made that article's changes, for the articles listed. */
  authors: Map<string, Map<Contributor, ContributedCharacters>>;
}

/**
 * Compares two texts of a document read from the store, in the file worker: the document rebuilt
 * (its checkpoint, its log since, who deleted what), the changed Yjs items between the two ends
 * read, the differing articles' redlines drawn on one diff budget (decision 0014). The server has
 * stored what its room held first, so the store is the document.
 */
export async function compareStoredDocument(store: Store, documents: StoredDocuments, request: ComparisonRequest): Promise<StoredComparison> {
  // One read transaction: the document and the version snapshots are of one committed state.
  const { stored, from, to } = await store.transaction(
    async (tx) => {
      const snapshots = createVersionSnapshots(tx);
      const document = await documents.read(tx.updates, request.documentId);
      const endAt = async (end: ComparisonEnd): Promise<ComparedEnd> => {
        if (end.kind === 'current') return { snapshot: Y.snapshot(document.doc), read: undefined };
        const snapshot = end.kind === 'version' ? await snapshots.snapshotOf(end.version) : Y.decodeSnapshot(end.snapshot);
        return { snapshot, read: snapshot };
      };
      return { stored: document, from: await endAt(request.from), to: await endAt(request.to) };
    },
    { readOnly: true },
  );
  const { articles, variables, edits } = compareDocumentAt(stored.doc, from, to, changeLookups(stored));
  return {
    articles: redlineArticles(articles, createDiffBudget()),
    variables,
    authors: new Map(articles.map((change) => [change.clauseId, edits.authors.get(change.clauseId) ?? new Map<Contributor, ContributedCharacters>()])),
  };
}
