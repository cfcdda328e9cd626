import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type DecodedStruct = DecodedUpdate['structs'][number];

/** A value written at the top level of a root Y.Map (e.g. one variable of the document). */
export interface RootMapWrite {
  root: string;
  key: string;
  value: unknown;
}

/** A value deleted at the top level of a root Y.Map (a variable's value removed, or overwritten). */
export interface RootMapDeletion {
  root: string;
  key: string;
}

/** What an update would change, by root type of the document. */
export interface UpdateEffects {
  /** Root types whose content the update inserts into or deletes from ("?" when unknown). */
  roots: Set<string>;
  mapWrites: RootMapWrite[];
  mapDeletions: RootMapDeletion[];
  /** Root types the update inserts into other than as a value at the top level of a map (text, list items, anything nested). */
  unkeyedRoots: Set<string>;
  /** Types already in the document that the update inserts into or deletes from. */
  touchedTypes: Set<SharedType>;
  /** Types already in the document that the update deletes (an article, a chapter...). */
  deletedTypes: Set<SharedType>;
}

const unknownRoot = '?';

/** Any shared type of a document (Y.Text, Y.Map, Y.XmlText...). */
export type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

/** rootOfType's answers: a type never moves, so its root never changes. */
const rootsOfTypes = new WeakMap<SharedType, string>();

/** The name of the root type a type lies in ("?" when it lies in no root the document has). */
export function rootOfType(type: SharedType): string {
  const known = rootsOfTypes.get(type);
  if (known !== undefined) return known;
  let current: SharedType = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return unknownRoot;
    current = parent;
  }
  const root = Y.findRootTypeKey(current);
  rootsOfTypes.set(type, root);
  return root;
}

/** Where an item sits: its root type, whether directly in it, and its key in a map. */
interface Placement {
  root: string;
  topLevel: boolean;
  key: string | null;
  /** The nearest type the document already has that will contain the item. */
  type: SharedType | null;
}

const unknownPlacement: Placement = { root: unknownRoot, topLevel: false, key: null, type: null };

/** The placement of an item the document already has, or unknown when it has no such item. */
function placementInDocument(doc: Y.Doc, id: Y.ID): Placement {
  if (id.clock >= Y.getState(doc.store, id.client)) return unknownPlacement;
  const item = Y.getItem(doc.store, id);
  if (!(item instanceof Y.Item) || !(item.parent instanceof Y.AbstractType)) return unknownPlacement;
  return { root: rootOfType(item.parent), topLevel: item.parent._item === null, key: item.parentSub, type: item.parent };
}

/** The items of an update by client, in clock order, to find the one covering an ID. */
export function indexItems(structs: DecodedUpdate['structs']): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  return byClient;
}

/** The item of an update (indexed by indexItems) that covers an ID, if any. */
export function findCovering(index: Map<number, Y.Item[]>, id: Y.ID): Y.Item | undefined {
  const list = index.get(id.client);
  if (!list) return undefined;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = list[middle] as Y.Item;
    if (id.clock < item.id.clock) high = middle - 1;
    else if (id.clock >= item.id.clock + item.length) low = middle + 1;
    else return item;
  }
  return undefined;
}

/** Where the items of one update sit, each found once (an item's placement is its neighbours'). */
class UpdatePlacements {
  private readonly memo = new Map<Y.Item, Placement>();

  constructor(
    private readonly index: Map<number, Y.Item[]>,
    private readonly doc: Y.Doc,
  ) {}

  placementOf(item: Y.Item, depth: number): Placement {
    const known = this.memo.get(item);
    if (known) return known;
    let placement: Placement;
    if (depth > 10_000) placement = unknownPlacement;
    else if (typeof item.parent === 'string')
      placement = { root: item.parent, topLevel: true, key: item.parentSub, type: this.doc.share.get(item.parent) ?? null };
    else if (item.parent instanceof Y.ID) placement = this.placementOfParent(item.parent, depth);
    else {
      const neighbour = item.origin ?? item.rightOrigin;
      placement = neighbour ? this.placementOfNeighbour(neighbour, depth) : unknownPlacement;
    }
    this.memo.set(item, placement);
    return placement;
  }

  /** The item holding a type: its children are in that type, below whatever root holds it. */
  private placementOfParent(id: Y.ID, depth: number): Placement {
    const inUpdate = findCovering(this.index, id);
    if (inUpdate) return { ...this.placementOf(inUpdate, depth + 1), topLevel: false, key: null };
    // The parent is an item holding a type the document has: that type receives the item.
    const holder = id.clock < Y.getState(this.doc.store, id.client) ? Y.getItem(this.doc.store, id) : null;
    const type = holder instanceof Y.Item && holder.content instanceof Y.ContentType ? holder.content.type : null;
    return { root: type ? rootOfType(type) : unknownRoot, topLevel: false, key: null, type };
  }

  /** A neighbour shares the item's parent and map key (Yjs does not repeat them in the update). */
  private placementOfNeighbour(id: Y.ID, depth: number): Placement {
    const inUpdate = findCovering(this.index, id);
    return inUpdate ? this.placementOf(inUpdate, depth + 1) : placementInDocument(this.doc, id);
  }
}

/**
 * Finds which root types an update touches, against the document it would be applied to. An
 * item names its root, or a parent (an item holding a type), or — when it has neighbours — only
 * its neighbours, which share its parent; each reference is looked up in the update itself or in
 * the document. Items and deletions the document already has are no change and are not counted. (The server runs this on every update:
 * nothing here is made per call but the result.)
 */
export function inspectUpdate(decoded: DecodedUpdate, doc: Y.Doc, isWaiting: (struct: DecodedStruct) => boolean = () => false): UpdateEffects {
  const index = indexItems(decoded.structs);
  const placements = new UpdatePlacements(index, doc);
  const roots = new Set<string>();
  const mapWrites: RootMapWrite[] = [];
  const mapDeletions: RootMapDeletion[] = [];
  const unkeyedRoots = new Set<string>();
  const touchedTypes = new Set<SharedType>();
  const deletedTypes = new Set<SharedType>();
  for (const [client, list] of index) {
    const known = Y.getState(doc.store, client);
    for (const item of list) {
      // An item the document already has changes nothing: a client's offline copy, loaded after it
      // connected, is sent whole, server-owned parts included.
      if (item.id.clock + item.length <= known) continue;
      const placement = placements.placementOf(item, 0);
      // An item waiting for neighbours nobody has sent is not placed, nor applied, now.
      if (placement === unknownPlacement && isWaiting(item)) continue;
      roots.add(placement.root);
      if (placement.type) touchedTypes.add(placement.type);
      // A value the update also deletes (an offline device that set a variable twice sends the
      // first value deleted, its content gone with garbage collection) is no value written; but it
      // still takes the key's place, deleting the value the document has.
      const deleted = item.content instanceof Y.ContentDeleted || Y.isDeleted(decoded.ds, item.id);
      if (placement.topLevel && placement.key !== null) {
        if (deleted) mapDeletions.push({ root: placement.root, key: placement.key });
        else mapWrites.push({ root: placement.root, key: placement.key, value: item.content instanceof Y.ContentAny ? item.content.arr[0] : item.content });
      } else unkeyedRoots.add(placement.root);
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, Y.getState(doc.store, client));
      for (let clock = range.clock; clock < end; ) {
        const item = Y.getItem(doc.store, new Y.ID(client, clock));
        // Deleting what the document has already deleted changes nothing. Every full-state update
        // repeats the whole delete set — a reconnecting client's sync step 2 does — server-owned
        // parts included (a proposal or status overwritten by the server): that is no write there.
        if (!item.deleted) {
          const parent = item instanceof Y.Item && item.parent instanceof Y.AbstractType ? item.parent : null;
          roots.add(parent ? rootOfType(parent) : unknownRoot);
          if (parent) touchedTypes.add(parent);
          if (item instanceof Y.Item && item.content instanceof Y.ContentType) deletedTypes.add(item.content.type as SharedType);
          if (parent && parent._item === null && item instanceof Y.Item && item.parentSub !== null)
            mapDeletions.push({ root: rootOfType(parent), key: item.parentSub });
        }
        clock = item.id.clock + item.length;
      }
    }
  }
  return { roots, mapWrites, mapDeletions, unkeyedRoots, touchedTypes, deletedTypes };
}

/** The clauseId of the article (a Y.XmlText with type "article") that is or holds a type, if any. */
export function enclosingArticle(type: SharedType): string | null {
  let current: SharedType | null = type;
  while (current) {
    if (current instanceof Y.XmlText && current.getAttribute('type') === 'article') {
      const clauseId: unknown = current.getAttribute('clauseId');
      return typeof clauseId === 'string' ? clauseId : null;
    }
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? (parent as SharedType) : null;
  }
  return null;
}

/** The articles an update edits: those it inserts into or deletes from, and those it deletes. */
export function articlesTouched(effects: UpdateEffects): Set<string> {
  const clauseIds = new Set<string>();
  for (const types of [effects.touchedTypes, effects.deletedTypes]) {
    for (const type of types) {
      const clauseId = enclosingArticle(type);
      if (clauseId) clauseIds.add(clauseId);
    }
  }
  return clauseIds;
}
