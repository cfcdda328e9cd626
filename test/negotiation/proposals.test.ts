import { positionSummarySchema } from '#shared/api/negotiation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import { proposalsRootName, type Proposal } from '#shared/negotiation/model';
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
import { storedDoc } from '../helpers/storedState';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import {
  agreementBody,
  articleTexts,
  clauseIds,
  docMatches,
  joinSeat,
  lastParagraphOf,
  negotiationSnapshot,
  openNegotiation,
  proposedArticle,
  serverBody,
} from './negotiationFixture';

// The proposal state machine, run over every transport (HOUSE_STYLE 22): open → accepted |
// rejected | withdrawn | superseded, each step by whom the rules allow, and nothing else.

const iso = (ms: number): string => new Date(ms).toISOString();
const minuteMs = 60_000;

/** The text of every article of the agreement as created, by clauseId. */
const initialText = Object.fromEntries(articleTexts(agreementBody()).map(({ clauseId, text }) => [clauseId, text]));

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('proposals over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  /** A refused call: the error it must give, and the proof that it changed nothing anywhere. */
  async function refusedUnchanged(documentId: string, call: () => Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<void> {
    const before = await negotiationSnapshot(api, admin, documentId);
    clock.advance(minuteMs);
    await expectApiError(call(), code, message);
    expect(await negotiationSnapshot(api, admin, documentId)).toEqual(before);
  }

  const auditActions = async (documentId: string) =>
    (await api.store.audit.listByDocument(documentId)).filter((entry) => entry.action.startsWith('proposal.')).map((entry) => `${entry.action} ${entry.actor}`);

  it('either side proposes against the current text, with a rationale; the text itself does not change', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const createdAt = iso(clock.now());
    const replace = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Theo Nghị định về lương tối thiểu vùng mới',
      article: proposedArticle('Tiền lương', 'Mức lương thấp nhất cao hơn 7% mức lương tối thiểu vùng.'),
    });
    expect(replace).toEqual({
      id: expect.any(String),
      clauseId: clauseIds.wage,
      kind: 'replace',
      side: 'employer',
      authorId: employer.participant.id,
      authorName: 'Chị Lan (Phòng Nhân sự)',
      rationale: 'Theo Nghị định về lương tối thiểu vùng mới',
      // A replacement keeps the article's clauseId, whatever the proposal carried.
      article: { ...proposedArticle('Tiền lương', 'Mức lương thấp nhất cao hơn 7% mức lương tối thiểu vùng.'), clauseId: clauseIds.wage },
      values: {},
      previousValues: {},
      baseText: initialText[clauseIds.wage],
      status: 'open',
      createdAt,
      answers: null,
      supersededBy: null,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      reason: null,
      packageId: null,
    });

    clock.advance(minuteMs);
    const insert = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.scope,
      kind: 'insert_after',
      rationale: 'Bổ sung đối tượng áp dụng',
      article: proposedArticle('Đối tượng áp dụng', 'Người lao động thử việc cũng được áp dụng.'),
    });
    expect(insert).toMatchObject({
      side: 'union',
      kind: 'insert_after',
      clauseId: clauseIds.scope,
      baseText: initialText[clauseIds.scope],
      status: 'open',
      createdAt: iso(clock.now()),
    });
    // A new article gets a clauseId of its own, unlike any in the document.
    expect(insert.article?.clauseId).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(Object.keys(initialText)).not.toContain(insert.article?.clauseId);
    expect(insert.article?.clauseId).not.toBe('de-xuat');

    const remove = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'delete',
      rationale: 'Chuyển sang quy chế thưởng',
    });
    expect(remove).toMatchObject({ side: 'union', kind: 'delete', article: null, baseText: initialText[clauseIds.bonus], status: 'open' });

    const state = await union.client.call('negotiation/state', { documentId });
    expect(state.proposals.map((p) => p.id).sort()).toEqual([replace.id, insert.id, remove.id].sort());
    expect(state.proposals.find((p) => p.id === replace.id)).toEqual(replace);
    expect(articleTexts(await serverBody(api, documentId))).toEqual(articleTexts(agreementBody()));
    expect(await auditActions(documentId)).toEqual([
      `proposal.created participant:${employer.participant.id}`,
      `proposal.created participant:${union.participant.id}`,
      `proposal.created participant:${union.participant.id}`,
    ]);
  });

  it('accepting a replace puts the proposed article in its place under the same clauseId, recording who and when; it is stored', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Đời sống công nhân',
      article: proposedArticle('Tiền lương', 'Mức lương thấp nhất cao hơn 10% mức lương tối thiểu vùng.', 'Lương được trả vào ngày 05 hằng tháng.'),
    });
    clock.advance(5 * minuteMs);
    const accepted = await employer.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    expect(accepted).toEqual({
      ...proposal,
      status: 'accepted',
      decidedAt: iso(clock.now()),
      decidedById: employer.participant.id,
      decidedByName: 'Chị Lan (Phòng Nhân sự)',
    });

    const expected = articleTexts(agreementBody()).map((a) =>
      a.clauseId === clauseIds.wage
        ? { clauseId: clauseIds.wage, text: 'Tiền lương\nMức lương thấp nhất cao hơn 10% mức lương tối thiểu vùng.\nLương được trả vào ngày 05 hằng tháng.' }
        : a,
    );
    expect(articleTexts(await serverBody(api, documentId))).toEqual(expected);
    expect(articleTexts(readContent(await storedDoc(api.store.updates, documentId)))).toEqual(expected);
    // A decided position comes in short; proposals/get has it in full.
    expect(await admin.call('negotiation/state', { documentId })).toMatchObject({ proposals: [], decided: [positionSummarySchema.parse(accepted)] });
    expect(await admin.call('proposals/get', { documentId, proposalId: accepted.id })).toEqual(accepted);
    expect(await auditActions(documentId)).toEqual([
      `proposal.created participant:${union.participant.id}`,
      `proposal.accepted participant:${employer.participant.id}`,
    ]);
  });

  it('accepting an insert_after adds the new article right after the one it names, under its own clauseId', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.term,
      kind: 'insert_after',
      rationale: 'Quy định việc sửa đổi thỏa ước',
      article: proposedArticle('Sửa đổi, bổ sung', 'Việc sửa đổi thỏa ước theo Điều 82 Bộ luật Lao động.'),
    });
    const newClauseId = proposal.article?.clauseId ?? '';
    await union.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    expect(articleTexts(await serverBody(api, documentId))).toEqual([
      { clauseId: clauseIds.scope, text: initialText[clauseIds.scope] },
      { clauseId: clauseIds.term, text: initialText[clauseIds.term] },
      { clauseId: newClauseId, text: 'Sửa đổi, bổ sung\nViệc sửa đổi thỏa ước theo Điều 82 Bộ luật Lao động.' },
      { clauseId: clauseIds.wage, text: initialText[clauseIds.wage] },
      { clauseId: clauseIds.bonus, text: initialText[clauseIds.bonus] },
    ]);
    // In the same chapter as the article it follows.
    const firstChapter = (await serverBody(api, documentId))[1];
    expect(firstChapter?.type === 'chapter' && firstChapter.children.flatMap((child) => (child.type === 'article' ? [child.clauseId] : []))).toEqual([
      clauseIds.scope,
      clauseIds.term,
      newClauseId,
    ]);
  });

  it('accepting a delete removes the article, and only it', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'delete',
      rationale: 'Thưởng theo quy chế riêng',
    });
    const accepted = await union.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    expect(accepted).toMatchObject({ status: 'accepted', decidedById: union.participant.id, decidedByName: 'Anh Minh (Công đoàn cơ sở)' });
    expect(articleTexts(await serverBody(api, documentId))).toEqual(articleTexts(agreementBody()).filter((a) => a.clauseId !== clauseIds.bonus));
  });

  it('rejecting records the reason, who and when; the text stays as it was', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'delete',
      rationale: 'Thưởng theo quy chế riêng',
    });
    clock.advance(minuteMs);
    const rejected = await union.client.call('proposals/reject', {
      documentId,
      proposalId: proposal.id,
      reason: '  Thưởng Tết phải được ghi trong thỏa ước  ',
    });
    expect(rejected).toEqual({
      ...proposal,
      status: 'rejected',
      reason: 'Thưởng Tết phải được ghi trong thỏa ước',
      decidedAt: iso(clock.now()),
      decidedById: union.participant.id,
      decidedByName: 'Anh Minh (Công đoàn cơ sở)',
    });
    expect(articleTexts(await serverBody(api, documentId))).toEqual(articleTexts(agreementBody()));
    await refusedUnchanged(
      documentId,
      () => union.client.call('proposals/reject', { documentId, proposalId: proposal.id, reason: '   ' }),
      'invalid_input',
      /reason/,
    );
  });

  it('a counter-proposal supersedes the original and answers it; the first side may then accept the counter', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const original = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Tăng 10%',
      article: proposedArticle('Tiền lương', 'Cao hơn 10% mức lương tối thiểu vùng.'),
    });
    clock.advance(minuteMs);
    const counter = await employer.client.call('proposals/counter', {
      documentId,
      proposalId: original.id,
      rationale: 'Tăng 6%, phù hợp kết quả kinh doanh',
      article: proposedArticle('Tiền lương', 'Cao hơn 6% mức lương tối thiểu vùng.'),
    });
    expect(counter).toMatchObject({
      clauseId: clauseIds.wage,
      kind: 'replace',
      side: 'employer',
      authorId: employer.participant.id,
      rationale: 'Tăng 6%, phù hợp kết quả kinh doanh',
      baseText: initialText[clauseIds.wage],
      status: 'open',
      answers: original.id,
      supersededBy: null,
      createdAt: iso(clock.now()),
    });
    expect(counter.id).not.toBe(original.id);
    expect(await admin.call('proposals/get', { documentId, proposalId: original.id })).toEqual({
      ...original,
      status: 'superseded',
      supersededBy: counter.id,
      decidedAt: iso(clock.now()),
      decidedById: employer.participant.id,
      decidedByName: 'Chị Lan (Phòng Nhân sự)',
    });
    expect(articleTexts(await serverBody(api, documentId))).toEqual(articleTexts(agreementBody()));

    await union.client.call('proposals/accept', { documentId, proposalId: counter.id });
    expect(articleTexts(await serverBody(api, documentId)).find((a) => a.clauseId === clauseIds.wage)?.text).toBe(
      'Tiền lương\nCao hơn 6% mức lương tối thiểu vùng.',
    );
  });

  it('a counter may change the kind: a delete answered by a replacement', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const original = await employer.client.call('proposals/create', { documentId, clauseId: clauseIds.bonus, kind: 'delete', rationale: 'Bỏ thưởng Tết' });
    const counter = await union.client.call('proposals/counter', {
      documentId,
      proposalId: original.id,
      kind: 'replace',
      rationale: 'Giữ thưởng, giảm mức',
      article: proposedArticle('Thưởng Tết', 'Thưởng Tết bằng nửa tháng lương.'),
    });
    expect(counter).toMatchObject({ kind: 'replace', side: 'union', answers: original.id, article: { clauseId: clauseIds.bonus } });
  });

  it('the author withdraws an open proposal', async () => {
    const { document, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await union.client.call('proposals/create', { documentId, clauseId: clauseIds.term, kind: 'delete', rationale: 'Thử' });
    clock.advance(minuteMs);
    const withdrawn = await union.client.call('proposals/withdraw', { documentId, proposalId: proposal.id });
    expect(withdrawn).toEqual({
      ...proposal,
      status: 'withdrawn',
      decidedAt: iso(clock.now()),
      decidedById: union.participant.id,
      decidedByName: 'Anh Minh (Công đoàn cơ sở)',
    });
    expect(articleTexts(await serverBody(api, documentId))).toEqual(articleTexts(agreementBody()));
    expect(await auditActions(documentId)).toEqual([
      `proposal.created participant:${union.participant.id}`,
      `proposal.withdrawn participant:${union.participant.id}`,
    ]);
  });

  it('a side does not answer its own proposals, and nobody withdraws someone else’s: forbidden, nothing changes', async () => {
    const { document, employer, employer2, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await employer.client.call('proposals/create', { documentId, clauseId: clauseIds.bonus, kind: 'delete', rationale: 'Bỏ thưởng Tết' });
    const ref = { documentId, proposalId: proposal.id };
    const ownSide = /employer side is answered by the other side/;
    await refusedUnchanged(documentId, () => employer.client.call('proposals/accept', ref), 'forbidden', ownSide);
    await refusedUnchanged(documentId, () => employer2.client.call('proposals/accept', ref), 'forbidden', ownSide);
    await refusedUnchanged(documentId, () => employer2.client.call('proposals/reject', { ...ref, reason: 'Không' }), 'forbidden', ownSide);
    await refusedUnchanged(documentId, () => employer2.client.call('proposals/counter', { ...ref, rationale: 'Khác', kind: 'delete' }), 'forbidden', ownSide);
    await refusedUnchanged(documentId, () => union.client.call('proposals/withdraw', ref), 'forbidden', /only the author/);
    await refusedUnchanged(documentId, () => employer2.client.call('proposals/withdraw', ref), 'forbidden', /only the author/);
    expect(await admin.call('proposals/get', { documentId, proposalId: proposal.id })).toEqual(proposal);
  });

  it('only an open proposal moves: every step on a withdrawn, accepted, rejected or superseded one is a conflict, and changes nothing', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const propose = (clauseId: string) =>
      union.client.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'replace',
        rationale: 'Đề xuất',
        article: proposedArticle('Điều sửa', 'Nội dung mới.'),
      });
    const withdrawn = await propose(clauseIds.scope);
    await union.client.call('proposals/withdraw', { documentId, proposalId: withdrawn.id });
    const accepted = await propose(clauseIds.term);
    await employer.client.call('proposals/accept', { documentId, proposalId: accepted.id });
    const rejected = await propose(clauseIds.wage);
    await employer.client.call('proposals/reject', { documentId, proposalId: rejected.id, reason: 'Không đồng ý' });
    const superseded = await propose(clauseIds.bonus);
    await employer.client.call('proposals/counter', { documentId, proposalId: superseded.id, rationale: 'Giữ nguyên', kind: 'delete' });

    const cases: [Proposal, string][] = [
      [withdrawn, 'withdrawn'],
      [accepted, 'accepted'],
      [rejected, 'rejected'],
      [superseded, 'superseded'],
    ];
    for (const [proposal, status] of cases) {
      const ref = { documentId, proposalId: proposal.id };
      const closed = (done: string) => new RegExp(`^this proposal is ${status}: only an open proposal can be ${done}$`);
      // Each step by the one who could take it were the proposal open: only its status refuses it.
      await refusedUnchanged(documentId, () => employer.client.call('proposals/accept', ref), 'conflict', closed('accepted'));
      await refusedUnchanged(documentId, () => employer.client.call('proposals/reject', { ...ref, reason: 'Không' }), 'conflict', closed('rejected'));
      await refusedUnchanged(
        documentId,
        () => employer.client.call('proposals/counter', { ...ref, rationale: 'Khác', kind: 'delete' }),
        'conflict',
        closed('countered'),
      );
      await refusedUnchanged(documentId, () => union.client.call('proposals/withdraw', ref), 'conflict', closed('withdrawn'));
    }
  });

  it('a proposal whose article was deleted since cannot be applied: conflict, nothing changes', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const replace = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'replace',
      rationale: 'Tăng',
      article: proposedArticle('Thưởng Tết', 'Hai tháng lương.'),
    });
    const remove = await employer.client.call('proposals/create', { documentId, clauseId: clauseIds.bonus, kind: 'delete', rationale: 'Bỏ' });
    await union.client.call('proposals/accept', { documentId, proposalId: remove.id });
    await refusedUnchanged(documentId, () => employer.client.call('proposals/accept', { documentId, proposalId: replace.id }), 'conflict', /no longer exists/);
    expect((await admin.call('negotiation/state', { documentId })).proposals.find((p) => p.id === replace.id)?.status).toBe('open');
  });

  it('reviewers and the host without a seat take no step; the host with a participant seat does', async () => {
    const { document, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await union.client.call('proposals/create', { documentId, clauseId: clauseIds.term, kind: 'delete', rationale: 'Thử' });
    const ref = { documentId, proposalId: proposal.id };
    const reviewers = /reviewers read the negotiation/;
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('proposals/create', { documentId, clauseId: clauseIds.term, kind: 'delete', rationale: 'Ý kiến' }),
      'forbidden',
      reviewers,
    );
    await refusedUnchanged(documentId, () => reviewer.client.call('proposals/accept', ref), 'forbidden', reviewers);
    await refusedUnchanged(documentId, () => reviewer.client.call('proposals/reject', { ...ref, reason: 'Không' }), 'forbidden', reviewers);
    await refusedUnchanged(documentId, () => reviewer.client.call('proposals/counter', { ...ref, rationale: 'Khác', kind: 'delete' }), 'forbidden', reviewers);
    await refusedUnchanged(documentId, () => reviewer.client.call('proposals/withdraw', ref), 'forbidden', reviewers);

    const noSeat = /participant seat/;
    await refusedUnchanged(
      documentId,
      () => admin.call('proposals/create', { documentId, clauseId: clauseIds.term, kind: 'delete', rationale: 'Chủ trì' }),
      'forbidden',
      noSeat,
    );
    await refusedUnchanged(documentId, () => admin.call('proposals/accept', ref), 'forbidden', noSeat);
    await refusedUnchanged(documentId, () => admin.call('proposals/withdraw', ref), 'forbidden', noSeat);

    const hostSeat = await joinSeat(api, admin, documentId, 'employer', 'Chủ trì (Giám đốc nhân sự)');
    const accepted = await hostSeat.client.call('proposals/accept', ref);
    expect(accepted).toMatchObject({ status: 'accepted', decidedById: hostSeat.participant.id });
  });

  it('an unknown article or proposal is not_found; a replace or insert_after without an article is invalid_input; nothing changes', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    await refusedUnchanged(
      documentId,
      () => employer.client.call('proposals/create', { documentId, clauseId: 'dieu-khong-co', kind: 'delete', rationale: 'Bỏ' }),
      'not_found',
      /dieu-khong-co/,
    );
    await refusedUnchanged(documentId, () => employer.client.call('proposals/accept', { documentId, proposalId: 'khongco' }), 'not_found', /khongco/);
    await refusedUnchanged(
      documentId,
      () => employer.client.call('proposals/create', { documentId, clauseId: clauseIds.wage, kind: 'replace', rationale: 'Sửa' }),
      'invalid_input',
      /article/,
    );
    await refusedUnchanged(
      documentId,
      () => employer.client.call('proposals/create', { documentId, clauseId: clauseIds.wage, kind: 'insert_after', rationale: 'Thêm' }),
      'invalid_input',
      /article/,
    );
    await refusedUnchanged(
      documentId,
      () =>
        employer.client.call('proposals/create', {
          documentId,
          clauseId: clauseIds.wage,
          kind: 'replace',
          rationale: 'Sửa',
          article: { type: 'paragraph', children: [{ text: 'chỉ một đoạn' }] },
        }),
      'invalid_input',
      /a proposed article has a title and body blocks/,
    );
    await refusedUnchanged(
      documentId,
      () => employer.client.call('proposals/create', { documentId, clauseId: clauseIds.wage, kind: 'delete', rationale: '   ' }),
      'invalid_input',
      /rationale/,
    );

    // A counter that would replace without a proposed article: refused, and the original stays open.
    const original = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'replace',
      rationale: 'Tăng',
      article: proposedArticle('Thưởng Tết', 'Hai tháng lương.'),
    });
    await refusedUnchanged(
      documentId,
      () => employer.client.call('proposals/counter', { documentId, proposalId: original.id, rationale: 'Giảm' }),
      'invalid_input',
      /article/,
    );
    expect(await admin.call('proposals/get', { documentId, proposalId: original.id })).toEqual(original);
  });

  it('an archived document refuses every proposal step with conflict, and nothing changes', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await union.client.call('proposals/create', { documentId, clauseId: clauseIds.term, kind: 'delete', rationale: 'Thử' });
    await admin.call('documents/archive', { documentId });
    const ref = { documentId, proposalId: proposal.id };
    const archived = /archived/;
    await refusedUnchanged(
      documentId,
      () => employer.client.call('proposals/create', { documentId, clauseId: clauseIds.wage, kind: 'delete', rationale: 'Bỏ' }),
      'conflict',
      archived,
    );
    await refusedUnchanged(documentId, () => employer.client.call('proposals/accept', ref), 'conflict', archived);
    await refusedUnchanged(documentId, () => employer.client.call('proposals/reject', { ...ref, reason: 'Không' }), 'conflict', archived);
    await refusedUnchanged(documentId, () => employer.client.call('proposals/counter', { ...ref, rationale: 'Khác', kind: 'delete' }), 'conflict', archived);
    await refusedUnchanged(documentId, () => union.client.call('proposals/withdraw', ref), 'conflict', archived);
  });
});

describe('proposals seen by stock y-websocket clients (HTTP)', () => {
  let api: ApiFixture;
  let clock: TestClock;
  const clients: SyncClient[] = [];

  beforeEach(async () => {
    clock = createTestClock();
    api = await httpTransportUnderTest.start(clock);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    const unexpected = api.unexpectedErrors();
    await api.close();
    expect(unexpected).toEqual([]);
  });

  /** A stock client whose body is bound as the app binds it (a Y.XmlText named "content"). */
  async function connect(documentId: string, token: string): Promise<SyncClient> {
    const doc = new Y.Doc();
    contentRoot(doc);
    const client = connectClient(api.serverUrl ?? '', documentId, token, doc);
    clients.push(client);
    await synced(client);
    return client;
  }

  const clientArticle = (client: SyncClient, clauseId: string) => articleTexts(readContent(client.doc)).find((a) => a.clauseId === clauseId)?.text;

  it('an accepted proposal changes the text in a connected client, which also sees the proposal accepted', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const watcher = await connect(document.id, employer.token);
    expect(clientArticle(watcher, clauseIds.wage)).toBe(initialText[clauseIds.wage]);

    const proposal = await employer.client.call('proposals/create', {
      documentId: document.id,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Điều chỉnh',
      article: proposedArticle('Tiền lương', 'Lương trả bằng chuyển khoản.'),
    });
    clock.advance(minuteMs);
    await union.client.call('proposals/accept', { documentId: document.id, proposalId: proposal.id });
    const proposals = watcher.doc.getMap<Proposal>(proposalsRootName);
    await docMatches(
      watcher.doc,
      () => clientArticle(watcher, clauseIds.wage) === 'Tiền lương\nLương trả bằng chuyển khoản.' && proposals.get(proposal.id)?.status === 'accepted',
      'the client to see the accepted text',
    );
    expect(proposals.get(proposal.id)).toMatchObject({
      decidedById: union.participant.id,
      decidedByName: 'Anh Minh (Công đoàn cơ sở)',
      decidedAt: iso(clock.now()),
    });
    expect(articleTexts(readContent(watcher.doc))).toEqual(articleTexts(await serverBody(api, document.id)));
  });

  it('a proposal records the text it was made against; once a client edits the article through sync, that text is stale', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const proposal = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Tăng lương',
      article: proposedArticle('Tiền lương', 'Cao hơn 10%.'),
    });
    expect(proposal.baseText).toBe('Tiền lương\nMức lương thấp nhất bằng mức lương tối thiểu vùng.');

    const editor = await connect(documentId, employer.token);
    const reader = await connect(documentId, union.token);
    lastParagraphOf(editor.doc, clauseIds.wage).insert(0, 'Từ năm 2028, ');
    const edited = 'Tiền lương\nTừ năm 2028, Mức lương thấp nhất bằng mức lương tối thiểu vùng.';
    // Stored before anyone else sees it (S2): once the other client has it, the server has it.
    await docMatches(reader.doc, () => clientArticle(reader, clauseIds.wage) === edited, 'the edit to reach the other client');

    const current = articleTexts(await serverBody(api, documentId)).find((a) => a.clauseId === clauseIds.wage)?.text;
    expect(current).toBe(edited);
    const [recorded] = (await admin.call('negotiation/state', { documentId })).proposals;
    expect(recorded?.baseText).toBe(proposal.baseText);
    expect(recorded?.baseText).not.toBe(current);

    const fresh = await union.client.call('proposals/create', { documentId, clauseId: clauseIds.wage, kind: 'delete', rationale: 'Bỏ' });
    expect(fresh.baseText).toBe(edited);
  });
});
