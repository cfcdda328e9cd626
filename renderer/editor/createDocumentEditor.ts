import { createEditor } from 'slate';
import { withReact } from 'slate-react';
import { withCursors, withYHistory, withYjs } from '@slate-yjs/core';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { contentRoot } from '#shared/document/yjsContent';
import type { ArticleLock } from './agreedArticles';
import { documentChunkSize } from './chunking';
import type { CursorData, DocumentEditor } from './customTypes';
import { withAgreedLock } from './plugins/withAgreedLock';
import { withCursorBroadcast } from './plugins/withCursorBroadcast';
import { withDesyncRecovery, type DesyncReporter } from './plugins/withDesyncRecovery';
import { withEditingRules } from './plugins/withEditingRules';
import { withInlineVariables } from './plugins/withInlineVariables';
import { withRemoteTyping } from './plugins/withRemoteTyping';
import { withStableIds } from './plugins/withStableIds';
import { withStructure } from './plugins/withStructure';
import { withSuggesting } from './plugins/withSuggesting';
import { neverSuggesting, type SuggestingState } from './suggestingMode';

/** Marks transactions made by this editor, so undo only ever undoes one's own changes. */
export const localEditOrigin = Symbol('local-edit');

export interface DocumentEditorOptions {
  doc: Y.Doc;
  awareness: Awareness;
  cursor: CursorData;
  onDesync: DesyncReporter;
  /** The articles both sides agreed: read-only here. */
  lock: ArticleLock;
  /** Whether changes are made as suggestions (none are when not given). */
  suggesting?: SuggestingState;
}

/**
 * The editor of one document: Slate bound to the document's Yjs body (connect it only after the
 * first sync), undo limited to local changes, shared cursors, the legal-structure rules, agreed
 * articles kept read-only, Suggesting mode, and its long levels rendered in chunks (decision 0031).
 */
export function createDocumentEditor(options: DocumentEditorOptions): DocumentEditor {
  const bound = withYjs(createEditor(), contentRoot(options.doc), { autoConnect: false, localOrigin: localEditOrigin });
  const history = withYHistory(bound);
  const cursors = withCursorBroadcast(withCursors(history, options.awareness, { autoSend: false }), options.cursor);
  const suggesting = options.suggesting ?? neverSuggesting;
  const editor = withRemoteTyping(
    withSuggesting(
      withAgreedLock(
        withReact(withDesyncRecovery(withEditingRules(withStructure(withStableIds(withInlineVariables(cursors)))), options.onDesync)),
        options.lock,
        suggesting,
      ),
      suggesting,
    ),
  );
  editor.getChunkSize = documentChunkSize;
  return editor as DocumentEditor;
}
