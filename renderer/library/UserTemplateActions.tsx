import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { UserTemplate } from '#shared/api/templates';
import { ErrorNotice } from '../components/ErrorNotice';
import type { DocumentEditor } from '../editor/customTypes';
import { useLanguage } from '../i18n/i18n';
import type { DocumentVariables } from '../variables/documentVariables';
import { EditTemplateForm } from './UserTemplateForms';
import type { SelectedArticle } from './useSelectedArticle';

export interface UserTemplateActionsProps {
  client: ApiClient;
  template: UserTemplate;
  editor: DocumentEditor;
  variables: DocumentVariables;
  selected: SelectedArticle | null;
  knownTopics: readonly string[];
  /** After an edit or a deletion: what to tell the person; the list is then read again. */
  onChanged: (message: string) => void;
}

/**
 * Edit and delete for one of the side's templates, under its preview (the form opens where the
 * button was). Whether it may be changed is the server's decision (the side that owns it, or the
 * host): a refusal is shown as the server gives it.
 */
export function UserTemplateActions({ client, template, editor, variables, selected, knownTopics, onChanged }: UserTemplateActionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<'idle' | 'editing' | 'confirming'>('idle');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const deleted = await client.call('templates/delete', { id: template.id });
      onChanged(t('library.delete.deleted', { title: deleted.template.title[language] }));
    } catch (caught) {
      setError(caught);
      setMode('idle');
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'editing') {
    return (
      <EditTemplateForm
        client={client}
        editor={editor}
        variables={variables}
        template={template}
        selected={selected}
        knownTopics={knownTopics}
        onSaved={(saved) => {
          setMode('idle');
          onChanged(t('library.edit.saved', { title: saved.template.title[language], version: saved.template.version }));
        }}
        onCancel={() => setMode('idle')}
      />
    );
  }
  return (
    <div className="user-template-actions">
      {mode === 'confirming' ? (
        <div className="confirm" role="alertdialog" aria-label={t('library.delete.confirmLabel')}>
          <p>{t('library.delete.confirm', { title: template.template.title[language] })}</p>
          <div className="row">
            <button type="button" className="danger" disabled={isBusy} onClick={() => void remove()}>
              {isBusy ? t('library.delete.deleting') : t('library.delete.yes')}
            </button>
            <button type="button" disabled={isBusy} onClick={() => setMode('idle')}>
              {t('library.form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="button" onClick={() => setMode('editing')}>
            {t('library.edit.open')}
          </button>
          <button type="button" className="danger-outline" onClick={() => setMode('confirming')}>
            {t('library.delete.open')}
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
