import * as Y from 'yjs';
import { contentRoot } from '#shared/document/yjsContent';

/**
 * The first paragraph of a document's body (a Y.XmlText bound by slate-yjs), where tests type
 * as a person would: the server refuses text anywhere else in the body (S22).
 */
export function bodyParagraph(doc: Y.Doc): Y.XmlText {
  const found = findBodyParagraph(doc);
  if (!found) throw new Error('this copy of the document has no paragraph (not synced yet?)');
  return found;
}

/** The first paragraph of a document's body, or null while this copy has none (not synced yet). */
export function findBodyParagraph(doc: Y.Doc): Y.XmlText | null {
  const search = (element: Y.XmlText): Y.XmlText | null => {
    for (const part of element.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      if (part.insert.getAttribute('type') === 'paragraph') return part.insert;
      const found = search(part.insert);
      if (found) return found;
    }
    return null;
  };
  return search(contentRoot(doc));
}
