import { useEffect, useState } from 'react';
import { Editor } from 'slate';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { Collaboration } from '../collab/collaboration';
import { AgreedArticles } from '../editor/agreedArticles';
import { ChangeSignal } from '../editor/changeSignal';
import { createDocumentEditor } from '../editor/createDocumentEditor';
import type { DocumentEditor } from '../editor/customTypes';
import { NumberingStore } from '../editor/numberingStore';
import { OpeningRender, registerOpeningRender } from '../editor/openingRender';
import { SuggestingMode } from '../editor/suggestingMode';
import type { Membership } from '../session/session';

export interface OpenEditor {
  editor: DocumentEditor;
  numbering: NumberingStore;
  changes: ChangeSignal;
  /** The articles both sides agreed, which the editor keeps read-only. */
  agreed: AgreedArticles;
  /** This participant's Suggesting mode. */
  suggesting: SuggestingMode;
  /** The first screen first, then the rest of a long agreement (decision 0032). */
  opening: OpeningRender;
}

/**
 * The Slate editor of a document, bound to Yjs only once the content is there (first sync with
 * the server, or this device's offline copy), so that no client ever seeds content of its own.
 */
export function useDocumentEditor(collaboration: Collaboration | null, membership: Membership, contentReady: boolean, onDesync: () => void): OpenEditor | null {
  const [open, setOpen] = useState<(OpenEditor & { collaboration: Collaboration }) | null>(null);
  useEffect(() => {
    if (!collaboration || !contentReady) return;
    const agreed = new AgreedArticles(collaboration.doc);
    const suggesting = new SuggestingMode(collaboration.doc, membership.participantId);
    const editor = createDocumentEditor({
      doc: collaboration.doc,
      lock: agreed,
      suggesting,
      awareness: collaboration.provider.awareness,
      cursor: { name: membership.displayName, side: membership.side },
      onDesync: (error, phase) => {
        console.error(`Thỏa Ước: the editor disagreed with the shared document (${phase}); it was rebuilt from the shared state.`, error);
        onDesync();
      },
    });
    // slate-yjs normalises the whole body as it connects, a walk through every node; the server
    // keeps the body's shape (S22), so at opening that walk waits until the editor is on the screen
    // and the page idle (DocumentEditorView), and still repairs what it finds then (decision 0031).
    Editor.setNormalizing(editor, false);
    editor.connect();
    Editor.setNormalizing(editor, true);
    const numbering = new NumberingStore();
    numbering.update(editor.children as TopLevelBlock[], null);
    const opening = new OpeningRender(() => numbering.articleCount);
    registerOpeningRender(editor, opening);
    setOpen({ editor, numbering, changes: new ChangeSignal(), agreed, suggesting, opening, collaboration });
    return () => {
      opening.stop();
      editor.disconnect();
      agreed.destroy();
      suggesting.destroy();
      setOpen(null);
    };
  }, [collaboration, contentReady, membership.displayName, membership.side, membership.participantId, onDesync]);
  // Until the effect has run again, an editor of the previous collaboration (reopened after a
  // refused write) is not shown: its document is gone.
  return open?.collaboration === collaboration ? open : null;
}
