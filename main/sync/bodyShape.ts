import * as Y from 'yjs';
import { formatFromKey, isSuggestionId, isSuggestionMarkName, marksOfCode } from '#shared/document/suggestionMarks';
import { attributeProblem, childTypes, holdsText, isElementType, markNames, requiredAttributes, type ElementParent } from '#shared/document/elementRules';
import type { ElementType } from '#shared/document/nodes';
import { describeCharacter, xmlIllegalCharacters } from '#shared/text/safeText';
import { contentRoot, contentRootName } from '#shared/document/yjsContent';
import { elementAttribute } from '#main/sync/elementAttributes';
import { findCovering, indexItems, rootOfType, type DecodedStruct, type SharedType } from '#main/sync/updateInspection';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The element an item of the body belongs to: the body's root, an element the document has, or
 * one the update creates (the item holding its Y.XmlText).
 */
type Holder = { kind: 'body' } | { kind: 'element'; text: Y.XmlText } | { kind: 'new'; item: Y.Item } | { kind: 'elsewhere' };

interface Slot {
  holder: Holder;
  /** The attribute the item sets (a key of its element's map), or null for a child. */
  key: string | null;
}

/** The attributes an update gives the elements it creates or changes, by element. */
type WrittenAttributes = Map<Y.Item | Y.XmlText, Map<string, unknown>>;

const elsewhere: Slot = { holder: { kind: 'elsewhere' }, key: null };

/** Where each item of an update goes (see Holder), found once per item. */
class Slots {
  private readonly memo = new Map<Y.Item, Slot>();

  constructor(
    private readonly index: Map<number, Y.Item[]>,
    private readonly doc: Y.Doc,
  ) {}

  of(item: Y.Item, depth = 0): Slot {
    const known = this.memo.get(item);
    if (known) return known;
    let slot: Slot = elsewhere;
    if (depth > 10_000) slot = elsewhere;
    else if (typeof item.parent === 'string') slot = item.parent === contentRootName ? { holder: { kind: 'body' }, key: item.parentSub } : elsewhere;
    else if (item.parent instanceof Y.ID) slot = { holder: this.holderOf(item.parent), key: item.parentSub };
    else {
      // Yjs writes neither parent nor key for an item with neighbours: it shares theirs.
      const neighbour = item.origin ?? item.rightOrigin;
      if (neighbour && this.known(neighbour)) {
        const existing = Y.getItem(this.doc.store, neighbour);
        if (existing instanceof Y.Item) slot = { holder: this.holderOfType(existing.parent), key: existing.parentSub };
      } else {
        const inUpdate = neighbour && findCovering(this.index, neighbour);
        if (inUpdate) slot = this.of(inUpdate, depth + 1);
      }
    }
    this.memo.set(item, slot);
    return slot;
  }

  /** Whether the document already has the item with this id (an update may repeat it). */
  private known(id: Y.ID): boolean {
    return id.clock < Y.getState(this.doc.store, id.client);
  }

  private holderOf(id: Y.ID): Holder {
    if (this.known(id)) {
      const existing = Y.getItem(this.doc.store, id);
      return existing instanceof Y.Item && existing.content instanceof Y.ContentType ? this.holderOfType(existing.content.type) : { kind: 'elsewhere' };
    }
    const inUpdate = findCovering(this.index, id);
    return inUpdate?.content instanceof Y.ContentType ? { kind: 'new', item: inUpdate } : { kind: 'elsewhere' };
  }

  private holderOfType(type: unknown): Holder {
    if (!(type instanceof Y.AbstractType)) return { kind: 'elsewhere' };
    if (rootOfType(type as SharedType) !== contentRootName) return { kind: 'elsewhere' };
    if (type._item === null) return { kind: 'body' };
    return type instanceof Y.XmlText ? { kind: 'element', text: type } : { kind: 'elsewhere' };
  }
}

function valueOf(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
}

/**
 * Why an update would leave the body in a shape that cannot be laid out, or null: only known
 * elements, each where nodes.ts allows it and with its required attributes; text and formatting
 * only inside text blocks; nothing embedded but elements; never an empty body. Judged on what
 * the update adds to the document (what it repeats, or what waits for changes nobody has sent,
 * is not judged here).
 */
export function bodyShapeProblem(decoded: DecodedUpdate, doc: Y.Doc, isWaiting: (struct: DecodedStruct) => boolean): string | null {
  const index = indexItems(decoded.structs);
  const slots = new Slots(index, doc);
  const novel: { item: Y.Item; slot: Slot }[] = [];
  for (const list of index.values()) {
    for (const item of list) {
      if (item.id.clock + item.length <= Y.getState(doc.store, item.id.client) || isWaiting(item)) continue;
      if (item.content instanceof Y.ContentDeleted || Y.isDeleted(decoded.ds, item.id)) continue;
      const slot = slots.of(item);
      if (slot.holder.kind !== 'elsewhere') novel.push({ item, slot });
    }
  }
  const written: WrittenAttributes = new Map();
  for (const { item, slot } of novel) {
    if (slot.key === null || slot.holder.kind === 'body') continue;
    const element = slot.holder.kind === 'new' ? slot.holder.item : slot.holder.kind === 'element' ? slot.holder.text : null;
    if (!element) continue;
    const attributes = written.get(element) ?? new Map<string, unknown>();
    attributes.set(slot.key, valueOf(item));
    written.set(element, attributes);
  }
  for (const { item, slot } of novel) {
    const parent = elementTypeOf(slot.holder, written);
    if (parent === null) return 'an element of the body has no known type';
    const problem = slot.key === null ? childProblem(item, parent, written) : attributeWriteProblem(item, slot, parent);
    if (problem) return problem;
  }
  // Only deletions can remove an attribute or empty the body.
  if (decoded.ds.clients.size === 0) return null;
  return removedAttributeProblem(decoded, doc, written) ?? emptiedBodyProblem(decoded, doc, novel);
}

/** The type of the element an item belongs to, as the update leaves it (null: none known). */
function elementTypeOf(holder: Holder, written: WrittenAttributes): ElementParent | null {
  if (holder.kind === 'body') return 'body';
  if (holder.kind === 'new') {
    const type = written.get(holder.item)?.get('type');
    return isElementType(type) ? type : null;
  }
  if (holder.kind === 'element') {
    // Text typed into an element a move (or anyone) deleted meanwhile is judged by the type the
    // element had: it lands deleted, and the server may carry it into a moved copy (decision 0026).
    const type = written.get(holder.text)?.get('type') ?? elementAttribute(holder.text, 'type');
    return isElementType(type) ? type : null;
  }
  return null;
}

function childProblem(item: Y.Item, parent: ElementParent, written: WrittenAttributes): string | null {
  const { content } = item;
  const where = parent === 'body' ? 'the body' : `a ${parent}`;
  if (content instanceof Y.ContentString) {
    if (!holdsText(parent)) return `text directly inside ${where}`;
    const illegal = xmlIllegalCharacters(content.str);
    return illegal.length > 0 ? `text holding ${describeCharacter(illegal[0] as string)}, which no document can hold` : null;
  }
  if (content instanceof Y.ContentFormat) {
    if (!holdsText(parent)) return `formatting directly inside ${where}`;
    const known = isSuggestionMarkName(content.key)
      ? isSuggestionId(content.value) || content.value === null
      : content.key === formatFromKey
        ? marksOfCode(content.value) !== null || content.value === null
        : (markNames as readonly string[]).includes(content.key) && (content.value === true || content.value === null);
    return known ? null : `formatting "${content.key}" that the body does not use`;
  }
  if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.XmlText)) return `something embedded in ${where} that is not an element of the body`;
  const attributes = written.get(item);
  const type = attributes?.get('type');
  if (!isElementType(type)) return `an element without a known type in ${where}`;
  if (!childTypes[parent].includes(type)) return `a ${type} inside ${where}`;
  for (const key of requiredAttributes(type)) if (!attributes?.has(key)) return `a ${type} without its ${key}`;
  return null;
}

function attributeWriteProblem(item: Y.Item, slot: Slot, elementType: ElementParent): string | null {
  const { holder, key } = slot;
  if (elementType === 'body') return 'an attribute on the body itself';
  if (key === null) return null;
  if (key !== 'type') return attributeProblem(elementType, key, valueOf(item));
  if (holder.kind !== 'element') return null; // a new element: its type is judged where it stands
  // An element the document has may change its type only among text blocks (a paragraph becomes
  // a clause), and only to one its parent may hold.
  const before: unknown = holder.text.getAttribute('type');
  if (!(isElementType(before) && holdsText(before) && holdsText(elementType))) return `a ${String(before)} cannot become a ${elementType}`;
  const parentText = holder.text._item?.parent;
  const parentType: unknown = parentText instanceof Y.XmlText ? (parentText._item === null ? 'body' : parentText.getAttribute('type')) : null;
  if (parentType !== 'body' && !isElementType(parentType)) return null;
  return childTypes[parentType].includes(elementType as ElementType)
    ? null
    : `a ${elementType} inside ${parentType === 'body' ? 'the body' : `a ${parentType}`}`;
}

/** Attributes an element must keep, deleted without a new value. */
function removedAttributeProblem(decoded: DecodedUpdate, doc: Y.Doc, written: WrittenAttributes): string | null {
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      for (let clock = range.clock; clock < Math.min(range.clock + range.len, known); ) {
        const item = Y.getItem(doc.store, new Y.ID(client, clock));
        clock = item.id.clock + item.length;
        if (
          !(item instanceof Y.Item) ||
          item.deleted ||
          item.parentSub === null ||
          !(item.parent instanceof Y.XmlText) ||
          rootOfType(item.parent as unknown as SharedType) !== contentRootName
        )
          continue;
        const element = item.parent;
        // Deleting an element deletes its attributes with it: that removes nothing from an element that stays.
        const holder = element._item;
        if (holder && (holder.deleted || Y.isDeleted(decoded.ds, holder.id))) continue;
        const type = element.getAttribute('type');
        const replaced = written.get(element)?.has(item.parentSub) ?? false;
        if (!replaced && (item.parentSub === 'type' || (isElementType(type) && requiredAttributes(type).includes(item.parentSub))))
          return `removes the ${item.parentSub} of a ${String(type)}`;
      }
    }
  }
  return null;
}

/** Whether the update deletes every block of the body and adds none. */
function emptiedBodyProblem(decoded: DecodedUpdate, doc: Y.Doc, novel: readonly { item: Y.Item; slot: Slot }[]): string | null {
  if (novel.some(({ item, slot }) => slot.holder.kind === 'body' && slot.key === null && item.content instanceof Y.ContentType)) return null;
  const body = contentRoot(doc);
  let deletesAtTop = false;
  for (let item = body._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (!Y.isDeleted(decoded.ds, item.id)) return null;
    deletesAtTop = true;
  }
  return deletesAtTop ? 'the body cannot be left empty' : null;
}
