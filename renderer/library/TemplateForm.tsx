import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalCitation } from '#shared/templates/schema';
import { formatCitation } from '#shared/templates/search';
import { topicName } from '#shared/templates/topicNames';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { useLanguage } from '../i18n/i18n';
import { parseLabourCodeArticles, parseTopics, uniqueCitations, type DraftFields } from './templateDraft';

export interface TemplateFormProps {
  heading: string;
  initial: DraftFields;
  submitLabel: string;
  /** Topics to suggest while typing (those of the library and of one's templates). */
  knownTopics: readonly string[];
  /** Saves; a rejection is shown under the form, which stays open. */
  onSubmit: (fields: DraftFields) => Promise<void>;
  onCancel: () => void;
  /** What the form says or asks besides the common fields: where the text comes from. */
  children?: ReactNode;
}

/**
 * The fields of a user template that people set by hand: its title in both languages, its topics
 * and its legal basis. The template schema wants at least one of each, so the form asks for them
 * here rather than letting the server refuse.
 */
export function TemplateForm({ heading, initial, submitLabel, knownTopics, onSubmit, onCancel, children }: TemplateFormProps) {
  const { t } = useTranslation();
  const [titleVi, setTitleVi] = useState(initial.title.vi);
  const [titleEn, setTitleEn] = useState(initial.title.en);
  const [topics, setTopics] = useState<string[]>([...initial.topics]);
  const [topicText, setTopicText] = useState('');
  const [citations, setCitations] = useState<LegalCitation[]>([...initial.legalBasis]);
  const [articleText, setArticleText] = useState('');
  // The problems show from the first attempt to save on, and follow what is typed from then.
  const [hasTried, setTried] = useState(false);
  const [error, setError] = useAttemptError({ titleVi, titleEn, topics, topicText, citations, articleText });
  const [isBusy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  // The form opens on a click in the panel: take the keyboard there, and show it if scrolled away.
  useEffect(() => firstField.current?.focus(), []);

  const typedTopics = parseTopics(topicText);
  const typedArticles = parseLabourCodeArticles(articleText);
  const allTopics = [...new Set([...topics, ...typedTopics.topics])];
  const allCitations = uniqueCitations([...citations, ...typedArticles.citations]);
  const found: string[] = [];
  if (titleVi.trim() === '' || titleEn.trim() === '') found.push(t('library.form.titleRequired'));
  if (typedTopics.invalid.length > 0) found.push(t('library.form.topicInvalid', { topics: typedTopics.invalid.join(', ') }));
  else if (allTopics.length === 0) found.push(t('library.form.topicRequired'));
  if (typedArticles.invalid.length > 0) found.push(t('library.form.articleInvalid', { articles: typedArticles.invalid.join(', ') }));
  else if (allCitations.length === 0) found.push(t('library.form.legalBasisRequired'));
  const problems = hasTried ? found : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (found.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ title: { vi: titleVi, en: titleEn }, topics: allTopics, legalBasis: allCitations });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="template-form stacked-form" aria-label={heading} aria-busy={isBusy} onSubmit={(event) => void submit(event)}>
      <h3>{heading}</h3>
      {children}
      <label>
        {t('library.form.titleVi')}
        <input ref={firstField} value={titleVi} onChange={(event) => setTitleVi(event.target.value)} />
      </label>
      <label>
        {t('library.form.titleEn')}
        <input value={titleEn} onChange={(event) => setTitleEn(event.target.value)} />
      </label>
      <TopicsFieldset
        topics={topics}
        onRemove={(topic) => setTopics(topics.filter((other) => other !== topic))}
        text={topicText}
        onText={setTopicText}
        knownTopics={knownTopics}
      />
      <LegalBasisFieldset
        citations={citations}
        onRemove={(citation) => setCitations(citations.filter((other) => other !== citation))}
        text={articleText}
        onText={setArticleText}
      />
      {problems.length > 0 && (
        <ul className="form-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <ErrorNotice error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? t('library.form.saving') : submitLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={isBusy}>
          {t('library.form.cancel')}
        </button>
      </div>
    </form>
  );
}

interface ListFieldProps<T> {
  onRemove: (item: T) => void;
  /** What is typed to add more (parsed when the form is sent). */
  text: string;
  onText: (text: string) => void;
}

/** The template's topics as removable chips, and a field for more (suggesting known topics). */
function TopicsFieldset({
  topics,
  onRemove,
  text,
  onText,
  knownTopics,
}: ListFieldProps<string> & { topics: readonly string[]; knownTopics: readonly string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const listId = useId();
  return (
    <fieldset>
      <legend>{t('library.form.topics')}</legend>
      <ul className="chip-list">
        {topics.map((topic) => (
          <li key={topic}>
            {topicName(topic, language)}
            <button type="button" aria-label={t('library.form.removeTopic', { topic: topicName(topic, language) })} onClick={() => onRemove(topic)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('library.form.addTopics')}
        <input list={listId} value={text} onChange={(event) => onText(event.target.value)} placeholder={t('library.form.addTopicsPlaceholder')} />
      </label>
      <datalist id={listId}>
        {knownTopics.map((topic) => (
          <option key={topic} value={topicName(topic, language)} />
        ))}
      </datalist>
    </fieldset>
  );
}

/** The template's citations as removable chips, and a field for Labour Code article numbers. */
function LegalBasisFieldset({ citations, onRemove, text, onText }: ListFieldProps<LegalCitation> & { citations: readonly LegalCitation[] }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('library.form.legalBasis')}</legend>
      {citations.length === 0 && <p className="hint">{t('library.form.legalBasisHint')}</p>}
      <ul className="chip-list">
        {citations.map((citation) => (
          <li key={formatCitation(citation)}>
            {formatCitation(citation)}
            <button type="button" aria-label={t('library.form.removeCitation', { citation: formatCitation(citation) })} onClick={() => onRemove(citation)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('library.form.addArticles')}
        <input inputMode="numeric" value={text} onChange={(event) => onText(event.target.value)} placeholder={t('library.form.addArticlesPlaceholder')} />
      </label>
    </fieldset>
  );
}
