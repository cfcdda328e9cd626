import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '#shared/api/contract';
import type { DialogueParticipant, DialogueSide } from '#shared/dialogue/model';

type ParticipantInput = NonNullable<ApiInput<'dialogues/create'>['participants']>[number];

/** One person as the form holds them; `key` only tells the rows apart, `id` is a listed participant's. */
export type ParticipantDraft = Required<ParticipantInput> & { key: number; id?: string };

let nextKey = 0;

function draft(side: DialogueSide, name = '', position = '', unit = ''): ParticipantDraft {
  nextKey += 1;
  return { key: nextKey, name, position, side, unit, legalRepresentative: false, authorised: false, female: false };
}

/** The participants a dialogue lists, as rows of the form. */
export function draftsOf(participants: readonly DialogueParticipant[]): ParticipantDraft[] {
  return participants.map((participant) => {
    nextKey += 1;
    return { ...participant, key: nextKey };
  });
}

/** "Nguyễn Văn A; Tổ trưởng; Xưởng may 2" per line: a provincial conference's hundreds of delegates are pasted, not typed. */
function parseLines(text: string, side: DialogueSide): ParticipantDraft[] {
  return text
    .split('\n')
    .map((line) => line.split(';').map((part) => part.trim()))
    .filter(([name]) => name !== undefined && name !== '')
    .map(([name = '', position = '', unit = '']) => draft(side, name, position, unit));
}

function SideRows({ side, participants, onChange }: { side: DialogueSide; participants: ParticipantDraft[]; onChange: (next: ParticipantDraft[]) => void }) {
  const { t } = useTranslation();
  const [pasting, setPasting] = useState('');
  const rows = participants.filter((participant) => participant.side === side);
  const update = (key: number, change: Partial<ParticipantDraft>) =>
    onChange(participants.map((participant) => (participant.key === key ? { ...participant, ...change } : participant)));
  return (
    <fieldset className="participants-side" data-testid={`participants-${side}`}>
      <legend>{t(`dialogue.sides.${side}`)}</legend>
      {rows.length === 0 && <p className="empty-state">{t('dialogue.form.participantsEmpty')}</p>}
      {rows.map((participant) => (
        <div className="participant-row" key={participant.key}>
          <input
            aria-label={t('dialogue.form.name')}
            placeholder={t('dialogue.form.name')}
            value={participant.name}
            onChange={(event) => update(participant.key, { name: event.target.value })}
          />
          <input
            aria-label={t('dialogue.form.position')}
            placeholder={t('dialogue.form.position')}
            value={participant.position}
            onChange={(event) => update(participant.key, { position: event.target.value })}
          />
          <input
            aria-label={t('dialogue.form.unit')}
            placeholder={t('dialogue.form.unit')}
            value={participant.unit}
            onChange={(event) => update(participant.key, { unit: event.target.value })}
          />
          {side === 'employer' ? (
            <>
              <label>
                <input
                  type="checkbox"
                  checked={participant.legalRepresentative}
                  onChange={(event) => update(participant.key, { legalRepresentative: event.target.checked })}
                />
                {t('dialogue.form.legalRepresentative')}
              </label>
              <label>
                <input type="checkbox" checked={participant.authorised} onChange={(event) => update(participant.key, { authorised: event.target.checked })} />
                {t('dialogue.form.authorised')}
              </label>
            </>
          ) : (
            <label>
              <input type="checkbox" checked={participant.female} onChange={(event) => update(participant.key, { female: event.target.checked })} />
              {t('dialogue.form.female')}
            </label>
          )}
          <button type="button" onClick={() => onChange(participants.filter((other) => other.key !== participant.key))}>
            {t('dialogue.form.remove')}
          </button>
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => onChange([...participants, draft(side)])}>
          {t('dialogue.form.addPerson')}
        </button>
      </div>
      <details>
        <summary>{t('dialogue.form.paste')}</summary>
        <textarea
          aria-label={t('dialogue.form.paste')}
          placeholder={t('dialogue.form.pasteHint')}
          rows={4}
          value={pasting}
          onChange={(event) => setPasting(event.target.value)}
        />
        <button
          type="button"
          disabled={pasting.trim() === ''}
          onClick={() => {
            onChange([...participants, ...parseLines(pasting, side)]);
            setPasting('');
          }}
        >
          {t('dialogue.form.pasteAdd')}
        </button>
      </details>
    </fieldset>
  );
}

/** Both sides' participants: the employer side with its legal representative, the worker side with who is a woman (Art. 38(3)). */
export function ParticipantsEditor({ participants, onChange }: { participants: ParticipantDraft[]; onChange: (next: ParticipantDraft[]) => void }) {
  const { t } = useTranslation();
  return (
    <section className="participants-editor">
      <h3>{t('dialogue.form.participants')}</h3>
      <SideRows side="employer" participants={participants} onChange={onChange} />
      <SideRows side="union" participants={participants} onChange={onChange} />
    </section>
  );
}
