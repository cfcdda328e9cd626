/**
 * The lifecycle rules in one place: whether an actor may take a step now, what it records, and
 * which steps are open to whom. Pure: the server decides with it, the interface shows with it.
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import { UnknownHolidayYearError } from '#shared/calendar/publicHolidays';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import { lc } from '#shared/compliance/citations';
import { lifecycleStates, type LifecycleState } from '#shared/documents/lifecycleStates';
import { decideAgreementStep } from '#shared/lifecycle/agreementMachine';
import { answerDeadline } from '#shared/lifecycle/deadlines';
import type { AuthorityAnswerStep, LifecycleAction, LifecycleActionType } from '#shared/lifecycle/model';
import { isPermitted, regulationsAmendmentPermission, stepPermissions, type LifecycleActor, type StepPermission } from '#shared/lifecycle/permissions';
import type { LifecycleRecord } from '#shared/lifecycle/record';
import { decideRegulationsStep } from '#shared/lifecycle/regulationsMachine';
import { decideSalaryScaleStep } from '#shared/lifecycle/salaryScaleSteps';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { allowed, futureDate, refusal, type StepDecision, type StepEnvironment, type StepRefusal } from '#shared/lifecycle/refusals';
import { stateNames } from '#shared/lifecycle/stateNames';
import { isSentToAuthority, sentToAuthorityOn } from '#shared/lifecycle/timeStates';

/** The steps of each kind of document, in the order the procedure takes them. */
export const agreementSteps = [
  'request_bargaining',
  'record_bargaining_dates',
  'leave_out_article',
  'withdraw_leave_out',
  'open_vote',
  'return_to_bargaining',
  'record_vote',
  'sign',
  'send_to_authority',
  'open_amendment',
] as const satisfies readonly LifecycleActionType[];
export const regulationsSteps = [
  'start_consultation',
  'record_union_opinion',
  'issue',
  'send_registration',
  'open_amendment',
] as const satisfies readonly LifecycleActionType[];

/** The states of each kind of document, in order (the state list holds both). */
export const agreementStates = [
  'drafting',
  'bargaining',
  'employee_vote',
  'signed',
  'submitted',
  'in_force',
  'expiring',
  'expired',
] as const satisfies readonly LifecycleState[];
export const regulationsStates = ['drafting', 'union_consultation', 'issued', 'registration_sent', 'in_force'] as const satisfies readonly LifecycleState[];

/** Who may take a step on this kind of document. */
export function permissionFor(record: LifecycleRecord, type: LifecycleActionType): StepPermission {
  return type === 'open_amendment' && !isCollectiveAgreement(record.kind) ? regulationsAmendmentPermission : stepPermissions[type];
}

/** The refusal when the actor is not the one the law gives the step to; null when they are. */
export function permissionRefusal(record: LifecycleRecord, type: LifecycleActionType, actor: LifecycleActor): StepRefusal | null {
  const permission = permissionFor(record, type);
  if (isPermitted(permission, actor)) return null;
  const decision = refusal('forbidden', permission.citation, {
    vi: actor.kind === 'host' ? `Người quản trị không thực hiện bước này: ${permission.who.vi}` : `Bước này không thuộc về bên bạn: ${permission.who.vi}`,
    en: actor.kind === 'host' ? `The host does not take this step: ${permission.who.en}` : `This step is not your side's: ${permission.who.en}`,
  });
  return decision.ok ? null : decision.refusal;
}

/** The authority's answer on a round sent to it: accepted, or amendments requested with reasons (Art. 119(3); Art. 77). */
function decideAuthorityAnswer(
  record: LifecycleRecord,
  state: LifecycleState,
  step: AuthorityAnswerStep,
  env: StepEnvironment,
  byName: string | null,
): StepDecision {
  const regulations = !isCollectiveAgreement(record.kind);
  const citation = regulations ? lc(119, 3) : lc(77);
  const receivedOn = sentToAuthorityOn(record);
  if (!isSentToAuthority(record) || !receivedOn) {
    return refusal('conflict', citation, {
      vi: `Văn bản chưa được gửi đến cơ quan quản lý (hiện “${stateNames[state].vi}”): chưa có gì để thẩm định`,
      en: `The document has not been sent to the authority (it is “${stateNames[state].en}”): there is nothing to review yet`,
    });
  }
  if (step.decision === 'amendments_requested' && step.reasons.length === 0 && step.findingIds.length === 0) {
    return refusal('invalid_input', citation, {
      vi: 'Yêu cầu sửa đổi, bổ sung phải nêu lý do: ghi ít nhất một lý do hoặc một nhận xét trên điều khoản',
      en: 'A request for amendments gives its reasons: at least one reason or one finding on an article',
    });
  }
  const dated = futureDate(step.decidedOn, { vi: 'Ngày trả lời', en: 'The date of the answer' }, env.today);
  if (dated) return dated;
  let deadline: IsoDate | null = null;
  try {
    if (regulations) deadline = answerDeadline(receivedOn);
  } catch (error) {
    if (!(error instanceof UnknownHolidayYearError)) throw error;
    // Whether the answer came in time cannot be said, and the record would have to say it.
    return refusal('conflict', citation, {
      vi: `Chưa ghi nhận được câu trả lời: thời hạn 07 ngày làm việc kể từ khi nhận hồ sơ ngày ${formatIsoDate(receivedOn)} — ${error.reason.vi}`,
      en: `The answer cannot be recorded: the 7 working days from the dossier received on ${formatIsoDate(receivedOn)} — ${error.reason.en}`,
    });
  }
  // The answer moves no step: what it changes (regulations held back from effect) follows from it.
  return allowed(record.proceduralState, {
    type: 'record_authority_answer',
    answer: {
      decidedOn: step.decidedOn,
      decision: step.decision,
      reasons: step.reasons,
      findingIds: step.findingIds,
      deadline,
      late: deadline !== null && step.decidedOn > deadline,
      byName,
    },
  });
}

/**
 * Whether `actor` may take `action` on a document whose lifecycle is `record` and whose state today
 * is `state`; if so, the state it leads to and the facts to record.
 */
export function decideStep(
  record: LifecycleRecord,
  state: LifecycleState,
  action: LifecycleAction,
  actor: LifecycleActor,
  env: StepEnvironment,
  actorName: string | null = null,
): StepDecision {
  const forbidden = permissionRefusal(record, action.type, actor);
  if (forbidden) return { ok: false, refusal: forbidden };
  if (action.type === 'record_authority_answer') return decideAuthorityAnswer(record, state, action, env, actorName);
  if (action.type === 'record_scale_consultation' || action.type === 'publish_salary_scale') return decideSalaryScaleStep(record, action, env);
  return isCollectiveAgreement(record.kind)
    ? decideAgreementStep(record, state, action, env, { actor, name: actorName })
    : decideRegulationsStep(record, state, action, env);
}

/** The states from which each step can be taken (by its side), to offer only what is open now. */
const openFrom: Readonly<Record<LifecycleActionType, readonly LifecycleState[]>> = {
  request_bargaining: ['drafting'],
  record_bargaining_dates: ['bargaining'],
  leave_out_article: ['bargaining'],
  withdraw_leave_out: ['bargaining'],
  open_vote: ['bargaining'],
  return_to_bargaining: ['employee_vote'],
  record_vote: ['employee_vote'],
  sign: ['employee_vote'],
  send_to_authority: ['signed', 'in_force', 'expiring'],
  open_amendment: ['signed', 'submitted', 'in_force', 'expiring', 'expired', 'issued', 'registration_sent'],
  start_consultation: ['drafting'],
  record_union_opinion: ['union_consultation'],
  issue: ['drafting', 'union_consultation'],
  send_registration: ['issued'],
  record_authority_answer: ['submitted', 'in_force', 'expiring', 'expired', 'registration_sent'],
  // The salary scale has its own procedure, whatever the document's state; the salary scale's view
  // offers its steps (they are in neither list of steps above, which the lifecycle panel offers).
  record_scale_consultation: lifecycleStates,
  publish_salary_scale: lifecycleStates,
};

/** The steps an actor could take now (their side's, from this state); the facts are checked when taken. */
export function openSteps(record: LifecycleRecord, state: LifecycleState, actor: LifecycleActor): LifecycleActionType[] {
  const steps: readonly LifecycleActionType[] = isCollectiveAgreement(record.kind) ? agreementSteps : regulationsSteps;
  return steps.filter((type) => {
    if (permissionRefusal(record, type, actor)) return false;
    if (type === 'open_amendment' && !isCollectiveAgreement(record.kind) && state === 'in_force') return true;
    if (type === 'send_to_authority' && record.current.sentToAuthority) return false;
    if (type === 'withdraw_leave_out' && record.current.leftOut.length === 0) return false;
    // A side signs once; the host may record the signature of a side that has not signed yet.
    const { signatures } = record.current;
    if (type === 'sign' && (actor.kind === 'host' ? signatures.employer && signatures.union : actor.side !== 'reviewer' && signatures[actor.side]))
      return false;
    return openFrom[type].includes(state);
  });
}
