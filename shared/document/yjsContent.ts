import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';

/** The root of the body in every document's Y.Doc, bound to Slate by @slate-yjs/core. */
export const contentRootName = 'content';

/** The Y.XmlText holding a document's body. */
export function contentRoot(doc: Y.Doc): Y.XmlText {
  return doc.get(contentRootName, Y.XmlText) as Y.XmlText;
}

/** Encodes a whole body as one Yjs update, for seeding a new document once, on the server. */
export function encodeInitialContent(blocks: readonly TopLevelBlock[]): Uint8Array {
  const doc = new Y.Doc();
  contentRoot(doc).applyDelta(slateNodesToInsertDelta(blocks as unknown as SlateNode[]), { sanitize: false });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Reads a document's body as Slate nodes. */
export function readContent(doc: Y.Doc): TopLevelBlock[] {
  return yTextToSlateElement(contentRoot(doc)).children as unknown as TopLevelBlock[];
}
