import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentArticle } from '#shared/api/documentArticles';
import type { Owner, Submission } from '#shared/dialogue/model';
import { canTake } from '#shared/dialogue/steps';
import { formatIsoDate, vietnamDate } from '#shared/format/vietnamTime';
import { routeHash } from '../app/hashRoute';
import type { LinkableDocument } from './articleChoices';
import type { DialogueActions } from './dialogueActions';
import { OwnerFields } from './OwnerFields';

/** One submission: its words and who raised it, its topic and article, and what can be done with it now. */
export function SubmissionItem({
  submission,
  actions,
  documents,
  articles,
  want,
  selected,
  onSelect,
}: {
  submission: Submission;
  actions: DialogueActions;
  documents: LinkableDocument[];
  articles: ReadonlyMap<string, DocumentArticle[]>;
  want: (documentId: string) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { t } = useTranslation();
  const { client, view, run } = actions;
  const dialogueId = view.dialogue.id;
  const ref = { dialogueId, submissionId: submission.id };
  const [topic, setTopic] = useState(submission.topic ?? '');
  const [linkDocument, setLinkDocument] = useState(submission.article?.documentId ?? documents[0]?.id ?? '');
  const [linkClause, setLinkClause] = useState(submission.article?.clauseId ?? '');
  const [answer, setAnswer] = useState('');
  const [owner, setOwner] = useState<Owner>({ kind: 'person', name: '' });
  const [due, setDue] = useState('');
  const canAct = view.role !== 'reader';
  // What the dialogue's state allows (shared/dialogue/steps.ts): direct answers only in the meeting, written ones after it.
  const { state } = view.dialogue;
  const inMeeting = canTake('answer_directly', state);
  const followUp = canTake('written_answers', state);
  const sorting = canTake('sort_submissions', state);
  const today = vietnamDate(Date.now());

  useEffect(() => {
    if (submission.article) want(submission.article.documentId);
    if (linkDocument) want(linkDocument);
  }, [submission.article, linkDocument, want]);

  const linked = submission.article;
  const linkedArticle = linked ? articles.get(linked.documentId)?.find((article) => article.clauseId === linked.clauseId) : undefined;
  const linkedDocument = linked ? documents.find((document) => document.id === linked.documentId) : undefined;
  const choices = articles.get(linkDocument) ?? [];

  const saveTopic = (event: FormEvent) => {
    event.preventDefault();
    void run(() => client.call('submissions/tag', { ...ref, topic: topic.trim() === '' ? null : topic.trim() }));
  };
  const saveArticle = (event: FormEvent) => {
    event.preventDefault();
    if (linkDocument && linkClause) void run(() => client.call('submissions/tag', { ...ref, article: { documentId: linkDocument, clauseId: linkClause } }));
  };
  const answerDirectly = (event: FormEvent) => {
    event.preventDefault();
    void run(() => client.call('submissions/answerDirectly', { ...ref, text: answer }));
  };
  const assign = (event: FormEvent) => {
    event.preventDefault();
    void run(() => client.call('submissions/assignWritten', { ...ref, owner, due }));
  };
  const answerInWriting = (event: FormEvent) => {
    event.preventDefault();
    void run(() => client.call('submissions/answerInWriting', { ...ref, text: answer }));
  };
  const propose = () => {
    if (!linked || !window.confirm(t('dialogue.submissions.proposeConfirm'))) return;
    void run(() => client.call('submissions/propose', { ...ref, documentId: linked.documentId }));
  };

  return (
    <li className={`submission status-${submission.status}`} data-testid="submission">
      <div className="submission-head">
        {canAct && submission.status !== 'merged' && (
          <label className="select">
            <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} aria-label={t('dialogue.submissions.select')} />
          </label>
        )}
        <strong>{t('dialogue.submissions.number', { number: submission.number })}</strong>{' '}
        <span className="hint">
          {submission.submitterName ?? t('dialogue.submissions.anonymous')}
          {submission.unit ? `, ${submission.unit}` : ''} · {t(`dialogue.submissions.source.${submission.source}`)}
          {submission.count > 1 ? ` · ${t('dialogue.submissions.askedBy', { count: submission.count })}` : ''}
        </span>{' '}
        <span className={`submission-status status-${submission.status}`}>{t(`dialogue.submissions.status.${submission.status}`)}</span>
        {submission.topic && <span className="topic-tag">{submission.topic}</span>}
      </div>
      <p className="submission-text">{submission.text}</p>
      {submission.mergedWordings.length > 0 && (
        <div className="merged-wordings">
          <span className="hint">{t('dialogue.submissions.mergedWordings')}</span>
          <ul>
            {submission.mergedWordings.map((wording) => (
              <li key={wording.id}>
                {t('dialogue.submissions.number', { number: wording.number })}: {wording.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {linked && (
        <p className="hint">
          {linkedArticle && linkedDocument
            ? t('dialogue.submissions.linkedTo', {
                article: t('dialogue.submissions.articleLabel', { number: linkedArticle.number, title: linkedArticle.title }),
                document: linkedDocument.title,
              })
            : t('dialogue.submissions.linkedElsewhere')}
        </p>
      )}
      {submission.answer !== null && (
        <p className="submission-answer" data-testid="submission-answer">
          {t('dialogue.submissions.answered', { date: submission.answeredOn ? formatIsoDate(submission.answeredOn) : '', answer: submission.answer })}
        </p>
      )}
      {submission.status === 'written' && submission.owner && submission.due && (
        <p className={submission.due < today ? 'problem' : 'hint'}>
          {t('dialogue.submissions.assigned', { owner: submission.owner.name, due: formatIsoDate(submission.due) })}
          {submission.due < today ? ` (${t('dialogue.submissions.overdue')})` : ''}
        </p>
      )}
      {submission.proposal && (
        <p role="status" data-testid="proposal-result">
          {submission.proposal.keptAsDraft ? t('dialogue.submissions.keptAsDraft') : t('dialogue.submissions.proposed')}{' '}
          <a href={routeHash({ page: 'document', documentId: submission.proposal.documentId })}>{t('dialogue.submissions.openDocument')}</a>
        </p>
      )}
      {canAct && submission.status !== 'merged' && (
        <details className="submission-actions">
          <summary>{t('dialogue.submissions.answer')}</summary>
          {sorting && (
            <form className="row" onSubmit={saveTopic}>
              <input
                aria-label={t('dialogue.submissions.topic')}
                placeholder={t('dialogue.submissions.topic')}
                value={topic}
                onChange={(event) => setTopic(event.target.value)}
              />
              <button type="submit">{t('dialogue.submissions.setTopic')}</button>
            </form>
          )}
          {sorting && documents.length > 0 && (
            <form className="row" onSubmit={saveArticle}>
              <select aria-label={t('dialogue.submissions.chooseDocument')} value={linkDocument} onChange={(event) => setLinkDocument(event.target.value)}>
                {documents.map((document) => (
                  <option key={document.id} value={document.id}>
                    {document.title}
                  </option>
                ))}
              </select>
              <select aria-label={t('dialogue.submissions.chooseArticle')} value={linkClause} onChange={(event) => setLinkClause(event.target.value)}>
                <option value="">—</option>
                {choices.map((article) => (
                  <option key={article.clauseId} value={article.clauseId}>
                    {t('dialogue.submissions.articleLabel', { number: article.number, title: article.title })}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={!linkClause}>
                {t('dialogue.submissions.linkArticle')}
              </button>
            </form>
          )}
          {view.role === 'worker_side' && linked && !submission.proposal && (
            <button type="button" onClick={propose}>
              {t('dialogue.submissions.propose')}
            </button>
          )}
          {followUp && submission.status === 'open' && (
            <>
              {inMeeting && (
                <form className="answer-form" onSubmit={answerDirectly}>
                  <textarea
                    aria-label={t('dialogue.submissions.answerText')}
                    placeholder={t('dialogue.submissions.answerText')}
                    value={answer}
                    onChange={(event) => setAnswer(event.target.value)}
                    rows={3}
                  />
                  <button type="submit" disabled={answer.trim() === ''}>
                    {t('dialogue.submissions.answerDirect')}
                  </button>
                </form>
              )}
              <form className="row" onSubmit={assign}>
                <OwnerFields owner={owner} onChange={setOwner} label={t('dialogue.submissions.owner')} />
                <label>
                  {t('dialogue.submissions.due')} <input type="date" value={due} onChange={(event) => setDue(event.target.value)} required />
                </label>
                <button type="submit">{t('dialogue.submissions.assign')}</button>
              </form>
            </>
          )}
          {followUp && submission.status === 'written' && (
            <form className="answer-form" onSubmit={answerInWriting}>
              <textarea
                aria-label={t('dialogue.submissions.answerText')}
                placeholder={t('dialogue.submissions.answerText')}
                value={answer}
                onChange={(event) => setAnswer(event.target.value)}
                rows={3}
              />
              <button type="submit" disabled={answer.trim() === ''}>
                {t('dialogue.submissions.answerWritten')}
              </button>
            </form>
          )}
        </details>
      )}
    </li>
  );
}
