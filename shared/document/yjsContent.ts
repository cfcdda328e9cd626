import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import { checkBodyShape, DamagedBodyError } from '#shared/document/bodyShape';
import type { TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestions } from '#shared/document/suggestionMarks';
import type { Language } from '#shared/format/locale';
import type { VariableValue } from '#shared/templates/schema';

/** The root of the body in every document's Y.Doc, bound to Slate by @slate-yjs/core. */
export const contentRootName = 'content';

/** The Y.XmlText holding a document's body. */
export function contentRoot(doc: Y.Doc): Y.XmlText {
  return doc.get(contentRootName, Y.XmlText) as Y.XmlText;
}

/** One value per document variable, shared live by everyone (written by clients, validated by the server). */
export const variablesRootName = 'variables';

/** Settings fixed when the document is created (the language of its text); written only by the server. */
export const settingsRootName = 'settings';

export function variablesMap(doc: Y.Doc): Y.Map<VariableValue> {
  return doc.getMap<VariableValue>(variablesRootName);
}

/** The language the document is written in (its variables are formatted in it). */
export function documentLanguage(doc: Y.Doc): Language {
  return doc.getMap<string>(settingsRootName).get('language') === 'en' ? 'en' : 'vi';
}

export interface InitialContent {
  blocks: readonly TopLevelBlock[];
  variables?: Readonly<Record<string, VariableValue>>;
  language?: Language;
}

/** Encodes a new document as one Yjs update, for seeding it once, on the server. */
export function encodeInitialContent(content: InitialContent): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    contentRoot(doc).applyDelta(slateNodesToInsertDelta(content.blocks as unknown as SlateNode[]), { sanitize: false });
    const variables = variablesMap(doc);
    for (const [id, value] of Object.entries(content.variables ?? {})) variables.set(id, value);
    doc.getMap<string>(settingsRootName).set('language', content.language ?? 'vi');
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Reads a document's body as Slate nodes, as it is while no pending suggestion is accepted
 * (decision 0024); throws DamagedBodyError, naming the place, when its
 * shape does not allow laying it out.
 */
export function readContent(doc: Y.Doc): TopLevelBlock[] {
  return withoutPendingSuggestions(readMarkedContent(doc));
}

/**
 * The body with its pending suggestions still marked, for the one reader besides the editor that
 * shows them: the .docx export with Word tracked changes (decision 0030).
 */
export function readMarkedContent(doc: Y.Doc): TopLevelBlock[] {
  const root = contentRoot(doc);
  if (root.length === 0) throw new DamagedBodyError('as a whole', 'the body is empty');
  let articlesBefore = 0;
  const children = (root.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((part, index) => {
    if (!(part.insert instanceof Y.XmlText)) return { ...part.attributes, text: part.insert };
    const element = part.insert;
    try {
      return yTextToSlateElement(element);
    } catch (error) {
      throw new DamagedBodyError(placeOfUnreadable(element, index, articlesBefore), `it cannot be read (${(error as Error).message})`);
    } finally {
      articlesBefore += articlesIn(element);
    }
  });
  return checkBodyShape(children);
}

/** Where a top-level element that cannot be read is damaged: the article at fault if there is one. */
function placeOfUnreadable(element: Y.XmlText, index: number, articlesBefore: number): string {
  if (element.getAttribute('type') === 'article') return `in Điều ${articlesBefore + 1}`;
  let articles = articlesBefore;
  for (const part of element.toDelta() as { insert: unknown }[]) {
    if (!(part.insert instanceof Y.XmlText) || part.insert.getAttribute('type') !== 'article') continue;
    articles += 1;
    try {
      yTextToSlateElement(part.insert);
    } catch {
      return `in Điều ${articles}`;
    }
  }
  return `in block ${index + 1} of the body`;
}

/** How many articles a top-level element is or holds, read from its attributes alone. */
function articlesIn(element: Y.XmlText): number {
  const type = element.getAttribute('type');
  if (type === 'article') return 1;
  if (type !== 'chapter') return 0;
  return (element.toDelta() as { insert: unknown }[]).filter((part) => part.insert instanceof Y.XmlText && part.insert.getAttribute('type') === 'article')
    .length;
}
