import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { Dossier } from '#shared/lifecycle/model';
import { closeApi, inProcessTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { clauseIds, joinSeat } from '../negotiation/negotiationFixture';
import { goTo, openTable, refusedUnchanged, take } from './lifecycleFixture';

// Labour regulations (LC Art. 118-121; Decree 145 Art. 41): consulting the union, issue,
// registration within 10 days with the dossier of Art. 120, the authority's 7 working days, effect
// 15 days after a complete dossier — deadlines across Tết 2027 (5-9 Feb, compensatory 10-11 Feb).

const complete: Dossier = { request: true, regulations: true, unionOpinion: true, disciplineDocuments: 'none' };

describe('the lifecycle of labour regulations', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(inProcessTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  it('consults the union, is issued, registered, answered and in force; each step by its side, refused otherwise with nothing changed', async () => {
    const table = await openTable(api, admin, 'labour_regulations');
    const { documentId, employer, union, reviewer } = table;
    const refuse = (client: ApiClient, step: Parameters<typeof take>[2], code: 'forbidden' | 'conflict' | 'invalid_input', message: RegExp) =>
      refusedUnchanged(api, admin, documentId, () => take(client, documentId, step), code, message);
    expect((await employer.client.call('lifecycle/get', { documentId })).openSteps).toEqual(['start_consultation', 'issue']);
    await refuse(union.client, { type: 'start_consultation', sentOn: '2027-01-04' }, 'forbidden', /employer sends the draft.*Art\. 118\(3\)/);
    await refuse(
      employer.client,
      { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'employer' },
      'invalid_input',
      /does not apply to labour regulations/,
    );
    // Art. 118(3): where a representative organisation exists, it is consulted before the issue.
    await refuse(employer.client, { type: 'issue', issuedOn: '2027-01-04', withoutUnion: true }, 'conflict', /must be consulted.*Art\. 118\(3\)/);
    await refuse(employer.client, { type: 'issue', issuedOn: '2027-01-04' }, 'conflict', /only when the regulations are “union consultation”/);
    await take(employer.client, documentId, { type: 'start_consultation', sentOn: '2027-01-04' });
    await refuse(employer.client, { type: 'issue', issuedOn: '2027-01-04' }, 'conflict', /written opinion.*has not been recorded.*Art\. 118\(3\)/);
    await refuse(
      employer.client,
      { type: 'record_union_opinion', receivedOn: '2027-01-04', opinion: 'Đồng ý' },
      'forbidden',
      /Decree 145\/2020\/ND-CP Art\. 41\(1\)/,
    );
    goTo(clock, '2027-01-12');
    await take(union.client, documentId, { type: 'record_union_opinion', receivedOn: '2027-01-12', opinion: 'Công đoàn cơ sở đồng ý.' });
    await refuse(union.client, { type: 'issue', issuedOn: '2027-01-12' }, 'forbidden', /employer issues.*Art\. 118\(1\)/);
    await refuse(employer.client, { type: 'issue', issuedOn: '2027-01-11' }, 'invalid_input', /cannot be before the union's opinion/);
    goTo(clock, '2027-01-27');
    const issued = await take(employer.client, documentId, { type: 'issue', issuedOn: '2027-01-27' });
    expect(issued).toMatchObject({ state: 'issued', frozen: true });
    // Art. 119(2): 10 days from 27 Jan is Sat 6 Feb, in Tết: the last day is Thu 11 Feb.
    expect(issued.deadlines).toEqual([
      { id: 'registration_filing', citation: { law: 'LC2019', article: 119, clause: 2 }, due: '2027-02-11', unit: 'days', left: 15, status: 'open' },
    ]);

    goTo(clock, '2027-02-03');
    // Art. 120: the dossier must be complete.
    await refuse(
      employer.client,
      { type: 'send_registration', filedOn: '2027-02-03', dossier: { ...complete, unionOpinion: false } },
      'invalid_input',
      /lacks the written opinion.*Art\. 120/,
    );
    await refuse(
      employer.client,
      { type: 'send_registration', filedOn: '2027-02-03', dossier: { ...complete, request: false, disciplineDocuments: 'missing' } },
      'invalid_input',
      /request for registration \(Art\. 120\(1\)\); the documents on discipline/,
    );
    await refuse(union.client, { type: 'send_registration', filedOn: '2027-02-03', dossier: complete }, 'forbidden', /Art\. 119\(1\)/);
    const sent = await take(employer.client, documentId, {
      type: 'send_registration',
      filedOn: '2027-02-03',
      authority: 'Sở Nội vụ tỉnh Bình Dương',
      dossier: complete,
    });
    expect(sent).toMatchObject({ state: 'registration_sent', sentToAuthority: true, frozen: true });
    expect(sent.deadlines).toEqual([
      {
        id: 'registration_filing',
        citation: { law: 'LC2019', article: 119, clause: 2 },
        due: '2027-02-11',
        unit: 'days',
        left: 8,
        status: 'met',
        doneOn: '2027-02-03',
      },
      // Art. 119(3): 7 working days of the authority (Monday to Friday) across Tết: Thu 4 Feb, then
      // Fri 12, Mon 15 ... Fri 19 Feb (5-9 Feb Tết, 10-11 Feb compensatory for Sat 6 and Sun 7).
      { id: 'authority_answer', citation: { law: 'LC2019', article: 119, clause: 3 }, due: '2027-02-19', unit: 'working_days', left: 7, status: 'open' },
      // Art. 121: 15 days after the complete dossier.
      { id: 'regulations_effect', citation: { law: 'LC2019', article: 121 }, due: '2027-02-18', unit: 'days', left: 15, status: 'date' },
    ]);

    goTo(clock, '2027-02-12');
    const review = await reviewer.client.call('review/get', { documentId });
    expect(review.answerDeadline).toEqual({ due: '2027-02-19', workingDaysLeft: 5 });
    await reviewer.client.call('review/decide', { documentId, decision: 'accepted' });
    goTo(clock, '2027-02-17');
    expect((await union.client.call('lifecycle/get', { documentId })).state).toBe('registration_sent');
    goTo(clock, '2027-02-18');
    const inForce = await union.client.call('lifecycle/get', { documentId });
    expect(inForce).toMatchObject({ state: 'in_force', frozen: true });
    expect(inForce.deadlines.find((deadline) => deadline.id === 'authority_answer')).toMatchObject({ status: 'met', doneOn: '2027-02-12' });
    expect((await api.store.documents.get(documentId))?.lifecycleState).toBe('in_force');
    expect((await api.store.audit.listByDocument(documentId)).map((entry) => entry.action).filter((action) => action.startsWith('lifecycle.'))).toEqual([
      'lifecycle.start_consultation',
      'lifecycle.record_union_opinion',
      'lifecycle.issue',
      'lifecycle.send_registration',
      'lifecycle.record_authority_answer',
      'lifecycle.time_passed',
    ]);
    // Amending regulations in force opens a new round from drafting (consultation again, Art. 118(3)).
    await refuse(union.client, { type: 'open_amendment', requestReceivedOn: '2027-02-18' }, 'forbidden', /employer amends.*Art\. 118\(3\)/);
    const amended = await take(employer.client, documentId, {
      type: 'open_amendment',
      requestReceivedOn: '2027-02-18',
      reason: 'Bổ sung nội dung phòng, chống quấy rối tình dục',
    });
    expect(amended).toMatchObject({ state: 'drafting', round: 2, frozen: false });
  });

  it('a request for amendments within the 7 working days holds the regulations back; a late one does not (Art. 119(3), 121)', async () => {
    const timely = await openTable(api, admin, 'labour_regulations');
    const late = await openTable(api, admin, 'labour_regulations');
    for (const table of [timely, late]) await take(table.employer.client, table.documentId, { type: 'start_consultation', sentOn: '2027-01-04' });
    for (const table of [timely, late])
      await take(table.union.client, table.documentId, { type: 'record_union_opinion', receivedOn: '2027-01-04', opinion: 'Đồng ý' });
    goTo(clock, '2027-01-27');
    for (const table of [timely, late]) {
      await take(table.employer.client, table.documentId, { type: 'issue', issuedOn: '2027-01-27' });
      await take(table.employer.client, table.documentId, { type: 'send_registration', filedOn: '2027-01-27', dossier: complete });
    }
    // 7 working days (Mon-Fri) from Wed 27 Jan 2027: 28, 29 Jan, 1-4 Feb, then Tết (5-9 Feb) and
    // the compensatory days (10-11 Feb) → Fri 12 Feb; while the 15 days of Art. 121 end on 11 Feb.
    expect((await timely.reviewer.client.call('review/get', { documentId: timely.documentId })).answerDeadline).toEqual({
      due: '2027-02-12',
      workingDaysLeft: 7,
    });
    goTo(clock, '2027-02-11');
    expect((await timely.union.client.call('lifecycle/get', { documentId: timely.documentId })).state).toBe('in_force');
    goTo(clock, '2027-02-12');
    await timely.reviewer.client.call('review/addFinding', {
      documentId: timely.documentId,
      clauseId: clauseIds.wage,
      body: 'Thiếu mức lương tối thiểu vùng áp dụng.',
      ruleId: 'wage.min_regional',
    });
    const held = await timely.reviewer.client.call('review/decide', {
      documentId: timely.documentId,
      decision: 'amendments_requested',
      reasons: ['Bổ sung nội dung phòng, chống quấy rối tình dục (Điều 118 khoản 2 điểm d).'],
    });
    expect(held.decision).toMatchObject({
      round: 1,
      answer: { decision: 'amendments_requested', deadline: '2027-02-12', late: false, decidedOn: '2027-02-12', byName: 'Bà Hạnh (Sở Nội vụ)' },
    });
    expect(held.decision?.answer.findingIds).toHaveLength(1);
    // Asked in time: held back from effect until amended and registered again.
    expect(held.lifecycle.state).toBe('registration_sent');
    expect((await api.store.documents.get(timely.documentId))?.lifecycleState).toBe('registration_sent');
    goTo(clock, '2027-02-15');
    await late.reviewer.client.call('review/decide', {
      documentId: late.documentId,
      decision: 'amendments_requested',
      reasons: ['Quá hạn nhưng vẫn ghi nhận.'],
    });
    expect((await timely.union.client.call('lifecycle/get', { documentId: timely.documentId })).state).toBe('registration_sent');
    const lateView = await late.union.client.call('review/get', { documentId: late.documentId });
    expect(lateView.lifecycle.state).toBe('in_force');
    expect(lateView.decision?.answer).toMatchObject({ late: true, deadline: '2027-02-12' });
    expect(lateView.checklist.find((item) => item.id === 'authority_answer')).toMatchObject({ status: 'problem' });
    // The employer amends and registers again (Art. 119(3)).
    const reopened = await take(timely.employer.client, timely.documentId, { type: 'open_amendment', requestReceivedOn: '2027-02-15' });
    expect(reopened).toMatchObject({ state: 'drafting', round: 2, frozen: false });
    expect((await timely.union.client.call('review/get', { documentId: timely.documentId })).decision).toMatchObject({
      round: 1,
      answer: { decision: 'amendments_requested' },
    });
  });

  it('issues without consulting only where no union takes part, and says so in the checklist', async () => {
    const document = await admin.call('documents/create', {
      kind: 'labour_regulations',
      title: 'Nội quy lao động Cửa hàng Hoa Mai',
      variables: { headcount: 8 },
    });
    const employer = (await joinSeat(api, admin, document.id, 'employer', 'Chị Mai (chủ cửa hàng)')).client;
    const issued = await take(employer, document.id, { type: 'issue', issuedOn: '2027-01-04', withoutUnion: true });
    expect(issued.state).toBe('issued');
    await take(employer, document.id, {
      type: 'send_registration',
      filedOn: '2027-01-04',
      dossier: { request: true, regulations: true, unionOpinion: false, disciplineDocuments: 'included' },
    });
    const review = await admin.call('review/get', { documentId: document.id });
    expect(review.checklist.map((item) => [item.id, item.status])).toEqual([
      ['headcount', 'info'],
      ['consultation', 'info'],
      ['issued', 'ok'],
      ['registration_filing', 'ok'],
      ['dossier_request', 'ok'],
      ['dossier_regulations', 'ok'],
      ['dossier_discipline', 'ok'],
      ['authority_answer', 'pending'],
      ['effect', 'info'],
      // The workspace records no dialogue: its periodic dialogue is not known (decision 0022).
      ['dialogue.periodic:workspace:0', 'pending'],
    ]);
    expect(review.canReview).toBe(false);
  });
  it('a registration in a year whose holidays the calendar does not know: its deadlines say so, and the answer is refused with the reason', async () => {
    const table = await openTable(api, admin, 'labour_regulations');
    const { documentId, employer, union, reviewer } = table;
    // Dates of 2020, before the Labour Code 2019's holidays: 10 days from 10 Dec end in 2020, and
    // the authority's 7 working days from 28 Dec run through the last days of 2020.
    await take(employer.client, documentId, { type: 'start_consultation', sentOn: '2020-12-01' });
    await take(union.client, documentId, { type: 'record_union_opinion', receivedOn: '2020-12-05', opinion: 'Đồng ý' });
    await take(employer.client, documentId, { type: 'issue', issuedOn: '2020-12-10' });
    const sent = await take(employer.client, documentId, { type: 'send_registration', filedOn: '2020-12-28', dossier: complete });
    const reason = {
      vi: 'Không tính được: chưa có các ngày nghỉ lễ, tết của năm 2020 (lịch chỉ có các năm 2021–2199)',
      en: 'Cannot be counted: the public holidays of 2020 are not known (the calendar covers 2021–2199)',
    };
    expect(sent.deadlines).toEqual([
      { id: 'registration_filing', citation: { law: 'LC2019', article: 119, clause: 2 }, unit: 'days', status: 'uncounted', reason, doneOn: '2020-12-28' },
      { id: 'authority_answer', citation: { law: 'LC2019', article: 119, clause: 3 }, unit: 'working_days', status: 'uncounted', reason },
      { id: 'regulations_effect', citation: { law: 'LC2019', article: 121 }, due: '2021-01-12', unit: 'days', left: -2183, status: 'date' },
    ]);
    expect(sent.nextDeadline).toMatchObject({ id: 'authority_answer', status: 'uncounted' });
    const review = await reviewer.client.call('review/get', { documentId });
    expect(review.answerDeadline).toEqual({ reason });
    expect(review.checklist.filter((item) => item.id === 'registration_filing' || item.id === 'authority_answer')).toEqual([
      {
        id: 'registration_filing',
        status: 'info',
        citation: { law: 'LC2019', article: 119, clause: 2 },
        message: {
          vi: `Nộp hồ sơ đăng ký trong 10 ngày kể từ ngày ban hành: ngày 28/12/2020 — ${reason.vi}`,
          en: `Registration filed within 10 days of issue: on 28/12/2020 — ${reason.en}`,
        },
      },
      {
        id: 'authority_answer',
        status: 'info',
        citation: { law: 'LC2019', article: 119, clause: 3 },
        message: {
          vi: `Cơ quan quản lý thông báo yêu cầu sửa đổi trong 07 ngày làm việc kể từ khi nhận hồ sơ: chưa thực hiện — ${reason.vi}`,
          en: `The authority asks for amendments within 7 working days of receiving the dossier: not done yet — ${reason.en}`,
        },
      },
    ]);
    expect((await reviewer.client.call('review/queue', {})).map((item) => item.answerDeadline)).toEqual([{ reason }]);
    // Whether an answer came in time cannot be said: it is refused with the reason, and nothing changes.
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => reviewer.client.call('review/decide', { documentId, decision: 'accepted' }),
      'conflict',
      /The answer cannot be recorded: the 7 working days from the dossier received on 28\/12\/2020 — Cannot be counted: the public holidays of 2020 are not known/,
    );
  });
});
