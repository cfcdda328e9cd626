import { Editor, Element, Node } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import type { DocumentElement } from '#shared/document/nodes';
import { newNodeId } from '../ids';

function idOf(node: DocumentElement): string | undefined {
  if (node.type === 'article') return node.clauseId;
  if (node.type === 'chapter') return node.chapterId;
  return undefined;
}

function withFreshId<N extends DocumentElement>(node: N): N {
  if (node.type === 'article') return { ...node, clauseId: newNodeId() };
  if (node.type === 'chapter') return { ...node, chapterId: newNodeId() };
  return node;
}

function existingIds(editor: Editor): Set<string> {
  const ids = new Set<string>();
  // Articles never contain articles: no need to descend into them.
  for (const [node] of Node.nodes(editor, { pass: ([inner]) => Element.isElement(inner) && inner.type === 'article' })) {
    const id = Element.isElement(node) ? idOf(node) : undefined;
    if (id) ids.add(id);
  }
  return ids;
}

/** Gives every article and chapter created here (split, pasted, duplicated) an id of its own. */
function freshenDuplicates(node: DocumentElement, taken: Set<string>): DocumentElement {
  const id = idOf(node);
  const own = id === undefined || !taken.has(id) ? node : withFreshId(node);
  const ownId = idOf(own);
  if (ownId) taken.add(ownId);
  if (own.type !== 'chapter') return own;
  return { ...own, children: own.children.map((child) => freshenDuplicates(child, taken)) } as DocumentElement;
}

/** Whether an article is the copy of a suggested move: another with its id stands marked for deletion under the same suggestion. */
function isMovedCopy(editor: Editor, node: DocumentElement): boolean {
  if (node.type !== 'article' || node.suggestInsert === undefined) return false;
  const [original] = Editor.nodes(editor, {
    at: [],
    match: (other) => Element.isElement(other) && other.type === 'article' && other.clauseId === node.clauseId && other.suggestDelete === node.suggestInsert,
  });
  return original !== undefined;
}

/**
 * clauseIds (and chapter ids) are stable and unique: a local split or paste that would copy an
 * id gets a new one. Remote operations are never touched (that would desynchronise clients).
 */
export function withStableIds<T extends Editor>(editor: T): T {
  const { apply } = editor;
  editor.apply = (operation) => {
    const isLocal = !YjsEditor.isYjsEditor(editor) || YjsEditor.isLocal(editor);
    if (isLocal && operation.type === 'split_node' && (operation.properties as Partial<DocumentElement>).type !== undefined) {
      const properties = operation.properties as Partial<DocumentElement>;
      if (properties.type === 'article') return apply({ ...operation, properties: { ...properties, clauseId: newNodeId() } });
      if (properties.type === 'chapter') return apply({ ...operation, properties: { ...properties, chapterId: newNodeId() } });
    }
    if (
      isLocal &&
      operation.type === 'insert_node' &&
      Element.isElement(operation.node) &&
      (operation.node.type === 'article' || operation.node.type === 'chapter')
    ) {
      // The copy a suggested move puts at the new place keeps its article's id (decision 0027).
      if (isMovedCopy(editor, operation.node)) return apply(operation);
      return apply({ ...operation, node: freshenDuplicates(operation.node, existingIds(editor)) });
    }
    apply(operation);
  };
  return editor;
}
