import { Editor, Transforms } from 'slate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import { openArticle } from '#shared/negotiation/model';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import { lockingNothing } from '../editor/peers';
import { closeApi, createTestClock, expectApiError, httpTransportUnderTest, inProcessTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { storedDoc } from '../helpers/storedState';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { articleTexts, clauseIds, docMatches, lastParagraphOf, negotiationSnapshot, openNegotiation, serverBody, statusIn } from './negotiationFixture';

// Article statuses (a tentative agreement, article by article): open, agreed once both sides have
// marked the same text, disputed with each side's position; an agreed article edited reopens.

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

  it('accepting a proposal that changes an agreed article reopens it, naming who accepted', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.wage };
    await employer.client.call('articles/agree', ref);
    await union.client.call('articles/agree', ref);
    const proposal = await union.client.call('proposals/create', {
      ...ref,
      kind: 'replace',
      rationale: 'Cao hơn mức tối thiểu vùng',
      article: { type: 'article', clauseId: clauseIds.wage, children: [{ type: 'article-title', children: [{ text: 'Tiền lương' }] }, { type: 'paragraph', children: [{ text: 'Mức lương thấp nhất cao hơn mức lương tối thiểu vùng 7%.' }] }] },
    });
    clock.advance(minuteMs);
    await employer.client.call('proposals/accept', { documentId: document.id, proposalId: proposal.id });
    const status = (await admin.call('negotiation/state', { documentId: document.id })).articles.find((article) => article.clauseId === clauseIds.wage);
    expect(status).toMatchObject({ status: 'open', employerAgreedAt: null, unionAgreedAt: null, agreedText: null, reopened: { at: iso(clock.now()), byName: employer.participant.displayName } });
  });

  it('an article is agreed only once both sides have marked it; a second mark of the same side is not enough', async () => {
    const { document, employer, employer2, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.wage };
    expect((await admin.call('negotiation/state', { documentId: document.id })).articles).toEqual([]);

    const employerMarkedAt = iso(clock.now());
    const first = await employer.client.call('articles/agree', ref);
    expect(first).toEqual({ ...openArticle(clauseIds.wage), employerAgreedAt: employerMarkedAt, agreedText: wageText });
    clock.advance(minuteMs);
    const sameSide = await employer2.client.call('articles/agree', ref);
    expect(sameSide).toMatchObject({ status: 'open', employerAgreedAt: iso(clock.now()), unionAgreedAt: null });

    clock.advance(minuteMs);
    const agreed = await union.client.call('articles/agree', ref);
    expect(agreed).toEqual({ ...openArticle(clauseIds.wage), status: 'agreed', employerAgreedAt: iso(clock.now() - minuteMs), unionAgreedAt: iso(clock.now()), agreedText: wageText });
    expect((await employer.client.call('negotiation/state', { documentId: document.id })).articles).toEqual([agreed]);
    expect(api.store.audit.listByDocument(document.id).filter((e) => e.action === 'article.agreed').map((e) => e.actor)).toEqual([
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

  it('either side reopens an agreed article: open again, marks and agreed text cleared', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const ref = { documentId: document.id, clauseId: clauseIds.term };
    await employer.client.call('articles/agree', ref);
    await union.client.call('articles/agree', ref);
    const reopened = await union.client.call('articles/reopen', ref);
    expect(reopened).toEqual(openArticle(clauseIds.term));
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

  async function connect(documentId: string, token: string): Promise<SyncClient> {
    const doc = new Y.Doc();
    contentRoot(doc);
    const client = connectClient(api.serverUrl ?? '', documentId, token, doc);
    clients.push(client);
    await synced(client);
    return client;
  }

  /** The app's editor (Slate bound to Yjs, with the app's plugins) over a stock provider. */
  async function connectEditor(documentId: string, token: string, name: string): Promise<{ client: SyncClient; editor: DocumentEditor; desyncs: unknown[] }> {
    const client = await connect(documentId, token);
    const desyncs: unknown[] = [];
    const editor = createDocumentEditor({ doc: client.doc, awareness: client.provider.awareness, cursor: { name, side: 'employer' }, onDesync: (error) => desyncs.push(error), lock: lockingNothing });
    editor.connect();
    editors.push(editor);
    return { client, editor, desyncs };
  }

  /** The path of an article's first body block in the agreement (preamble, chapter I, chapter II). */
  const firstParagraphPath = { [clauseIds.scope]: [1, 1, 1], [clauseIds.term]: [1, 2, 1], [clauseIds.wage]: [2, 1, 1], [clauseIds.bonus]: [2, 2, 1] };

  it('editing an agreed article reopens it, naming who edited it, and both sides’ clients receive the new status', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const { client: employerClient, editor, desyncs } = await connectEditor(documentId, employer.token, 'Chị Lan');
    const unionClient = await connect(documentId, union.token);

    for (const clauseId of [clauseIds.wage, clauseIds.scope]) {
      await employer.client.call('articles/agree', { documentId, clauseId });
      await union.client.call('articles/agree', { documentId, clauseId });
    }
    await docMatches(unionClient.doc, () => statusIn(unionClient.doc, clauseIds.wage)?.status === 'agreed', 'the union client to see the article agreed');

    clock.advance(minuteMs);
    const end = Editor.end(editor, firstParagraphPath[clauseIds.wage] ?? []);
    Transforms.insertText(editor, ' Lương được trả trước ngày 10.', { at: end });
    const reopenedByEdit = (client: SyncClient) => {
      const status = statusIn(client.doc, clauseIds.wage);
      return status?.status === 'open' && status.reopened?.byName === 'Chị Lan (Phòng Nhân sự)';
    };
    await docMatches(unionClient.doc, () => reopenedByEdit(unionClient), 'the union client to see the article reopened by Chị Lan');
    await docMatches(employerClient.doc, () => reopenedByEdit(employerClient), 'the employer client to see the article reopened by Chị Lan');

    const expected = { ...openArticle(clauseIds.wage), reopened: { at: iso(clock.now()), byName: 'Chị Lan (Phòng Nhân sự)' } };
    expect(statusIn(unionClient.doc, clauseIds.wage)).toEqual(expected);
    const state = await union.client.call('negotiation/state', { documentId });
    expect(state.articles.find((a) => a.clauseId === clauseIds.wage)).toEqual(expected);
    // The edit is in the text, and the article not edited stays agreed.
    expect(articleTexts(serverBody(api, documentId)).find((a) => a.clauseId === clauseIds.wage)?.text).toBe(`${wageText} Lương được trả trước ngày 10.`);
    expect(state.articles.find((a) => a.clauseId === clauseIds.scope)?.status).toBe('agreed');
    expect(statusIn(storedDoc(api.store.updates, documentId), clauseIds.wage)).toEqual(expected);
    expect(api.store.audit.listByDocument(documentId).filter((e) => e.action === 'article.reopened_by_edit')).toEqual([
      { at: clock.now(), actor: `participant:${employer.participant.id}`, action: 'article.reopened_by_edit', documentId, details: { clauseId: clauseIds.wage } },
    ]);
    expect(desyncs).toEqual([]);
  });

  it('an edit of an article that is not agreed reopens nothing', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    await employer.client.call('articles/agree', { documentId, clauseId: clauseIds.scope });
    await union.client.call('articles/agree', { documentId, clauseId: clauseIds.scope });
    const { editor } = await connectEditor(documentId, employer.token, 'Chị Lan');
    const unionClient = await connect(documentId, union.token);
    Transforms.insertText(editor, ' (bổ sung)', { at: Editor.end(editor, firstParagraphPath[clauseIds.term] ?? []) });
    await docMatches(unionClient.doc, () => (articleTexts(readContent(unionClient.doc)).find((a) => a.clauseId === clauseIds.term)?.text ?? '').endsWith('(bổ sung)'), 'the edit to reach the union client');
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
    await docMatches(employerClient.doc, () => articleTexts(readContent(employerClient.doc)).find((a) => a.clauseId === clauseIds.wage)?.text === edited, 'the edit to reach the employer');

    clock.advance(minuteMs);
    const unionMark = await union.client.call('articles/agree', ref);
    expect(unionMark).toMatchObject({ status: 'open', employerAgreedAt: null, unionAgreedAt: iso(clock.now()), agreedText: edited });
    clock.advance(minuteMs);
    const agreed = await employer.client.call('articles/agree', ref);
    expect(agreed).toMatchObject({ status: 'agreed', employerAgreedAt: iso(clock.now()), unionAgreedAt: iso(clock.now() - minuteMs), agreedText: edited });
  });
});
