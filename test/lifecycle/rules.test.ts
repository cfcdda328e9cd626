import { describe, expect, it } from 'vitest';
import { vietnamDate } from '#shared/format/vietnamTime';
import { addMonths, termLastDay } from '#shared/lifecycle/dates';
import { answerDeadline, deadlinesOf, filingDeadline, nextDeadline } from '#shared/lifecycle/deadlines';
import { agreementSteps, openSteps } from '#shared/lifecycle/lifecycle';
import { foldEvents } from '#shared/lifecycle/record';
import type { LifecycleEventRecord } from '#shared/lifecycle/model';
import { currentState, isTextFrozen } from '#shared/lifecycle/timeStates';
import { countVote, isMajority } from '#shared/lifecycle/vote';

// The pure rules of shared/lifecycle: dates, the majority, states from the calendar, who sees which step.

type Step = Pick<LifecycleEventRecord, 'to' | 'facts'>;

const signedAgreement: Step[] = [
  { to: 'bargaining', facts: { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' } },
  { to: 'bargaining', facts: { type: 'record_bargaining_dates', startedOn: '2027-01-11' } },
  { to: 'employee_vote', facts: { type: 'open_vote', concludedOn: '2027-01-20' } },
  { to: 'employee_vote', facts: { type: 'record_vote', vote: countVote('enterprise_agreement', '2027-01-22', [{ name: '', eligible: 100, inFavour: 51 }]) } },
  {
    to: 'signed',
    facts: {
      type: 'sign',
      signing: {
        signedOn: '2027-01-27',
        effectiveOn: '2027-03-01',
        effectiveSource: 'agreed',
        termMonths: 12,
        expiresOn: '2028-02-29',
        signatories: [],
        signedVersionId: null,
      },
    },
  },
];

describe('lifecycle rules', () => {
  it('counts days in Vietnam, months to the end of shorter months, terms to their last day', () => {
    expect(vietnamDate(Date.parse('2027-01-04T16:59:59Z'))).toBe('2027-01-04');
    expect(vietnamDate(Date.parse('2027-01-04T17:00:00Z'))).toBe('2027-01-05');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-03-31', 11)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(termLastDay('2027-03-01', 12)).toBe('2028-02-29');
    expect(termLastDay('2027-01-01', 36)).toBe('2029-12-31');
  });

  it('needs more than half: 51 of 100 and 50 of 99 pass, 50 of 100 and 49 of 99 do not; per enterprise, none passing is a failed vote', () => {
    expect(isMajority(51, 100)).toBe(true);
    expect(isMajority(50, 100)).toBe(false);
    expect(isMajority(50, 99)).toBe(true);
    expect(isMajority(49, 99)).toBe(false);
    expect(
      countVote('multi_enterprise_agreement', '2027-01-20', [
        { name: 'A', eligible: 10, inFavour: 5 },
        { name: 'B', eligible: 10, inFavour: 5 },
      ]).passed,
    ).toBe(false);
  });

  it('moves a signed agreement into force, to expiring 90 days before its last day, and to expired, by the calendar alone', () => {
    const record = foldEvents('enterprise_agreement', signedAgreement);
    expect(currentState(record, '2027-02-28')).toBe('signed');
    expect(currentState(record, '2027-03-01')).toBe('in_force');
    // 29 Feb 2028 − 90 days = 1 Dec 2027.
    expect(currentState(record, '2027-11-30')).toBe('in_force');
    expect(currentState(record, '2027-12-01')).toBe('expiring');
    expect(currentState(record, '2028-02-29')).toBe('expiring');
    expect(currentState(record, '2028-03-01')).toBe('expired');
    expect(deadlinesOf(record, '2027-12-01').find((deadline) => deadline.id === 'renewal_window')).toMatchObject({
      due: '2027-12-01',
      left: 0,
      status: 'date',
    });
  });

  it('freezes the text of an agreement before the workers and after signing, of regulations once issued', () => {
    expect(
      ['drafting', 'bargaining', 'employee_vote', 'signed', 'submitted', 'in_force', 'expiring', 'expired'].map((state) =>
        isTextFrozen('enterprise_agreement', state as never),
      ),
    ).toEqual([false, false, true, true, true, true, true, true]);
    expect(
      ['drafting', 'union_consultation', 'issued', 'registration_sent', 'in_force'].map((state) => isTextFrozen('labour_regulations', state as never)),
    ).toEqual([false, false, true, true, true]);
  });

  it('offers each side only its own steps from the state the document is in', () => {
    const record = foldEvents('enterprise_agreement', signedAgreement.slice(0, 3));
    expect(openSteps(record, 'employee_vote', { kind: 'participant', side: 'union' })).toEqual(['return_to_bargaining', 'record_vote', 'sign']);
    expect(openSteps(record, 'employee_vote', { kind: 'participant', side: 'employer' })).toEqual(['return_to_bargaining', 'sign']);
    expect(openSteps(record, 'employee_vote', { kind: 'participant', side: 'reviewer' })).toEqual([]);
    expect(openSteps(record, 'employee_vote', { kind: 'host' })).toEqual(['sign']);
    expect(agreementSteps).toHaveLength(10);
  });

  it('computes the sending and answer deadlines across Tết and National Day', () => {
    // Signed Sat 22 Aug 2026: day 10 is Tue 1 Sep; 1-2 Sep 2026 are National Day: Thu 3 Sep.
    expect(filingDeadline('2026-08-22')).toBe('2026-09-03');
    expect(filingDeadline('2026-08-20')).toBe('2026-08-31');
    // Registration received Wed 3 Feb 2027: Thu 4, then Tết and compensatory days, Fri 12 ... Fri 19 Feb.
    expect(answerDeadline('2027-02-03')).toBe('2027-02-19');
  });
  it('lists a time limit through a year whose holidays are unknown as uncounted, and the header shows it first', () => {
    const record = foldEvents('enterprise_agreement', [
      { to: 'bargaining', facts: { type: 'request_bargaining', requestReceivedOn: '2020-12-28', requestedBy: 'union' } },
    ]);
    const deadlines = deadlinesOf(record, '2021-01-04');
    // The 7 working days start in 2020; the 30 days end on Wed 27 Jan 2021, a working day the calendar knows.
    expect(deadlines).toEqual([
      {
        id: 'bargaining_logistics',
        citation: { law: 'LC2019', article: 70, clause: 1 },
        unit: 'working_days',
        status: 'uncounted',
        reason: {
          vi: 'Không tính được: chưa có các ngày nghỉ lễ, tết của năm 2020 (lịch chỉ có các năm 2021–2199)',
          en: 'Cannot be counted: the public holidays of 2020 are not known (the calendar covers 2021–2199)',
        },
      },
      { id: 'bargaining_start', citation: { law: 'LC2019', article: 70, clause: 1 }, due: '2021-01-27', unit: 'days', left: 23, status: 'open' },
    ]);
    expect(nextDeadline(deadlines)?.id).toBe('bargaining_logistics');
  });
});
