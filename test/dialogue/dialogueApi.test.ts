import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import type { DialogueView } from '#shared/api/dialogue';
import type { ApiInput } from '#shared/api/contract';
import { createHttpTransport } from '#shared/api/httpTransport';
import { submissionMaxLength } from '#shared/dialogue/model';
import { closeApi, createTestClock, expectApiError, httpTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { goTo, openTable, take, type Table } from '../lifecycle/lifecycleFixture';
import { clauseIds } from '../negotiation/negotiationFixture';

// Workplace dialogue through the API of a real server (decision 0022): its steps and deadlines,
// who may take each, the submission link workers use without an account, the question that
// becomes a proposal, and the checks that reach the compliance report and the reviewer.

/** Three people of the employer side (the first the legal representative) and `workers` worker representatives. */
function people(workers: number): NonNullable<ApiInput<'dialogues/create'>['participants']> {
  return [
    { name: 'Ông Trần Văn Bình', position: 'Giám đốc', side: 'employer', legalRepresentative: true },
    { name: 'Chị Lan', position: 'Trưởng phòng Nhân sự', side: 'employer' },
    { name: 'Ông Tuấn', position: 'Quản đốc', side: 'employer' },
    ...Array.from({ length: workers }, (_, index) => ({ name: `Đại diện ${index + 1}`, side: 'union' as const, female: index === 0 })),
  ];
}

function periodicInput(workers = 3): ApiInput<'dialogues/create'> {
  return {
    kind: 'periodic',
    title: 'Đối thoại định kỳ năm 2027',
    enterprise: { name: 'Công ty May Sông Hồng', headcount: 40 },
    meeting: { date: '2027-02-15', time: '08:00', place: 'Hội trường tầng 2' },
    participants: people(workers),
  };
}

const idsOfSide = (view: DialogueView, side: 'employer' | 'union') => view.dialogue.participants.filter((p) => p.side === side).map((p) => p.id);

describe('workplace dialogue through the API', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;
  let table: Table;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(httpTransportUnderTest, createTestClock(Date.parse('2027-01-20T03:00:00Z'))));
    table = await openTable(api, admin);
  });
  afterEach(() => closeApi(api));

  it('a periodic dialogue from submissions to published answers and follow-up, each step on its day', async () => {
    const created = await admin.call('dialogues/create', periodicInput());
    const dialogueId = created.dialogue.id;
    expect(created.dialogue.state).toBe('draft');
    expect(created.role).toBe('organiser');
    expect(created.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // The agenda must leave five whole working days before Monday 15 February, Tết between.
    expect(created.deadlines).toEqual([
      { id: 'agenda', citation: { law: 'D145', article: 39 }, due: '2027-02-02', workingDaysLeft: 11, status: 'open', reason: null },
    ]);

    const collected = await table.union.client.call('submissions/add', {
      dialogueId,
      text: 'Đề nghị tăng phụ cấp ăn ca.',
      submitterName: 'Chị Hoa',
      topic: 'Tiền lương',
    });
    const worker = api.client();
    const receipt = await worker.call('submissions/submit', { code: created.code ?? '', text: 'Xin lắp thêm quạt ở xưởng may 2.' });
    expect(receipt).toEqual({ dialogueTitle: 'Đối thoại định kỳ năm 2027', number: 2, receivedAt: '2027-01-20T03:00:00.000Z' });
    const page = await admin.call('submissions/list', { dialogueId });
    const fans = page.items.find((submission) => submission.number === 2);
    expect(fans).toMatchObject({ text: 'Xin lắp thêm quạt ở xưởng may 2.', submitterName: null, source: 'link', status: 'open' });
    if (!fans) throw new Error('the public submission is listed');

    await admin.call('dialogues/setAgenda', {
      dialogueId,
      items: [
        { title: 'Phụ cấp ăn ca', submissionIds: [collected.id] },
        { title: 'Điều kiện làm việc', submissionIds: [fans.id] },
      ],
    });
    await expectApiError(admin.call('dialogues/publish', { dialogueId, summary: 'Sớm quá' }), 'conflict', /while the dialogue is "draft"/);
    goTo(clock, '2027-02-02');
    // An agenda sent after the meeting's day is no agenda: refused, with the dates as Vietnam writes them.
    const afterMeeting = await expectApiError(admin.call('dialogues/sendAgenda', { dialogueId, on: '2027-02-16' }), 'invalid_input');
    expect(afterMeeting.reason).toEqual({ key: 'dialogue_date_order', values: { date: '15/02/2027', after: '16/02/2027' } });
    const sent = await admin.call('dialogues/sendAgenda', { dialogueId });
    expect([sent.dialogue.state, sent.dialogue.agendaSentOn, sent.deadlines[0]?.status]).toEqual(['agenda_sent', '2027-02-02', 'met']);

    goTo(clock, '2027-02-15');
    const held = await admin.call('dialogues/recordAttendance', { dialogueId, presentIds: [...idsOfSide(sent, 'employer'), ...idsOfSide(sent, 'union')] });
    expect(held.composition.quorum).toEqual({ employerHead: true, workersPresent: 3, workersListed: 3, met: true });
    expect(held.deadlines.map((deadline) => [deadline.id, deadline.due, deadline.status])).toEqual([
      ['agenda', '2027-02-02', 'met'],
      ['publication', '2027-02-18', 'open'],
    ]);
    const answered = await admin.call('submissions/answerDirectly', {
      dialogueId,
      submissionId: collected.id,
      text: 'Phụ cấp ăn ca tăng lên 30.000 đồng từ tháng 3.',
    });
    expect([answered.status, answered.answeredOn]).toEqual(['answered', '2027-02-15']);
    const assigned = await admin.call('submissions/assignWritten', {
      dialogueId,
      submissionId: fans.id,
      owner: { kind: 'department', name: 'Phòng Hành chính' },
      due: '2027-03-01',
    });
    expect([assigned.status, assigned.owner?.name, assigned.due]).toEqual(['written', 'Phòng Hành chính', '2027-03-01']);

    // Each side signs for itself; the employer side cannot sign the worker side's name.
    await expectApiError(table.employer.client.call('dialogues/signMinutes', { dialogueId, side: 'union', signerName: 'Chị Lan' }), 'forbidden', /for itself/);
    const one = await table.employer.client.call('dialogues/signMinutes', { dialogueId, side: 'employer', signerName: 'Ông Trần Văn Bình' });
    expect(one.dialogue.state).toBe('held');
    goTo(clock, '2027-02-16');
    const both = await table.union.client.call('dialogues/signMinutes', { dialogueId, side: 'union', signerName: 'Anh Minh' });
    expect([both.dialogue.state, both.dialogue.minutesSignedOn]).toEqual(['minutes_signed', '2027-02-16']);

    // Before publication, the public page shows the meeting and no answer.
    expect((await worker.call('dialogues/readPublic', { code: created.code ?? '' })).published).toBeNull();
    const published = await admin.call('dialogues/publish', { dialogueId, summary: 'Hai bên thống nhất tăng phụ cấp ăn ca.' });
    expect([published.dialogue.state, published.deadlines[1]?.status, published.dialogue.submissionsOpen]).toEqual(['published', 'met', false]);
    const publicPage = await worker.call('dialogues/readPublic', { code: (created.code ?? '').toLowerCase() });
    expect(publicPage.published).toEqual({
      on: '2027-02-16',
      summary: 'Hai bên thống nhất tăng phụ cấp ăn ca.',
      agenda: ['Phụ cấp ăn ca', 'Điều kiện làm việc'],
      answers: [
        {
          number: 1,
          question: 'Đề nghị tăng phụ cấp ăn ca.',
          topic: 'Tiền lương',
          answer: 'Phụ cấp ăn ca tăng lên 30.000 đồng từ tháng 3.',
          inWriting: false,
          count: 1,
        },
      ],
      commitments: [],
    });
    // Who asked is never on the public page.
    expect(JSON.stringify(publicPage)).not.toContain('Chị Hoa');

    // The follow-up: a commitment and the written answer; done, the dialogue is completed.
    const commitment = await admin.call('dialogues/addCommitment', {
      dialogueId,
      text: 'Lắp quạt xưởng 2',
      owner: { kind: 'person', name: 'Ông Tuấn' },
      due: '2027-03-15',
    });
    goTo(clock, '2027-02-26');
    const inWriting = await admin.call('submissions/answerInWriting', { dialogueId, submissionId: fans.id, text: 'Công ty sẽ lắp 10 quạt trước 15/3.' });
    expect(inWriting.status).toBe('answered_in_writing');
    expect((await admin.call('dialogues/get', { dialogueId })).dialogue.state).toBe('published');
    goTo(clock, '2027-03-10');
    const completed = await admin.call('dialogues/commitmentDone', { dialogueId, commitmentId: commitment.id });
    expect([completed.dialogue.state, completed.dialogue.completedOn]).toEqual(['completed', '2027-03-10']);
    expect((await worker.call('dialogues/readPublic', { code: created.code ?? '' })).published?.answers.map((answer) => answer.inWriting)).toEqual([
      false,
      true,
    ]);
    // Every step is in the audit log, by who took it.
    const actions = (await api.store.audit.listByActionPrefix('dialogue.')).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dialogue.created',
        'dialogue.submitted',
        'dialogue.agenda_sent',
        'dialogue.held',
        'dialogue.published',
        'dialogue.commitment_done',
      ]),
    );
  });

  it('roles are the server’s: the employer side organises, the worker side requests, a reviewer reads', async () => {
    const created = await table.employer.client.call('dialogues/create', periodicInput());
    const dialogueId = created.dialogue.id;
    const before = await api.store.dialogues.get(dialogueId);
    await expectApiError(table.union.client.call('dialogues/create', periodicInput()), 'forbidden', /organises/);
    await expectApiError(table.union.client.call('dialogues/sendAgenda', { dialogueId }), 'forbidden', /organises/);
    await expectApiError(table.reviewer.client.call('dialogues/update', { dialogueId, title: 'Sửa' }), 'forbidden', /reviewer reads/);
    await expectApiError(table.reviewer.client.call('submissions/add', { dialogueId, text: 'Câu hỏi' }), 'forbidden', /reviewer reads/);
    // A workplace dialogue needs the headcount: it sets the worker side's band (Art. 38).
    await expectApiError(
      admin.call('dialogues/create', { ...periodicInput(), enterprise: { name: 'Công ty May Sông Hồng', headcount: null } }),
      'invalid_input',
      /headcount/,
    );
    const noHeadcount = await expectApiError(
      table.employer.client.call('dialogues/update', { dialogueId, enterprise: { name: 'Công ty May Sông Hồng', headcount: null } }),
      'invalid_input',
    );
    expect(noHeadcount.reason).toEqual({ key: 'dialogue_headcount_needed' });
    const read = await table.reviewer.client.call('dialogues/get', { dialogueId });
    expect([read.role, read.code]).toEqual(['reader', null]);
    expect(await api.store.dialogues.get(dialogueId)).toEqual(before);
    // A dialogue id that does not exist, or is misspelt, is not_found with its reason.
    const missing = await expectApiError(admin.call('dialogues/get', { dialogueId: 'khong-co' }), 'not_found');
    expect(missing.reason).toEqual({ key: 'dialogue_not_found' });

    // A request needs 30% of the worker representatives; refused, nothing is stored.
    const request = { title: 'Yêu cầu đối thoại về tăng ca', enterprise: { name: 'Công ty May Sông Hồng', headcount: 40 }, content: 'Tăng ca quá nhiều.' };
    await expectApiError(table.employer.client.call('dialogues/request', { ...request, supporters: 3, representatives: 5 }), 'forbidden', /worker side/);
    const short = await expectApiError(table.union.client.call('dialogues/request', { ...request, supporters: 2, representatives: 7 }), 'invalid_input', /30%/);
    expect(short.reason).toEqual({ key: 'dialogue_request_threshold', values: { supporters: 2, representatives: 7 } });
    expect((await admin.call('dialogues/list', {})).length).toBe(1);
    const requested = await table.union.client.call('dialogues/request', { ...request, supporters: 3, representatives: 7 });
    expect([requested.dialogue.state, requested.dialogue.kind]).toEqual(['requested', 'on_request']);
    // Requested Wednesday 20 January: five working days are Thu 21 to Tue 26 (Sunday 24 off).
    expect(requested.deadlines).toEqual([
      { id: 'request_reply', citation: { law: 'D145', article: 40 }, due: '2027-01-26', workingDaysLeft: 5, status: 'open', reason: null },
    ]);
    goTo(clock, '2027-01-27');
    const late = await table.employer.client.call('dialogues/replyRequest', { dialogueId: requested.dialogue.id, text: 'Công ty đồng ý đối thoại ngày 15/2.' });
    expect([late.dialogue.state, late.deadlines[0]?.status]).toEqual(['draft', 'missed']);
    expect(late.checks.filter((check) => check.status === 'problem').map((check) => check.message.en)).toEqual([
      '“Yêu cầu đối thoại về tăng ca”: the written reply to the request (5 working days) is late; the last day was 26/01/2027.',
    ]);
  });

  it('submissions are sorted by topic and article, merged when they ask the same, and listed in pages', async () => {
    const { dialogue } = await admin.call('dialogues/create', periodicInput());
    const dialogueId = dialogue.id;
    const texts = ['Tăng lương cơ bản', 'Xin tăng lương', 'Nhà ở xã hội', 'Lương tháng 13', 'Nhà trọ gần công ty'];
    const added = [];
    for (const text of texts) added.push(await table.union.client.call('submissions/add', { dialogueId, text, submitterName: `Người hỏi ${text}` }));
    const [first, second, , fourth, fifth] = added;
    if (!first || !second || !fourth || !fifth) throw new Error('five submissions');
    await admin.call('submissions/tag', {
      dialogueId,
      submissionId: first.id,
      topic: 'Tiền lương',
      article: { documentId: table.documentId, clauseId: clauseIds.wage },
    });
    await admin.call('submissions/tag', { dialogueId, submissionId: fifth.id, topic: 'Nhà ở' });
    await expectApiError(
      admin.call('submissions/tag', { dialogueId, submissionId: fourth.id, article: { documentId: table.documentId, clauseId: 'khong-co' } }),
      'not_found',
      /no article/,
    );
    const itself = await expectApiError(admin.call('submissions/merge', { dialogueId, keepId: first.id, mergeIds: [first.id] }), 'invalid_input');
    expect(itself.reason).toEqual({ key: 'submission_merge_itself' });
    const merged = await table.union.client.call('submissions/merge', { dialogueId, keepId: first.id, mergeIds: [second.id, fourth.id] });
    expect(merged).toMatchObject({ count: 3, topic: 'Tiền lương', article: { documentId: table.documentId, clauseId: clauseIds.wage } });
    expect(merged.mergedWordings.map((wording) => [wording.text, wording.submitterName])).toEqual([
      ['Xin tăng lương', 'Người hỏi Xin tăng lương'],
      ['Lương tháng 13', 'Người hỏi Lương tháng 13'],
    ]);
    const list = await admin.call('submissions/list', { dialogueId, limit: 2 });
    expect([list.total, list.items.map((item) => item.text), list.nextAfter]).toEqual([3, ['Tăng lương cơ bản', 'Nhà ở xã hội'], 3]);
    expect((await admin.call('submissions/list', { dialogueId, limit: 2, after: 3 })).items.map((item) => item.text)).toEqual(['Nhà trọ gần công ty']);
    expect(list.topics).toEqual([
      { topic: 'Nhà ở', count: 1 },
      { topic: 'Tiền lương', count: 1 },
    ]);
    expect((await admin.call('submissions/list', { dialogueId, topic: 'Nhà ở' })).items.map((item) => item.id)).toEqual([fifth.id]);
    expect((await admin.call('submissions/list', { dialogueId, untagged: true })).total).toBe(1);
    expect((await admin.call('submissions/list', { dialogueId, includeMerged: true })).total).toBe(5);
    // A merged submission is acted on through the one it was merged into.
    const before = await api.store.dialogues.getSubmission(dialogueId, second.id);
    await expectApiError(admin.call('submissions/tag', { dialogueId, submissionId: second.id, topic: 'Khác' }), 'conflict', /merged/);
    expect(await api.store.dialogues.getSubmission(dialogueId, second.id)).toEqual(before);
  });

  it('a question becomes the worker side’s proposal on its article in bargaining, and its draft position otherwise', async () => {
    const { dialogue } = await admin.call('dialogues/create', periodicInput());
    const dialogueId = dialogue.id;
    const linked = await table.union.client.call('submissions/add', {
      dialogueId,
      text: 'Đề nghị mức lương thấp nhất cao hơn lương tối thiểu vùng 7%.',
      article: { documentId: table.documentId, clauseId: clauseIds.wage },
    });
    const unlinked = await table.union.client.call('submissions/add', { dialogueId, text: 'Câu hỏi chung' });
    const ref = { dialogueId, documentId: table.documentId };
    await expectApiError(table.union.client.call('submissions/propose', { ...ref, submissionId: unlinked.id }), 'conflict', /link the submission/);
    await expectApiError(table.employer.client.call('submissions/propose', { ...ref, submissionId: linked.id }), 'forbidden', /worker side/);

    // The agreement is not in bargaining yet: the worker side's draft position, and the caller is told so.
    const kept = await table.union.client.call('submissions/propose', { ...ref, submissionId: linked.id });
    expect([kept.keptAsDraft, kept.proposalId, kept.submission.proposal?.keptAsDraft]).toEqual([true, null, true]);
    const drafts = (await table.union.client.call('negotiation/state', { documentId: table.documentId })).drafts;
    expect(drafts.map((draft) => [draft.clauseId, draft.kind, draft.origin])).toEqual([[clauseIds.wage, 'replace', 'dialogue']]);
    expect((await table.employer.client.call('negotiation/state', { documentId: table.documentId })).drafts).toEqual([]);

    // In bargaining: a position on the table, through the negotiation's own service.
    await take(table.union.client, table.documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-20', requestedBy: 'union' });
    const proposed = await table.union.client.call('submissions/propose', { ...ref, submissionId: linked.id });
    expect(proposed.keptAsDraft).toBe(false);
    const state = await table.employer.client.call('negotiation/state', { documentId: table.documentId });
    const proposal = state.proposals.find((candidate) => candidate.id === proposed.proposalId);
    expect(proposal).toMatchObject({ clauseId: clauseIds.wage, kind: 'replace', side: 'union', status: 'open' });
    expect(proposal?.rationale).toBe(`Đề nghị mức lương thấp nhất cao hơn lương tối thiểu vùng 7%.\n\n(Đối thoại định kỳ năm 2027, #1)`);
    expect(proposed.submission.proposal).toEqual({
      documentId: table.documentId,
      clauseId: clauseIds.wage,
      proposalId: proposed.proposalId,
      keptAsDraft: false,
    });
  });

  it('the records’ checks reach the compliance report and the reviewer’s checklist', async () => {
    // No dialogue recorded: nothing says whether one was held, and the report finds nothing.
    expect((await admin.call('dialogues/checks', {})).map((check) => [check.ruleId, check.status])).toEqual([['dialogue.periodic', 'pending']]);
    const dialogueFindings = async () =>
      (await admin.call('compliance/report', { documentId: table.documentId })).findings.filter((finding) => finding.ruleId.startsWith('dialogue.'));
    expect(await dialogueFindings()).toEqual([]);
    // Dialogues recorded, none of them periodic within 12 months: a violation of LC Art. 63(2)(a).
    await admin.call('dialogues/create', {
      ...periodicInput(),
      kind: 'specific_matter',
      matter: 'bonus_rules',
      title: 'Đối thoại về quy chế thưởng',
      meeting: { date: '2027-03-15', time: null, place: '' },
    });
    expect((await dialogueFindings()).map((finding) => [finding.ruleId, finding.severity, finding.citation])).toEqual([
      ['dialogue.periodic', 'violation', { law: 'LC2019', article: 63, clause: 2, point: 'a' }],
    ]);

    // A dialogue held without the quorum, its agenda sent late: the report and the checklist say so.
    const created = await admin.call('dialogues/create', periodicInput(10));
    const dialogueId = created.dialogue.id;
    await admin.call('dialogues/setAgenda', { dialogueId, items: [{ title: 'Tiền lương' }] });
    goTo(clock, '2027-02-10');
    await admin.call('dialogues/sendAgenda', { dialogueId });
    goTo(clock, '2027-02-15');
    const workers = idsOfSide(created, 'union');
    await admin.call('dialogues/recordAttendance', { dialogueId, presentIds: [...idsOfSide(created, 'employer'), ...workers.slice(0, 7)] });
    const findings = (await admin.call('compliance/report', { documentId: table.documentId })).findings.filter((finding) =>
      finding.ruleId.startsWith('dialogue.'),
    );
    expect(findings.map((finding) => [finding.ruleId, finding.citation])).toEqual([
      ['dialogue.procedure', { law: 'D145', article: 39 }],
      ['dialogue.procedure', { law: 'D145', article: 39 }],
    ]);
    expect(findings.map((finding) => finding.message.en).join('\n')).toMatch(/7 of 10 worker representatives present/);
    const checklist = (await table.reviewer.client.call('review/get', { documentId: table.documentId })).checklist;
    expect(checklist.filter((item) => item.id.startsWith('dialogue.')).map((item) => [item.id.split(':')[0], item.status])).toEqual([
      ['dialogue.periodic', 'ok'],
      // The dialogue held, the most recently changed, first.
      ['dialogue.composition', 'ok'],
      ['dialogue.procedure', 'problem'],
      // Publication is still open until 18 February.
      ['dialogue.procedure', 'pending'],
      ['dialogue.procedure', 'problem'],
      // The specific-matter dialogue, in preparation: its agenda deadline is open.
      ['dialogue.composition', 'ok'],
      ['dialogue.procedure', 'pending'],
    ]);
  });

  it('a provincial conference: hundreds of delegates, submissions of many unions filtered by topic, written answers owed by departments', async () => {
    const delegates = Array.from({ length: 400 }, (_, index) => ({
      name: `Đại biểu ${index + 1}`,
      side: 'union' as const,
      unit: `Công đoàn cơ sở ${(index % 40) + 1}`,
    }));
    const { dialogue } = await admin.call('dialogues/create', {
      kind: 'provincial_conference',
      title: 'Hội nghị đối thoại với công nhân, viên chức, lao động tỉnh',
      enterprise: { name: 'Liên đoàn Lao động tỉnh', headcount: null, restDays: 'saturday_sunday' },
      meeting: { date: '2027-02-17', time: '08:00', place: 'Hội trường Ủy ban nhân dân tỉnh' },
      participants: [{ name: 'Chủ tịch Ủy ban nhân dân tỉnh', side: 'employer', legalRepresentative: true }, ...delegates],
    });
    const dialogueId = dialogue.id;
    const topics = ['Phụ cấp', 'Nhà ở xã hội', 'Thu hút đầu tư', 'Giữ chân cán bộ'];
    for (let index = 0; index < 60; index += 1)
      await admin.call('submissions/add', {
        dialogueId,
        text: `Kiến nghị ${index + 1}`,
        unit: `Công đoàn cơ sở ${(index % 30) + 1}`,
        topic: topics[index % 4],
      });
    const housing = await admin.call('submissions/list', { dialogueId, topic: 'Nhà ở xã hội', limit: 10 });
    expect([housing.total, housing.items.length, housing.nextAfter]).toEqual([15, 10, 38]);
    expect(housing.items.every((item) => item.topic === 'Nhà ở xã hội')).toBe(true);
    const rest = await admin.call('submissions/list', { dialogueId, topic: 'Nhà ở xã hội', limit: 10, after: housing.nextAfter ?? 0 });
    expect([rest.items.length, rest.nextAfter]).toEqual([5, null]);
    const view = await admin.call('dialogues/get', { dialogueId });
    // Outside Decree 145 Art. 38–39: no composition or procedure check, and no band.
    expect([view.checks, view.composition.worker.count, view.composition.worker.band]).toEqual([[], 400, null]);

    await admin.call('dialogues/setAgenda', { dialogueId, items: [{ title: 'Chính sách nhà ở xã hội', submissionIds: housing.items.map((item) => item.id) }] });
    await admin.call('dialogues/sendAgenda', { dialogueId });
    goTo(clock, '2027-02-17');
    const held = await admin.call('dialogues/recordAttendance', { dialogueId, presentIds: view.dialogue.participants.map((participant) => participant.id) });
    expect(held.dialogue.attendance.length).toBe(401);
    const first = housing.items[0];
    if (!first) throw new Error('a housing submission');
    await admin.call('submissions/assignWritten', {
      dialogueId,
      submissionId: first.id,
      owner: { kind: 'department', name: 'Sở Xây dựng' },
      due: '2027-03-01',
    });
    goTo(clock, '2027-03-02');
    const late = await admin.call('dialogues/get', { dialogueId });
    expect([late.submissions.writtenOverdue, late.checks.map((check) => [check.ruleId, check.status])]).toEqual([1, [['dialogue.written_answers', 'problem']]]);
  });
});

describe('the submission link, for workers without an account', () => {
  let harness: Harness;
  let admin: ApiClient;
  let code: string;
  let dialogueId: string;

  /** A client without a token whose requests come, as the trusted proxy says, from `address`. */
  function worker(address: string): ApiClient {
    const forwarded: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-forwarded-for': address } });
    return createApiClient(createHttpTransport({ baseUrl: harness.server.url, fetch: forwarded }));
  }

  beforeEach(async () => {
    const clock = createTestClock(Date.parse('2027-01-20T03:00:00Z'));
    harness = await startHarness({ now: clock.now, trustedProxies: new Set(['127.0.0.1']) });
    admin = createApiClient(createHttpTransport({ baseUrl: harness.server.url, token: await harness.server.authentication.createAdminToken('test'), fetch }));
    const created = await admin.call('dialogues/create', periodicInput());
    dialogueId = created.dialogue.id;
    code = created.code ?? '';
  });
  afterEach(() => harness.dispose());

  const stored = async () => (await admin.call('submissions/list', { dialogueId, includeMerged: true })).total;

  it('refuses an empty or oversized submission, and stores nothing', async () => {
    const from = worker('203.0.113.10');
    await expectApiError(from.call('submissions/submit', { code, text: '   ' }), 'invalid_input', /write the question/);
    await expectApiError(from.call('submissions/submit', { code, text: 'a'.repeat(submissionMaxLength + 1) }), 'invalid_input', /at most 4000 characters/);
    await from.call('submissions/submit', { code, text: 'a'.repeat(submissionMaxLength) });
    expect(await stored()).toBe(1);
  });

  it('limits each network, and a flood from one address leaves the others heard', async () => {
    const flood = worker('203.0.113.10');
    for (let index = 0; index < 20; index += 1) await flood.call('submissions/submit', { code, text: `Câu hỏi ${index + 1}` });
    const refused = await expectApiError(flood.call('submissions/submit', { code, text: 'Câu hỏi 21' }), 'rate_limited');
    expect(refused.reason?.key).toBe('submission_limit');
    expect(refused.retryAfterSeconds).toBe(3600);
    expect(await stored()).toBe(20);
    // Another network is still heard.
    expect((await worker('198.51.100.7').call('submissions/submit', { code, text: 'Câu hỏi khác' })).number).toBe(21);
  });

  it('a worker learns the number of their own submission and cannot read others’ until answers are published', async () => {
    const from = worker('203.0.113.10');
    await admin.call('submissions/add', { dialogueId, text: 'Câu hỏi riêng của công đoàn', submitterName: 'Chị Hoa' });
    const receipt = await from.call('submissions/submit', { code, text: 'Câu hỏi của tôi', name: 'Anh Nam' });
    expect(receipt).toEqual({ dialogueTitle: 'Đối thoại định kỳ năm 2027', number: 2, receivedAt: '2027-01-20T03:00:00.000Z' });
    await expectApiError(from.call('submissions/list', { dialogueId }), 'unauthorized');
    await expectApiError(from.call('dialogues/get', { dialogueId }), 'unauthorized');
    const page = await from.call('dialogues/readPublic', { code });
    expect(page).toEqual({
      title: 'Đối thoại định kỳ năm 2027',
      kind: 'periodic',
      enterpriseName: 'Công ty May Sông Hồng',
      meeting: { date: '2027-02-15', time: '08:00', place: 'Hội trường tầng 2' },
      submissionsOpen: true,
      published: null,
    });
  });

  it('a wrong code is refused and counted against guessing; a closed link takes nothing', async () => {
    const from = worker('203.0.113.10');
    const wrong = await expectApiError(from.call('submissions/submit', { code: 'ZZZZZ-ZZZZZ', text: 'Câu hỏi' }), 'not_found');
    expect(wrong.reason).toEqual({ key: 'dialogue_code_unknown' });
    for (let index = 0; index < 9; index += 1) await expectApiError(from.call('dialogues/readPublic', { code: 'ZZZZZ-ZZZZZ' }), 'not_found');
    await expectApiError(from.call('dialogues/readPublic', { code }), 'rate_limited');
    await admin.call('dialogues/submissionLink', { dialogueId, open: false });
    const closed = await expectApiError(worker('198.51.100.7').call('submissions/submit', { code, text: 'Câu hỏi' }), 'conflict');
    expect(closed.reason).toEqual({ key: 'submissions_closed' });
    expect(await stored()).toBe(0);
  });
});
