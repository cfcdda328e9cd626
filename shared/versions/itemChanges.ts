import * as Y from 'yjs';
import { variablesRootName } from '#shared/document/yjsContent';
import { subtractDeleteSet } from '#shared/versions/deleteSets';
import { attributesAt, visibilityOf, visibleParts } from '#shared/versions/snapshotContent';

/**
 * Which Yjs items changed between two snapshots of one document (kept with garbage collection
 * off), found from what differs — the clocks between the two state vectors, the ranges between
 * the two delete sets — so the work grows with the edits between them, not with the document.
 */

export type ItemChange = 'inserted' | 'deleted';

/** The structs of a client overlapping the clocks [from, to), in order. */
function* structsOverlapping(structs: readonly (Y.Item | Y.GC)[], from: number, to: number): Generator<Y.Item | Y.GC> {
  const last = structs.at(-1);
  if (!last || from >= to || from >= last.id.clock + last.length) return;
  for (let index = Y.findIndexSS(structs as (Y.Item | Y.GC)[], from); index < structs.length; index += 1) {
    const struct = structs[index] as Y.Item | Y.GC;
    if (struct.id.clock >= to) return;
    yield struct;
  }
}

/**
 * Calls `visit` for every item with a part visible at `newer` but not at `older` (inserted between
 * them) and every item with a part visible at `older` but not at `newer` (deleted between them),
 * with the length of that part. `older` must come before `newer` in the document's history. Reads
 * only: parts of items are cut arithmetically, nothing is split.
 */
export function forEachChangedItem(
  doc: Y.Doc,
  older: Y.Snapshot,
  newer: Y.Snapshot,
  visit: (item: Y.Item, change: ItemChange, length: number, clock: number) => void,
): void {
  const { store } = doc;
  const atNewer = visibilityOf(newer);
  for (const [client, newClock] of newer.sv) {
    const structs = store.clients.get(client);
    if (!structs) continue;
    const oldClock = older.sv.get(client) ?? 0;
    for (const struct of structsOverlapping(structs, oldClock, newClock)) {
      if (!(struct instanceof Y.Item)) continue;
      const from = Math.max(oldClock, struct.id.clock);
      const to = Math.min(newClock, struct.id.clock + struct.length);
      const length = visibleParts(struct, atNewer, from, to).reduce((sum, [, part]) => sum + part, 0);
      if (length > 0) visit(struct, 'inserted', length, from);
    }
  }
  // Deleted since `older` (the delete sets only grow), of what `older` had: visible then by construction.
  for (const [client, ranges] of subtractDeleteSet(newer.ds, older.ds).clients) {
    const structs = store.clients.get(client);
    if (!structs) continue;
    const known = Math.min(older.sv.get(client) ?? 0, Y.getState(store, client));
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, known);
      for (const struct of structsOverlapping(structs, range.clock, end)) {
        if (!(struct instanceof Y.Item)) continue;
        const from = Math.max(range.clock, struct.id.clock);
        const length = Math.min(end, struct.id.clock + struct.length) - from;
        if (length > 0) visit(struct, 'deleted', length, from);
      }
    }
  }
}

/** What an item belongs to: an article (the article itself, or something inside it), a variable, or neither. */
export type ItemPlace = { kind: 'article'; clauseId: string; isArticleItself: boolean } | { kind: 'variable'; variableId: string } | { kind: 'other' };

const other: ItemPlace = { kind: 'other' };

/**
 * Finds where items sit, reading element attributes at the snapshot where the item was visible
 * (a deleted article has lost its attributes since). Caches one answer per parent type.
 */
export function createPlaceFinder(doc: Y.Doc, snapshot: Y.Snapshot) {
  const variables = doc.getMap(variablesRootName);
  const articleOfType = new Map<Y.AbstractType<unknown>, string | null>();
  const attributes = (type: Y.XmlText) => attributesAt(type, snapshot);

  function articleAround(type: Y.AbstractType<unknown>): string | null {
    const cached = articleOfType.get(type);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    if (type instanceof Y.XmlText) {
      const own = attributes(type);
      if (own.type === 'article' && typeof own.clauseId === 'string') result = own.clauseId;
      else {
        const parent = type._item?.parent;
        result = parent instanceof Y.AbstractType ? articleAround(parent as Y.AbstractType<unknown>) : null;
      }
    }
    articleOfType.set(type, result);
    return result;
  }

  return (item: Y.Item): ItemPlace => {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return other;
    if (parent === variables) return item.parentSub === null ? other : { kind: 'variable', variableId: item.parentSub };
    const content = item.content;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlText && item.parentSub === null) {
      const own = attributes(content.type);
      if (own.type === 'article' && typeof own.clauseId === 'string') return { kind: 'article', clauseId: own.clauseId, isArticleItself: true };
    }
    const clauseId = articleAround(parent as Y.AbstractType<unknown>);
    return clauseId === null ? other : { kind: 'article', clauseId, isArticleItself: false };
  };
}

/** Characters a part of an item carries (text only: elements and chips carry none). */
function characters(item: Y.Item, length: number): number {
  return item.content instanceof Y.ContentString ? length : 0;
}

/** Who a change is attributed to: the participant id, or null for the host or the server. */
export type Contributor = string | null;

export interface ChangeLookups {
  /** The participant who wrote with a Yjs client id (null: the host or the server; undefined: unknown). */
  ownerOfClient(clientId: number): string | null | undefined;
  /** Who deleted the item with this id. */
  deletersOf(id: Y.ID): readonly Contributor[];
}

/** Who inserted and who deleted how many characters, per article, between two snapshots. */
export interface ArticleEdits {
  /** Articles whose own element was inserted / deleted (added, removed or moved). */
  insertedArticles: Set<string>;
  deletedArticles: Set<string>;
  /** Articles something inside which was inserted or deleted. */
  editedInside: Set<string>;
  /** Variables whose value changed. */
  variables: Set<string>;
  /** clauseId → contributor → characters inserted and deleted. */
  authors: Map<string, Map<Contributor, { inserted: number; deleted: number }>>;
  /** Everyone who changed anything between the two snapshots. */
  contributors: Set<Contributor>;
}

/** Collects the changes between two snapshots, article by article, with who made them. */
export function collectArticleEdits(doc: Y.Doc, older: Y.Snapshot, newer: Y.Snapshot, lookups: ChangeLookups): ArticleEdits {
  const edits: ArticleEdits = {
    insertedArticles: new Set(),
    deletedArticles: new Set(),
    editedInside: new Set(),
    variables: new Set(),
    authors: new Map(),
    contributors: new Set(),
  };
  const placeAtNewer = createPlaceFinder(doc, newer);
  const placeAtOlder = createPlaceFinder(doc, older);
  const credit = (clauseId: string | null, who: readonly Contributor[], change: ItemChange, characters: number): void => {
    for (const contributor of who) {
      edits.contributors.add(contributor);
      if (clauseId === null) continue;
      const byPerson = edits.authors.get(clauseId) ?? new Map<Contributor, { inserted: number; deleted: number }>();
      edits.authors.set(clauseId, byPerson);
      const counts = byPerson.get(contributor) ?? { inserted: 0, deleted: 0 };
      byPerson.set(contributor, counts);
      counts[change] += characters;
    }
  };
  forEachChangedItem(doc, older, newer, (item, change, length, clock) => {
    const place = change === 'inserted' ? placeAtNewer(item) : placeAtOlder(item);
    const who = change === 'inserted' ? [lookups.ownerOfClient(item.id.client) ?? null] : lookups.deletersOf(Y.createID(item.id.client, clock));
    if (place.kind === 'variable') {
      edits.variables.add(place.variableId);
      credit(null, who, change, 0);
    } else if (place.kind === 'article') {
      if (place.isArticleItself) (change === 'inserted' ? edits.insertedArticles : edits.deletedArticles).add(place.clauseId);
      else edits.editedInside.add(place.clauseId);
      credit(place.clauseId, who, change, characters(item, length));
    } else {
      credit(null, who, change, characters(item, length));
    }
  });
  return edits;
}

/** Characters of the visible text of each current article written by each Yjs client. */
export function charactersByClient(articles: ReadonlyMap<string, Y.XmlText>): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  const walk = (type: Y.XmlText, counts: Map<number, number>): void => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentString) counts.set(item.id.client, (counts.get(item.id.client) ?? 0) + item.length);
      else if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) walk(item.content.type, counts);
    }
  };
  for (const [clauseId, type] of articles) {
    const counts = new Map<number, number>();
    walk(type, counts);
    result.set(clauseId, counts);
  }
  return result;
}
