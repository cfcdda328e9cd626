import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { TopLevelBlock } from '#shared/document/nodes';
import { closeApi, expectApiError, inProcessTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { article, chapter, paragraph } from '../editor/builders';
import { agreementBody, clauseIds, joinSeat } from '../negotiation/negotiationFixture';
import { goTo, openTable, take, toSigned, type Table } from './lifecycleFixture';

// The labour authority's review: the queue, the compliance report run on the server, the procedural
// checklist, findings on articles and the decision; the parties read it all and change nothing of it.

const overtimeId = 'dieu-lam-them-gio';

/** The agreement of the other tests plus an article showing the weekday overtime rate as a chip. */
function bodyWithOvertime(): TopLevelBlock[] {
  return [
    ...agreementBody(),
    chapter(
      'chuong-thoi-gio',
      'THỜI GIỜ LÀM VIỆC',
      article(
        overtimeId,
        'Làm thêm giờ',
        paragraph(
          'Tiền lương làm thêm giờ vào ngày thường ít nhất bằng ',
          { type: 'variable', variableId: 'ot_rate_weekday', children: [{ text: '' }] },
          ' tiền lương giờ thực trả.',
        ),
      ),
    ),
  ];
}

describe('the review by the labour authority', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(inProcessTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  async function signedAgreement(): Promise<Table> {
    const document = await admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027',
      content: bodyWithOvertime(),
      variables: { ot_rate_weekday: 140, region: 'I' },
    });
    const table: Table = {
      documentId: document.id,
      admin,
      employer: await joinSeat(api, admin, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)'),
      union: await joinSeat(api, admin, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)'),
      reviewer: await joinSeat(api, admin, document.id, 'reviewer', 'Bà Hạnh (Sở Nội vụ)'),
    };
    await toSigned(clock, table);
    return table;
  }

  it('lists documents once sent to the authority: the host sees all of them, a reviewer token its own, the parties none', async () => {
    const table = await signedAgreement();
    const other = await openTable(api, admin);
    expect(await admin.call('review/queue', {})).toEqual([]);
    expect(await table.reviewer.client.call('review/queue', {})).toEqual([]);
    await expectApiError(table.union.client.call('review/queue', {}), 'forbidden', /reviewer tokens and the host/);
    goTo(clock, '2027-02-01');
    await take(table.employer.client, table.documentId, { type: 'send_to_authority', sentOn: '2027-02-01' });
    const queued = await admin.call('review/queue', {});
    expect(queued).toEqual([
      {
        document: expect.objectContaining({ id: table.documentId, lifecycleState: 'submitted' }),
        round: 1,
        sentOn: '2027-02-01',
        answerDeadline: null,
        decision: null,
        findings: 0,
      },
    ]);
    expect(await table.reviewer.client.call('review/queue', {})).toEqual(queued);
    expect(await other.reviewer.client.call('review/queue', {})).toEqual([]);
  });

  it('runs the compliance check on the server with the recorded dates and vote, the report the parties see too', async () => {
    const table = await signedAgreement();
    const report = await table.reviewer.client.call('compliance/report', { documentId: table.documentId });
    expect(report.findings.filter((finding) => finding.severity === 'violation')).toEqual([
      expect.objectContaining({
        ruleId: 'pay.ot_weekday',
        // What people read: the rule by its title and provision, never its id.
        rule: {
          vi: 'Tiền lương làm thêm giờ vào ngày thường — điểm a khoản 1 Điều 98 Bộ luật Lao động 2019',
          en: 'Overtime pay on normal days — Labour Code 2019 Art. 98(1)(a)',
        },
        clauseId: overtimeId,
        variableId: 'ot_rate_weekday',
        citation: { law: 'LC2019', article: 98, clause: 1, point: 'a' },
        expected: { vi: 'không thấp hơn 150%', en: 'at least 150%' },
      }),
    ]);
    // The vote recorded by the union is the fact the rule reads: 51 of 100, no "vote not recorded" note.
    expect(report.findings.some((finding) => finding.ruleId === 'cla.vote')).toBe(false);
    // The law of the effective date recorded at signing (1 Mar 2027): Decree 293/2025's table.
    expect(report.basis).toMatchObject({
      legalDate: '2027-03-01',
      legalDateSource: 'dates.effective',
      region: 'I',
      minimumWage: { vi: 'Nghị định 293/2025/NĐ-CP (từ 01/01/2026)' },
    });
    expect(report.articles.find((entry) => entry.clauseId === overtimeId)).toEqual({ clauseId: overtimeId, number: 5, title: 'Làm thêm giờ' });
    expect(await table.union.client.call('compliance/report', { documentId: table.documentId })).toEqual(report);
  });

  it('takes findings on articles and a reasoned decision from reviewers only; the parties see both, and nothing of the text changes', async () => {
    const table = await signedAgreement();
    const { documentId, employer, union, reviewer } = table;
    await expectApiError(
      reviewer.client.call('review/addFinding', { documentId, clauseId: overtimeId, body: 'Mức 140% thấp hơn 150%.' }),
      'conflict',
      /not been sent to the authority/,
    );
    goTo(clock, '2027-02-01');
    await take(employer.client, documentId, { type: 'send_to_authority', sentOn: '2027-02-01' });
    const body = await api.withDocument(documentId, (doc) => JSON.stringify(doc.toJSON()));

    await expectApiError(union.client.call('review/addFinding', { documentId, clauseId: overtimeId, body: 'Tự nhận xét' }), 'forbidden', /only a reviewer/);
    await expectApiError(admin.call('review/decide', { documentId, decision: 'accepted' }), 'forbidden', /only a reviewer/);
    await expectApiError(
      reviewer.client.call('review/addFinding', { documentId, clauseId: 'khong-co', body: 'Điều không tồn tại' }),
      'not_found',
      /no article "khong-co"/,
    );
    await expectApiError(
      reviewer.client.call('review/addFinding', { documentId, clauseId: overtimeId, body: 'Sai quy tắc', ruleId: 'pay.overtime' }),
      'invalid_input',
      /no compliance rule "pay.overtime"/,
    );
    await expectApiError(reviewer.client.call('review/decide', { documentId, decision: 'amendments_requested' }), 'invalid_input', /gives its reasons/);

    const finding = await reviewer.client.call('review/addFinding', {
      documentId,
      clauseId: overtimeId,
      ruleId: 'pay.ot_weekday',
      body: 'Tiền lương làm thêm giờ ngày thường 140% thấp hơn mức tối thiểu 150% (điểm a khoản 1 Điều 98).',
    });
    expect(finding.rule).toEqual({
      vi: 'Tiền lương làm thêm giờ vào ngày thường — điểm a khoản 1 Điều 98 Bộ luật Lao động 2019',
      en: 'Overtime pay on normal days — Labour Code 2019 Art. 98(1)(a)',
    });
    const withdrawn = await reviewer.client.call('review/addFinding', { documentId, clauseId: clauseIds.wage, body: 'Nhận xét nhầm' });
    await reviewer.client.call('review/withdrawFinding', { documentId, findingId: withdrawn.id });
    await expectApiError(reviewer.client.call('review/withdrawFinding', { documentId, findingId: withdrawn.id }), 'conflict', /already been withdrawn/);
    const decided = await reviewer.client.call('review/decide', {
      documentId,
      decision: 'amendments_requested',
      reasons: ['Sửa Điều 5 theo điểm a khoản 1 Điều 98 Bộ luật Lao động.'],
    });
    expect(decided.decision).toEqual({
      round: 1,
      answer: {
        decidedOn: '2027-02-01',
        decision: 'amendments_requested',
        reasons: ['Sửa Điều 5 theo điểm a khoản 1 Điều 98 Bộ luật Lao động.'],
        findingIds: [finding.id],
        deadline: null,
        late: false,
        byName: 'Bà Hạnh (Sở Nội vụ)',
      },
    });
    expect(decided.canReview).toBe(true);

    for (const party of [employer, union]) {
      const seen = await party.client.call('review/get', { documentId });
      expect(seen.findings).toEqual([finding]);
      expect(seen.decision).toEqual(decided.decision);
      expect(seen.canReview).toBe(false);
      expect(seen.checklist.map((item) => [item.id, item.status])).toEqual([
        ['bargaining_start', 'ok'],
        ['bargaining_conclusion', 'ok'],
        // Every article was agreed when the draft went to the vote; the overtime rate's violation was open then.
        ['vote_draft', 'ok'],
        ['vote_violation_1', 'info'],
        ['vote', 'ok'],
        ['signatures', 'ok'],
        ['signing', 'ok'],
        ['effective_date', 'ok'],
        ['term', 'ok'],
        ['filing', 'ok'],
        // The workspace records no dialogue: its periodic dialogue is not known (decision 0022).
        ['dialogue.periodic:workspace:0', 'pending'],
      ]);
    }
    // Reviewers never change the text; the decision does not move the agreement's state.
    expect(await api.withDocument(documentId, (doc) => JSON.stringify(doc.toJSON()))).toBe(body);
    expect(decided.lifecycle.state).toBe('submitted');
    expect(
      (await api.store.audit.listByDocument(documentId))
        .map((entry) => entry.action)
        .filter((action) => action.startsWith('review.') || action === 'lifecycle.record_authority_answer'),
    ).toEqual(['review.finding_added', 'review.finding_added', 'review.finding_withdrawn', 'lifecycle.record_authority_answer']);
    // The parties answer by amending: a new round, the findings still shown with their round.
    const amendment = await take(union.client, documentId, { type: 'open_amendment', requestReceivedOn: '2027-02-01' });
    expect(amendment.round).toBe(2);
    const afterAmendment = await employer.client.call('review/get', { documentId });
    expect(afterAmendment.findings.map((entry) => entry.round)).toEqual([1]);
    expect(afterAmendment.decision?.round).toBe(1);
  });

  it('flags a vote counted on fewer workers than the enterprise has, and a late sending', async () => {
    const document = await admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước 2027',
      content: agreementBody(),
      variables: { headcount: 250, effective_date: '2027-01-01' },
    });
    const table: Table = {
      documentId: document.id,
      admin,
      employer: await joinSeat(api, admin, document.id, 'employer', 'Chị Lan'),
      union: await joinSeat(api, admin, document.id, 'union', 'Anh Minh'),
      reviewer: await joinSeat(api, admin, document.id, 'reviewer', 'Bà Hạnh'),
    };
    await toSigned(clock, table, { termMonths: 36 });
    goTo(clock, '2027-02-12');
    await take(table.employer.client, table.documentId, { type: 'send_to_authority', sentOn: '2027-02-12' });
    const review = await table.reviewer.client.call('review/get', { documentId: table.documentId });
    const statuses = Object.fromEntries(review.checklist.map((item) => [item.id, item.status]));
    expect(statuses).toMatchObject({ vote: 'ok', vote_base: 'problem', effective_date: 'problem', filing: 'problem' });
    expect(review.checklist.find((item) => item.id === 'vote_base')?.message.en).toBe(
      'The vote counts 100 people but the text gives the enterprise 250 workers; the share is of all workers — 51 of 250 is not more than 50%',
    );
    expect(review.checklist.find((item) => item.id === 'effective_date')?.message.en).toBe(
      'In force from 01/01/2027 (as written in the agreement) — before the signing date',
    );
    expect(review.checklist.find((item) => item.id === 'filing')?.message.vi).toBe(
      'Gửi thỏa ước đến Sở Nội vụ trong 10 ngày kể từ ngày ký: ngày 12/02/2027, thời hạn 11/02/2027 — quá hạn',
    );
  });
});
