import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleTemplate } from '#shared/templates/schema';
import { createTemplateIndex, formatCitation } from '#shared/templates/search';
import { topicName } from '#shared/templates/topicNames';
import type { DocumentEditor } from '../editor/customTypes';
import { useLanguage } from '../i18n/i18n';
import type { DocumentVariables } from '../variables/documentVariables';
import { insertTemplate, swapWording } from './libraryCommands';
import { TemplatePreview } from './TemplatePreview';

const maxResults = 60;

/** One search result; rows whose template and selection did not change skip rendering. */
const ResultRow = memo(function ResultRow({
  template,
  isChosen,
  language,
  onChoose,
}: {
  template: ArticleTemplate;
  isChosen: boolean;
  language: 'vi' | 'en';
  onChoose: (id: string) => void;
}) {
  return (
    <li className={isChosen ? 'chosen' : undefined}>
      <button type="button" aria-pressed={isChosen} onClick={() => onChoose(template.id)}>
        <strong>{template.title[language]}</strong>
        <span className="citations">{template.legalBasis.map(formatCitation).join('; ')}</span>
      </button>
    </li>
  );
});

export interface TemplateBrowserProps {
  templates: readonly ArticleTemplate[];
  editor: DocumentEditor;
  variables: DocumentVariables;
  readOnly: boolean;
  /** The template the article under the cursor came from: its wording can be swapped. */
  selectedTemplateId: string | undefined;
  /** What to say when there are no templates at all (not: none match the search). */
  emptyMessage: string;
  /** More actions on the chosen template (edit, delete for one's own templates). */
  actions?: (template: ArticleTemplate) => ReactNode;
}

/**
 * Search without diacritics ("tang ca" finds "tăng ca"), filter by topic or by Labour Code
 * article, preview with the document's values, insert at the cursor, or swap the selected
 * article's text for another wording. The same for the built-in library and a side's templates.
 */
export function TemplateBrowser({ templates, editor, variables, readOnly, selectedTemplateId, emptyMessage, actions }: TemplateBrowserProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const index = useMemo(() => createTemplateIndex(templates), [templates]);
  const topics = useMemo(
    () =>
      [...new Set(templates.flatMap((template) => template.topics))]
        .map((topic) => ({ topic, name: topicName(topic, language) }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [templates, language],
  );
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [article, setArticle] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [wording, setWording] = useState<string | undefined>(undefined);
  // The search takes about a millisecond and unchanged result rows skip rendering: the results
  // follow each keystroke in the same render.
  const results = useMemo(
    () => index.search({ text, topic: topic || undefined, article: article ? Number(article) : undefined }),
    [index, text, topic, article],
  );
  const choose = useCallback((id: string) => {
    setChosenId(id);
    setWording(undefined);
  }, []);
  // By id: after an edit the list holds a new object for the same template.
  const chosen = templates.find((template) => template.id === chosenId) ?? null;

  if (templates.length === 0) return <p className="empty-state">{emptyMessage}</p>;
  return (
    <div className="template-browser">
      <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder={t('library.search')} aria-label={t('library.search')} />
      <div className="row">
        <select value={topic} onChange={(event) => setTopic(event.target.value)} aria-label={t('library.topic')}>
          <option value="">{t('library.allTopics')}</option>
          {topics.map(({ topic: value, name }) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        <input
          className="article-filter"
          inputMode="numeric"
          value={article}
          onChange={(event) => setArticle(event.target.value.replace(/\D/g, ''))}
          placeholder={t('library.article')}
          aria-label={t('library.article')}
        />
      </div>
      <p className="hint" aria-live="polite">
        {t('library.count', { count: results.length })}
      </p>
      {results.length === 0 && <p className="empty-state">{t('library.noResults')}</p>}
      <ul className="library-results" aria-label={t('library.results')}>
        {results.slice(0, maxResults).map((template) => (
          <ResultRow key={template.id} template={template} isChosen={template.id === chosenId} language={language} onChoose={choose} />
        ))}
      </ul>
      {chosen && (
        <section className="library-preview" aria-label={t('library.preview')}>
          <h3>{chosen.title[variables.language]}</h3>
          {chosen.alternatives.length > 0 && (
            <fieldset>
              <legend>{t('library.wording')}</legend>
              <label>
                <input type="radio" name="library-wording" checked={wording === undefined} onChange={() => setWording(undefined)} />{' '}
                {t('library.standardWording')}
              </label>
              {chosen.alternatives.map((alternative) => (
                <label key={alternative.id}>
                  <input type="radio" name="library-wording" checked={wording === alternative.id} onChange={() => setWording(alternative.id)} />{' '}
                  {t(`library.level.${alternative.level}`)} — {alternative.label[language]}
                </label>
              ))}
            </fieldset>
          )}
          <TemplatePreview template={chosen} alternativeId={wording} variables={variables} />
          {!readOnly && (
            <div className="row">
              <button type="button" className="primary" onClick={() => insertTemplate(editor, chosen, wording, variables.language, variables)}>
                {t('library.insert')}
              </button>
              {selectedTemplateId === chosen.id && (
                <button type="button" onClick={() => swapWording(editor, chosen, wording, variables.language, variables)}>
                  {t('library.swap')}
                </button>
              )}
            </div>
          )}
          {actions?.(chosen)}
        </section>
      )}
    </div>
  );
}
