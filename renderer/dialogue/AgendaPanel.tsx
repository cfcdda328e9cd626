import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Submission } from '#shared/dialogue/model';
import { canTake } from '#shared/dialogue/steps';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { DialogueActions } from './dialogueActions';

interface ItemDraft {
  key: number;
  title: string;
  submissionIds: string[];
  womenIssue: boolean;
}

let nextKey = 0;
const keyed = (item: Omit<ItemDraft, 'key'>): ItemDraft => {
  nextKey += 1;
  return { key: nextKey, ...item };
};

/** The start of a submission as an item's first title, to be reworded. */
function titleFrom(submissions: readonly Submission[]): string {
  const first = submissions[0]?.text ?? '';
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

/** Building the agenda from the selected submissions, saving it, and sending it to the worker side (the organiser, before the meeting). */
export function AgendaPanel({ client, view, run, selected, onUsed }: DialogueActions & { selected: readonly Submission[]; onUsed: () => void }) {
  const { t } = useTranslation();
  const { dialogue } = view;
  const [items, setItems] = useState<ItemDraft[]>(() =>
    dialogue.agenda.map(({ title, submissionIds, womenIssue }) => keyed({ title, submissionIds, womenIssue })),
  );
  // The agenda is sent once, and can still be corrected until the meeting (shared/dialogue/steps.ts).
  const editable = view.role === 'organiser' && canTake('set_agenda', dialogue.state);
  const sendable = canTake('send_agenda', dialogue.state);
  const update = (key: number, change: Partial<ItemDraft>) => setItems(items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const payload = () => items.map(({ title, submissionIds, womenIssue }) => ({ title, submissionIds, womenIssue }));
  const save = () => run(() => client.call('dialogues/setAgenda', { dialogueId: dialogue.id, items: payload() }), t('dialogue.agenda.saved'));
  const send = () => {
    if (!window.confirm(t('dialogue.agenda.sendConfirm'))) return;
    void run(async () => {
      await client.call('dialogues/setAgenda', { dialogueId: dialogue.id, items: payload() });
      await client.call('dialogues/sendAgenda', { dialogueId: dialogue.id });
    });
  };

  return (
    <section className="agenda" data-testid="agenda">
      <h2>{t('dialogue.agenda.title')}</h2>
      {items.length === 0 && <p className="empty-state">{t('dialogue.agenda.empty')}</p>}
      <ol>
        {items.map((item) => (
          <li key={item.key} data-testid="agenda-item">
            {editable ? (
              <>
                <textarea
                  aria-label={t('dialogue.agenda.itemTitle')}
                  value={item.title}
                  rows={2}
                  onChange={(event) => update(item.key, { title: event.target.value })}
                />
                <label>
                  <input type="checkbox" checked={item.womenIssue} onChange={(event) => update(item.key, { womenIssue: event.target.checked })} />
                  {t('dialogue.agenda.womenIssue')}
                </label>
                <button type="button" onClick={() => setItems(items.filter((other) => other.key !== item.key))}>
                  {t('dialogue.agenda.removeItem')}
                </button>
              </>
            ) : (
              <span>{item.title}</span>
            )}
            {item.submissionIds.length > 0 && <span className="hint"> ({t('dialogue.agenda.questions', { count: item.submissionIds.length })})</span>}
          </li>
        ))}
      </ol>
      {editable && (
        <div className="row">
          <button
            type="button"
            disabled={selected.length === 0}
            onClick={() => {
              setItems([...items, keyed({ title: titleFrom(selected), submissionIds: selected.map((submission) => submission.id), womenIssue: false })]);
              onUsed();
            }}
          >
            {t('dialogue.agenda.fromSelected', { count: selected.length })}
          </button>
          <button type="button" onClick={() => setItems([...items, keyed({ title: '', submissionIds: [], womenIssue: false })])}>
            {t('dialogue.agenda.addItem')}
          </button>
          <button type="button" onClick={() => void save()}>
            {t('dialogue.agenda.save')}
          </button>
          {sendable && (
            <button type="button" className="primary" onClick={send} disabled={items.length === 0}>
              {t('dialogue.agenda.send')}
            </button>
          )}
        </div>
      )}
      {dialogue.agendaSentOn && <p>{t('dialogue.agenda.sent', { date: formatIsoDate(dialogue.agendaSentOn) })}</p>}
    </section>
  );
}
