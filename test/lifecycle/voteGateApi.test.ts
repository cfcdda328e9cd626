import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { TopLevelBlock } from '#shared/document/nodes';
import { readContent, variablesMap } from '#shared/document/yjsContent';
import { closeApi, expectApiError, httpTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { article, chapter, paragraph } from '../editor/builders';
import { connectClient, synced } from '../helpers/syncClient';
import { agreementBody, clauseIds, joinSeat } from '../negotiation/negotiationFixture';
import { agreeAll, goTo, refusedUnchanged, signature, take, type Table } from './lifecycleFixture';

// "Agreed means agreed" over HTTP, with a real server and participants of both sides: the draft
// goes to the vote only once every article is agreed, left out by the union (Art. 71) or put to
// the vote with its written reason; the agreement is signed once both sides' representatives have
// signed (Art. 76(4)), on exactly the text the workers voted on.

const overtimeId = 'dieu-lam-them-gio';

/** The four articles of the negotiation tests and one whose weekday overtime rate (140%) breaks LC Art. 98(1)(a). */
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

describe('the lifecycle follows the negotiation (over HTTP)', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(httpTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  /** An agreement in bargaining since 11 Jan 2027, nothing agreed yet. */
  async function inBargaining(): Promise<Table> {
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
    await take(table.union.client, table.documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' });
    goTo(clock, '2027-01-11');
    await take(table.employer.client, table.documentId, { type: 'record_bargaining_dates', startedOn: '2027-01-11' });
    return table;
  }

  it('refuses the vote with no article agreed and a violation open, shows both to everyone, and goes ahead once each is agreed or left out', async () => {
    const table = await inBargaining();
    const { documentId, employer, union, reviewer } = table;
    // What is open, for either side and the reviewer alike: articles by number and title, violations by rule title.
    const open = await employer.client.call('lifecycle/openItems', { documentId });
    expect(open).toEqual({
      documentId,
      articleCount: 5,
      agreedCount: 0,
      notAgreed: [
        { clauseId: clauseIds.scope, number: 1, title: 'Phạm vi áp dụng', status: 'open', leftOut: null },
        { clauseId: clauseIds.term, number: 2, title: 'Thời hạn', status: 'open', leftOut: null },
        { clauseId: clauseIds.wage, number: 3, title: 'Tiền lương', status: 'open', leftOut: null },
        { clauseId: clauseIds.bonus, number: 4, title: 'Thưởng Tết', status: 'open', leftOut: null },
        { clauseId: overtimeId, number: 5, title: 'Làm thêm giờ', status: 'open', leftOut: null },
      ],
      blockingCount: 5,
      violations: [
        {
          rule: { vi: 'Tiền lương làm thêm giờ vào ngày thường', en: 'Overtime pay on normal days' },
          citation: { law: 'LC2019', article: 98, clause: 1, point: 'a' },
          articles: [{ number: 5, title: 'Làm thêm giờ' }],
        },
      ],
    });
    expect(JSON.stringify(open.violations)).not.toContain('pay.ot_weekday');
    expect(await reviewer.client.call('lifecycle/openItems', { documentId })).toEqual(open);

    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(union.client, documentId, { type: 'open_vote' }),
      'conflict',
      /^5 of 5 articles are not agreed by both sides: Art\. 1 \(Phạm vi áp dụng\), .*Art\. 5 \(Làm thêm giờ\)\..*\(Labour Code 2019 Art\. 71\)\.$/,
    );
    // People read the rule's own explanation, in their language.
    expect((await expectApiError(take(union.client, documentId, { type: 'open_vote' }), 'conflict')).reason).toEqual({
      key: 'explained',
      text: { vi: expect.stringMatching(/^Còn 5\/5 điều/), en: expect.stringMatching(/^5 of 5 articles/) },
    });
    // Only the union leaves articles out (it puts the draft to the vote, Art. 76(3)).
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, { type: 'leave_out_article', clauseId: clauseIds.bonus }),
      'forbidden',
      /Art\. 76\(3\)/,
    );
    await refusedUnchanged(api, admin, documentId, () => take(admin, documentId, { type: 'leave_out_article', clauseId: clauseIds.bonus }), 'forbidden');
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, { type: 'open_vote', override: 'Bên sử dụng lao động muốn biểu quyết ngay' }),
      'forbidden',
      /Art\. 76\(3\)/,
    );

    await agreeAll(table, [clauseIds.bonus, clauseIds.term]);
    await union.client.call('articles/dispute', { documentId, clauseId: clauseIds.bonus, position: 'Ít nhất một tháng lương' });
    await take(union.client, documentId, { type: 'leave_out_article', clauseId: clauseIds.bonus, reason: 'Giải quyết theo thủ tục tranh chấp lao động' });
    await take(union.client, documentId, { type: 'leave_out_article', clauseId: clauseIds.term });
    await take(union.client, documentId, { type: 'withdraw_leave_out', clauseId: clauseIds.term });
    // The employer sees what the union left out, by whom and why.
    const seen = await employer.client.call('lifecycle/openItems', { documentId });
    expect(seen).toMatchObject({
      agreedCount: 3,
      blockingCount: 1,
      notAgreed: [
        { clauseId: clauseIds.term, status: 'open', leftOut: null },
        {
          clauseId: clauseIds.bonus,
          status: 'disputed',
          leftOut: {
            number: 4,
            title: 'Thưởng Tết',
            reason: 'Giải quyết theo thủ tục tranh chấp lao động',
            on: '2027-01-11',
            byName: 'Anh Minh (Công đoàn cơ sở)',
          },
        },
      ],
    });
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(union.client, documentId, { type: 'open_vote' }),
      'conflict',
      /^1 of 5 articles are not agreed by both sides: Art\. 2 \(Thời hạn\)\./,
    );
    await agreeAll(table, [clauseIds.bonus]);

    goTo(clock, '2027-01-20');
    const vote = await take(union.client, documentId, { type: 'open_vote' });
    expect(vote).toMatchObject({ state: 'employee_vote', frozen: true });
    expect(vote.current.putToVote).toMatchObject({
      articleCount: 5,
      agreedCount: 4,
      notAgreed: [{ clauseId: clauseIds.bonus, number: 4, title: 'Thưởng Tết', status: 'disputed', leftOut: true }],
      override: null,
      violations: [{ rule: { en: 'Overtime pay on normal days' }, articles: [{ number: 5, title: 'Làm thêm giờ' }] }],
    });
    // Left out is not deleted: the article stays in the text, recorded as not agreed.
    expect(JSON.stringify(await api.withDocument(documentId, readContent))).toContain('Thưởng Tết bằng một tháng lương.');
    const minutes = await employer.client.call('negotiation/minutes', { documentId });
    expect(minutes.notAgreed).toEqual([
      {
        clauseId: clauseIds.bonus,
        number: 4,
        title: 'Thưởng Tết',
        positions: { union: 'Ít nhất một tháng lương' },
        leftOutOn: '2027-01-11',
        leftOutBy: 'Anh Minh (Công đoàn cơ sở)',
        reason: 'Giải quyết theo thủ tục tranh chấp lao động',
      },
    ]);
    expect(minutes.disputed).toEqual([]);
    const review = await reviewer.client.call('review/get', { documentId });
    expect(review.checklist.find((item) => item.id === 'vote_left_out')?.message.vi).toBe(
      'Dự thảo đưa ra lấy ý kiến: 4/5 điều được hai bên thống nhất; để ngoài thỏa ước, chưa đạt được thỏa thuận: Điều 4 (Thưởng Tết)',
    );
    expect(review.checklist.find((item) => item.id === 'vote_violation_1')?.message.vi).toBe(
      'Vi phạm còn tồn tại khi đưa dự thảo ra lấy ý kiến: Tiền lương làm thêm giờ vào ngày thường — Điều 5 (Làm thêm giờ)',
    );
    // Leaving out belongs to bargaining: not while the draft is before the workers.
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(union.client, documentId, { type: 'withdraw_leave_out', clauseId: clauseIds.bonus }),
      'conflict',
      /only when the document is “bargaining”/,
    );
  });

  it("puts articles not agreed to the vote with the union's written reason, which the employer, the minutes and the reviewer see", async () => {
    const table = await inBargaining();
    const { documentId, employer, union, reviewer } = table;
    await agreeAll(table, [clauseIds.wage]);
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => union.client.call('lifecycle/step', { documentId, step: { type: 'open_vote', override: ' ' } }),
      'invalid_input',
      /write the reason/,
    );
    await take(union.client, documentId, { type: 'open_vote', override: 'Người lao động quyết định mức lương tối thiểu' });
    const seen = await employer.client.call('lifecycle/get', { documentId });
    expect(seen.current.putToVote?.override).toEqual({ reason: 'Người lao động quyết định mức lương tối thiểu', byName: 'Anh Minh (Công đoàn cơ sở)' });
    expect(seen.events.find((event) => event.facts.type === 'open_vote')?.facts).toMatchObject({
      draft: { override: { reason: 'Người lao động quyết định mức lương tối thiểu' }, notAgreed: [{ clauseId: clauseIds.wage, leftOut: false }] },
    });
    expect((await employer.client.call('negotiation/minutes', { documentId })).override).toEqual({
      reason: 'Người lao động quyết định mức lương tối thiểu',
      byName: 'Anh Minh (Công đoàn cơ sở)',
      articles: [{ clauseId: clauseIds.wage, number: 3, title: 'Tiền lương' }],
    });
    const override = (await reviewer.client.call('review/get', { documentId })).checklist.find((item) => item.id === 'vote_override');
    expect(override?.message.en).toBe(
      "The draft was put to the vote with articles not agreed: Art. 3 (Tiền lương); the worker representative organisation's reason (Anh Minh (Công đoàn cơ sở)): Người lao động quyết định mức lương tối thiểu",
    );
  });

  it('is signed once both sides sign, on the text voted: one signature sends nothing; the signed version is the voted version', async () => {
    const table = await inBargaining();
    const { documentId, employer, union } = table;
    await agreeAll(table);
    goTo(clock, '2027-01-20');
    const opened = await take(union.client, documentId, { type: 'open_vote' });
    const voted = opened.current.putToVote?.votedText;
    // The text put to the vote is a version of the history, named, with the hash the signed text must have.
    const votedVersion = await api.store.versions.get(documentId, voted?.versionId ?? '');
    expect(votedVersion).toMatchObject({ kind: 'named', name: 'Dự thảo lấy ý kiến người lao động — vòng 1' });
    expect(voted?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await take(union.client, documentId, { type: 'record_vote', votedOn: '2027-01-20', groups: [{ eligible: 100, inFavour: 70 }] });

    goTo(clock, '2027-01-21');
    const half = await take(employer.client, documentId, signature('employer', '2027-01-21', { effectiveOn: '2027-02-01', termMonths: 36 }));
    expect(half).toMatchObject({ state: 'employee_vote', openSteps: ['return_to_bargaining'] });
    expect(half.current.signing).toBeUndefined();
    expect(await api.store.versions.signed(documentId)).toEqual([]);
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, { type: 'send_to_authority', sentOn: '2027-01-21' }),
      'conflict',
      /it is “employee vote”.*Art\. 77/,
    );
    expect((await union.client.call('lifecycle/get', { documentId })).openSteps).toEqual(['return_to_bargaining', 'record_vote', 'sign']);

    goTo(clock, '2027-02-02');
    const signed = await take(union.client, documentId, signature('union', '2027-01-22'));
    // Signed on the later date; in force from the agreed date, which has come.
    expect(signed).toMatchObject({ state: 'in_force', current: { signing: { signedOn: '2027-01-22', effectiveOn: '2027-02-01', termMonths: 36 } } });
    const [signedVersion] = await api.store.versions.signed(documentId);
    expect(signedVersion?.id).toBe(signed.current.signing?.signedVersionId);
    // The signed text is the voted one, its procedural facts (the vote, the signing date) filled in since.
    const votedText = await admin.call('versions/get', { documentId, versionId: voted?.versionId ?? '' });
    const signedText = await admin.call('versions/get', { documentId, versionId: signedVersion?.id ?? '' });
    expect(signedText.blocks).toEqual(votedText.blocks);
    const negotiated = (variables: Record<string, unknown>) => Object.fromEntries(Object.entries(variables).filter(([id]) => !isProceduralFact(id)));
    expect(negotiated(signedText.variables)).toEqual(negotiated(votedText.variables));
    expect(signedText.variables).toMatchObject({ vote_in_favour: 70, signing_date: '2027-01-22' });
    await take(employer.client, documentId, { type: 'send_to_authority', sentOn: '2027-02-02' });
  });

  it('refuses to sign a text other than the one voted on, with a clear error, and signs nothing', async () => {
    const table = await inBargaining();
    const { documentId, employer, union } = table;
    await agreeAll(table);
    await take(union.client, documentId, { type: 'open_vote' });
    await take(union.client, documentId, { type: 'record_vote', votedOn: '2027-01-11', groups: [{ eligible: 100, inFavour: 70 }] });
    await take(employer.client, documentId, signature('employer', '2027-01-11', { termMonths: 24 }));
    // The sync server refuses every write once the text is frozen (S4): only a change made in the
    // server's own copy (kept loaded by a connected reader) gets past it.
    const reader = connectClient(api.serverUrl ?? '', documentId, union.token);
    try {
      await synced(reader);
      await api.withDocument(documentId, (doc) => variablesMap(doc).set('ot_rate_weekday', 150));
      await refusedUnchanged(
        api,
        admin,
        documentId,
        () => take(union.client, documentId, signature('union', '2027-01-11')),
        'conflict',
        /^The text differs from the draft put to the workers’ vote: it may not be signed.*Art\. 76\(1\)/,
      );
      expect(await api.store.versions.signed(documentId)).toEqual([]);
    } finally {
      reader.destroy();
    }
  });
});
