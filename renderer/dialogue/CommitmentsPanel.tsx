import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Owner } from '#shared/dialogue/model';
import { canTake } from '#shared/dialogue/steps';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { reached, type DialogueActions } from './dialogueActions';
import { OwnerFields } from './OwnerFields';

/** The commitments made in the dialogue, followed up until each is done (the organiser records them). */
export function CommitmentsPanel({ client, view, run }: DialogueActions) {
  const { t } = useTranslation();
  const { dialogue } = view;
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<Owner>({ kind: 'person', name: '' });
  const [due, setDue] = useState('');
  if (!reached(view, 'held')) return null;
  // Commitments are recorded from the meeting until publication; once every one is done the dialogue is completed.
  const organiser = view.role === 'organiser' && canTake('commitments', dialogue.state);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await client.call('dialogues/addCommitment', { dialogueId: dialogue.id, text, owner, due: due || null });
      setText('');
    });
  };
  return (
    <section className="commitments" data-testid="commitments">
      <h2>{t('dialogue.commitments.title')}</h2>
      {dialogue.commitments.length === 0 && <p className="empty-state">{t('dialogue.commitments.empty')}</p>}
      <ul>
        {dialogue.commitments.map((commitment) => (
          <li key={commitment.id} className={commitment.doneOn ? 'done' : 'pending'}>
            <strong>{commitment.text}</strong> — {commitment.owner.name} —{' '}
            {commitment.doneOn
              ? t('dialogue.commitments.doneOn', { date: formatIsoDate(commitment.doneOn) })
              : commitment.due
                ? t('dialogue.commitments.pending', { due: formatIsoDate(commitment.due) })
                : t('dialogue.commitments.noDue')}
            {organiser && !commitment.doneOn && (
              <button
                type="button"
                onClick={() => {
                  if (window.confirm(t('dialogue.commitments.doneConfirm', { text: commitment.text })))
                    void run(() => client.call('dialogues/commitmentDone', { dialogueId: dialogue.id, commitmentId: commitment.id }));
                }}
              >
                {t('dialogue.commitments.done')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {organiser && (
        <form className="commitment-form" onSubmit={add}>
          <textarea
            aria-label={t('dialogue.commitments.text')}
            placeholder={t('dialogue.commitments.text')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={2}
            required
          />
          <div className="row">
            <OwnerFields owner={owner} onChange={setOwner} label={t('dialogue.commitments.owner')} />
            <label>
              {t('dialogue.commitments.due')} <input type="date" value={due} onChange={(event) => setDue(event.target.value)} />
            </label>
            <button type="submit">{t('dialogue.commitments.add')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
