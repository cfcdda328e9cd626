import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { contentRoot } from '#shared/document/yjsContent';

const body: TopLevelBlock[] = [
  {
    type: 'article',
    clauseId: 'dieu-trace',
    children: [
      { type: 'article-title', children: [{ text: 'Điều khoản' }] },
      { type: 'paragraph', children: [{ text: '' }] },
    ],
  },
];

/**
 * The body every benchmark types into, as one update: an article with an empty paragraph. Text
 * goes into a paragraph, as in the editor; the server refuses it anywhere else in the body (S22).
 */
export function seedBodyUpdate(): Uint8Array {
  const doc = new Y.Doc();
  contentRoot(doc).applyDelta(slateNodesToInsertDelta(body as unknown as SlateNode[]), { sanitize: false });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The first paragraph of a document's body: where benchmarks type. */
export function typingTarget(doc: Y.Doc): Y.XmlText {
  const search = (element: Y.XmlText): Y.XmlText | null => {
    for (const part of element.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      if (part.insert.getAttribute('type') === 'paragraph') return part.insert;
      const found = search(part.insert);
      if (found) return found;
    }
    return null;
  };
  const found = search(contentRoot(doc));
  if (!found) throw new Error('the document has no paragraph to type into');
  return found;
}
