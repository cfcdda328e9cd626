import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DialogueView } from '#shared/api/dialogue';
import { formatCitation } from '#shared/compliance/citations';
import { dialogueStates, type DialogueState } from '#shared/dialogue/model';
import { formatIsoDate, vietnamDate } from '#shared/format/vietnamTime';
import { useLanguage } from '../i18n/i18n';

type Deadline = DialogueView['deadlines'][number];

function deadlineText(t: TFunction, deadline: Deadline, language: 'vi' | 'en'): string {
  if (deadline.due === null) return deadline.reason?.[language] ?? t('dialogue.deadlineStatus.unknown');
  const date = formatIsoDate(deadline.due);
  if (deadline.status === 'met') return t('dialogue.deadlineStatus.met', { date });
  if (deadline.status === 'missed') return t('dialogue.deadlineStatus.missed', { date });
  if (deadline.workingDaysLeft === null) return deadline.reason?.[language] ?? date;
  if (deadline.workingDaysLeft <= 0) return t('dialogue.deadlineStatus.openToday', { date });
  return t('dialogue.deadlineStatus.open', { date, count: deadline.workingDaysLeft });
}

/** The day each step was done, as the record holds it. */
function stepDay(view: DialogueView, state: DialogueState): string | null {
  const { dialogue } = view;
  const days: Record<DialogueState, string | null> = {
    requested: dialogue.request?.requestedOn ?? null,
    draft: dialogue.request?.reply?.on ?? vietnamDate(dialogue.createdAt),
    agenda_sent: dialogue.agendaSentOn,
    held: dialogue.heldOn,
    minutes_signed: dialogue.minutesSignedOn,
    published: dialogue.publishedOn,
    completed: dialogue.completedOn,
  };
  return days[state];
}

/** The lifecycle with its steps, the deadlines in working days with their provisions, the composition and quorum, and the checks. */
export function DialogueOverview({ view }: { view: DialogueView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { composition } = view;
  const steps = dialogueStates.filter((state) => state !== 'requested' || view.dialogue.request !== null);
  const shortfall = view.checks.some((check) => check.ruleId === 'dialogue.composition' && check.status === 'problem');
  const { band } = composition.worker;
  return (
    <>
      <section className="dialogue-steps" aria-label={t('dialogue.steps')}>
        <ol className="step-list">
          {steps.map((state) => {
            const day = stepDay(view, state);
            const current = view.dialogue.state === state;
            return (
              <li key={state} className={current ? 'current' : day ? 'done' : 'todo'} aria-current={current ? 'step' : undefined}>
                {t(`dialogue.states.${state}`)}
                {day && <span className="hint"> {t('dialogue.stepDone', { date: formatIsoDate(day) })}</span>}
              </li>
            );
          })}
        </ol>
      </section>
      {view.deadlines.length > 0 && (
        <section data-testid="dialogue-deadlines">
          <h2>{t('dialogue.deadlines')}</h2>
          <ul>
            {view.deadlines.map((deadline) => (
              <li key={deadline.id} className={`deadline-${deadline.status}`}>
                <strong>{t(`dialogue.deadlineNames.${deadline.id}`)}</strong>: {deadlineText(t, deadline, language)}{' '}
                <span className="citation">({formatCitation(deadline.citation, language)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section data-testid="dialogue-composition">
        <h2>{t('dialogue.composition')}</h2>
        <ul>
          <li>
            {t('dialogue.employerCount', { count: composition.employer.count })}
            {!composition.employer.legalRepresentative && <span className="problem"> {t('dialogue.legalRepresentativeMissing')}</span>}
          </li>
          <li>
            {t('dialogue.workerCount', { count: composition.worker.count })}
            {band ? ` — ${band.max === null ? t('dialogue.bandOpen', { min: band.min }) : t('dialogue.band', { min: band.min, max: band.max })}` : ''}
          </li>
          {band === null && view.dialogue.kind === 'provincial_conference' && <li>{t('dialogue.noBand')}</li>}
          {composition.worker.femaleNeeded && <li>{t('dialogue.femaleNeeded', { count: composition.worker.female })}</li>}
          {composition.quorum && (
            <li data-testid="dialogue-quorum">
              {t('dialogue.quorum', {
                present: composition.quorum.workersPresent,
                listed: composition.quorum.workersListed,
                head: composition.quorum.employerHead ? t('dialogue.quorumHeadPresent') : t('dialogue.quorumHeadAbsent'),
              })}{' '}
              <strong>{composition.quorum.met ? t('dialogue.quorumMet') : t('dialogue.quorumShort')}</strong>
            </li>
          )}
        </ul>
        {view.dialogue.kind !== 'provincial_conference' && <p>{shortfall ? t('dialogue.compositionShort') : t('dialogue.compositionOk')}</p>}
      </section>
      {view.checks.length > 0 && (
        <section data-testid="dialogue-checks">
          <h2>{t('dialogue.checks')}</h2>
          <ul>
            {view.checks.map((check, index) => (
              <li key={`${check.ruleId}-${index}`} className={`check-${check.status}`}>
                <strong>{t(`dialogue.checkStatus.${check.status}`)}</strong>: {check.message[language]}{' '}
                <span className="citation">({formatCitation(check.citation, language)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
