import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '#shared/api/contract';
import type { PublicDialogue } from '#shared/api/dialogue';
import { submissionMaxLength } from '#shared/dialogue/model';
import { formatIsoDate, formatVietnamDateTime } from '#shared/format/vietnamTime';
import { participantClient } from '../api/apiClients';
import { routeHash } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { InterfaceError } from '../components/errorText';
import { useLanguage } from '../i18n/i18n';
import './dialogue.css';

/** The meeting as a worker reads it: "15/03/2027, 08:00, at Hội trường A", or that it has no date yet. */
export function MeetingLine({ meeting }: { meeting: PublicDialogue['meeting'] }) {
  const { t } = useTranslation();
  if (meeting.date === null) return <p className="hint">{t('publicDialogue.meetingNoDate')}</p>;
  const when = `${formatIsoDate(meeting.date)}${meeting.time ? `, ${meeting.time}` : ''}`;
  return <p className="hint">{t('publicDialogue.meeting', { when, place: meeting.place || '…' })}</p>;
}

/**
 * What a worker opens from the dialogue's link or code, without an account: a question or
 * proposal, their name if they wish; the receipt with its number, and what happens next. The
 * server's limits (size, a flood from one network, submissions closed) are told in the interface
 * language; nothing of anyone else's submissions is shown.
 */
export function PublicSubmitPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dialogue, setDialogue] = useState<PublicDialogue | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<ApiOutput<'submissions/submit'> | null>(null);

  useEffect(() => {
    participantClient().call('dialogues/readPublic', { code }).then(setDialogue, setLoadError);
  }, [code]);

  const length = [...text].length;
  const tooLong = length > submissionMaxLength;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (tooLong) {
      setError(new InterfaceError(t('publicDialogue.textTooLong', { max: submissionMaxLength })));
      return;
    }
    setBusy(true);
    const input: ApiInput<'submissions/submit'> = { code, text, unit, ...(name.trim() ? { name: name.trim() } : {}) };
    try {
      setReceipt(await participantClient().call('submissions/submit', input));
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader />
      <main className="page narrow public-dialogue" data-testid="public-submit">
        <h1>{t('publicDialogue.submitTitle')}</h1>
        {loadError !== null && <ErrorNotice error={loadError} />}
        {dialogue === null && loadError === null && <p>{t('publicDialogue.loading')}</p>}
        {dialogue && (
          <>
            <h2>{dialogue.title}</h2>
            <MeetingLine meeting={dialogue.meeting} />
            <p>{t('publicDialogue.submitIntro', { title: dialogue.title, enterprise: dialogue.enterpriseName })}</p>
            {receipt ? (
              <div className="receipt" role="status" data-testid="submission-receipt">
                <p>
                  <strong>{t('publicDialogue.receipt', { number: receipt.number, time: formatVietnamDateTime(receipt.receivedAt, language) })}</strong>
                </p>
                <p>{t('publicDialogue.next')}</p>
                <button type="button" onClick={() => setReceipt(null)}>
                  {t('publicDialogue.another')}
                </button>
              </div>
            ) : !dialogue.submissionsOpen ? (
              <p className="empty-state">{t('publicDialogue.closed')}</p>
            ) : (
              <form onSubmit={(event) => void send(event)}>
                <label>
                  {t('publicDialogue.text')}
                  <textarea value={text} onChange={(event) => setText(event.target.value)} rows={6} required aria-invalid={tooLong} />
                </label>
                <p className={tooLong ? 'problem' : 'hint'} data-testid="submission-length">
                  {tooLong
                    ? t('publicDialogue.textTooLong', { max: submissionMaxLength })
                    : t('publicDialogue.textCount', { count: length, max: submissionMaxLength })}
                </p>
                <label>
                  {t('publicDialogue.name')}
                  <input value={name} onChange={(event) => setName(event.target.value)} />
                </label>
                <label>
                  {t('publicDialogue.unit')}
                  <input value={unit} onChange={(event) => setUnit(event.target.value)} />
                </label>
                <p className="hint">{t('publicDialogue.next')}</p>
                <ErrorNotice error={error} />
                <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
                  {busy ? t('publicDialogue.sending') : t('publicDialogue.send')}
                </button>
              </form>
            )}
            <p>
              <a href={routeHash({ page: 'answers', code })}>{t('publicDialogue.resultsLink')}</a>
            </p>
          </>
        )}
      </main>
    </>
  );
}
