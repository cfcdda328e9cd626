import * as Y from 'yjs';
import type { UpdateLogStore } from '#main/store/port';
import { bodyParagraph } from './bodyText';

/** The document as the store holds it: the checkpoint and the logged tail applied to a fresh Y.Doc. */
export async function storedDoc(log: UpdateLogStore, documentId: string): Promise<Y.Doc> {
  const stored = await log.load(documentId);
  const doc = new Y.Doc({ gc: false });
  if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint.state);
  for (const update of stored.tail) Y.applyUpdate(doc, update);
  return doc;
}

/** Every Yjs client id that wrote a struct into a stored update (checkpoint or tail). */
export async function storedWriters(log: UpdateLogStore, documentId: string): Promise<Set<number>> {
  const stored = await log.load(documentId);
  const updates = stored.checkpoint ? [stored.checkpoint.state, ...stored.tail] : stored.tail;
  return new Set(updates.flatMap((update) => Y.decodeUpdate(update).structs.map((struct) => struct.id.client)));
}

/** Yjs client ids present in a document's state vector. */
export function writersOf(doc: Y.Doc): Set<number> {
  return new Set(Y.decodeStateVector(Y.encodeStateVector(doc)).keys());
}

/**
 * The text stock test clients type (their `text`: the body's first paragraph), taken from a copy
 * so that reading never touches a live document (such as the server's own).
 */
export function contentText(doc: Y.Doc): string {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const text = bodyParagraph(copy).toString();
  copy.destroy();
  return text;
}
