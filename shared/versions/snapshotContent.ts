import * as Y from 'yjs';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestions, withoutPendingSuggestionsIn } from '#shared/document/suggestionMarks';
import { contentRoot, variablesMap } from '#shared/document/yjsContent';
import type { VariableValue } from '#shared/templates/schema';

/**
 * Reading a document as it was at a Yjs snapshot, straight from a document kept with garbage
 * collection off (the server's): every past item is still there, and a snapshot says which were
 * visible. This gives what `readContent(Y.createDocFromSnapshot(doc, snapshot))` gives without
 * building a second document, and without the item splitting Yjs's own snapshot reading does
 * (decision 0008): parts of items are cut arithmetically, and the document is never written to.
 */

/** A document's text at one moment: its body as Slate nodes and its variable values. */
export interface DocumentText {
  blocks: TopLevelBlock[];
  variables: Record<string, VariableValue>;
}

/** Which clocks a snapshot saw: per client, the state, and the deleted ranges as sorted [start, end) pairs. */
export interface Visibility {
  snapshot: Y.Snapshot | undefined;
  deleted: Map<number, { starts: number[]; ends: number[] }>;
}

const visibilities = new WeakMap<Y.Snapshot, Visibility>();
const now: Visibility = { snapshot: undefined, deleted: new Map() };

/** The snapshot's delete set sorted and merged once, for fast lookups (undefined: the document now). */
export function visibilityOf(snapshot: Y.Snapshot | undefined): Visibility {
  if (!snapshot) return now;
  const cached = visibilities.get(snapshot);
  if (cached) return cached;
  const deleted = new Map<number, { starts: number[]; ends: number[] }>();
  for (const [client, ranges] of snapshot.ds.clients) {
    const starts: number[] = [];
    const ends: number[] = [];
    for (const range of [...ranges].sort((a, b) => a.clock - b.clock)) {
      const last = ends.length - 1;
      if (last >= 0 && range.clock <= (ends[last] as number)) ends[last] = Math.max(ends[last] as number, range.clock + range.len);
      else {
        starts.push(range.clock);
        ends.push(range.clock + range.len);
      }
    }
    deleted.set(client, { starts, ends });
  }
  const visibility = { snapshot, deleted };
  visibilities.set(snapshot, visibility);
  return visibility;
}

/**
 * The parts of an item's clock range [from, to) (absolute clocks, default the whole item) visible
 * at the snapshot, as [offset in the item, length] pairs.
 */
export function visibleParts(item: Y.Item, visibility: Visibility, from = item.id.clock, to = item.id.clock + item.length): [number, number][] {
  const { client, clock } = item.id;
  if (!visibility.snapshot) return item.deleted || from >= to ? [] : [[from - clock, to - from]];
  const end = Math.min(to, visibility.snapshot.sv.get(client) ?? 0);
  if (end <= from) return [];
  const ranges = visibility.deleted.get(client);
  if (!ranges) return [[from - clock, end - from]];
  // The first deleted range that ends after `from`.
  let low = 0;
  let high = ranges.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ranges.ends[middle] as number) <= from) low = middle + 1;
    else high = middle;
  }
  const parts: [number, number][] = [];
  let cursor = from;
  for (let index = low; index < ranges.starts.length && (ranges.starts[index] as number) < end; index += 1) {
    if ((ranges.starts[index] as number) > cursor) parts.push([cursor - clock, (ranges.starts[index] as number) - cursor]);
    cursor = Math.max(cursor, ranges.ends[index] as number);
  }
  if (cursor < end) parts.push([cursor - clock, end - cursor]);
  return parts;
}

interface DeltaPart {
  insert: string | Y.XmlText;
  attributes?: Record<string, unknown>;
}

/** As Y.Text.toDelta(snapshot), but without splitting items: text, formatting marks and embedded elements. */
function deltaAt(text: Y.XmlText, visibility: Visibility): DeltaPart[] {
  const delta: DeltaPart[] = [];
  const marks = new Map<string, unknown>();
  let pending = '';
  const pack = (): void => {
    if (pending === '') return;
    delta.push(marks.size > 0 ? { insert: pending, attributes: Object.fromEntries(marks) } : { insert: pending });
    pending = '';
  };
  for (let item = text._start; item !== null; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentString) {
      for (const [offset, length] of visibleParts(item, visibility)) pending += content.str.slice(offset, offset + length);
    } else if (content instanceof Y.ContentFormat) {
      if (visibleParts(item, visibility).length === 0) continue;
      pack();
      if (content.value === null) marks.delete(content.key);
      else marks.set(content.key, content.value);
    } else if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) {
      if (visibleParts(item, visibility).length === 0) continue;
      pack();
      delta.push({ insert: content.type });
    }
  }
  pack();
  return delta;
}

/**
 * The entries of a map-like type (a Y.Map, or an element's attributes) at the snapshot. Unlike
 * Y.typeMapGetAllSnapshot this also reads values whose items Yjs merged (one writer setting a key
 * twice in a row, both values later replaced): the value visible then is found clock by clock.
 */
function entriesAt(type: { _map: Map<string, Y.Item> }, visibility: Visibility): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const [key, newest] of type._map) {
    for (let item: Y.Item | null = newest; item !== null; item = item.left) {
      const last = visibleParts(item, visibility).at(-1);
      if (!last) continue;
      entries[key] = item.content.getContent()[last[0] + last[1] - 1];
      break;
    }
  }
  return entries;
}

/** An element's attributes (type, clauseId...) as they were at the snapshot. */
export function attributesAt(text: Y.XmlText, snapshot: Y.Snapshot | undefined): Record<string, unknown> {
  return snapshot ? entriesAt(text, visibilityOf(snapshot)) : (text.getAttributes() as Record<string, unknown>);
}

type SlateNode = { text: string } | { children: SlateNode[] };

/** An element (a Y.XmlText bound by slate-yjs) as Slate nodes, at the snapshot (as yTextToSlateElement reads it now). */
function elementAt(text: Y.XmlText, visibility: Visibility): SlateNode {
  const delta = deltaAt(text, visibility);
  const children =
    delta.length > 0
      ? delta.map((part) => (typeof part.insert === 'string' ? { ...part.attributes, text: part.insert } : elementAt(part.insert, visibility)))
      : [{ text: '' }];
  return { ...attributesAt(text, visibility.snapshot), children };
}

function assertHistory(doc: Y.Doc, snapshot: Y.Snapshot | undefined): void {
  if (snapshot && doc.gc) throw new Error('past versions can only be read from a document kept with garbage collection off');
}

/** The variable values of a document at a snapshot (or now). */
export function variablesAt(doc: Y.Doc, snapshot?: Y.Snapshot): Record<string, VariableValue> {
  assertHistory(doc, snapshot);
  const variables = variablesMap(doc);
  return { ...((snapshot ? entriesAt(variables, visibilityOf(snapshot)) : variables.toJSON()) as Record<string, VariableValue>) };
}

/** The body and variables of a document at a snapshot (or now, without one), as readContent reads them (no pending suggestion accepted). */
export function readDocumentAt(doc: Y.Doc, snapshot?: Y.Snapshot): DocumentText {
  assertHistory(doc, snapshot);
  const root = elementAt(contentRoot(doc), visibilityOf(snapshot)) as { children: SlateNode[] };
  return { blocks: withoutPendingSuggestions(root.children as unknown as TopLevelBlock[]), variables: variablesAt(doc, snapshot) };
}

/** One article (its Y.XmlText, from articleTypesAt) as Slate nodes at the snapshot, as readArticle reads it. */
export function articleAt(type: Y.XmlText, snapshot?: Y.Snapshot): ArticleElement {
  return withoutPendingSuggestionsIn(elementAt(type, visibilityOf(snapshot)) as unknown as ArticleElement);
}

/** The Y.XmlText of each article at the snapshot (or now), by clauseId, in document order. */
export function articleTypesAt(doc: Y.Doc, snapshot?: Y.Snapshot): Map<string, Y.XmlText> {
  assertHistory(doc, snapshot);
  const visibility = visibilityOf(snapshot);
  const found = new Map<string, Y.XmlText>();
  const visit = (parent: Y.XmlText, depth: number): void => {
    for (const part of deltaAt(parent, visibility)) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      const attributes = attributesAt(part.insert, snapshot);
      if (attributes.type === 'article' && typeof attributes.clauseId === 'string') {
        // A copy suggested as a moved article's new place is not the article yet (decision 0027).
        if (!found.has(attributes.clauseId) && attributes.suggestInsert === undefined) found.set(attributes.clauseId, part.insert);
      } else if (attributes.type === 'chapter' && depth === 0) visit(part.insert, 1);
    }
  };
  visit(contentRoot(doc), 0);
  return found;
}

/** The plain text of an element at the snapshot, chips as {{variableId}} (as plainText does). */
export function elementTextAt(text: Y.XmlText, snapshot: Y.Snapshot | undefined): string {
  const visibility = visibilityOf(snapshot);
  return deltaAt(text, visibility)
    .map((part) => {
      if (typeof part.insert === 'string') return part.insert;
      const attributes = attributesAt(part.insert, snapshot);
      return attributes.type === 'variable' ? `{{${String(attributes.variableId)}}}` : elementTextAt(part.insert, snapshot);
    })
    .join('');
}

/**
 * Number (1-based, through the document) and title of each article at the snapshot; the titles
 * of the articles in `titled` only, when given (the others read as '').
 */
export function articleHeadingsAt(
  doc: Y.Doc,
  snapshot?: Y.Snapshot,
  titled?: ReadonlySet<string>,
): Map<string, { number: number; title: string; type: Y.XmlText }> {
  const visibility = visibilityOf(snapshot);
  const headings = new Map<string, { number: number; title: string; type: Y.XmlText }>();
  for (const [clauseId, type] of articleTypesAt(doc, snapshot)) {
    const title = !titled || titled.has(clauseId) ? deltaAt(type, visibility).find((part) => part.insert instanceof Y.XmlText)?.insert : undefined;
    headings.set(clauseId, { number: headings.size + 1, title: title instanceof Y.XmlText ? elementTextAt(title, snapshot) : '', type });
  }
  return headings;
}
