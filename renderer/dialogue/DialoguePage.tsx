import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueView } from '#shared/api/dialogue';
import type { DialogueSide, Submission } from '#shared/dialogue/model';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { routeHash } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { useActionRunner } from '../components/useActionRunner';
import { useSession } from '../session/session';
import type { LinkableDocument } from './articleChoices';
import { AgendaPanel } from './AgendaPanel';
import { CommitmentsPanel } from './CommitmentsPanel';
import { reached, type DialogueActions } from './dialogueActions';
import { DialogueForm } from './DialogueForm';
import { DialogueOverview } from './DialogueOverview';
import { DialoguePapers } from './DialoguePapers';
import { seatWho, useDialogueSeat, type DialogueSeat } from './dialogueSeat';
import { MeetingPanel } from './MeetingPanel';
import { MinutesPanel } from './MinutesPanel';
import { RequestPanel } from './RequestPanel';
import { SeatPicker } from './SeatPicker';
import { SubmissionLinkPanel } from './SubmissionLinkPanel';
import { SubmissionsPanel } from './SubmissionsPanel';
import './dialogue.css';

/** The sides a seat signs the minutes for: its own; the host records either side's signature from the paper. */
function signableSides(seat: DialogueSeat): readonly DialogueSide[] {
  if (seat.kind === 'host') return ['employer', 'union'];
  const { side } = seat.membership;
  return side === 'reviewer' ? [] : [side];
}

/** A dialogue's page: its steps and deadlines, its submissions and agenda, the meeting, the minutes, publication, follow-up, papers. */
export function DialoguePage({ dialogueId }: { dialogueId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const chosen = useDialogueSeat();
  const { client, seat } = chosen;
  const [view, setView] = useState<DialogueView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [documents, setDocuments] = useState<LinkableDocument[]>([]);
  const [selected, setSelected] = useState<ReadonlyMap<string, Submission>>(new Map());
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    if (!client) return;
    try {
      setView(await client.call('dialogues/get', { dialogueId }));
      setLoadError(null);
      setRevision((current) => current + 1);
    } catch (caught) {
      setLoadError(caught);
    }
  }, [client, dialogueId]);
  const { run, notice, error } = useActionRunner(load);

  useEffect(() => {
    void load();
  }, [load]);

  // What a submission may be linked to: every document of the workspace for its host, a person's own document otherwise.
  useEffect(() => {
    if (!client || !seat) return;
    if (seat.kind === 'member') {
      setDocuments([{ id: seat.membership.documentId, title: seat.membership.documentTitle }]);
      return;
    }
    client.call('documents/list', { includeArchived: false }).then(
      (list) => setDocuments(list.map(({ id, title }) => ({ id, title }))),
      () => setDocuments([]),
    );
  }, [client, seat]);

  const header = (
    <AppHeader>
      <SeatPicker chosen={chosen} />
    </AppHeader>
  );
  if (!client || !seat)
    return (
      <>
        {header}
        <main className="page">
          <p className="empty-state">{t('dialogue.noSeat')}</p>
        </main>
      </>
    );
  if (!view)
    return (
      <>
        {header}
        <main className="page">
          <a href={routeHash({ page: 'dialogues' })}>{t('dialogue.back')}</a>
          {loadError ? <ErrorNotice error={loadError} /> : <p>{t('common.loading')}</p>}
        </main>
      </>
    );

  const { dialogue } = view;
  const actions: DialogueActions = { client, view, run };
  const select = (submission: Submission, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(submission.id, submission);
    else next.delete(submission.id);
    setSelected(next);
  };
  return (
    <>
      {header}
      <main className="page dialogue-page" data-testid="dialogue-page">
        <a href={routeHash({ page: 'dialogues' })}>{t('dialogue.back')}</a>
        <h1>{dialogue.title}</h1>
        <p>
          <span className="dialogue-kind">
            {t(`dialogue.kinds.${dialogue.kind}`)}
            {dialogue.matter ? ` — ${t(`dialogue.matters.${dialogue.matter}`)}` : ''}
          </span>{' '}
          · {dialogue.enterprise.name} · <span className={`dialogue-state state-${dialogue.state}`}>{t(`dialogue.states.${dialogue.state}`)}</span>
        </p>
        <p className="hint">
          {dialogue.meeting.date ? t('dialogue.meetingOn', { date: formatIsoDate(dialogue.meeting.date) }) : t('dialogue.noMeetingDate')}
          {dialogue.meeting.time ? `, ${dialogue.meeting.time}` : ''}
          {dialogue.meeting.place ? ` — ${dialogue.meeting.place}` : ''}
        </p>
        <p className="hint">{t(`dialogue.roles.${view.role}`)}</p>
        {notice && <p role="status">{notice}</p>}
        <ErrorNotice error={error} />
        <RequestPanel {...actions} />
        {view.role === 'organiser' && !reached(view, 'held') && (
          <details className="dialogue-edit">
            <summary>{t('dialogue.form.edit')}</summary>
            <DialogueForm key={dialogue.updatedAt} client={client} editing={dialogue} onSaved={() => void load()} />
          </details>
        )}
        <DialogueOverview view={view} />
        <SubmissionLinkPanel {...actions} />
        <AgendaPanel key={JSON.stringify(dialogue.agenda)} {...actions} selected={[...selected.values()]} onUsed={() => setSelected(new Map())} />
        <MeetingPanel key={dialogue.state} {...actions} />
        <SubmissionsPanel
          {...actions}
          documents={documents}
          selected={new Set(selected.keys())}
          onSelect={select}
          onClearSelection={() => setSelected(new Map())}
          revision={revision}
        />
        <MinutesPanel key={`minutes-${dialogue.state}`} {...actions} signable={signableSides(seat)} />
        <CommitmentsPanel {...actions} />
        <DialoguePapers who={seatWho(seat, session)} dialogueId={dialogue.id} held={reached(view, 'held')} />
      </main>
    </>
  );
}
