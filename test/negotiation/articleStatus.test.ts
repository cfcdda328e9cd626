import { Editor, Transforms } from 'slate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import { readContent } from '#shared/document/yjsContent';
import { openArticle } from '#shared/negotiation/model';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import { lockingNothing } from '../editor/peers';
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
import { connectSyncedClient, type SyncClient } from '../helpers/syncClient';
import {
  agreementBody,
  articleTexts,
  clauseIds,
  docMatches,
  joinSeat,
  lastParagraphOf,
  negotiationSnapshot,
  openNegotiation,
  serverBody,
  statusIn,
} from './negotiationFixture';
import { article, paragraph } from '../editor/builders';
import { waitFor } from '../helpers/waitFor';
import type { TopLevelBlock } from '#shared/document/nodes';

// Article statuses (a tentative agreement, article by article): open, agreed once both sides have
// marked the same text, disputed with each side's position. An agreed article is locked (S23).

const iso = (ms: number): string => new Date(ms).toISOString();
const minuteMs = 60_000;
const wageText = 'Tiền lương\nMức lương thấp nhất bằng mức lương tối thiểu vùng.';

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('article statuses over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  async function refusedUnchanged(documentId: string, call: () => Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<void> {
    const before = await negotiationSnapshot(api, admin, documentId);
    clock.advance(minuteMs);
    await expectApiError(call(), code, message);
    expect(await negotiationSnapshot(api, admin, documentId)).toEqual(before);
  }

  it('S23 accepting a position on an agreed article keeps it agreed, on the new text, with the acceptance in its history', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.wage };
    await employer.client.call('articles/agree', ref);
    await union.client.call('articles/agree', ref);
    const proposal = await union.client.call('proposals/create', {
      ...ref,
      kind: 'replace',
      rationale: 'Cao hơn mức tối thiểu vùng',
      article: {
        type: 'article',
        clauseId: clauseIds.wage,
        children: [
          { type: 'article-title', children: [{ text: 'Tiền lương' }] },
          { type: 'paragraph', children: [{ text: 'Mức lương thấp nhất cao hơn mức lương tối thiểu vùng 7%.' }] },
        ],
      },
    });
    clock.advance(minuteMs);
    await employer.client.call('proposals/accept', { documentId: document.id, proposalId: proposal.id });
    const status = (await admin.call('negotiation/state', { documentId: document.id })).articles.find((article) => article.clauseId === clauseIds.wage);
    expect(status).toMatchObject({
      status: 'agreed',
      employerAgreedAt: iso(clock.now()),
      unionAgreedAt: iso(clock.now()),
      agreedText: 'Tiền lương\nMức lương thấp nhất cao hơn mức lương tối thiểu vùng 7%.',
      reopened: null,
    });
    expect(status?.history.map((event) => [event.type, event.side, event.note])).toEqual([
      ['agreed', 'employer', null],
      ['agreed', 'union', null],
      ['accepted', 'employer', proposal.id],
    ]);
  });

  it('an article is agreed only once both sides have marked it; a second mark of the same side is not enough', async () => {
    const { document, employer, employer2, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.wage };
    expect((await admin.call('negotiation/state', { documentId: document.id })).articles).toEqual([]);

    const employerMarkedAt = iso(clock.now());
    const first = await employer.client.call('articles/agree', ref);
    const mark = (side: 'employer' | 'union', byName: string, at: string) => ({ type: 'agreed', side, byName, at, note: null });
    expect(first).toEqual({
      ...openArticle(clauseIds.wage),
      employerAgreedAt: employerMarkedAt,
      agreedText: wageText,
      history: [mark('employer', 'Chị Lan (Phòng Nhân sự)', employerMarkedAt)],
    });
    clock.advance(minuteMs);
    const sameSide = await employer2.client.call('articles/agree', ref);
    expect(sameSide).toMatchObject({ status: 'open', employerAgreedAt: iso(clock.now()), unionAgreedAt: null });

    clock.advance(minuteMs);
    const agreed = await union.client.call('articles/agree', ref);
    expect(agreed).toEqual({
      ...openArticle(clauseIds.wage),
      status: 'agreed',
      employerAgreedAt: iso(clock.now() - minuteMs),
      unionAgreedAt: iso(clock.now()),
      agreedText: wageText,
      history: [
        mark('employer', 'Chị Lan (Phòng Nhân sự)', employerMarkedAt),
        mark('employer', 'Ông Tuấn (Giám đốc)', iso(clock.now() - minuteMs)),
        mark('union', 'Anh Minh (Công đoàn cơ sở)', iso(clock.now())),
      ],
    });
    expect((await employer.client.call('negotiation/state', { documentId: document.id })).articles).toEqual([agreed]);
    expect((await api.store.audit.listByDocument(document.id)).filter((e) => e.action === 'article.agreed').map((e) => e.actor)).toEqual([
      `participant:${employer.participant.id}`,
      `participant:${employer2.participant.id}`,
      `participant:${union.participant.id}`,
    ]);
  });

  it('a dispute records each side’s position and clears the marks; a later dispute without a position keeps them', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.bonus };
    await employer.client.call('articles/agree', ref);
    const byUnion = await union.client.call('articles/dispute', { ...ref, position: 'Thưởng Tết ít nhất hai tháng lương' });
    expect(byUnion).toEqual({
      ...openArticle(clauseIds.bonus),
      status: 'disputed',
      disputedAt: iso(clock.now()),
      positions: { union: 'Thưởng Tết ít nhất hai tháng lương' },
      history: [
        { type: 'agreed', side: 'employer', byName: 'Chị Lan (Phòng Nhân sự)', at: iso(clock.now()), note: null },
        { type: 'disputed', side: 'union', byName: 'Anh Minh (Công đoàn cơ sở)', at: iso(clock.now()), note: 'Thưởng Tết ít nhất hai tháng lương' },
      ],
    });
    clock.advance(minuteMs);
    const byEmployer = await employer.client.call('articles/dispute', { ...ref, position: 'Thưởng theo kết quả kinh doanh' });
    expect(byEmployer.positions).toEqual({ union: 'Thưởng Tết ít nhất hai tháng lương', employer: 'Thưởng theo kết quả kinh doanh' });
    clock.advance(minuteMs);
    const again = await union.client.call('articles/dispute', ref);
    expect(again).toMatchObject({ status: 'disputed', disputedAt: iso(clock.now()), positions: byEmployer.positions });

    // Marking a disputed article agreed ends the dispute, but one mark does not make it agreed.
    const marked = await employer.client.call('articles/agree', ref);
    expect(marked).toMatchObject({ status: 'open', disputedAt: null, employerAgreedAt: iso(clock.now()), unionAgreedAt: null });
  });

  it('S23 an agreed article reopens only with both sides’ consent: one asks with a reason, the other accepts or declines', async () => {
    const { document, employer, employer2, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.term };
    await employer.client.call('articles/agree', ref);
    await union.client.call('articles/agree', ref);
    // Neither side alone: reopening, disputing and asking twice are refused, and change nothing.
    await refusedUnchanged(document.id, () => union.client.call('articles/reopen', ref), 'conflict', /ask the other side to reopen/);
    await refusedUnchanged(
      document.id,
      () => union.client.call('articles/dispute', { ...ref, position: 'Hai năm' }),
      'conflict',
      /ask the other side to reopen/,
    );
    await refusedUnchanged(document.id, () => union.client.call('articles/answerReopen', { ...ref, accept: true }), 'conflict', /nobody has asked/);

    const asked = await union.client.call('articles/requestReopen', { ...ref, reason: 'Thời hạn hai năm phù hợp hơn' });
    expect(asked).toMatchObject({
      status: 'agreed',
      reopenRequest: { side: 'union', byName: 'Anh Minh (Công đoàn cơ sở)', reason: 'Thời hạn hai năm phù hợp hơn' },
    });
    await refusedUnchanged(document.id, () => union.client.call('articles/requestReopen', { ...ref, reason: 'Nhắc lại' }), 'conflict', /already asked/);
    await refusedUnchanged(document.id, () => union.client.call('articles/answerReopen', { ...ref, accept: true }), 'forbidden', /other side/);

    clock.advance(minuteMs);
    const declined = await employer.client.call('articles/answerReopen', { ...ref, accept: false, reason: 'Giữ nguyên ba năm' });
    expect(declined).toMatchObject({ status: 'agreed', reopenRequest: null });
    await union.client.call('articles/requestReopen', { ...ref, reason: 'Đề nghị xem lại' });
    clock.advance(minuteMs);
    const reopened = await employer2.client.call('articles/answerReopen', { ...ref, accept: true });
    expect(reopened).toMatchObject({
      status: 'open',
      employerAgreedAt: null,
      unionAgreedAt: null,
      agreedText: null,
      reopenRequest: null,
      reopened: { at: iso(clock.now()), byName: 'Ông Tuấn (Giám đốc)' },
    });
    expect(reopened.history.map((event) => [event.type, event.side, event.note])).toEqual([
      ['agreed', 'employer', null],
      ['agreed', 'union', null],
      ['reopen_requested', 'union', 'Thời hạn hai năm phù hợp hơn'],
      ['reopen_declined', 'employer', 'Giữ nguyên ba năm'],
      ['reopen_requested', 'union', 'Đề nghị xem lại'],
      ['reopened', 'employer', null],
    ]);
    expect((await admin.call('negotiation/state', { documentId: document.id })).articles).toEqual([reopened]);
  });

  it('reviewers, the host without a seat, unknown articles and archived documents are refused; nothing changes', async () => {
    const { document, employer, reviewer } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.wage };
    await refusedUnchanged(document.id, () => reviewer.client.call('articles/agree', ref), 'forbidden', /reviewers/);
    await refusedUnchanged(document.id, () => reviewer.client.call('articles/dispute', { ...ref, position: 'Trái luật' }), 'forbidden', /reviewers/);
    await refusedUnchanged(document.id, () => reviewer.client.call('articles/reopen', ref), 'forbidden', /reviewers/);
    await refusedUnchanged(document.id, () => admin.call('articles/agree', ref), 'forbidden', /participant seat/);
    await refusedUnchanged(document.id, () => employer.client.call('articles/agree', { ...ref, clauseId: 'dieu-khong-co' }), 'not_found', /dieu-khong-co/);
    await admin.call('documents/archive', { documentId: document.id });
    await refusedUnchanged(document.id, () => employer.client.call('articles/agree', ref), 'conflict', /archived/);
    await refusedUnchanged(document.id, () => employer.client.call('articles/dispute', ref), 'conflict', /archived/);
    await refusedUnchanged(document.id, () => employer.client.call('articles/reopen', ref), 'conflict', /archived/);
  });
});

describe('article statuses and edits through sync (HTTP, stock y-websocket clients)', () => {
  let api: ApiFixture;
  let clock: TestClock;
  const clients: SyncClient[] = [];
  const editors: DocumentEditor[] = [];

  beforeEach(async () => {
    clock = createTestClock();
    api = await httpTransportUnderTest.start(clock);
  });

  afterEach(async () => {
    for (const editor of editors.splice(0)) editor.disconnect();
    for (const client of clients.splice(0)) client.destroy();
    const unexpected = api.unexpectedErrors();
    await api.close();
    expect(unexpected).toEqual([]);
  });

  const connect = (documentId: string, token: string): Promise<SyncClient> => connectSyncedClient(api.serverUrl ?? '', documentId, token, clients);

  /** The app's editor (Slate bound to Yjs, with the app's plugins) over a stock provider. */
  async function connectEditor(documentId: string, token: string, name: string): Promise<{ client: SyncClient; editor: DocumentEditor; desyncs: unknown[] }> {
    const client = await connect(documentId, token);
    const desyncs: unknown[] = [];
    const editor = createDocumentEditor({
      doc: client.doc,
      awareness: client.provider.awareness,
      cursor: { name, side: 'employer' },
      onDesync: (error) => desyncs.push(error),
      lock: lockingNothing,
    });
    editor.connect();
    editors.push(editor);
    return { client, editor, desyncs };
  }

  /** The path of an article's first body block in the agreement (preamble, chapter I, chapter II). */
  const firstParagraphPath = { [clauseIds.scope]: [1, 1, 1], [clauseIds.term]: [1, 2, 1], [clauseIds.wage]: [2, 1, 1], [clauseIds.bonus]: [2, 2, 1] };

  it('S23 an edit of an agreed article through sync is refused with the reason, never reaches the other side or the store, and becomes its author’s draft', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const { client: employerClient, editor, desyncs } = await connectEditor(documentId, employer.token, 'Chị Lan');
    const unionClient = await connect(documentId, union.token);
    for (const clauseId of [clauseIds.wage, clauseIds.scope]) {
      await employer.client.call('articles/agree', { documentId, clauseId });
      await union.client.call('articles/agree', { documentId, clauseId });
    }
    await docMatches(
      employerClient.doc,
      () => statusIn(employerClient.doc, clauseIds.wage)?.status === 'agreed',
      'the employer client to see the article agreed',
    );
    const bodyBefore = await serverBody(api, documentId);

    Transforms.insertText(editor, ' Lương được trả trước ngày 10.', { at: Editor.end(editor, firstParagraphPath[clauseIds.wage] ?? []) });
    await waitFor(() => employerClient.denials.length > 0, 'the edit to be refused');
    expect(employerClient.denials[0]).toMatch(
      /^Điều 3 \(Tiền lương\): agreed by both sides, it changes only through a proposal the other side accepts, or after both sides agree to reopen it\. Your change is kept as your draft proposal/,
    );
    // Nothing of it anywhere but on the editor's own screen, and in its draft.
    expect(await serverBody(api, documentId)).toEqual(bodyBefore);
    expect(articleTexts(readContent(unionClient.doc)).find((a) => a.clauseId === clauseIds.wage)?.text).toBe(wageText);
    expect(articleTexts(readContent(await storedDoc(api.store.updates, documentId))).find((a) => a.clauseId === clauseIds.wage)?.text).toBe(wageText);
    const drafts = (await employer.client.call('negotiation/state', { documentId })).drafts;
    expect(drafts).toEqual([
      {
        id: expect.any(String),
        clauseId: clauseIds.wage,
        kind: 'replace',
        article: expect.objectContaining({ clauseId: clauseIds.wage }),
        values: {},
        origin: 'late_edit',
        createdAt: iso(clock.now()),
      },
    ]);
    expect(articleTexts([drafts[0]?.article as TopLevelBlock])[0]?.text).toBe(`${wageText} Lương được trả trước ngày 10.`);
    expect((await union.client.call('negotiation/state', { documentId })).drafts).toEqual([]);
    expect((await admin.call('negotiation/state', { documentId })).articles.find((a) => a.clauseId === clauseIds.wage)?.status).toBe('agreed');
    expect(desyncs).toEqual([]);

    // The author puts the draft on the table; the draft is then gone.
    const proposal = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      article: drafts[0]?.article ?? undefined,
      rationale: 'Thêm hạn trả lương',
      fromDraftId: drafts[0]?.id,
    });
    expect(proposal).toMatchObject({ status: 'open', side: 'employer' });
    expect((await employer.client.call('negotiation/state', { documentId })).drafts).toEqual([]);
  });

  it('S23 S31 text typed offline in an article a position replaced and both agreed since is kept as its author’s draft, the agreed text unchanged', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union, union2 } = await openNegotiation(api, admin);
    const documentId = document.id;
    const offline = await connect(documentId, union2.token);
    offline.provider.disconnect();
    const typed = ' Lương được trả trước ngày 10.';
    const paragraph = lastParagraphOf(offline.doc, clauseIds.wage);
    paragraph.insert(paragraph.length, typed);

    // Meanwhile the employer's position replacing the article is accepted: the article is agreed.
    const replaced = 'Mức lương thấp nhất cao hơn mức lương tối thiểu vùng 7%.';
    const proposal = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Tăng 7%',
      article: article(clauseIds.wage, 'Tiền lương', replaced),
    });
    await union.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    const agreedText = `Tiền lương\n${replaced}`;
    const agreed = (await admin.call('negotiation/state', { documentId })).articles.find((a) => a.clauseId === clauseIds.wage);
    expect(agreed).toMatchObject({ status: 'agreed', agreedText });

    offline.provider.connect();
    const draftsOf = async () => (await union2.client.call('negotiation/state', { documentId })).drafts;
    await waitFor(async () => (await draftsOf()).length > 0, 'the late edit to become its author’s draft');
    const drafts = await draftsOf();
    expect(drafts).toEqual([expect.objectContaining({ clauseId: clauseIds.wage, kind: 'replace', origin: 'late_edit' })]);
    expect(articleTexts([drafts[0]?.article as TopLevelBlock])[0]?.text).toBe(`${agreedText}${typed}`);
    // The agreed text is as both sides agreed it, on the server and in the stored log.
    expect(articleTexts(await serverBody(api, documentId)).find((a) => a.clauseId === clauseIds.wage)?.text).toBe(agreedText);
    expect(articleTexts(readContent(await storedDoc(api.store.updates, documentId))).find((a) => a.clauseId === clauseIds.wage)?.text).toBe(agreedText);
    expect((await union.client.call('negotiation/state', { documentId })).drafts).toEqual([]);
  });

  it('S23 a value shown in an agreed article changes only through a position: a sync write is refused and kept as a values draft', async () => {
    const admin = api.client(api.adminToken);
    const chip = { type: 'variable' as const, variableId: 'ot_rate_weekday', children: [{ text: '' as const }] as [{ text: '' }] };
    const overtime = article(
      'dieu-lam-them',
      'Làm thêm giờ',
      paragraph('Tiền lương làm thêm giờ vào ngày thường ít nhất bằng ', chip, ' tiền lương giờ thực trả.'),
    );
    const document = await admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước 2027',
      content: [...agreementBody(), overtime],
      variables: { ot_rate_weekday: 150 },
    });
    const documentId = document.id;
    const employer = await joinSeat(api, admin, documentId, 'employer', 'Chị Lan');
    const union = await joinSeat(api, admin, documentId, 'union', 'Anh Minh');
    const writer = await connect(documentId, union.token);
    const witness = await connect(documentId, employer.token);
    // Not yet agreed: the value changes through sync as usual.
    writer.doc.getMap('variables').set('ot_rate_weekday', 160);
    await docMatches(witness.doc, () => witness.doc.getMap('variables').get('ot_rate_weekday') === 160, 'the value to reach the employer');
    await employer.client.call('articles/agree', { documentId, clauseId: 'dieu-lam-them' });
    await union.client.call('articles/agree', { documentId, clauseId: 'dieu-lam-them' });
    await docMatches(writer.doc, () => statusIn(writer.doc, 'dieu-lam-them')?.status === 'agreed', 'the union client to see it agreed');

    writer.doc.getMap('variables').set('ot_rate_weekday', 200);
    await waitFor(() => writer.denials.length > 0, 'the value to be refused');
    expect(writer.denials[0]).toMatch(/the value “Overtime pay on normal days” shown in an agreed article: agreed by both sides/);
    expect(await api.withDocument(documentId, (doc) => doc.getMap('variables').get('ot_rate_weekday'))).toBe(160);
    expect((await union.client.call('negotiation/state', { documentId })).drafts).toEqual([
      expect.objectContaining({ clauseId: 'dieu-lam-them', kind: 'values', values: { ot_rate_weekday: 200 } }),
    ]);
  });

  it('an edit of an article that is not agreed is taken, and changes no status', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    await employer.client.call('articles/agree', { documentId, clauseId: clauseIds.scope });
    await union.client.call('articles/agree', { documentId, clauseId: clauseIds.scope });
    const { editor } = await connectEditor(documentId, employer.token, 'Chị Lan');
    const unionClient = await connect(documentId, union.token);
    Transforms.insertText(editor, ' (bổ sung)', { at: Editor.end(editor, firstParagraphPath[clauseIds.term] ?? []) });
    await docMatches(
      unionClient.doc,
      () => (articleTexts(readContent(unionClient.doc)).find((a) => a.clauseId === clauseIds.term)?.text ?? '').endsWith('(bổ sung)'),
      'the edit to reach the union client',
    );
    // The server reacts to an edit before it relays it to anyone: nothing more is coming.
    const state = await admin.call('negotiation/state', { documentId });
    expect(state.articles.map((a) => [a.clauseId, a.status, a.reopened])).toEqual([[clauseIds.scope, 'agreed', null]]);
  });

  it('a mark made before the text was edited no longer counts: the other side’s mark alone does not make it agreed', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const ref = { documentId, clauseId: clauseIds.wage };
    await employer.client.call('articles/agree', ref);

    // The union edits the article through sync (a stock client typing into its paragraph).
    const unionClient = await connect(documentId, union.token);
    const employerClient = await connect(documentId, employer.token);
    lastParagraphOf(unionClient.doc, clauseIds.wage).insert(0, 'Kể từ năm 2028, ');
    const edited = 'Tiền lương\nKể từ năm 2028, Mức lương thấp nhất bằng mức lương tối thiểu vùng.';
    await docMatches(
      employerClient.doc,
      () => articleTexts(readContent(employerClient.doc)).find((a) => a.clauseId === clauseIds.wage)?.text === edited,
      'the edit to reach the employer',
    );

    clock.advance(minuteMs);
    const unionMark = await union.client.call('articles/agree', ref);
    expect(unionMark).toMatchObject({ status: 'open', employerAgreedAt: null, unionAgreedAt: iso(clock.now()), agreedText: edited });
    clock.advance(minuteMs);
    const agreed = await employer.client.call('articles/agree', ref);
    expect(agreed).toMatchObject({ status: 'agreed', employerAgreedAt: iso(clock.now()), unionAgreedAt: iso(clock.now() - minuteMs), agreedText: edited });
  });
});
