import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '#shared/api/contract';
import type { DialogueView } from '#shared/api/dialogue';
import { dialogueStates, type DialogueState } from '#shared/dialogue/model';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { navigate, routeHash } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { DialogueForm } from './DialogueForm';
import { RequestForm } from './RequestForm';
import { useDialogueSeat } from './dialogueSeat';
import { SeatPicker } from './SeatPicker';
import './dialogue.css';

type Summary = ApiOutput<'dialogues/list'>[number];

/** The workspace's dialogues beside its documents: the list, filtered by step, and creating one. */
export function DialoguesPage() {
  const { t } = useTranslation();
  const chosen = useDialogueSeat();
  const { client, seat } = chosen;
  // The employer side (or the host) creates a dialogue; the worker side asks for one.
  const side = seat?.kind === 'member' ? seat.membership.side : 'employer';
  const [state, setState] = useState<DialogueState | ''>('');
  const [dialogues, setDialogues] = useState<Summary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<'create' | 'request' | null>(null);

  const reload = useCallback(async () => {
    if (!client) return;
    setError(null);
    try {
      setDialogues(await client.call('dialogues/list', state ? { state } : {}));
    } catch (caught) {
      setError(caught);
    }
  }, [client, state]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const open = (view: DialogueView) => navigate({ page: 'dialogue', dialogueId: view.dialogue.id });

  return (
    <>
      <AppHeader>
        <SeatPicker chosen={chosen} />
      </AppHeader>
      <main className="page dialogue-area" data-testid="dialogues-page">
        <h1>{t('dialogue.areaTitle')}</h1>
        <p className="hint">{t('dialogue.areaIntro')}</p>
        {!client ? (
          <p className="empty-state">{t('dialogue.noSeat')}</p>
        ) : (
          <>
            <div className="row">
              <label>
                {t('dialogue.filterState')}{' '}
                <select value={state} onChange={(event) => setState(event.target.value as DialogueState | '')}>
                  <option value="">{t('dialogue.allStates')}</option>
                  {dialogueStates.map((option) => (
                    <option key={option} value={option}>
                      {t(`dialogue.states.${option}`)}
                    </option>
                  ))}
                </select>
              </label>
              {side === 'employer' && (
                <button type="button" className="primary" onClick={() => setOpened(opened === 'create' ? null : 'create')} aria-expanded={opened === 'create'}>
                  {t('dialogue.newDialogue')}
                </button>
              )}
              {side === 'union' && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => setOpened(opened === 'request' ? null : 'request')}
                  aria-expanded={opened === 'request'}
                >
                  {t('dialogue.request.action')}
                </button>
              )}
            </div>
            <ErrorNotice error={error} />
            {opened === 'create' && <DialogueForm client={client} onSaved={open} />}
            {opened === 'request' && <RequestForm client={client} onSaved={open} />}
            {dialogues === null ? (
              <p>{t('common.loading')}</p>
            ) : dialogues.length === 0 ? (
              <p className="empty-state">{state ? t('dialogue.emptyFiltered') : t('dialogue.empty')}</p>
            ) : (
              <ul className="dialogue-list" data-testid="dialogue-list">
                {dialogues.map((dialogue) => (
                  <li key={dialogue.id}>
                    <a href={routeHash({ page: 'dialogue', dialogueId: dialogue.id })}>{dialogue.title}</a>{' '}
                    <span className="dialogue-kind">{t(`dialogue.kinds.${dialogue.kind}`)}</span>{' '}
                    <span className={`dialogue-state state-${dialogue.state}`}>{t(`dialogue.states.${dialogue.state}`)}</span>{' '}
                    <span className="hint">
                      {dialogue.meetingDate ? t('dialogue.meetingOn', { date: formatIsoDate(dialogue.meetingDate) }) : t('dialogue.noMeetingDate')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </main>
    </>
  );
}
