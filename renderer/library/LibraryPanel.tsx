import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateSelector } from 'slate-react';
import type { DocumentKind } from '#shared/documents/kinds';
import { templatesForKind } from '#shared/templates/library';
import type { ArticleTemplate } from '#shared/templates/schema';
import { createTemplateIndex, formatCitation } from '#shared/templates/search';
import type { DocumentEditor } from '../editor/customTypes';
import { selectedArticle } from '../editor/structure';
import { useLanguage } from '../i18n/i18n';
import type { DocumentVariables } from '../variables/documentVariables';
import { insertTemplate, swapWording } from './libraryCommands';
import { TemplatePreview } from './TemplatePreview';

const maxResults = 60;

/**
 * The clause library inside the editor: search without diacritics ("tang ca" finds "tăng ca"),
 * filter by topic or by Labour Code article, preview with the document's values, insert at the
 * cursor, or swap the selected article for another wording.
 */
export function LibraryPanel({ editor, kind, variables, readOnly }: { editor: DocumentEditor; kind: DocumentKind; variables: DocumentVariables; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const templates = useMemo(() => templatesForKind(kind), [kind]);
  const index = useMemo(() => createTemplateIndex(templates), [templates]);
  const topics = useMemo(() => [...new Set(templates.flatMap((template) => template.topics))].sort(), [templates]);
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [article, setArticle] = useState('');
  const [chosen, setChosen] = useState<ArticleTemplate | null>(null);
  const [wording, setWording] = useState<string | undefined>(undefined);
  const selectedTemplateId = useSlateSelector((current) => selectedArticle(current)?.[0].templateId);

  const results = index.search({ text, topic: topic || undefined, article: article ? Number(article) : undefined });

  return (
    <div className="library-panel">
      <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder={t('library.search')} aria-label={t('library.search')} />
      <div className="row">
        <select value={topic} onChange={(event) => setTopic(event.target.value)} aria-label={t('library.topic')}>
          <option value="">{t('library.allTopics')}</option>
          {topics.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <input className="article-filter" inputMode="numeric" value={article} onChange={(event) => setArticle(event.target.value.replace(/\D/g, ''))} placeholder={t('library.article')} aria-label={t('library.article')} />
      </div>
      <p className="hint" aria-live="polite">{t('library.count', { count: results.length })}</p>
      {results.length === 0 && <p className="empty-state">{t('library.noResults')}</p>}
      <ul className="library-results">
        {results.slice(0, maxResults).map((template) => (
          <li key={template.id} className={template === chosen ? 'chosen' : undefined}>
            <button type="button" onClick={() => {
              setChosen(template);
              setWording(undefined);
            }}>
              <strong>{template.title[language]}</strong>
              <span className="citations">{template.legalBasis.map(formatCitation).join('; ')}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <section className="library-preview" aria-label={t('library.preview')}>
          <h3>{chosen.title[variables.language]}</h3>
          {chosen.alternatives.length > 0 && (
            <fieldset>
              <legend>{t('library.wording')}</legend>
              <label>
                <input type="radio" checked={wording === undefined} onChange={() => setWording(undefined)} /> {t('library.standardWording')}
              </label>
              {chosen.alternatives.map((alternative) => (
                <label key={alternative.id}>
                  <input type="radio" checked={wording === alternative.id} onChange={() => setWording(alternative.id)} /> {t(`library.level.${alternative.level}`)} — {alternative.label[language]}
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
        </section>
      )}
    </div>
  );
}
