import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '#shared/api/contract';
import { reached, type DialogueActions } from './dialogueActions';

/** Recording a submission collected by a representative, or raised in the meeting. */
export function AddSubmission({ client, view, run }: DialogueActions) {
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
