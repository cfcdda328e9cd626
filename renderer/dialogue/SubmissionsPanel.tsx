import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '#shared/api/contract';
import { submissionStatuses, type Owner, type Submission, type SubmissionStatus } from '#shared/dialogue/model';
import { formatIsoDate, vietnamDate } from '#shared/format/vietnamTime';
import { routeHash } from '../app/hashRoute';
import { ErrorNotice } from '../components/ErrorNotice';
import { useArticles, type LinkableDocument } from './articleChoices';
import { reached, type DialogueActions } from './dialogueActions';

type Page = ApiOutput<'submissions/list'>;

/** The topic filter: every topic, those without one, or one topic. */
type TopicFilter = { kind: 'all' } | { kind: 'untagged' } | { kind: 'topic'; topic: string };

const pageSize = 50;

interface SubmissionsPanelProps extends DialogueActions {
  documents: LinkableDocument[];
  selected: ReadonlySet<string>;
  onSelect: (submission: Submission, selected: boolean) => void;
  /** Forgets the selection (the submissions merged are gone from the list). */
  onClearSelection: () => void;
  /** Bumped by the page after each action, to read the list again. */
  revision: number;
}

/** Who owes an answer or a commitment (`label` says which): a person, or a department at province scale. */
export function OwnerFields({ owner, onChange, label }: { owner: Owner; onChange: (owner: Owner) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <select aria-label={label} value={owner.kind} onChange={(event) => onChange({ ...owner, kind: event.target.value as Owner['kind'] })}>
        <option value="person">{t('dialogue.submissions.ownerKind.person')}</option>
        <option value="department">{t('dialogue.submissions.ownerKind.department')}</option>
      </select>
      <input aria-label={label} placeholder={label} value={owner.name} onChange={(event) => onChange({ ...owner, name: event.target.value })} required />
    </>
  );
}

/** One submission: its words and who raised it, its topic and article, and what can be done with it now. */
function SubmissionItem({
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
  articles: ReadonlyMap<string, { clauseId: string; number: number; title: string }[]>;
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
  const [proposal, setProposal] = useState<ApiOutput<'submissions/propose'> | null>(null);
  const canAct = view.role !== 'reader';
  // Direct answers are given in the meeting, and go into its minutes: only while it is held.
  const inMeeting = view.dialogue.state === 'held';
  const followUp = reached(view, 'held') && view.dialogue.state !== 'completed';
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
    void run(async () => setProposal(await client.call('submissions/propose', { ...ref, documentId: linked.documentId })));
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
      {(proposal ?? submission.proposal) && (
        <p role="status" data-testid="proposal-result">
          {(proposal?.keptAsDraft ?? submission.proposal?.keptAsDraft) ? t('dialogue.submissions.keptAsDraft') : t('dialogue.submissions.proposed')}{' '}
          {submission.proposal && (
            <a href={routeHash({ page: 'document', documentId: submission.proposal.documentId })}>{t('dialogue.submissions.openDocument')}</a>
          )}
        </p>
      )}
      {canAct && submission.status !== 'merged' && (
        <details className="submission-actions">
          <summary>{t('dialogue.submissions.answer')}</summary>
          <form className="row" onSubmit={saveTopic}>
            <input
              aria-label={t('dialogue.submissions.topic')}
              placeholder={t('dialogue.submissions.topic')}
              value={topic}
              onChange={(event) => setTopic(event.target.value)}
            />
            <button type="submit">{t('dialogue.submissions.setTopic')}</button>
          </form>
          {documents.length > 0 && (
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
          {submission.status === 'written' && (
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

/** Recording a submission collected by a representative, or raised in the meeting. */
function AddSubmission({ client, view, run }: DialogueActions) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [source, setSource] = useState<'member' | 'floor'>(reached(view, 'held') ? 'floor' : 'member');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ApiInput<'submissions/add'> = { dialogueId: view.dialogue.id, text, unit, source, ...(name.trim() ? { submitterName: name.trim() } : {}) };
    void run(async () => {
      await client.call('submissions/add', input);
      setText('');
    });
  };
  return (
    <details className="add-submission">
      <summary>{t('dialogue.submissions.add')}</summary>
      <form onSubmit={submit}>
        <textarea
          aria-label={t('dialogue.submissions.addText')}
          placeholder={t('dialogue.submissions.addText')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={3}
          required
        />
        <div className="row">
          <input
            aria-label={t('dialogue.submissions.addName')}
            placeholder={t('dialogue.submissions.addName')}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <input
            aria-label={t('dialogue.submissions.addUnit')}
            placeholder={t('dialogue.submissions.addUnit')}
            value={unit}
            onChange={(event) => setUnit(event.target.value)}
          />
          <select aria-label={t('dialogue.submissions.addSource')} value={source} onChange={(event) => setSource(event.target.value as 'member' | 'floor')}>
            <option value="member">{t('dialogue.submissions.source.member')}</option>
            <option value="floor">{t('dialogue.submissions.source.floor')}</option>
          </select>
          <button type="submit">{t('dialogue.submissions.addAction')}</button>
        </div>
      </form>
    </details>
  );
}

/** The submissions, filtered by topic and status on the server and read a page at a time; merging the selected ones. */
export function SubmissionsPanel(props: SubmissionsPanelProps) {
  const { t } = useTranslation();
  const { client, view, run, documents, selected, onSelect, onClearSelection, revision } = props;
  const dialogueId = view.dialogue.id;
  const [topic, setTopic] = useState<TopicFilter>({ kind: 'all' });
  const [status, setStatus] = useState<SubmissionStatus | ''>('');
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { articles, want } = useArticles(client);

  const filter = useCallback(
    (after: number): ApiInput<'submissions/list'> => ({
      dialogueId,
      after,
      limit: pageSize,
      ...(topic.kind === 'topic' ? { topic: topic.topic } : {}),
      untagged: topic.kind === 'untagged',
      ...(status ? { status } : {}),
    }),
    [dialogueId, topic, status],
  );

  useEffect(() => {
    let current = true;
    setError(null);
    client.call('submissions/list', filter(0)).then(
      (first) => current && setPage(first),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [client, filter, revision]);

  const more = async () => {
    if (!page || page.nextAfter === null) return;
    try {
      const next = await client.call('submissions/list', filter(page.nextAfter));
      setPage({ ...next, items: [...page.items, ...next.items] });
    } catch (caught) {
      setError(caught);
    }
  };

  const chosen = (page?.items ?? []).filter((submission) => selected.has(submission.id)).sort((a, b) => a.number - b.number);
  const [keep, ...rest] = chosen;
  const merge = () => {
    if (!keep || rest.length === 0) return;
    if (!window.confirm(t('dialogue.submissions.mergeConfirm', { count: rest.length, number: keep.number }))) return;
    void run(async () => {
      await client.call('submissions/merge', { dialogueId, keepId: keep.id, mergeIds: rest.map((submission) => submission.id) });
      onClearSelection();
    });
  };

  const topicValue = topic.kind === 'all' ? '' : topic.kind === 'untagged' ? '\u0000untagged' : topic.topic;
  return (
    <section className="submissions" data-testid="submissions">
      <h2>{t('dialogue.submissions.title', { count: view.submissions.total })}</h2>
      <p className="hint">{t('dialogue.submissions.summary', { open: view.submissions.open, overdue: view.submissions.writtenOverdue })}</p>
      {view.role !== 'reader' && <AddSubmission client={client} view={view} run={run} />}
      <div className="row">
        <label>
          {t('dialogue.submissions.filterTopic')}{' '}
          <select
            value={topicValue}
            onChange={(event) => {
              const value = event.target.value;
              setTopic(value === '' ? { kind: 'all' } : value === '\u0000untagged' ? { kind: 'untagged' } : { kind: 'topic', topic: value });
            }}
          >
            <option value="">{t('dialogue.submissions.allTopics')}</option>
            <option value={'\u0000untagged'}>{t('dialogue.submissions.untagged')}</option>
            {(page?.topics ?? []).map((entry) => (
              <option key={entry.topic} value={entry.topic}>
                {t('dialogue.submissions.topicCount', { topic: entry.topic, count: entry.count })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dialogue.submissions.filterStatus')}{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value as SubmissionStatus | '')}>
            <option value="">{t('dialogue.submissions.allStatuses')}</option>
            {submissionStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`dialogue.submissions.status.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {chosen.length > 0 && <span>{t('dialogue.submissions.selected', { count: chosen.length })}</span>}
        {keep && rest.length > 0 && (
          <button type="button" onClick={merge}>
            {t('dialogue.submissions.merge', { number: keep.number })}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
      {page === null ? (
        <p>{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p className="empty-state">{view.submissions.total === 0 ? t('dialogue.submissions.empty') : t('dialogue.submissions.emptyFiltered')}</p>
      ) : (
        <>
          <ul className="submission-list">
            {page.items.map((submission) => (
              <SubmissionItem
                key={`${submission.id}-${revision}`}
                submission={submission}
                actions={{ client, view, run }}
                documents={documents}
                articles={articles}
                want={want}
                selected={selected.has(submission.id)}
                onSelect={(value) => onSelect(submission, value)}
              />
            ))}
          </ul>
          <p className="hint">{t('dialogue.submissions.shownOf', { shown: page.items.length, total: page.total })}</p>
          {page.nextAfter !== null && (
            <button type="button" onClick={() => void more()}>
              {t('dialogue.submissions.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
