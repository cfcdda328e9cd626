import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ArticleElement } from '#shared/document/nodes';
import { Editor, Element } from 'slate';
import type { DocumentEditor } from '../editor/customTypes';
import { selectedArticle } from '../editor/structure';

const listenersByEditor = new WeakMap<DocumentEditor, Set<() => void>>();

/**
 * Calls `listener` after each change Slate flushes, selection moves included. The side panel sits
 * outside <Slate> (useSlateSelector would throw there), so it listens the way slate-yjs does:
 * by wrapping the editor's onChange once, then fanning out to a set of listeners.
 */
function subscribeToEditor(editor: DocumentEditor, listener: () => void): () => void {
  let listeners = listenersByEditor.get(editor);
  if (!listeners) {
    const registered = new Set<() => void>();
    const { onChange } = editor;
    editor.onChange = (options) => {
      onChange(options);
      for (const registeredListener of registered) registeredListener();
    };
    listenersByEditor.set(editor, registered);
    listeners = registered;
  }
  listeners.add(listener);
  const own = listeners;
  return () => {
    own.delete(listener);
  };
}

export interface SelectedArticle {
  clauseId: string;
  templateId: string | undefined;
}

const separator = '\u0000';

/** A primitive snapshot, so that a keystroke inside the same article re-renders nothing. */
function selectionKey(editor: DocumentEditor): string {
  try {
    const entry = selectedArticle(editor);
    return entry ? `${entry[0].clauseId}${separator}${entry[0].templateId ?? ''}` : '';
  } catch {
    return ''; // a selection left pointing at a node a remote change just removed
  }
}

/**
 * The article the cursor is in (its stable id and the template it came from), or null. The
 * selection survives clicks in the side panel: Slate keeps it while the editor is not focused.
 */
export function useSelectedArticle(editor: DocumentEditor): SelectedArticle | null {
  const subscribe = useCallback((listener: () => void) => subscribeToEditor(editor, listener), [editor]);
  const key = useSyncExternalStore(subscribe, () => selectionKey(editor));
  return useMemo(() => {
    if (key === '') return null;
    const [clauseId = '', templateId = ''] = key.split(separator);
    return { clauseId, templateId: templateId === '' ? undefined : templateId };
  }, [key]);
}

/** The article with this id as the document holds it now (read once, when an action needs it). */
export function findArticle(editor: DocumentEditor, clauseId: string): ArticleElement | null {
  const [entry] = Editor.nodes(editor, { at: [], match: (node) => Element.isElement(node) && node.type === 'article' && node.clauseId === clauseId });
  const node = entry?.[0];
  return node && Element.isElement(node) && node.type === 'article' ? node : null;
}
