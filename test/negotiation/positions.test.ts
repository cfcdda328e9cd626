import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { articlesOf, articleText } from '#shared/document/articles';
import type { ArticleElement, InlineNode, TopLevelBlock } from '#shared/document/nodes';
import { readContent } from '#shared/document/yjsContent';
import { article, chapter, paragraph } from '../editor/builders';
import { closeApi, expectApiError, httpTransportUnderTest, inProcessTransportUnderTest, startApi, type ApiFixture } from '../helpers/apiTransports';
import { zipPart } from '../export/fileTools';
import { storedDoc } from '../helpers/storedState';
import { agreementBody, clauseIds, joinSeat, negotiationSnapshot, serverBody } from './negotiationFixture';

// Positions keep the document's structure: they change values as values, carry text and values
// together, cover several articles as a package, and what the other side accepts is credited to
// whoever proposed it. Accepting makes the article agreed by both sides (a tentative agreement).

const docxText = (fileBase64: string): string => zipPart(Buffer.from(fileBase64, 'base64'), 'word/document.xml');

const chip = (variableId: string): InlineNode => ({ type: 'variable', variableId, children: [{ text: '' }] });
const overtimeId = 'dieu-lam-them';

/** The agreement of the other negotiation tests, with an overtime article whose rates are chips. */
function bodyWithOvertime(): TopLevelBlock[] {
  const overtime = article(
    overtimeId,
    'Làm thêm giờ',
    paragraph(
      'Ngày thường ít nhất bằng ',
      chip('ot_rate_weekday'),
      ', ngày nghỉ hằng tuần ít nhất bằng ',
      chip('ot_rate_weekly_rest'),
      ' tiền lương giờ thực trả.',
    ),
  );
  return [...agreementBody(), chapter('chuong-gio', 'THỜI GIỜ LÀM VIỆC', overtime)];
}

const overtimeWith = (text: string): ArticleElement =>
  article(overtimeId, 'Làm thêm giờ', paragraph(text, chip('ot_rate_weekday'), ' tiền lương giờ thực trả.'));

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('positions over $name', (underTest) => {
  let api: ApiFixture;
  let admin: ApiClient;
  beforeEach(async () => {
    ({ api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  async function table() {
    const document = await admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước 2027',
      content: bodyWithOvertime(),
      variables: { ot_rate_weekday: 150, ot_rate_weekly_rest: 200 },
    });
    const documentId = document.id;
    return {
      documentId,
      employer: await joinSeat(api, admin, documentId, 'employer', 'Chị Lan'),
      union: await joinSeat(api, admin, documentId, 'union', 'Anh Minh'),
      values: () => api.withDocument(documentId, (doc) => doc.getMap('variables').toJSON()),
      overtime: async () => articlesOf(await serverBody(api, documentId)).find((candidate) => candidate.clauseId === overtimeId),
    };
  }

  it('a position changes values as values: countered, then accepted, the figure stays a chip, the annex and the article agree', async () => {
    const { documentId, employer, union, values, overtime } = await table();
    const offer = await union.client.call('proposals/create', {
      documentId,
      clauseId: overtimeId,
      kind: 'values',
      values: { ot_rate_weekday: 200 },
      rationale: 'Bù đắp chi phí sinh hoạt',
    });
    expect(offer).toMatchObject({ kind: 'values', article: null, values: { ot_rate_weekday: 200 }, previousValues: { ot_rate_weekday: 150 } });
    const counter = await employer.client.call('proposals/counter', {
      documentId,
      proposalId: offer.id,
      kind: 'values',
      values: { ot_rate_weekday: 180 },
      rationale: 'Chi phí sản xuất',
    });
    expect(counter).toMatchObject({ answers: offer.id, values: { ot_rate_weekday: 180 }, previousValues: { ot_rate_weekday: 150 } });
    const before = await overtime();
    await union.client.call('proposals/accept', { documentId, proposalId: counter.id });

    expect(await values()).toMatchObject({ ot_rate_weekday: 180, ot_rate_weekly_rest: 200 });
    // The text is untouched: the chips are still chips.
    expect(await overtime()).toEqual(before);
    expect(articleText((await overtime()) as ArticleElement)).toContain('{{ot_rate_weekday}}');
    const state = await admin.call('negotiation/state', { documentId });
    expect(state.articles.find((status) => status.clauseId === overtimeId)?.status).toBe('agreed');
    // What the exported text says is what the annex says: 180%, nowhere the old 150%.
    const exported = await admin.call('documents/exportDocx', { documentId, annex: true });
    const xml = docxText(exported.fileBase64);
    expect(xml.match(/180%/g)?.length).toBeGreaterThanOrEqual(2);
    expect(xml).not.toContain('150%');
  });

  it('text and values together are applied in one change; a value is checked like any value, and procedural facts are never proposed', async () => {
    const { documentId, employer, union, values, overtime } = await table();
    await expectApiError(
      union.client.call('proposals/create', { documentId, clauseId: overtimeId, kind: 'values', values: { ot_rate_weekday: 50 }, rationale: 'Thấp' }),
      'invalid_input',
      /values/,
    );
    await expectApiError(
      union.client.call('proposals/create', { documentId, clauseId: overtimeId, kind: 'values', values: { mau_yeu_thich: 'xanh' }, rationale: 'x' }),
      'invalid_input',
      /unknown variable/,
    );
    await expectApiError(
      union.client.call('proposals/create', { documentId, clauseId: overtimeId, kind: 'values', values: { vote_in_favour: 900 }, rationale: 'x' }),
      'invalid_input',
      /lifecycle record/,
    );
    await expectApiError(
      union.client.call('proposals/create', { documentId, clauseId: overtimeId, kind: 'values', values: {}, rationale: 'x' }),
      'invalid_input',
      /at least one value/,
    );

    const proposal = await union.client.call('proposals/create', {
      documentId,
      clauseId: overtimeId,
      kind: 'replace',
      article: overtimeWith('Mọi ngày làm việc ít nhất bằng '),
      values: { ot_rate_weekday: 200 },
      rationale: 'Gộp hai mức',
    });
    const lastSeq = await api.store.updates.lastSeq(documentId);
    await employer.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    expect(await api.store.updates.lastSeq(documentId)).toBe(lastSeq + 1);
    expect(await values()).toMatchObject({ ot_rate_weekday: 200 });
    expect(articleText((await overtime()) as ArticleElement)).toBe('Làm thêm giờ\nMọi ngày làm việc ít nhất bằng {{ot_rate_weekday}} tiền lương giờ thực trả.');
    // The accepted text is the proposer's, not the accepter's.
    const attribution = await admin.call('versions/attribution', { documentId });
    const shares = attribution.articles.find((entry) => entry.clauseId === overtimeId)?.shares ?? [];
    expect(shares.map((share) => share.person.displayName)).toContain('Anh Minh');
    expect(shares.map((share) => share.person.displayName)).not.toContain('Chị Lan');
    expect(
      articleText(
        articlesOf(readContent(await storedDoc(api.store.updates, documentId))).find((candidate) => candidate.clauseId === overtimeId) as ArticleElement,
      ),
    ).toContain('Mọi ngày làm việc');
  });

  it('a package stands or falls as a whole: accepting it applies and agrees every article; rejecting or withdrawing one takes all', async () => {
    const { documentId, employer, union, values } = await table();
    const items = [
      { clauseId: overtimeId, kind: 'values' as const, values: { ot_rate_weekday: 170 } },
      { clauseId: clauseIds.bonus, kind: 'replace' as const, article: article(clauseIds.bonus, 'Thưởng Tết', 'Thưởng Tết bằng hai tháng lương.') },
    ];
    await expectApiError(
      union.client.call('proposals/createPackage', { documentId, rationale: 'Trọn gói', items: [items[0] as (typeof items)[number]] }),
      'invalid_input',
      /at least two/,
    );
    const rejected = await union.client.call('proposals/createPackage', { documentId, rationale: 'Trọn gói', items });
    expect(new Set(rejected.map((proposal) => proposal.packageId)).size).toBe(1);
    await employer.client.call('proposals/reject', { documentId, proposalId: rejected[1]?.id ?? '', reason: 'Quá cao' });
    const afterReject = await admin.call('negotiation/state', { documentId });
    expect(afterReject.decided.filter((proposal) => proposal.packageId === rejected[0]?.packageId).map((proposal) => proposal.status)).toEqual([
      'rejected',
      'rejected',
    ]);

    const withdrawn = await union.client.call('proposals/createPackage', { documentId, rationale: 'Trọn gói', items });
    await union.client.call('proposals/withdraw', { documentId, proposalId: withdrawn[0]?.id ?? '' });
    expect(
      (await admin.call('negotiation/state', { documentId })).decided
        .filter((proposal) => proposal.packageId === withdrawn[0]?.packageId)
        .map((proposal) => proposal.status),
    ).toEqual(['withdrawn', 'withdrawn']);

    const offered = await union.client.call('proposals/createPackage', { documentId, rationale: 'Trọn gói', items });
    const before = await negotiationSnapshot(api, admin, documentId);
    // A side does not accept its own package; nothing changes.
    await expectApiError(union.client.call('proposals/accept', { documentId, proposalId: offered[0]?.id ?? '' }), 'forbidden');
    expect(await negotiationSnapshot(api, admin, documentId)).toEqual(before);
    await employer.client.call('proposals/accept', { documentId, proposalId: offered[0]?.id ?? '' });
    expect(await values()).toMatchObject({ ot_rate_weekday: 170 });
    const state = await admin.call('negotiation/state', { documentId });
    expect(state.decided.filter((proposal) => proposal.packageId === offered[0]?.packageId).map((proposal) => proposal.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect(
      state.articles
        .filter((status) => status.status === 'agreed')
        .map((status) => status.clauseId)
        .sort(),
    ).toEqual([clauseIds.bonus, overtimeId].sort());
  });

  it('a counter answers a whole package, with a package of its own', async () => {
    const { documentId, employer, union } = await table();
    const offered = await union.client.call('proposals/createPackage', {
      documentId,
      rationale: 'Trọn gói',
      items: [
        { clauseId: overtimeId, kind: 'values', values: { ot_rate_weekday: 200 } },
        { clauseId: clauseIds.bonus, kind: 'replace', article: article(clauseIds.bonus, 'Thưởng Tết', 'Hai tháng lương.') },
      ],
    });
    const counter = await employer.client.call('proposals/counter', {
      documentId,
      proposalId: offered[1]?.id ?? '',
      rationale: 'Một phần',
      items: [
        { clauseId: overtimeId, kind: 'values', values: { ot_rate_weekday: 170 } },
        { clauseId: clauseIds.bonus, kind: 'replace', article: article(clauseIds.bonus, 'Thưởng Tết', 'Một tháng rưỡi lương.') },
      ],
    });
    const state = await admin.call('negotiation/state', { documentId });
    expect(state.decided.filter((proposal) => proposal.packageId === offered[0]?.packageId).map((proposal) => proposal.status)).toEqual([
      'superseded',
      'superseded',
    ]);
    const counters = state.proposals.filter((proposal) => proposal.packageId === counter.packageId);
    expect(counters).toHaveLength(2);
    expect(counters.every((proposal) => proposal.answers === offered[1]?.id && proposal.side === 'employer')).toBe(true);
  });

  it('the minutes list each position with the values it offered, and the exported minutes write them as values, never ids', async () => {
    const { documentId, employer, union } = await table();
    const offer = await union.client.call('proposals/create', {
      documentId,
      clauseId: overtimeId,
      kind: 'values',
      values: { ot_rate_weekday: 200 },
      rationale: 'Bù đắp chi phí sinh hoạt',
    });
    await employer.client.call('proposals/counter', {
      documentId,
      proposalId: offer.id,
      kind: 'values',
      values: { ot_rate_weekday: 180 },
      rationale: 'Chi phí sản xuất',
    });
    const minutes = await admin.call('negotiation/minutes', { documentId, since: '2000-01-01T00:00:00Z' });
    const ledger = minutes.ledger.find((entry) => entry.clauseId === overtimeId);
    expect(ledger?.entries.map((entry) => [entry.side, entry.values, entry.outcome?.status])).toEqual([
      ['union', [{ variableId: 'ot_rate_weekday', from: 150, to: 200 }], 'superseded'],
      ['employer', [{ variableId: 'ot_rate_weekday', from: 150, to: 180 }], 'open'],
    ]);
    const exported = await admin.call('documents/exportReport', { documentId, report: 'minutes', format: 'docx', since: '2000-01-01T00:00:00Z' });
    const xml = docxText(exported.fileBase64);
    expect(xml).toContain('Tiền lương làm thêm giờ vào ngày thường: 150% → 200%');
    expect(xml).toContain('Tiền lương làm thêm giờ vào ngày thường: 150% → 180%');
    expect(xml).not.toContain('ot_rate_weekday');
  });
});
