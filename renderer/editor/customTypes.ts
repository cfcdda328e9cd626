import type { BaseEditor } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { CursorEditor, YHistoryEditor, YjsEditor } from '@slate-yjs/core';
import type { DocumentElement, FormattedText } from '#shared/document/nodes';
import type { PhraseDecoration } from './phraseComments';

/** Presence data each client publishes with its cursor (the server adds the verified identity). */
export interface CursorData extends Record<string, unknown> {
  name: string;
  side: string;
}

export type DocumentEditor = BaseEditor & ReactEditor & YjsEditor & YHistoryEditor & CursorEditor<CursorData>;

// The one CustomTypes augmentation of the project (HOUSE_STYLE 15).
declare module 'slate' {
  interface CustomTypes {
    Editor: DocumentEditor;
    Element: DocumentElement;
    // A text as rendered may carry decorations too (never stored).
    Text: FormattedText & PhraseDecoration;
  }
}
