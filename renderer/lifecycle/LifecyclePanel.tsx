import { useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiClient } from '#shared/api/client';
import type { LifecycleView, OpenItems } from '#shared/api/lifecycle';
import { formatCitation } from '#shared/compliance/citations';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import { partyNames } from '#shared/export/parties';
import type { Language } from '#shared/format/locale';
import { formatIsoDate, formatVietnamDateTime } from '#shared/format/vietnamTime';
import { agreementStates, regulationsStates } from '#shared/lifecycle/lifecycle';
import { describeVote } from '#shared/lifecycle/vote';
import type { Side } from '#shared/sides';
import { useLanguage } from '../i18n/i18n';
import { textFactsOf } from '#shared/lifecycle/complianceInput';
import type { VariableValue } from '#shared/templates/schema';
import type { DocumentVariables } from '../variables/documentVariables';
import { DocumentChecksContext, useLifecycleSnapshot } from './documentChecks';
import { awaitingSignature, deadlineWhen, isDeadlineAlarming } from './lifecycleFormat';
import { ErrorNotice } from '../components/ErrorNotice';
import { StepForm, type FormStep, type TextValues } from './StepForm';
import { useOpenItems, VoteGate } from './VoteGate';

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
  const draft = round.putToVote;
  if (draft) {
    const articles = (list: readonly { number: number; title: string }[]) => list.map((article) => t('negotiation.articleRef', article)).join('; ');
    lines.push(t('lifecycle.facts.draft', { agreed: draft.agreedCount, count: draft.articleCount }));
    const leftOut = draft.notAgreed.filter((article) => article.leftOut);
    if (leftOut.length > 0) lines.push(t('lifecycle.facts.leftOut', { list: articles(leftOut) }));
    if (draft.override)
      lines.push(t('lifecycle.facts.override', { list: articles(draft.notAgreed.filter((article) => !article.leftOut)), reason: draft.override.reason }));
    if (draft.violations.length > 0)
      lines.push(t('lifecycle.facts.violations', { list: draft.violations.map((violation) => violation.rule[language]).join('; ') }));
  }
  for (const vote of round.votes) lines.push(t('lifecycle.facts.vote', { date: d(vote.votedOn), text: describeVote(vote)[language] }));
  for (const signature of [round.signatures.employer, round.signatures.union]) {
    if (signature)
      lines.push(
        t('lifecycle.signatures.signed', {
          side: t(`lifecycle.signatures.side.${signature.side}`),
          name: signature.representative.name,
          title: signature.representative.title,
          place: signature.place,
          date: d(signature.signedOn),
        }),
      );
  }
  const awaiting = awaitingSignature(round);
  if (awaiting) lines.push(t('lifecycle.signatures.awaiting', { side: t(`lifecycle.signatures.side.${awaiting}`) }));
  if (round.signing) {
    lines.push(
      t('lifecycle.facts.signed', {
        date: d(round.signing.signedOn),
        effective: d(round.signing.effectiveOn),
        expires: d(round.signing.expiresOn),
        months: round.signing.termMonths,
      }),
    );
    if (round.signing.signatories.length > 0) lines.push(t('lifecycle.facts.signatories', { names: round.signing.signatories.join(', ') }));
  }
  if (round.sentToAuthority)
    lines.push(
      t('lifecycle.facts.sent', { date: d(round.sentToAuthority.sentOn), authority: round.sentToAuthority.authority ?? t('lifecycle.field.authorityDefault') }),
    );
  if (round.consultation) lines.push(t('lifecycle.facts.consultation', { date: d(round.consultation.sentOn) }));
  if (round.consultation?.opinion)
    lines.push(t('lifecycle.facts.opinion', { date: d(round.consultation.opinion.receivedOn), text: round.consultation.opinion.opinion }));
  if (round.issue) lines.push(t('lifecycle.facts.issued', { date: d(round.issue.issuedOn) }));
  if (round.salaryScale?.consultedOn) lines.push(t('lifecycle.facts.scaleConsulted', { date: d(round.salaryScale.consultedOn) }));
  if (round.salaryScale?.publishedOn) lines.push(t('lifecycle.facts.scalePublished', { date: d(round.salaryScale.publishedOn) }));
  if (round.registration) lines.push(t('lifecycle.facts.registration', { date: d(round.registration.filedOn) }));
  // Earlier rounds: the agreement signed before stays in force until its own term ends (Art. 83).
  for (const previous of view.previous) {
    if (previous.signing)
      lines.push(t('lifecycle.facts.previous', { round: previous.round, date: d(previous.signing.signedOn), expires: d(previous.signing.expiresOn) }));
    else if (previous.issue) lines.push(t('lifecycle.facts.previousIssued', { round: previous.round, date: d(previous.issue.issuedOn) }));
  }
  return lines;
}

/** A step in the history: its name, and the article or side it concerned. */
function historyLabel(t: TFunction, event: LifecycleView['events'][number]): string {
  const { facts } = event;
  if (facts.type === 'time_passed') return t('lifecycle.timePassed', { state: t(`lifecycle.state.${event.to}`) });
  const name = t(`lifecycle.step.${facts.type}`);
  if (facts.type === 'leave_out_article') return `${name}: ${t('negotiation.articleRef', facts.article)}`;
  if (facts.type === 'sign' && facts.signature) return t('lifecycle.signatureRecorded', { side: t(`lifecycle.signatures.side.${facts.signature.side}`) });
  return name;
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

function textValuesOf(variables: DocumentVariables): TextValues {
  const values = variables.values.toJSON() as Record<string, VariableValue>;
  const facts = textFactsOf(values);
  const parties = partyNames(values);
  return {
    ...(facts.effectiveDate ? { effectiveDate: facts.effectiveDate } : {}),
    ...(facts.termYears === undefined ? {} : { termYears: facts.termYears }),
    signers: {
      employer: { name: parties.employerRepresentative ?? '', title: parties.employerRepresentativeTitle ?? '' },
      union: { name: parties.unionRepresentative ?? '', title: '' },
    },
    place: parties.place ?? '',
  };
}

/** Before the vote (agreements in bargaining): what is open, from the server, fetched again after each step. */
function BargainingGate({
  client,
  view,
  onStep,
  children,
}: {
  client: ApiClient;
  view: LifecycleView;
  onStep: (view: LifecycleView) => void;
  children: (refresh: () => Promise<OpenItems | null>) => ReactNode;
}) {
  const { items, error, refresh } = useOpenItems(client, view.documentId, view.events.length);
  return (
    <>
      {items ? <VoteGate client={client} view={view} items={items} refresh={refresh} onStep={onStep} /> : <ErrorNotice error={error} />}
      {children(refresh)}
    </>
  );
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
  // The first round needs no word; an amendment or a renewal says which it is.
  const basis = view.current.basis === 'initial' ? null : t(`lifecycle.roundBasis.${view.current.basis}`);
  const accept = (next: LifecycleView) => store.acceptLifecycle(next);
  const formSteps = view.openSteps.filter(
    (type): type is FormStep => type !== 'record_authority_answer' && type !== 'leave_out_article' && type !== 'withdraw_leave_out',
  );
  const inBargaining = view.state === 'bargaining' && isCollectiveAgreement(view.kind);
  const steps = (openItems: (() => Promise<OpenItems | null>) | undefined) => (
    <>
      <h3>{t('lifecycle.stepsTitle')}</h3>
      {formSteps.length === 0 ? (
        <p className="empty-state">{t('lifecycle.noSteps')}</p>
      ) : (
        formSteps.map((type) => (
          <StepForm
            key={`${type}-${view.events.length}`}
            type={type}
            view={view}
            client={client}
            side={side}
            textValues={textValues}
            {...(openItems ? { openItems } : {})}
            onDone={accept}
          />
        ))
      )}
    </>
  );
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
            <li
              key={deadline.id}
              data-testid={`deadline-${deadline.id}`}
              className={`deadline status-${deadline.status}${isDeadlineAlarming(deadline) ? ' alarming' : ''}`}
            >
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
      {inBargaining ? (
        <BargainingGate client={client} view={view} onStep={accept}>
          {steps}
        </BargainingGate>
      ) : (
        steps(undefined)
      )}
      <h3>{t('lifecycle.historyTitle')}</h3>
      <ol className="lifecycle-history">
        {view.events.map((event) => (
          <li key={event.id}>
            <span className="when">{formatVietnamDateTime(event.at, language)}</span> {historyLabel(t, event)}
            {' — '}
            {event.facts.type === 'time_passed' ? t('lifecycle.calendar') : (event.actor.name ?? t('lifecycle.host'))}
          </li>
        ))}
      </ol>
    </div>
  );
}
