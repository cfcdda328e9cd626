import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '#shared/api/contract';
import { submissionStatuses, type Submission, type SubmissionStatus } from '#shared/dialogue/model';
import { canTake } from '#shared/dialogue/steps';
import { ErrorNotice } from '../components/ErrorNotice';
import { AddSubmission } from './AddSubmission';
import { useArticles, type LinkableDocument } from './articleChoices';
import type { DialogueActions } from './dialogueActions';
import { SubmissionItem } from './SubmissionItem';

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
      {view.role !== 'reader' && canTake('add_submission', view.dialogue.state) && <AddSubmission client={client} view={view} run={run} />}
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
        {keep && rest.length > 0 && canTake('sort_submissions', view.dialogue.state) && (
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
