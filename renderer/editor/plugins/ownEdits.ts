import { YjsEditor } from '@slate-yjs/core';
import type { Editor } from 'slate';

/**
 * Wraps the editor's normalizing and returns whether the operation being applied is the
 * participant's own edit: made here, not applied from another's change, and not made by
 * normalizing. Normalizing repairs the tree's shape (it merges texts the server wrote side by side,
 * wraps what a remote change left out of place) and expects each of its operations to take effect
 * as made: a plugin that reshapes or drops operations leaves those alone.
 */
export function watchOwnEdits(editor: Editor): () => boolean {
  const { normalizeNode } = editor;
  let normalizing = 0;
  editor.normalizeNode = (entry, options) => {
    normalizing += 1;
    try {
      normalizeNode(entry, options);
    } finally {
      normalizing -= 1;
    }
  };
  return () => normalizing === 0 && (!YjsEditor.isYjsEditor(editor) || YjsEditor.isLocal(editor));
}
