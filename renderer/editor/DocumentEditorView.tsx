import { memo, useCallback, useContext, useEffect, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Element, Transforms } from 'slate';
import { Editable, ReactEditor, Slate, type RenderChunkProps } from 'slate-react';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { ChangeSignal } from './changeSignal';
import type { DocumentEditor } from './customTypes';
import { ElementView } from './ElementView';
import { LeafView } from './LeafView';
import { NumberingContext, type NumberingStore } from './numberingStore';
import { drawEveryArticleNow, OpeningRenderContext, useOpeningRender, type OpeningRender } from './openingRender';
import { usePhraseDecorate } from './phraseComments';
import { hideContentEditableFromReact } from './reactSelectionWorkaround';
import { RemoteCursors } from './RemoteCursors';
import { showSettled } from './reveal';
import { SelectionComment } from './SelectionComment';
import { documentEdgeOf, handleShortcut, matchesShortcut, movesFar, suggestingShortcut } from './shortcuts';
import { SuggestingModeContext } from './suggestingMode';
import { StructureLabelsContext, useStructureLabelsOfLanguage } from './structureLabels';
import { Toolbar } from './Toolbar';
import { BadgeTextsContext, useBadgeTextsOfLanguage } from '../negotiation/ArticleBadge';

export interface DocumentEditorViewProps {
  editor: DocumentEditor;
  numbering: NumberingStore;
  opening: OpeningRender;
  changes: ChangeSignal;
  readOnly: boolean;
}

/** The caret to the start or the end of the whole text, or the selection stretched there. */
function selectDocumentEdge(editor: DocumentEditor, edge: 'start' | 'end', extend: boolean): void {
  const point = edge === 'end' ? Editor.end(editor, []) : Editor.start(editor, []);
  Transforms.select(editor, extend && editor.selection ? { anchor: editor.selection.anchor, focus: point } : point);
  // The whole page's edge, as in a word processor: not only the caret's line.
  showSettled(ReactEditor.toDOMNode(editor, editor), edge);
}

/** Whether the selection reaches an article still waiting to be drawn (its last article has the highest number). */
function selectionReachesWaitingArticle(editor: DocumentEditor, numbering: NumberingStore, opening: OpeningRender): boolean {
  if (!editor.selection) return false;
  const [last] = Editor.nodes(editor, { at: editor.selection, reverse: true, match: (node) => Element.isElement(node) && node.type === 'article' });
  return last !== undefined && last[0].type === 'article' && opening.isWaiting(numbering.articleNumber(last[0].clauseId));
}

/**
 * A chunk of the body's top level or of a chapter (decision 0031): a plain box; the lowest chunks
 * of a chapter, about ten articles each, are skipped by the browser while off screen (app.css).
 */
function renderChunk({ attributes, lowest, children }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'body-chunk lowest' : 'body-chunk'}>
      {children}
    </div>
  );
}

/** The editing surface: toolbar, the structured text, and other people's cursors. */
export const DocumentEditorView = memo(function DocumentEditorView({ editor, numbering, opening, changes, readOnly }: DocumentEditorViewProps) {
  const { t } = useTranslation();
  const labels = useStructureLabelsOfLanguage();
  const badgeTexts = useBadgeTextsOfLanguage();
  const initialValue = useMemo(() => editor.children, [editor]);
  const onChange = useCallback(() => {
    numbering.update(editor.children as TopLevelBlock[], editor.operations);
    // The caret went where the page is still being drawn (undo, a command): draw it all with this change.
    if (!opening.isComplete && selectionReachesWaitingArticle(editor, numbering, opening)) opening.complete();
    if (editor.operations.some((operation) => operation.type !== 'set_selection')) changes.emit(editor.operations);
  }, [editor, numbering, opening, changes]);
  useOpeningRender(editor, opening);
  // The walk through every node that slate-yjs skipped as it connected (useDocumentEditor), once
  // the page is idle: after slate-react listens to changes (its effect runs before this one), so
  // that whatever it repairs is drawn.
  useEffect(() => {
    const normalising = requestIdleCallback(() => Editor.normalize(editor, { force: true }), { timeout: 2000 });
    return () => cancelIdleCallback(normalising);
  }, [editor]);
  const suggesting = useContext(SuggestingModeContext);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (suggesting && !readOnly && matchesShortcut(event, suggestingShortcut)) {
        event.preventDefault();
        suggesting.toggle();
        return;
      }
      const edge = documentEdgeOf(event);
      if (edge) {
        event.preventDefault();
        drawEveryArticleNow(editor);
        selectDocumentEdge(editor, edge, event.shiftKey);
        return;
      }
      // The browser moves the caret through what is drawn: all of it, before it moves far.
      if (movesFar(event)) drawEveryArticleNow(editor);
      handleShortcut(editor, event, readOnly);
    },
    [editor, readOnly, suggesting],
  );
  const decorate = usePhraseDecorate(editor);

  return (
    <NumberingContext.Provider value={numbering}>
      <OpeningRenderContext.Provider value={opening}>
        <StructureLabelsContext.Provider value={labels}>
          <BadgeTextsContext.Provider value={badgeTexts}>
            <Slate editor={editor} initialValue={initialValue} onChange={onChange}>
              {!readOnly && <Toolbar />}
              {!readOnly && <SelectionComment />}
              <RemoteCursors awareness={editor.awareness}>
                <Editable
                  ref={hideContentEditableFromReact}
                  className="document-body"
                  data-testid="document-body"
                  renderElement={ElementView}
                  renderLeaf={LeafView}
                  renderChunk={renderChunk}
                  decorate={decorate}
                  readOnly={readOnly}
                  onKeyDown={onKeyDown}
                  spellCheck={false}
                  aria-label={t('editor.label')}
                />
              </RemoteCursors>
            </Slate>
          </BadgeTextsContext.Provider>
        </StructureLabelsContext.Provider>
      </OpeningRenderContext.Provider>
    </NumberingContext.Provider>
  );
});
