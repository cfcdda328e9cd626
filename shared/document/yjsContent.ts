import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
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

/** Reads a document's body as Slate nodes. */
export function readContent(doc: Y.Doc): TopLevelBlock[] {
  return yTextToSlateElement(contentRoot(doc)).children as unknown as TopLevelBlock[];
}
