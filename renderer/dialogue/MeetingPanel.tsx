import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueSide } from '#shared/dialogue/model';
import { reached, type DialogueActions } from './dialogueActions';

/** Attendance at the meeting (the organiser): recording it holds the meeting; afterwards, who was present. */
export function MeetingPanel({ client, view, run }: DialogueActions) {
  const { t } = useTranslation();
  const { dialogue } = view;
  const held = reached(view, 'held');
  const [present, setPresent] = useState<ReadonlySet<string>>(() => new Set(dialogue.attendance));
  if (!held && view.role !== 'organiser') return null;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(present);
    if (on) next.add(id);
    else next.delete(id);
    setPresent(next);
  };
  const record = () => {
    if (!window.confirm(t('dialogue.meeting.recordConfirm', { count: present.size }))) return;
    void run(() => client.call('dialogues/recordAttendance', { dialogueId: dialogue.id, presentIds: [...present] }));
  };
  const side = (which: DialogueSide) => (
    <fieldset key={which}>
      <legend>{t(`dialogue.sides.${which}`)}</legend>
      {dialogue.participants
        .filter((participant) => participant.side === which)
        .map((participant) => (
          <label key={participant.id} className="attendance">
            <input type="checkbox" disabled={held} checked={present.has(participant.id)} onChange={(event) => toggle(participant.id, event.target.checked)} />
            {participant.name}
            {participant.position ? `, ${participant.position}` : ''}
          </label>
        ))}
    </fieldset>
  );
  return (
    <section className="meeting" data-testid="meeting">
      <h2>{t('dialogue.meeting.title')}</h2>
      <h3>{t('dialogue.meeting.attendance')}</h3>
      {!held && <p className="hint">{t('dialogue.meeting.attendanceHint')}</p>}
      {side('employer')}
      {side('union')}
      <p>{t('dialogue.meeting.present', { count: present.size })}</p>
      {!held && (
        <div className="row">
          <button type="button" onClick={() => setPresent(new Set(dialogue.participants.map((participant) => participant.id)))}>
            {t('dialogue.meeting.allPresent')}
          </button>
          <button type="button" className="primary" onClick={record}>
            {t('dialogue.meeting.record')}
          </button>
        </div>
      )}
    </section>
  );
}
