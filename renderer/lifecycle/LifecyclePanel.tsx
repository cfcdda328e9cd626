import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiClient } from '#shared/api/client';
import type { LifecycleView } from '#shared/api/lifecycle';
import { formatCitation } from '#shared/compliance/citations';
import { formatDateTime, type Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/lifecycle/dates';
import { agreementStates, regulationsStates } from '#shared/lifecycle/lifecycle';
import { describeVote } from '#shared/lifecycle/vote';
import type { Side } from '#shared/sides';
import { useLanguage } from '../i18n/i18n';
import { textFactsOf } from '#shared/lifecycle/complianceInput';
import type { VariableValue } from '#shared/templates/schema';
import type { DocumentVariables } from '../variables/documentVariables';
import { DocumentChecksContext, useLifecycleSnapshot } from './documentChecks';
import { deadlineWhen, isDeadlineAlarming } from './lifecycleFormat';
import { StepForm } from './StepForm';

const d = formatIsoDate;

/** The recorded facts of the round in progress, one line each. */
function factLines(t: TFunction, view: LifecycleView, language: Language): string[] {
  const round = view.current;
  const lines: string[] = [];
  if (round.bargaining) {
    lines.push(t('lifecycle.facts.request', { date: d(round.bargaining.requestReceivedOn) }));
    if (round.bargaining.startedOn) lines.push(t('lifecycle.facts.started', { date: d(round.bargaining.startedOn) }));
    if (round.bargaining.concludedOn) lines.push(t('lifecycle.facts.concluded', { date: d(round.bargaining.concludedOn) }));
  }
  for (const vote of round.votes) lines.push(t('lifecycle.facts.vote', { date: d(vote.votedOn), text: describeVote(vote)[language] }));
  if (round.signing) {
    lines.push(t('lifecycle.facts.signed', { date: d(round.signing.signedOn), effective: d(round.signing.effectiveOn), expires: d(round.signing.expiresOn), months: round.signing.termMonths }));
    if (round.signing.signatories.length > 0) lines.push(t('lifecycle.facts.signatories', { names: round.signing.signatories.join(', ') }));
  }
  if (round.sentToAuthority) lines.push(t('lifecycle.facts.sent', { date: d(round.sentToAuthority.sentOn), authority: round.sentToAuthority.authority ?? t('lifecycle.field.authorityDefault') }));
  if (round.consultation) lines.push(t('lifecycle.facts.consultation', { date: d(round.consultation.sentOn) }));
  if (round.consultation?.opinion) lines.push(t('lifecycle.facts.opinion', { date: d(round.consultation.opinion.receivedOn), text: round.consultation.opinion.opinion }));
  if (round.issue) lines.push(t('lifecycle.facts.issued', { date: d(round.issue.issuedOn) }));
  if (round.registration) lines.push(t('lifecycle.facts.registration', { date: d(round.registration.filedOn) }));
  // Earlier rounds: the agreement signed before stays in force until its own term ends (Art. 83).
  for (const previous of view.previous) {
    if (previous.signing) lines.push(t('lifecycle.facts.previous', { round: previous.round, date: d(previous.signing.signedOn), expires: d(previous.signing.expiresOn) }));
    else if (previous.issue) lines.push(t('lifecycle.facts.previousIssued', { round: previous.round, date: d(previous.issue.issuedOn) }));
  }
  return lines;
}

/** The states of the document's kind in order, the current one marked. */
function StateTrack({ view }: { view: LifecycleView }) {
  const { t } = useTranslation();
  const states = view.kind === 'labour_regulations' ? regulationsStates : agreementStates;
  return (
    <ol className="state-track">
      {states.map((state) => (
        <li key={state} className={state === view.state ? 'current' : undefined} aria-current={state === view.state ? 'step' : undefined}>
          {t(`lifecycle.state.${state}`)}
        </li>
      ))}
    </ol>
  );
}

export interface LifecyclePanelProps {
  client: ApiClient;
  side: Side;
  /** The document's values: the forms start from its effective date and term. */
  variables: DocumentVariables;
}

function textValuesOf(variables: DocumentVariables): { effectiveDate?: string; termYears?: number } {
  const facts = textFactsOf(variables.values.toJSON() as Record<string, VariableValue>);
  return { ...(facts.effectiveDate ? { effectiveDate: facts.effectiveDate } : {}), ...(facts.termYears === undefined ? {} : { termYears: facts.termYears }) };
}

/**
 * The document's way from draft to force: where it stands, the deadlines with the days left, what
 * was recorded, the steps open to this side (each checked by the server against the law), the history.
 */
export function LifecyclePanel({ client, side, variables }: LifecyclePanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useContext(DocumentChecksContext)?.lifecycle;
  const { lifecycle: view } = useLifecycleSnapshot();
  if (!view || !store) return <p>{t('common.loading')}</p>;
  const textValues = textValuesOf(variables);
  const basis = t(`lifecycle.roundBasis.${view.current.basis}`);
  return (
    <div className="lifecycle-panel" data-testid="lifecycle-panel" data-state={view.state}>
      <p className="lifecycle-state">
        <strong>{t(`lifecycle.state.${view.state}`)}</strong> · {t('lifecycle.round', { round: view.round })}
        {basis && ` — ${basis}`} · {t('lifecycle.today', { date: d(view.today) })}
      </p>
      <StateTrack view={view} />
      {view.frozen && <p className="notice frozen-note">{t('lifecycle.frozen')}</p>}
      <h3>{t('lifecycle.deadlinesTitle')}</h3>
      {view.deadlines.length === 0 ? (
        <p className="empty-state">{t('lifecycle.noDeadlines')}</p>
      ) : (
        <ul className="deadline-list">
          {view.deadlines.map((deadline) => (
            <li key={deadline.id} data-testid={`deadline-${deadline.id}`} className={`deadline status-${deadline.status}${isDeadlineAlarming(deadline) ? ' alarming' : ''}`}>
              <span>{t(`lifecycle.deadline.${deadline.id}`)}</span>
              <span className="deadline-when">{deadlineWhen(t, deadline, language)}</span>
              <span className="citation">{formatCitation(deadline.citation, language)}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('lifecycle.factsTitle')}</h3>
      <ul className="fact-list">
        {factLines(t, view, language).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>{t('lifecycle.stepsTitle')}</h3>
      {view.openSteps.length === 0 ? (
        <p className="empty-state">{t('lifecycle.noSteps')}</p>
      ) : (
        view.openSteps.map((type) =>
          type === 'record_authority_answer' ? null : <StepForm key={`${type}-${view.events.length}`} type={type} view={view} client={client} side={side} textValues={textValues} onDone={(next) => store.acceptLifecycle(next)} />,
        )
      )}
      <h3>{t('lifecycle.historyTitle')}</h3>
      <ol className="lifecycle-history">
        {view.events.map((event) => (
          <li key={event.id}>
            <span className="when">{formatDateTime(event.at, language)}</span>{' '}
            {event.facts.type === 'time_passed' ? t('lifecycle.timePassed', { state: t(`lifecycle.state.${event.to}`) }) : t(`lifecycle.step.${event.facts.type}`)}
            {' — '}
            {event.facts.type === 'time_passed' ? t('lifecycle.calendar') : (event.actor.name ?? t('lifecycle.host'))}
          </li>
        ))}
      </ol>
    </div>
  );
}
