/**
 * The states that follow from the calendar rather than from a step: a signed agreement is in force
 * from its effective date (LC Art. 78(1)), expiring in the 90 days before its term ends (Art. 83(1):
 * the window to negotiate an extension or a new agreement) and expired after; registered labour
 * regulations take effect 15 days after the authority receives a complete dossier (Art. 121) unless
 * the authority asked for amendments within its 7 working days (Art. 119(3)).
 */
import { shiftDate, type IsoDate } from '#shared/calendar/isoDate';
import { addCalendarDays } from '#shared/calendar/workingDays';
import { isCollectiveAgreement, type DocumentKind } from '#shared/documents/kinds';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { RoundFacts } from '#shared/lifecycle/model';
import { latestAnswer, type LifecycleRecord } from '#shared/lifecycle/record';

/** Art. 83(1): the parties may negotiate within the 90 days before the agreement expires. */
export const renewalWindowDays = 90;

/** Art. 121: labour regulations take effect 15 days after the authority receives a complete dossier. */
export const regulationsEffectDays = 15;

/** The first day of the renewal window of a signed agreement (Art. 83(1)). */
export function renewalWindowStart(expiresOn: IsoDate): IsoDate {
  return shiftDate(expiresOn, -renewalWindowDays);
}

/** The day registered regulations take effect (Art. 121): the 15th day after the dossier was received. */
export function regulationsEffectiveOn(filedOn: IsoDate): IsoDate {
  return addCalendarDays(filedOn, regulationsEffectDays);
}

/**
 * Whether the authority's answer stops registered regulations from taking effect: a request for
 * amendments made within the 7 working days of Art. 119(3). A late request is recorded and shown,
 * but the regulations take effect under Art. 121 all the same.
 */
export function amendmentsPending(round: RoundFacts): boolean {
  const answer = latestAnswer(round);
  return answer?.decision === 'amendments_requested' && !answer.late;
}

/** The state of an agreement signed in this round, on a date. */
function agreementStateOn(record: LifecycleRecord, today: IsoDate): LifecycleState {
  const signing = record.current.signing;
  if (!signing || (record.proceduralState !== 'signed' && record.proceduralState !== 'submitted')) return record.proceduralState;
  if (today > signing.expiresOn) return 'expired';
  if (today >= renewalWindowStart(signing.expiresOn) && today >= signing.effectiveOn) return 'expiring';
  if (today >= signing.effectiveOn) return 'in_force';
  return record.proceduralState;
}

function regulationsStateOn(record: LifecycleRecord, today: IsoDate): LifecycleState {
  const registration = record.current.registration;
  if (!registration || record.proceduralState !== 'registration_sent') return record.proceduralState;
  if (amendmentsPending(record.current)) return 'registration_sent';
  return today >= regulationsEffectiveOn(registration.filedOn) ? 'in_force' : 'registration_sent';
}

/** The state of a document on a date: its last step's state, moved on by the calendar. */
export function currentState(record: LifecycleRecord, today: IsoDate): LifecycleState {
  return isCollectiveAgreement(record.kind) ? agreementStateOn(record, today) : regulationsStateOn(record, today);
}

const frozenAgreementStates: ReadonlySet<LifecycleState> = new Set(['employee_vote', 'signed', 'submitted', 'in_force', 'expiring', 'expired']);
const frozenRegulationsStates: ReadonlySet<LifecycleState> = new Set(['issued', 'registration_sent', 'in_force']);

/**
 * Whether the text may no longer change. An agreement is frozen from the moment its draft is put
 * to the workers' vote (they vote on that text, Art. 76(1)) and after it is signed; only a return
 * to bargaining or an amendment (Art. 82) opens it again. Labour regulations are frozen once
 * issued: the registered text is the issued one (Art. 119-120); amending them opens a new round.
 */
export function isTextFrozen(kind: DocumentKind, state: LifecycleState): boolean {
  return (isCollectiveAgreement(kind) ? frozenAgreementStates : frozenRegulationsStates).has(state);
}

/** Whether the round has been sent to the authority: the agreement (Art. 77) or the registration dossier (Art. 119). */
export function isSentToAuthority(record: LifecycleRecord): boolean {
  return isCollectiveAgreement(record.kind) ? record.current.sentToAuthority !== undefined : record.current.registration !== undefined;
}

/** The date the authority received the round (the agreement or the dossier), if sent. */
export function sentToAuthorityOn(record: LifecycleRecord): IsoDate | undefined {
  return isCollectiveAgreement(record.kind) ? record.current.sentToAuthority?.sentOn : record.current.registration?.filedOn;
}
