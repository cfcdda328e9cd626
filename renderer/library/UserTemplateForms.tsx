import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { UserTemplate } from '#shared/api/templates';
import type { DocumentKind } from '#shared/documents/kinds';
import type { ArticleElement } from '#shared/document/nodes';
import type { ArticleTemplate } from '#shared/templates/schema';
import { readableValue, variableLabel } from '#shared/templates/variableValues';
import { InterfaceError } from '../components/errorText';
import type { DocumentEditor } from '../editor/customTypes';
import type { DocumentVariables } from '../variables/documentVariables';
import { articleTitleText, draftFromArticle, draftFromEdit, type DescribeVariable, type DraftFields } from './templateDraft';
import { TemplateForm } from './TemplateForm';
import { findArticle, type SelectedArticle } from './useSelectedArticle';

/** A chip in a title reads as its value in the document (titles hold no placeholders). */
function variableDescriber(variables: DocumentVariables): DescribeVariable {
  return (variableId) => {
    const definition = variables.lookup(variableId);
    const value = variables.values.get(variableId) ?? definition?.default;
    return value !== undefined ? readableValue(definition, value, variables.language) : `‹${variableLabel(definition, variables.language)}›`;
  };
}

/** The article's text now (it may have changed since the form opened), refused if it has none. */
function currentArticle(editor: DocumentEditor, clauseId: string, message: string): ArticleElement {
  const article = findArticle(editor, clauseId);
  if (!article) throw new InterfaceError(message);
  return article;
}

/** Says where a template's text comes from, and that both languages get the same text for now. */
function TextSourceNote({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <div className="text-source-note">
      <p>{t('library.save.fromArticle', { title: title || t('outline.untitled') })}</p>
      <p className="hint">{t('library.save.bothLanguages')}</p>
      <p className="hint">{t('library.save.flattened')}</p>
    </div>
  );
}

export interface SaveArticleFormProps {
  client: ApiClient;
  editor: DocumentEditor;
  variables: DocumentVariables;
  kind: DocumentKind;
  /** The article under the cursor when the form was opened. */
  clauseId: string;
  /** The template an article came from: the built-in library's or one of the side's. */
  findSource: (templateId: string) => ArticleTemplate | undefined;
  knownTopics: readonly string[];
  onSaved: (saved: UserTemplate) => void;
  onCancel: () => void;
}

/**
 * "Save the selected article as a template": the article's text becomes the body, the document's
 * kind its kind; topics and legal basis come from the template the article came from, if any.
 */
export function SaveArticleForm({ client, editor, variables, kind, clauseId, findSource, knownTopics, onSaved, onCancel }: SaveArticleFormProps) {
  const { t } = useTranslation();
  const [initial] = useState<DraftFields & { articleTitle: string }>(() => {
    const article = findArticle(editor, clauseId);
    const title = article ? articleTitleText(article, variableDescriber(variables)) : '';
    const source = article?.templateId ? findSource(article.templateId) : undefined;
    return { articleTitle: title, title: { vi: title, en: title }, topics: source?.topics ?? [], legalBasis: source?.legalBasis ?? [] };
  });
  const save = async (fields: DraftFields) => {
    const article = currentArticle(editor, clauseId, t('library.save.articleGone'));
    const template = draftFromArticle(article, kind, fields);
    if (template.body.length === 0) throw new InterfaceError(t('library.save.emptyArticle'));
    onSaved(await client.call('templates/save', { template }));
  };
  return (
    <TemplateForm
      heading={t('library.save.heading')}
      initial={initial}
      submitLabel={t('library.save.submit')}
      knownTopics={knownTopics}
      onSubmit={save}
      onCancel={onCancel}
    >
      <TextSourceNote title={initial.articleTitle} />
    </TemplateForm>
  );
}

export interface EditTemplateFormProps {
  client: ApiClient;
  editor: DocumentEditor;
  variables: DocumentVariables;
  template: UserTemplate;
  selected: SelectedArticle | null;
  knownTopics: readonly string[];
  onSaved: (saved: UserTemplate) => void;
  onCancel: () => void;
}

/** Edits a template's title, topics and legal basis; optionally replaces its text with the selected article's. */
export function EditTemplateForm({ client, editor, variables, template, selected, knownTopics, onSaved, onCancel }: EditTemplateFormProps) {
  const { t } = useTranslation();
  const [isReplacing, setReplacing] = useState(false);
  const selectedArticle = selected ? findArticle(editor, selected.clauseId) : null;
  const selectedTitle = selectedArticle ? articleTitleText(selectedArticle, variableDescriber(variables)) : '';
  const update = async (fields: DraftFields) => {
    let replacement: ArticleElement | null = null;
    if (isReplacing) {
      if (!selected) throw new InterfaceError(t('library.edit.noArticle'));
      replacement = currentArticle(editor, selected.clauseId, t('library.save.articleGone'));
    }
    const draft = draftFromEdit(template.template, fields, replacement);
    if (draft.body.length === 0) throw new InterfaceError(t('library.save.emptyArticle'));
    onSaved(await client.call('templates/update', { id: template.id, template: draft }));
  };
  return (
    <TemplateForm
      heading={t('library.edit.heading')}
      initial={template.template}
      submitLabel={t('library.edit.submit')}
      knownTopics={knownTopics}
      onSubmit={update}
      onCancel={onCancel}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isReplacing && selected !== null}
          disabled={selected === null}
          onChange={(event) => setReplacing(event.target.checked)}
        />
        {selected ? t('library.edit.replaceText', { title: selectedTitle || t('outline.untitled') }) : t('library.edit.noArticle')}
      </label>
      {isReplacing && selected && (
        <>
          <p className="hint">{t('library.save.bothLanguages')}</p>
          <p className="hint">{t('library.save.flattened')}</p>
        </>
      )}
    </TemplateForm>
  );
}
