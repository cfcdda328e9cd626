import { memo, useCallback, useContext, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Editable, Slate, type RenderChunkProps } from 'slate-react';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { ChangeSignal } from './changeSignal';
import type { DocumentEditor } from './customTypes';
import { ElementView } from './ElementView';
import { LeafView } from './LeafView';
import { NumberingContext, type NumberingStore } from './numberingStore';
import { usePhraseDecorate } from './phraseComments';
import { hideContentEditableFromReact } from './reactSelectionWorkaround';
import { RemoteCursors } from './RemoteCursors';
import { SelectionComment } from './SelectionComment';
import { handleShortcut, matchesShortcut, suggestingShortcut } from './shortcuts';
import { SuggestingModeContext } from './suggestingMode';
import { StructureLabelsContext, useStructureLabelsOfLanguage } from './structureLabels';
import { Toolbar } from './Toolbar';
import { BadgeTextsContext, useBadgeTextsOfLanguage } from '../negotiation/ArticleBadge';

export interface DocumentEditorViewProps {
  editor: DocumentEditor;
  numbering: NumberingStore;
  changes: ChangeSignal;
  readOnly: boolean;
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
export const DocumentEditorView = memo(function DocumentEditorView({ editor, numbering, changes, readOnly }: DocumentEditorViewProps) {
  const { t } = useTranslation();
  const labels = useStructureLabelsOfLanguage();
  const badgeTexts = useBadgeTextsOfLanguage();
  const initialValue = useMemo(() => editor.children, [editor]);
  const onChange = useCallback(() => {
    numbering.update(editor.children as TopLevelBlock[], editor.operations);
    if (editor.operations.some((operation) => operation.type !== 'set_selection')) changes.emit(editor.operations);
  }, [editor, numbering, changes]);
  const suggesting = useContext(SuggestingModeContext);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (suggesting && !readOnly && matchesShortcut(event, suggestingShortcut)) {
        event.preventDefault();
        suggesting.toggle();
        return;
      }
      handleShortcut(editor, event, readOnly);
    },
    [editor, readOnly, suggesting],
  );
  const decorate = usePhraseDecorate(editor);

  return (
    <NumberingContext.Provider value={numbering}>
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
    </NumberingContext.Provider>
  );
});
