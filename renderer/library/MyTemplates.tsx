import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DocumentKind } from '#shared/documents/kinds';
import { findTemplate, templateLibrary } from '#shared/templates/library';
import type { ArticleTemplate } from '#shared/templates/schema';
import { ErrorNotice } from '../components/ErrorNotice';
import type { DocumentEditor } from '../editor/customTypes';
import { useLanguage } from '../i18n/i18n';
import type { DocumentVariables } from '../variables/documentVariables';
import { downloadPack } from './packDownload';
import { PackImport } from './PackImport';
import { TemplateBrowser } from './TemplateBrowser';
import { UserTemplateActions } from './UserTemplateActions';
import { SaveArticleForm } from './UserTemplateForms';
import type { SelectedArticle } from './useSelectedArticle';
import { useUserTemplates } from './useUserTemplates';

type Mode = { kind: 'browse' } | { kind: 'save'; clauseId: string };

// On first use, not when the page loads: parsing the template library takes tens of milliseconds.
const builtInTopics = (): string[] => [...new Set(templateLibrary().templates.flatMap((template) => template.topics))];

export interface MyTemplatesProps {
  client: ApiClient;
  editor: DocumentEditor;
  kind: DocumentKind;
  variables: DocumentVariables;
  selected: SelectedArticle | null;
}

/**
 * The side's own templates inside the library: the same search, preview and insert as the
 * built-in library, plus saving the selected article as a template, editing, deleting, and
 * carrying them to another installation as a template pack.
 */
export function MyTemplates({ client, editor, kind, variables, selected }: MyTemplatesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { templates: saved, error: listError, reload } = useUserTemplates(client);
  const [mode, setMode] = useState<Mode>({ kind: 'browse' });
  const [notice, setNotice] = useState<string | null>(null);
  const [exportState, setExportState] = useState<{ isBusy: boolean; error: unknown; fileName: string | null }>({ isBusy: false, error: null, fileName: null });

  const forKind = useMemo(() => (saved ?? []).filter((entry) => entry.template.kinds.includes(kind)).map((entry) => entry.template), [saved, kind]);
  const otherKinds = (saved?.length ?? 0) - forKind.length;
  const knownTopics = useMemo(() => [...new Set([...builtInTopics(), ...(saved ?? []).flatMap((entry) => entry.template.topics)])].sort(), [saved]);
  const findSource = useCallback(
    (templateId: string): ArticleTemplate | undefined => findTemplate(templateId) ?? saved?.find((entry) => entry.id === templateId)?.template,
    [saved],
  );
  const savedById = useMemo(() => new Map((saved ?? []).map((entry) => [entry.id, entry])), [saved]);

  const done = (message: string) => {
    setMode({ kind: 'browse' });
    setNotice(message);
    void reload();
  };
  const exportPack = async () => {
    setExportState({ isBusy: true, error: null, fileName: null });
    try {
      const fileName = downloadPack(await client.call('templates/exportPack', {}));
      setExportState({ isBusy: false, error: null, fileName });
    } catch (error) {
      setExportState({ isBusy: false, error, fileName: null });
    }
  };

  return (
    <div className="my-templates">
      <div className="row">
        <button type="button" disabled={!selected || mode.kind !== 'browse'} onClick={() => selected && setMode({ kind: 'save', clauseId: selected.clauseId })}>
          {t('library.save.open')}
        </button>
        <button type="button" disabled={exportState.isBusy || (saved?.length ?? 0) === 0} aria-busy={exportState.isBusy} onClick={() => void exportPack()}>
          {exportState.isBusy ? t('library.pack.exporting') : t('library.pack.export')}
        </button>
      </div>
      {!selected && mode.kind === 'browse' && <p className="hint">{t('library.save.placeCursor')}</p>}
      {exportState.fileName && (
        <p className="hint" role="status">
          {t('library.pack.exported', { file: exportState.fileName, count: saved?.length ?? 0 })}
        </p>
      )}
      <ErrorNotice error={exportState.error} />
      <PackImport client={client} onImported={() => void reload()} />
      {mode.kind === 'save' && (
        <SaveArticleForm
          client={client}
          editor={editor}
          variables={variables}
          kind={kind}
          clauseId={mode.clauseId}
          findSource={findSource}
          knownTopics={knownTopics}
          onSaved={(template) => done(t('library.save.saved', { title: template.template.title[language] }))}
          onCancel={() => setMode({ kind: 'browse' })}
        />
      )}
      {notice && (
        <p className="notice-inline" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={listError} />
      {saved === null ? (
        !listError && <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          {otherKinds > 0 && <p className="hint">{t('library.mine.otherKinds', { count: otherKinds })}</p>}
          <TemplateBrowser
            templates={forKind}
            editor={editor}
            variables={variables}
            readOnly={false}
            selectedTemplateId={selected?.templateId}
            emptyMessage={t('library.mine.empty')}
            actions={(template) => {
              const entry = savedById.get(template.id);
              return entry ? (
                <UserTemplateActions
                  key={entry.id}
                  client={client}
                  template={entry}
                  editor={editor}
                  variables={variables}
                  selected={selected}
                  knownTopics={knownTopics}
                  onChanged={done}
                />
              ) : null;
            }}
          />
        </>
      )}
    </div>
  );
}
