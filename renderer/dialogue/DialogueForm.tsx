import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { ApiInput } from '#shared/api/contract';
import type { DialogueView } from '#shared/api/dialogue';
import { isWorkplaceDialogue } from '#shared/dialogue/composition';
import { dialogueKinds, specificMatters, type Dialogue, type DialogueKind, type SpecificMatter } from '#shared/dialogue/model';
import { ErrorNotice } from '../components/ErrorNotice';
import { draftsOf, ParticipantsEditor, type ParticipantDraft } from './ParticipantsEditor';

type CreatableKind = Exclude<DialogueKind, 'on_request'>;
const creatableKinds = dialogueKinds.filter((kind): kind is CreatableKind => kind !== 'on_request');

/**
 * Creating a dialogue (its kind, the enterprise and its headcount, the meeting, both sides'
 * participants), or changing what was planned of `editing` until the meeting is held (its kind stays).
 */
export function DialogueForm({ client, editing, onSaved }: { client: ApiClient; editing?: Dialogue; onSaved: (view: DialogueView) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CreatableKind>('periodic');
  const [matter, setMatter] = useState<SpecificMatter>(editing?.matter ?? 'bonus_rules');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [enterprise, setEnterprise] = useState(editing?.enterprise.name ?? '');
  const [headcount, setHeadcount] = useState(editing?.enterprise.headcount?.toString() ?? '');
  const [restDays, setRestDays] = useState<'sunday' | 'saturday_sunday'>(editing?.enterprise.restDays ?? 'sunday');
  const [date, setDate] = useState(editing?.meeting.date ?? '');
  const [time, setTime] = useState(editing?.meeting.time ?? '');
  const [place, setPlace] = useState(editing?.meeting.place ?? '');
  const [participants, setParticipants] = useState<ParticipantDraft[]>(() => draftsOf(editing?.participants ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const workplace = isWorkplaceDialogue(editing?.kind ?? kind);

  const save = (): Promise<DialogueView> => {
    const count = Number.parseInt(headcount, 10);
    const planned = {
      title,
      enterprise: { name: enterprise, headcount: Number.isNaN(count) ? null : count, restDays },
      meeting: { date: date || null, time: time || null, place },
    };
    if (editing)
      return client.call('dialogues/update', {
        dialogueId: editing.id,
        ...planned,
        participants: participants.map(({ key: _key, ...participant }) => participant),
      });
    const input: ApiInput<'dialogues/create'> = {
      kind,
      matter: kind === 'specific_matter' ? matter : null,
      ...planned,
      participants: participants.map(({ key: _key, id: _id, ...participant }) => participant),
    };
    return client.call('dialogues/create', input);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await save());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="dialogue-form" onSubmit={(event) => void submit(event)} data-testid="dialogue-form">
      <div className="form-grid">
        {!editing && (
          <label>
            {t('dialogue.form.kind')}
            <select value={kind} onChange={(event) => setKind(event.target.value as CreatableKind)}>
              {creatableKinds.map((option) => (
                <option key={option} value={option}>
                  {t(`dialogue.kinds.${option}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {!editing && kind === 'specific_matter' && (
          <label>
            {t('dialogue.form.matter')}
            <select value={matter} onChange={(event) => setMatter(event.target.value as SpecificMatter)}>
              {specificMatters.map((option) => (
                <option key={option} value={option}>
                  {t(`dialogue.matters.${option}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('dialogue.form.title')}
          <input value={title} onChange={(event) => setTitle(event.target.value)} required />
        </label>
        <label>
          {t('dialogue.form.enterprise')}
          <input value={enterprise} onChange={(event) => setEnterprise(event.target.value)} required />
        </label>
        <label title={t('dialogue.form.headcountHint')}>
          {t('dialogue.form.headcount')}
          <input type="number" min={1} value={headcount} onChange={(event) => setHeadcount(event.target.value)} required={workplace} />
        </label>
        <label>
          {t('dialogue.form.restDays')}
          <select value={restDays} onChange={(event) => setRestDays(event.target.value as 'sunday' | 'saturday_sunday')}>
            <option value="sunday">{t('dialogue.form.sunday')}</option>
            <option value="saturday_sunday">{t('dialogue.form.saturdaySunday')}</option>
          </select>
        </label>
        <label>
          {t('dialogue.form.date')}
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <label>
          {t('dialogue.form.time')}
          <input type="time" value={time} onChange={(event) => setTime(event.target.value)} />
        </label>
        <label>
          {t('dialogue.form.place')}
          <input value={place} onChange={(event) => setPlace(event.target.value)} />
        </label>
      </div>
      {workplace && <p className="hint">{t('dialogue.form.headcountHint')}</p>}
      <ParticipantsEditor participants={participants} onChange={setParticipants} />
      <ErrorNotice error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('dialogue.form.saving') : editing ? t('dialogue.form.save') : t('dialogue.form.create')}
      </button>
    </form>
  );
}
