import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicDialogue } from '#shared/api/dialogue';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { participantClient } from '../api/apiClients';
import { routeHash } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { MeetingLine } from './PublicSubmitPage';
import './dialogue.css';

/** The published results of a dialogue, read-only and without an account: the main content, the answers (without who asked), the commitments. */
export function PublicAnswersPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [dialogue, setDialogue] = useState<PublicDialogue | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    participantClient().call('dialogues/readPublic', { code }).then(setDialogue, setError);
  }, [code]);

  const published = dialogue?.published ?? null;
  return (
    <>
      <AppHeader />
      <main className="page narrow public-dialogue" data-testid="public-answers">
        <h1>{t('publicDialogue.answersTitle')}</h1>
        <ErrorNotice error={error} />
        {dialogue === null && error === null && <p>{t('publicDialogue.loading')}</p>}
        {dialogue && (
          <>
            <h2>{dialogue.title}</h2>
            <p>{dialogue.enterpriseName}</p>
            <MeetingLine meeting={dialogue.meeting} />
            {published === null ? (
              <p className="empty-state">{t('publicDialogue.notPublished')}</p>
            ) : (
              <>
                <p className="hint">{t('publicDialogue.publishedOn', { date: formatIsoDate(published.on) })}</p>
                <section>
                  <h3>{t('publicDialogue.mainContent')}</h3>
                  <p className="published-summary">{published.summary}</p>
                </section>
                {published.agenda.length > 0 && (
                  <section>
                    <h3>{t('publicDialogue.agenda')}</h3>
                    <ol>
                      {published.agenda.map((item, index) => (
                        <li key={index}>{item}</li>
                      ))}
                    </ol>
                  </section>
                )}
                <section data-testid="public-answer-list">
                  <h3>{t('publicDialogue.answers')}</h3>
                  {published.answers.length === 0 ? (
                    <p className="empty-state">{t('publicDialogue.noAnswers')}</p>
                  ) : (
                    <ul className="public-answers">
                      {published.answers.map((answer) => (
                        <li key={answer.number} data-testid="public-answer">
                          <p>
                            <strong>{t('publicDialogue.question', { number: answer.number })}</strong>
                            {answer.topic ? ` · ${answer.topic}` : ''}
                            {answer.count > 1 ? ` · ${t('publicDialogue.askedBy', { count: answer.count })}` : ''}
                          </p>
                          <p className="question">{answer.question}</p>
                          <p className="answer">
                            <em>{answer.inWriting ? t('publicDialogue.inWriting') : t('publicDialogue.direct')}:</em> {answer.answer}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section>
                  <h3>{t('publicDialogue.commitments')}</h3>
                  {published.commitments.length === 0 ? (
                    <p className="empty-state">{t('publicDialogue.noCommitments')}</p>
                  ) : (
                    <ul>
                      {published.commitments.map((commitment, index) => (
                        <li key={index}>
                          {commitment.text} —{' '}
                          {commitment.due
                            ? t('publicDialogue.commitmentDue', { owner: commitment.owner, due: formatIsoDate(commitment.due) })
                            : t('publicDialogue.commitmentNoDue', { owner: commitment.owner })}{' '}
                          — {commitment.done ? t('publicDialogue.done') : t('publicDialogue.pending')}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            )}
            {dialogue.submissionsOpen && (
              <p>
                <a href={routeHash({ page: 'ask', code })}>{t('publicDialogue.submitLink')}</a>
              </p>
            )}
          </>
        )}
      </main>
    </>
  );
}
