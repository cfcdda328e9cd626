import * as Y from 'yjs';
import { holdsText, isElementType } from '#shared/document/elementRules';
import { contentRootName } from '#shared/document/yjsContent';
import { xmlIllegalCharacters } from '#shared/text/safeText';
import { rootOfType, type DecodedStruct, type SharedType, type UpdateEffects } from '#main/sync/updateInspection';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The text block of the body an item of the document lies in, when the item is text (or a
 * formatting mark, which Yjs keeps among the text) in such a block; null otherwise.
 */
function textBlockOf(item: Y.AbstractStruct): Y.XmlText | null {
  if (!(item instanceof Y.Item) || item.parentSub !== null || !(item.parent instanceof Y.XmlText)) return null;
  const block = item.parent;
  if (block._item === null || rootOfType(block as unknown as SharedType) !== contentRootName) return null;
  const type: unknown = block.getAttribute('type');
  return isElementType(type) && holdsText(type) ? block : null;
}

/**
 * What a keystroke changes, found the short way: when every item the update adds is text put
 * next to text of a text block the document has (or next to the update's own text before it),
 * and every deletion takes text from such blocks, the update touches those blocks and nothing
 * else, writes no value and keeps the body's shape (its text holds no character a document cannot
 * hold). Returns its effects, as inspectUpdate would find them, or null for any other update,
 * which the full checks judge. (The server runs this on every keystroke: the full checks would
 * cost it several times more.)
 */
export function typingEffects(decoded: DecodedUpdate, doc: Y.Doc, isWaiting: (struct: DecodedStruct) => boolean): UpdateEffects | null {
  const touchedTypes = new Set<SharedType>();
  let previous: Y.Item | null = null;
  let previousBlock: Y.XmlText | null = null;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || struct.parent !== null || isWaiting(struct)) return null;
    if (struct.id.clock < Y.getState(doc.store, struct.id.client)) return null;
    if (xmlIllegalCharacters(struct.content.str).length > 0) return null;
    const neighbour = struct.origin ?? struct.rightOrigin;
    if (neighbour === null) return null;
    let block: Y.XmlText | null;
    if (
      previous !== null &&
      neighbour.client === previous.id.client &&
      neighbour.clock >= previous.id.clock &&
      neighbour.clock < previous.id.clock + previous.length
    )
      block = previousBlock;
    else if (neighbour.clock < Y.getState(doc.store, neighbour.client)) block = textBlockOf(Y.getItem(doc.store, neighbour));
    else return null;
    if (block === null) return null;
    touchedTypes.add(block as unknown as SharedType);
    previous = struct;
    previousBlock = block;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      if (range.clock + range.len > known) return null;
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const item = Y.getItem(doc.store, new Y.ID(client, clock));
        clock = item.id.clock + item.length;
        // Deleting what is deleted already changes nothing.
        if (item.deleted) continue;
        const block = item instanceof Y.Item && item.content instanceof Y.ContentString ? textBlockOf(item) : null;
        if (block === null) return null;
        touchedTypes.add(block as unknown as SharedType);
      }
    }
  }
  if (touchedTypes.size === 0) return null;
  return {
    roots: new Set([contentRootName]),
    mapWrites: [],
    mapDeletions: [],
    unkeyedRoots: new Set(decoded.structs.length > 0 ? [contentRootName] : []),
    touchedTypes,
    deletedTypes: new Set(),
  };
}
