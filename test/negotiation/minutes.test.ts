import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { TopLevelBlock } from '#shared/document/nodes';
import { buildMinutes } from '#shared/negotiation/minutes';
import { openArticle, type ArticleNegotiation, type Proposal } from '#shared/negotiation/model';
import { article, chapter, paragraph } from '../editor/builders';
import {
  closeApi,
  createTestClock,
  expectApiError,
  httpTransportUnderTest,
  inProcessTransportUnderTest,
  startApi,
  type ApiFixture,
  type TestClock,
} from '../helpers/apiTransports';
import { clauseIds, openNegotiation, proposedArticle } from './negotiationFixture';

// The bargaining minutes (biên bản, Labour Code Art. 70): who took part for each side, the articles
// agreed, those still disputed with each side's last position, and the proposals accepted in the
// session, each article under the number it has in the document now.

function proposal(fields: Partial<Proposal> & Pick<Proposal, 'id' | 'clauseId' | 'side' | 'status'>): Proposal {
  return {
    kind: 'replace',
    authorId: `${fields.side}-1`,
    authorName: fields.side === 'employer' ? 'Chị Lan' : 'Anh Minh',
    rationale: '',
    article: null,
    values: {},
    previousValues: {},
    baseText: '',
    createdAt: '2027-01-04T08:00:00.000Z',
    answers: null,
    supersededBy: null,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    reason: null,
    packageId: null,
    ...fields,
  };
}

describe('buildMinutes', () => {
  const blocks: TopLevelBlock[] = [
    paragraph('Căn cứ Bộ luật Lao động năm 2019.'),
    chapter('c1', 'NHỮNG QUY ĐỊNH CHUNG', article('scope', 'Phạm vi áp dụng', '…'), article('term', 'Thời hạn', '…'), article('housing', 'Hỗ trợ nhà ở', '…')),
    chapter('c2', 'TIỀN LƯƠNG', article('wage', 'Tiền lương', '…'), article('bonus', 'Thưởng Tết', '…')),
  ];
  const status = (clauseId: string, fields: Partial<ArticleNegotiation>): ArticleNegotiation => ({ ...openArticle(clauseId), ...fields });
  const since = '2027-01-04T09:00:00Z';

  const minutes = buildMinutes({
    documentTitle: 'Thỏa ước 2027',
    blocks,
    participants: [
      { displayName: 'Chị Lan', side: 'employer' },
      { displayName: 'Anh Minh', side: 'union' },
      { displayName: 'Bà Hạnh', side: 'reviewer' },
      { displayName: 'Ông Tuấn', side: 'employer' },
    ],
    articles: [
      status('bonus', { status: 'agreed' }),
      status('scope', { status: 'agreed' }),
      status('gone', { status: 'agreed' }),
      status('wage', { status: 'disputed', positions: { union: 'Tăng 10% (công đoàn nêu)' } }),
      status('term', { status: 'disputed' }),
      status('housing', { status: 'open' }),
    ],
    proposals: [
      // Positions drawn from open proposals: the latest open one of each side.
      proposal({ id: 'w1', clauseId: 'wage', side: 'employer', status: 'open', rationale: 'Tăng 4%', createdAt: '2027-01-04T08:00:00.000Z' }),
      proposal({ id: 'w2', clauseId: 'wage', side: 'employer', status: 'open', rationale: 'Tăng 6%', createdAt: '2027-01-04T08:10:00.000Z' }),
      proposal({ id: 'w3', clauseId: 'wage', side: 'employer', status: 'rejected', rationale: 'Tăng 2%', createdAt: '2027-01-04T08:20:00.000Z' }),
      proposal({ id: 'w4', clauseId: 'wage', side: 'union', status: 'open', rationale: 'Tăng 12% (đề xuất)', createdAt: '2027-01-04T08:30:00.000Z' }),
      proposal({ id: 't1', clauseId: 'term', side: 'union', status: 'open', rationale: 'Hai năm thôi' }),
      proposal({ id: 't2', clauseId: 'term', side: 'employer', status: 'superseded', rationale: 'Ba năm' }),
      // Accepted: before the session (left out), at its first instant, and later.
      proposal({ id: 'old', clauseId: 'scope', side: 'union', status: 'accepted', decidedAt: '2027-01-04T08:59:59.999Z', decidedByName: 'Chị Lan' }),
      proposal({
        id: 'rep',
        clauseId: 'bonus',
        side: 'union',
        status: 'accepted',
        rationale: 'Đời sống',
        decidedAt: '2027-01-04T09:00:00.000Z',
        decidedByName: 'Ông Tuấn',
      }),
      proposal({
        id: 'ins',
        clauseId: 'term',
        kind: 'insert_after',
        side: 'employer',
        status: 'accepted',
        rationale: 'Giữ chân công nhân',
        article: { ...proposedArticle('Hỗ trợ nhà ở', '…'), clauseId: 'housing' },
        decidedAt: '2027-01-04T10:15:30.250Z',
        decidedByName: 'Anh Minh',
      }),
      proposal({
        id: 'del',
        clauseId: 'gone',
        kind: 'delete',
        side: 'employer',
        status: 'accepted',
        rationale: 'Trùng quy chế',
        baseText: 'Phụ cấp xăng xe\nMỗi tháng 300.000 đồng.',
        decidedAt: '2027-01-04T11:00:00.000Z',
        decidedByName: 'Anh Minh',
      }),
    ],
    round: { leftOut: [] },
    since,
    now: '2027-01-04T12:00:00.000Z',
    publishedScenarios: [],
    suggestions: [],
  });

  it('lists each side’s participants, leaving reviewers out', () => {
    expect(minutes.participants).toEqual({ employer: ['Chị Lan', 'Ông Tuấn'], union: ['Anh Minh'] });
    expect(minutes).toMatchObject({ documentTitle: 'Thỏa ước 2027', date: '2027-01-04T12:00:00.000Z', sessionSince: since });
  });

  it('lists the agreed articles still in the document, by their number in it', () => {
    expect(minutes.agreed).toEqual([
      { clauseId: 'scope', number: 1, title: 'Phạm vi áp dụng' },
      { clauseId: 'bonus', number: 5, title: 'Thưởng Tết' },
    ]);
  });

  it('gives each side’s last position on a disputed article: stated, or else its latest open proposal’s rationale', () => {
    expect(minutes.disputed).toEqual([
      { clauseId: 'term', number: 2, title: 'Thời hạn', positions: { union: 'Hai năm thôi' } },
      { clauseId: 'wage', number: 4, title: 'Tiền lương', positions: { employer: 'Tăng 6%', union: 'Tăng 10% (công đoàn nêu)' } },
    ]);
  });

  it('lists the proposals accepted since the session began, compared as instants, under the numbers the articles have now', () => {
    expect(minutes.accepted.map((a) => [a.proposalId, a.number, a.title])).toEqual([
      // Deleted: no number any more, named by the title its proposal recorded.
      ['del', 0, 'Phụ cấp xăng xe'],
      ['ins', 3, 'Hỗ trợ nhà ở'],
      ['rep', 5, 'Thưởng Tết'],
    ]);
    expect(minutes.accepted.find((a) => a.proposalId === 'ins')).toEqual({
      clauseId: 'housing',
      number: 3,
      title: 'Hỗ trợ nhà ở',
      proposalId: 'ins',
      kind: 'insert_after',
      proposedBy: 'employer',
      proposedByName: 'Chị Lan',
      acceptedByName: 'Anh Minh',
      acceptedAt: '2027-01-04T10:15:30.250Z',
      rationale: 'Giữ chân công nhân',
    });
  });

  it('counts the articles of the document neither agreed nor disputed', () => {
    expect(minutes.openCount).toBe(1);
  });
});

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('negotiation/minutes over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    // The evening before the session in Vietnam (3 January, 22:00 there), so that "today" leaves
    // out what was accepted then.
    ({ clock, api, admin } = await startApi(underTest, createTestClock(Date.UTC(2027, 0, 3, 15, 0))));
  });
  afterEach(() => closeApi(api));

  it('records the session from the document’s negotiation, numbered as the document is now', async () => {
    const { document, employer, employer2, union, union2, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const yesterday = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.term,
      kind: 'replace',
      rationale: 'Ba năm',
      article: proposedArticle('Thời hạn', 'Ba năm.'),
    });
    await union.client.call('proposals/accept', { documentId, proposalId: yesterday.id });

    clock.advance(17.5 * 3_600_000); // 2027-01-04 08:30 UTC, 15:30 in Vietnam
    const insert = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.scope,
      kind: 'insert_after',
      rationale: 'Người lao động thử việc',
      article: proposedArticle('Đối tượng áp dụng', 'Kể cả người lao động thử việc.'),
    });
    await employer2.client.call('proposals/accept', { documentId, proposalId: insert.id });
    await employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'replace',
      rationale: 'Thưởng theo doanh thu',
      article: proposedArticle('Thưởng Tết', 'Theo doanh thu.'),
    });
    await union.client.call('articles/dispute', { documentId, clauseId: clauseIds.bonus, position: 'Ít nhất một tháng lương' });
    await admin.call('participants/revoke', { participantId: union2.participant.id });

    const minutes = await reviewer.client.call('negotiation/minutes', { documentId });
    const at = new Date(clock.now()).toISOString();
    expect(minutes).toEqual({
      documentTitle: document.title,
      date: new Date(clock.now()).toISOString(),
      // The session began at midnight in Vietnam (UTC+7): 4 January 00:00 there.
      sessionSince: '2027-01-03T17:00:00.000Z',
      // Revoked participants and reviewers are not in the minutes (joined in the same millisecond:
      // the order between the two employers is the database's).
      participants: { employer: expect.arrayContaining(['Chị Lan (Phòng Nhân sự)', 'Ông Tuấn (Giám đốc)']), union: ['Anh Minh (Công đoàn cơ sở)'] },
      // Điều 1 scope, Điều 2 the inserted article, Điều 3 term, Điều 4 wage, Điều 5 bonus. An
      // accepted position is agreed by both sides (the inserted article, the term).
      agreed: [
        { clauseId: insert.article?.clauseId, number: 2, title: 'Đối tượng áp dụng' },
        { clauseId: clauseIds.term, number: 3, title: 'Thời hạn' },
        { clauseId: clauseIds.wage, number: 4, title: 'Tiền lương' },
      ],
      disputed: [
        { clauseId: clauseIds.bonus, number: 5, title: 'Thưởng Tết', positions: { employer: 'Thưởng theo doanh thu', union: 'Ít nhất một tháng lương' } },
      ],
      accepted: [
        {
          clauseId: insert.article?.clauseId,
          number: 2,
          title: 'Đối tượng áp dụng',
          proposalId: insert.id,
          kind: 'insert_after',
          proposedBy: 'union',
          proposedByName: 'Anh Minh (Công đoàn cơ sở)',
          acceptedByName: 'Ông Tuấn (Giám đốc)',
          acceptedAt: new Date(clock.now()).toISOString(),
          rationale: 'Người lao động thử việc',
        },
      ],
      notAgreed: [],
      override: null,
      openCount: 1,
      // Per article negotiated today, each position and step in order (yesterday's is left out).
      ledger: [
        {
          clauseId: clauseIds.scope,
          number: 1,
          title: 'Phạm vi áp dụng',
          standing: 'open',
          entries: [
            {
              at,
              side: 'union',
              byName: 'Anh Minh (Công đoàn cơ sở)',
              step: { position: 'insert_after' },
              note: 'Người lao động thử việc',
              values: [],
              outcome: { status: 'accepted', byName: 'Ông Tuấn (Giám đốc)' },
            },
          ],
        },
        {
          clauseId: clauseIds.wage,
          number: 4,
          title: 'Tiền lương',
          standing: 'agreed',
          entries: [
            { at, side: 'employer', byName: 'Chị Lan (Phòng Nhân sự)', step: { event: 'agreed' }, note: null, values: [], outcome: null },
            { at, side: 'union', byName: 'Anh Minh (Công đoàn cơ sở)', step: { event: 'agreed' }, note: null, values: [], outcome: null },
          ],
        },
        {
          clauseId: clauseIds.bonus,
          number: 5,
          title: 'Thưởng Tết',
          standing: 'disputed',
          entries: [
            {
              at,
              side: 'employer',
              byName: 'Chị Lan (Phòng Nhân sự)',
              step: { position: 'replace' },
              note: 'Thưởng theo doanh thu',
              values: [],
              outcome: { status: 'open', byName: null },
            },
            {
              at,
              side: 'union',
              byName: 'Anh Minh (Công đoàn cơ sở)',
              step: { event: 'disputed' },
              note: 'Ít nhất một tháng lương',
              values: [],
              outcome: null,
            },
          ],
        },
      ],
      costings: [],
    });

    expect(minutes.participants.employer).toHaveLength(2);

    const twoDays = await employer.client.call('negotiation/minutes', { documentId, since: '2027-01-03T00:00:00Z' });
    expect(twoDays.accepted.map((a) => [a.number, a.title, a.proposalId])).toEqual([
      [2, 'Đối tượng áp dụng', insert.id],
      [3, 'Thời hạn', yesterday.id],
    ]);

    const other = await openNegotiation(api, admin, 'Nội quy lao động');
    await expectApiError(other.union.client.call('negotiation/minutes', { documentId }), 'forbidden');
    await expectApiError(employer.client.call('negotiation/minutes', { documentId, since: 'hôm qua' }), 'invalid_input', /since/);
  });
});
