import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import { templateOwnerSides } from '#shared/api/templates';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Side } from '#shared/sides';
import { templatesForKind } from '#shared/templates/library';
import type { DocumentEditor } from '../editor/customTypes';
import type { DocumentVariables } from '../variables/documentVariables';
import { MyTemplates } from './MyTemplates';
import { TemplateBrowser } from './TemplateBrowser';
import { useSelectedArticle } from './useSelectedArticle';

const sources = ['builtIn', 'mine'] as const;
type Source = (typeof sources)[number];

/** Whether a side keeps templates of its own: the bargaining sides do, reviewers do not. */
function keepsTemplates(side: Side): boolean {
  return templateOwnerSides.some((owner) => owner === side);
}

export interface LibraryPanelProps {
  editor: DocumentEditor;
  kind: DocumentKind;
  variables: DocumentVariables;
  readOnly: boolean;
  side: Side;
  client: ApiClient;
}

/**
 * The clause library inside the editor: the built-in library and, for the employer and the union,
 * a switch to their side's own templates. Reviewers see the built-in library only.
 */
export function LibraryPanel({ editor, kind, variables, readOnly, side, client }: LibraryPanelProps) {
  const { t } = useTranslation();
  const builtIn = useMemo(() => templatesForKind(kind), [kind]);
  const [source, setSource] = useState<Source>('builtIn');
  const selected = useSelectedArticle(editor);
  const hasOwnTemplates = keepsTemplates(side) && !readOnly;

  return (
    <div className="library-panel">
      {hasOwnTemplates && (
        <div className="source-switch" role="group" aria-label={t('library.source.label')}>
          {sources.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={source === value}
              className={source === value ? 'active' : undefined}
              onClick={() => setSource(value)}
            >
              {t(`library.source.${value}`)}
            </button>
          ))}
        </div>
      )}
      {hasOwnTemplates && source === 'mine' ? (
        <MyTemplates client={client} editor={editor} kind={kind} variables={variables} selected={selected} />
      ) : (
        <TemplateBrowser
          templates={builtIn}
          editor={editor}
          variables={variables}
          readOnly={readOnly}
          selectedTemplateId={selected?.templateId}
          emptyMessage={t('library.noResults')}
        />
      )}
    </div>
  );
}
