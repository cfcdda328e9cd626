import { describe, expect, it } from 'vitest';
import { weekendRestCalendar } from '#shared/calendar/workingDays';
import { dialogueChecks } from '#shared/dialogue/checks';
import { compositionOf, quorumOf, workerBandOf, workersQuorate } from '#shared/dialogue/composition';
import { dialogueDeadlines, latestAgendaDay, publicationDeadline, requestReplyDeadline } from '#shared/dialogue/deadlines';
import { canTake, followUpDone, requestBacked } from '#shared/dialogue/steps';
import { employerSide, periodicDialogue, person, workerSide } from './dialogueFixtures';

// The rules of Decree 145/2020/ND-CP Art. 38–40 as the dialogue record applies them: the size of
// each side, the quorum, the deadlines in working days of Vietnam's calendar, and the checks.

describe('the worker side’s size by headcount (Decree 145 Art. 38)', () => {
  it.each([
    [1, 3, null],
    [49, 3, null],
    [50, 4, 8],
    [149, 4, 8],
    [150, 9, 13],
    [299, 9, 13],
    [300, 14, 18],
    [499, 14, 18],
    [500, 19, 23],
    [999, 19, 23],
    [1_000, 24, null],
    [25_000, 24, null],
  ])('%i workers call for %i to %s representatives', (headcount, min, max) => {
    expect(workerBandOf(headcount)).toEqual({ min, max });
  });

  it('refuses a headcount that is not a whole number from 1', () => {
    expect(() => workerBandOf(0)).toThrow(RangeError);
    expect(() => workerBandOf(12.5)).toThrow(RangeError);
  });

  it.each([
    [150, 8, true],
    [150, 9, false],
    [299, 13, false],
    [299, 14, true],
    [49, 2, true],
    [49, 3, false],
    [1_000, 23, true],
    [1_000, 40, false],
  ])('an enterprise of %i workers with %i worker representatives is short or over its band: %s', (headcount, workers, outside) => {
    const dialogue = periodicDialogue(headcount, { participants: [...employerSide(), ...workerSide(workers)] });
    expect(compositionOf(dialogue).shortfall.workerBand).toBe(outside);
  });

  it('the employer side counts at least 3 with the legal representative', () => {
    const two = compositionOf(periodicDialogue(40, { participants: [...employerSide().slice(0, 2), ...workerSide(3)] }));
    expect(two.shortfall).toEqual({ employerCount: true, legalRepresentative: false, workerBand: false, female: false });
    const noHead = compositionOf(
      periodicDialogue(40, { participants: [person('e1', 'employer'), person('e2', 'employer'), person('e3', 'employer'), ...workerSide(3)] }),
    );
    expect(noHead.shortfall).toEqual({ employerCount: false, legalRepresentative: true, workerBand: false, female: false });
  });

  it('a woman sits on the worker side when women workers’ issues are on the agenda', () => {
    const agenda = [{ id: 'a1', title: 'Chế độ thai sản', submissionIds: [], womenIssue: true }];
    expect(compositionOf(periodicDialogue(40, { agenda })).shortfall.female).toBe(true);
    const withWoman = periodicDialogue(40, { agenda, participants: [...employerSide(), ...workerSide(2), person('w3', 'union', { female: true })] });
    expect(compositionOf(withWoman).shortfall.female).toBe(false);
    // Without such an item, no woman is required.
    expect(compositionOf(periodicDialogue(40)).shortfall.female).toBe(false);
  });

  it('a provincial conference and a worker conference are outside Art. 38', () => {
    for (const kind of ['provincial_conference', 'worker_conference'] as const) {
      const composition = compositionOf(periodicDialogue(400, { kind, participants: [person('e1', 'employer')] }));
      expect(composition.shortfall, kind).toEqual({ employerCount: false, legalRepresentative: false, workerBand: false, female: false });
      expect(composition.worker.band, kind).toBeNull();
    }
  });
});

describe('the quorum (Decree 145 Art. 39)', () => {
  it('needs more than 70% of the worker representatives: 7 of 10 is not enough, 8 is', () => {
    expect(workersQuorate(7, 10)).toBe(false);
    expect(workersQuorate(8, 10)).toBe(true);
    expect(workersQuorate(2, 3)).toBe(false);
    expect(workersQuorate(3, 3)).toBe(true);
    expect(workersQuorate(0, 0)).toBe(false);
  });

  it('needs the legal representative or the person they authorised', () => {
    const participants = [...employerSide(), person('e4', 'employer', { authorised: true }), ...workerSide(10)];
    const workers = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'];
    expect(quorumOf(participants, ['e1', ...workers])).toEqual({ employerHead: true, workersPresent: 8, workersListed: 10, met: true });
    expect(quorumOf(participants, ['e4', ...workers]).met).toBe(true);
    expect(quorumOf(participants, ['e2', 'e3', ...workers])).toEqual({ employerHead: false, workersPresent: 8, workersListed: 10, met: false });
    expect(quorumOf(participants, ['e1', ...workers.slice(1)]).met).toBe(false);
  });
});

describe('the deadlines, in working days across Tết and weekends', () => {
  // Tết 2027: 5–9 February (Friday to Tuesday); the Sunday holiday owes Wednesday 10 February.
  it('the agenda goes out with five whole working days before the meeting', () => {
    // Monday 15 Feb: Sat 13, Fri 12, Thu 11, then Thu 4 and Wed 3 February are the five days.
    expect(latestAgendaDay('2027-02-15')).toBe('2027-02-02');
    // Monday 11 January: Saturday 9 back to Tuesday 5 under Sunday rest; to Monday 4 when Saturday is off too.
    expect(latestAgendaDay('2027-01-11')).toBe('2027-01-04');
    expect(latestAgendaDay('2027-01-11', weekendRestCalendar)).toBe('2027-01-03');
  });

  it('the main content is published within 3 working days, and a request answered within 5', () => {
    // Held Thursday 4 Feb: Tết and the day it owes are skipped; Thu 11, Fri 12, Sat 13.
    expect(publicationDeadline('2027-02-04')).toBe('2027-02-13');
    // Saturday and Sunday rest: the two holidays on rest days owe Wednesday 10 and Thursday 11; Fri 12, Mon 15, Tue 16.
    expect(publicationDeadline('2027-02-04', weekendRestCalendar)).toBe('2027-02-16');
    // Requested Wednesday 3 Feb: Thu 4, Thu 11, Fri 12, Sat 13, Mon 15.
    expect(requestReplyDeadline('2027-02-03')).toBe('2027-02-15');
  });

  it('says which deadline is open, met or missed, and why one cannot be counted', () => {
    const draft = periodicDialogue(40);
    expect(dialogueDeadlines(draft, '2027-01-20')).toEqual([
      { id: 'agenda', citation: { law: 'D145', article: 39 }, due: '2027-02-02', workingDaysLeft: 11, status: 'open', reason: null },
    ]);
    expect(dialogueDeadlines(draft, '2027-02-03')[0]?.status).toBe('missed');
    const sentLate = { ...draft, state: 'agenda_sent' as const, agendaSentOn: '2027-02-03' };
    expect(dialogueDeadlines(sentLate, '2027-02-03')[0]).toMatchObject({ status: 'missed', due: '2027-02-02' });
    const held = { ...draft, state: 'held' as const, agendaSentOn: '2027-02-01', heldOn: '2027-02-15' };
    expect(dialogueDeadlines(held, '2027-02-16').map((deadline) => [deadline.id, deadline.status, deadline.due])).toEqual([
      ['agenda', 'met', '2027-02-02'],
      ['publication', 'open', '2027-02-18'],
    ]);
    const noDate = periodicDialogue(40, { meeting: { date: null, time: null, place: '' } });
    expect(dialogueDeadlines(noDate, '2027-01-20')[0]).toMatchObject({ status: 'unknown', due: null });
    const farFuture = periodicDialogue(40, { meeting: { date: '2300-03-01', time: null, place: '' } });
    expect(dialogueDeadlines(farFuture, '2027-01-20')[0]).toMatchObject({
      status: 'unknown',
      due: null,
      reason: { vi: expect.any(String), en: expect.any(String) },
    });
  });
});

describe('the steps and the request', () => {
  it('a request of the worker side needs at least 30% of the representatives', () => {
    expect(requestBacked(3, 10)).toBe(true);
    expect(requestBacked(2, 10)).toBe(false);
    expect(requestBacked(2, 7)).toBe(false);
    expect(requestBacked(3, 7)).toBe(true);
    expect(requestBacked(11, 10)).toBe(false);
  });

  it('allows each step in its states only', () => {
    expect(canTake('send_agenda', 'draft')).toBe(true);
    expect(canTake('send_agenda', 'agenda_sent')).toBe(false);
    expect(canTake('answer_directly', 'held')).toBe(true);
    expect(canTake('answer_directly', 'published')).toBe(false);
    expect(canTake('publish', 'held')).toBe(false);
    expect(canTake('written_answers', 'published')).toBe(true);
  });

  it('the follow-up is over once every commitment is done and no written answer is owed', () => {
    const commitment = { id: 'c1', text: 'Lắp quạt', owner: { kind: 'person' as const, name: 'Ông Tuấn' }, due: null, doneOn: null, submissionId: null };
    const published = periodicDialogue(40, { state: 'published', commitments: [commitment] });
    expect(followUpDone(published, 0)).toBe(false);
    const done = { ...published, commitments: [{ ...commitment, doneOn: '2027-03-01' }] };
    expect(followUpDone(done, 1)).toBe(false);
    expect(followUpDone(done, 0)).toBe(true);
  });
});

describe('the checks of the records', () => {
  const today = '2027-03-01';

  it('no periodic dialogue in the last 12 months, for an employer’s workspace only', () => {
    const old = periodicDialogue(40, { state: 'completed', heldOn: '2026-02-27' });
    const [periodic] = dialogueChecks({ dialogues: [old], writtenOverdue: new Map(), today, employerWorkspace: true });
    expect(periodic).toMatchObject({ ruleId: 'dialogue.periodic', status: 'problem', citation: { law: 'LC2019', article: 63, clause: 2, point: 'a' } });
    expect(periodic?.message.en).toContain('27/02/2026');
    const recent = periodicDialogue(40, { state: 'completed', heldOn: '2026-03-01' });
    expect(dialogueChecks({ dialogues: [recent], writtenOverdue: new Map(), today, employerWorkspace: true })[0]).toMatchObject({ status: 'ok' });
    // Without any record, nothing says whether it was held.
    expect(dialogueChecks({ dialogues: [], writtenOverdue: new Map(), today, employerWorkspace: true })[0]).toMatchObject({ status: 'pending' });
    expect(dialogueChecks({ dialogues: [], writtenOverdue: new Map(), today, employerWorkspace: false })).toEqual([]);
  });

  it('a composition short is pending while preparing and a problem once held; a quorum short and a late step are problems', () => {
    const short = periodicDialogue(200, { meeting: { date: '2027-03-20', time: null, place: '' } });
    const pending = dialogueChecks({ dialogues: [short], writtenOverdue: new Map(), today, employerWorkspace: false });
    expect(pending.find((check) => check.ruleId === 'dialogue.composition')).toMatchObject({ status: 'pending', citation: { law: 'D145', article: 38 } });
    expect(pending.find((check) => check.ruleId === 'dialogue.composition')?.message.en).toContain('200 workers call for 9–13');

    const held = periodicDialogue(40, { state: 'held', agendaSentOn: '2027-02-10', heldOn: '2027-02-15', attendance: ['e1', 'w1', 'w2'] });
    const checks = dialogueChecks({ dialogues: [held], writtenOverdue: new Map([['dt1', 2]]), today, employerWorkspace: false });
    expect(checks.map((check) => [check.ruleId, check.status])).toEqual([
      ['dialogue.composition', 'ok'],
      ['dialogue.procedure', 'problem'],
      ['dialogue.procedure', 'problem'],
      ['dialogue.procedure', 'problem'],
      ['dialogue.written_answers', 'problem'],
    ]);
    const messages = checks.map((check) => check.message.en).join('\n');
    expect(messages).toContain('sending the agenda (at least 5 working days before) is late; the last day was 02/02/2027');
    expect(messages).toContain('publishing the main content (within 3 working days) is late; the last day was 18/02/2027');
    expect(messages).toContain('2 of 3 worker representatives present');
    expect(messages).toContain('2 written answers past the due date');
  });
});
