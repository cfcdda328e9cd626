import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { DialogueActions } from './dialogueActions';

/** A dialogue asked for by one side: the request and who backs it, and the employer side's written reply. */
export function RequestPanel({ client, view, run }: DialogueActions) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { request } = view.dialogue;
  if (!request) return null;
  const reply = (event: FormEvent) => {
    event.preventDefault();
    if (window.confirm(t('dialogue.request.replyConfirm'))) void run(() => client.call('dialogues/replyRequest', { dialogueId: view.dialogue.id, text }));
  };
  return (
    <section className="dialogue-request" data-testid="dialogue-request">
      <h2>{t('dialogue.request.title')}</h2>
      <p>
        {t('dialogue.request.asked', {
          date: formatIsoDate(request.requestedOn),
          supporters: request.supporters,
          representatives: request.representatives,
        })}
      </p>
      <p className="submission-text">{request.content}</p>
      {request.reply ? (
        <>
          <p>{t('dialogue.request.replied', { date: formatIsoDate(request.reply.on) })}</p>
          <p className="submission-answer">{request.reply.text}</p>
        </>
      ) : (
        view.role === 'organiser' && (
          <form onSubmit={reply}>
            <label>
              {t('dialogue.request.reply')}
              <textarea value={text} onChange={(event) => setText(event.target.value)} rows={4} required />
            </label>
            <button type="submit" className="primary">
              {t('dialogue.request.replyAction')}
            </button>
          </form>
        )
      )}
    </section>
  );
}
