import { strFromU8, unzipSync } from 'fflate';
import type { BaseRange, Path } from 'slate';
import { Node } from 'slate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import { threadsRootName } from '#shared/negotiation/model';
import { anchorOfRange, bodyOf, type PhraseAnchorInput } from '#shared/negotiation/phraseAnchor';
import {
  closeApi,
  createTestClock,
  expectApiError,
  httpTransportUnderTest,
  inProcessTransportUnderTest,
  startApi,
  type ApiFixture,
} from '../helpers/apiTransports';
import { docFromFrames } from '../helpers/rawSocket';
import { storedDoc } from '../helpers/storedState';
import { agreementBody, clauseIds, framesWith, heardText, negotiationSnapshot, noticesHeard, noticeSockets, openNegotiation } from './negotiationFixture';

// Comments on a phrase and the mentions each person has read: the server takes an anchor only if
// it names a phrase of the article in this document, quotes the words itself, and keeps an
// internal note's anchor with the note, away from the other side (S15).

/** Where the agreement's texts are in the body (agreementBody): the wage article's paragraph, the bonus article's. */
const wageParagraph: Path = [2, 1, 1];
const bonusParagraph: Path = [2, 2, 1];

/** The anchor of `words` in the text block at `path` of the server's copy of the document. */
function anchorIn(api: ApiFixture, documentId: string, path: Path, words: string): Promise<PhraseAnchorInput> {
  return api.withDocument(documentId, (doc) => {
    const body = bodyOf(doc);
    const text = Node.string(Node.get(body, path));
    const at = text.indexOf(words);
    if (at === -1) throw new Error(`"${words}" is not in "${text}"`);
    const range: BaseRange = { anchor: { path: [...path, 0], offset: at }, focus: { path: [...path, 0], offset: at + words.length } };
    return anchorOfRange(doc, body, range);
  });
}

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('comments on a phrase over $name', (underTest) => {
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  async function refusedUnchanged(documentId: string, call: () => Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<void> {
    const before = await negotiationSnapshot(api, admin, documentId);
    const internalBefore = await api.store.internalThreads.listForSide(documentId, 'union');
    await expectApiError(call(), code, message);
    expect(await negotiationSnapshot(api, admin, documentId)).toEqual(before);
    expect(await api.store.internalThreads.listForSide(documentId, 'union')).toEqual(internalBefore);
  }

  it('a public comment on a phrase keeps its anchor and the words the server quoted; everyone reads it; threads on whole articles have none', async () => {
    const { document, employer, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const anchor = await anchorIn(api, documentId, wageParagraph, 'mức lương tối thiểu vùng');
    const thread = await employer.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.wage,
      body: 'Vùng nào?',
      // A quote sent along is not the client's to give: the server reads the words itself.
      anchor: { ...anchor, quote: 'chữ khác' } as PhraseAnchorInput,
    });
    expect(thread.anchor).toEqual({ ...anchor, quote: 'mức lương tối thiểu vùng' });
    for (const reader of [employer.client, union.client, reviewer.client, admin])
      expect((await reader.call('negotiation/state', { documentId })).threads).toEqual([thread]);
    expect(await api.withDocument(documentId, (doc) => doc.getMap(threadsRootName).get(thread.id))).toEqual(thread);
    expect((await api.store.audit.listByDocument(documentId)).find((entry) => entry.action === 'thread.created')?.details).toMatchObject({ onPhrase: true });

    const onArticle = await union.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Cả điều này' });
    expect(onArticle).not.toHaveProperty('anchor');
  });

  it('an anchor that is malformed, of another document, of another article, reversed or empty is refused; nothing changes', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const documentId = document.id;
    const wage = await anchorIn(api, documentId, wageParagraph, 'mức lương tối thiểu vùng');
    const bonus = await anchorIn(api, documentId, bonusParagraph, 'một tháng lương');
    const notPhrase = /anchor: not a phrase of the article "dieu-tien-luong" in this document/;
    const create = (anchor: PhraseAnchorInput) => () => employer.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Hỏi', anchor });

    await refusedUnchanged(documentId, create({ ...wage, start: 'không phải base64!' }), 'invalid_input', /anchor\.start: an anchor position is base64/);
    await refusedUnchanged(documentId, create({ ...wage, end: 'AAAAAAAA' }), 'invalid_input', notPhrase);
    // The same text in another document: its characters are not this document's.
    const other = await admin.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước khác', content: agreementBody() });
    await refusedUnchanged(documentId, create(await anchorIn(api, other.id, wageParagraph, 'mức lương tối thiểu vùng')), 'invalid_input', notPhrase);
    // A phrase of another article than the one named, or across two articles.
    await refusedUnchanged(documentId, create(bonus), 'invalid_input', notPhrase);
    await refusedUnchanged(documentId, create({ start: wage.start, end: bonus.end }), 'invalid_input', notPhrase);
    await refusedUnchanged(documentId, create({ start: wage.end, end: wage.start }), 'invalid_input', notPhrase);
    // A position naming a root of the document by name (its threads), and an empty selection.
    const copy = new Y.Doc();
    const byName = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(copy.getMap(threadsRootName), 0))).toString('base64');
    await refusedUnchanged(documentId, create({ start: byName, end: wage.end }), 'invalid_input', notPhrase);
    await refusedUnchanged(documentId, create(await anchorIn(api, documentId, wageParagraph, '')), 'invalid_input', notPhrase);
    // An internal note too, on the article its phrase is not in.
    const note = () => union.client.call('threads/create', { documentId, clauseId: clauseIds.bonus, body: 'Nội bộ', internal: true, anchor: wage });
    await refusedUnchanged(documentId, note, 'invalid_input', /anchor: not a phrase of the article "dieu-thuong-tet"/);
  });

  it('mentions read: each person marks the comments that mention them, and only those; the list stays theirs', async () => {
    const { document, employer, employer2, union, union2, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const thread = await employer.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Ý kiến?', mentions: [union.participant.id] });
    const replied = await union.client.call('threads/reply', {
      documentId,
      threadId: thread.id,
      body: 'Chị Lan xem lại',
      mentions: [employer.participant.id, reviewer.participant.id],
    });
    const [asked, answer] = replied.comments.map((comment) => comment.id) as [string, string];
    const note = await union2.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.bonus,
      body: 'Anh Minh xem',
      internal: true,
      mentions: [union.participant.id],
    });
    const noteComment = note.comments[0]?.id ?? '';

    for (const seat of [employer, employer2, union, union2, reviewer])
      expect((await seat.client.call('negotiation/state', { documentId })).mentionsRead).toEqual([]);
    expect(await employer.client.call('mentions/markRead', { documentId, commentIds: [answer] })).toEqual({ mentionsRead: [answer] });
    expect(await employer.client.call('mentions/markRead', { documentId, commentIds: [answer] })).toEqual({ mentionsRead: [answer] });
    expect((await employer.client.call('negotiation/state', { documentId })).mentionsRead).toEqual([answer]);
    expect((await reviewer.client.call('negotiation/state', { documentId })).mentionsRead).toEqual([]);
    expect((await union.client.call('mentions/markRead', { documentId, commentIds: [asked, noteComment] })).mentionsRead).toEqual([asked, noteComment].sort());
    expect((await admin.call('negotiation/state', { documentId })).mentionsRead).toEqual([]);

    const notYours = (id: string) => new RegExp(`"${id}" is not a comment of this document that mentions you`);
    const unchangedReads = async (seat: typeof employer, call: () => Promise<unknown>, message: RegExp) => {
      const before = await seat.client.call('negotiation/state', { documentId });
      await expectApiError(call(), 'invalid_input', message);
      expect(await seat.client.call('negotiation/state', { documentId })).toEqual(before);
    };
    // Comments that do not mention them, their own, another side's internal note, or none at all.
    await unchangedReads(employer2, () => employer2.client.call('mentions/markRead', { documentId, commentIds: [answer] }), notYours(answer));
    await unchangedReads(union, () => union.client.call('mentions/markRead', { documentId, commentIds: [answer] }), notYours(answer));
    await unchangedReads(employer, () => employer.client.call('mentions/markRead', { documentId, commentIds: [noteComment] }), notYours(noteComment));
    await unchangedReads(reviewer, () => reviewer.client.call('mentions/markRead', { documentId, commentIds: [answer, 'khong-co'] }), notYours('khong-co'));
    await expectApiError(employer.client.call('mentions/markRead', { documentId, commentIds: [] }), 'invalid_input');
    await expectApiError(admin.call('mentions/markRead', { documentId, commentIds: [answer] }), 'forbidden', /participant seat/);
    expect((await reviewer.client.call('negotiation/state', { documentId })).mentionsRead).toEqual([]);
  });
});

describe('S15 an internal note on a phrase never reaches the other side (HTTP, raw sync sockets, exports)', () => {
  let api: ApiFixture;
  const sockets = noticeSockets(() => api.serverUrl ?? '');
  const openSocket = sockets.open;

  beforeEach(async () => {
    api = await httpTransportUnderTest.start(createTestClock());
  });

  afterEach(async () => {
    sockets.closeAll();
    const unexpected = api.unexpectedErrors();
    await api.close();
    expect(unexpected).toEqual([]);
  });

  /** Every part of a ZIP package (a .docx), as text. */
  const packageText = (fileBase64: string): string =>
    Object.values(unzipSync(Buffer.from(fileBase64, 'base64')))
      .map((part) => strFromU8(part))
      .join('\n');

  it('its text, anchor and quote: on no socket of the other side, in none of its API answers or exports, nowhere in the shared document', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union, union2, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const employerSocket = await openSocket(documentId, employer.token);
    const unionSocket = await openSocket(documentId, union.token);
    const reviewerSocket = await openSocket(documentId, reviewer.token);

    const anchor = await anchorIn(api, documentId, bonusParagraph, 'một tháng lương');
    const secret = 'Nhượng bộ được đến 1,5 tháng lương ở cụm này';
    const note = await union.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.bonus,
      body: secret,
      internal: true,
      anchor,
      mentions: [union2.participant.id],
    });
    expect(note).toMatchObject({ visibility: 'union', anchor: { ...anchor, quote: 'một tháng lương' } });
    expect(await api.store.internalThreads.listForSide(documentId, 'union')).toEqual([note]);
    await framesWith(unionSocket, () => noticesHeard(unionSocket).length === 1, 'the union socket to get its notice');

    const barrier = 'Đề nghị họp tiếp lúc 9 giờ sáng thứ Hai';
    await employer.client.call('threads/create', { documentId, clauseId: clauseIds.bonus, body: barrier });
    for (const raw of [employerSocket, reviewerSocket, unionSocket])
      await framesWith(raw, () => heardText(raw, barrier), 'each socket to get the public comment');

    for (const outside of [employerSocket, reviewerSocket]) {
      for (const text of [secret, anchor.start, anchor.end]) expect(heardText(outside, text)).toBe(false);
      expect(noticesHeard(outside)).toEqual([]);
      expect(JSON.stringify(docFromFrames(outside.frames).getMap(threadsRootName).toJSON())).not.toContain('một tháng lương');
    }
    // Nor the union's own sockets: the note travels through the API alone.
    for (const text of [secret, anchor.start]) expect(heardText(unionSocket, text)).toBe(false);
    const stored = await storedDoc(api.store.updates, documentId);
    expect(JSON.stringify(stored.getMap(threadsRootName).toJSON())).not.toContain(anchor.start);
    expect(JSON.stringify(stored.getMap(threadsRootName).toJSON())).toContain(barrier);

    // The other side's answers: the state, the minutes, and the exports it may make.
    for (const outside of [employer.client, reviewer.client]) {
      const state = JSON.stringify(await outside.call('negotiation/state', { documentId }));
      for (const text of [secret, anchor.start, anchor.end, 'một tháng lương']) expect(state).not.toContain(text);
      const minutes = JSON.stringify(await outside.call('negotiation/minutes', { documentId }));
      for (const text of [secret, anchor.start]) expect(minutes).not.toContain(text);
      await expectApiError(outside.call('threads/reply', { documentId, threadId: note.id, body: 'Cho xem với' }), 'not_found');
    }
    const exports = [
      await employer.client.call('documents/exportDocx', { documentId, annex: true }),
      await employer.client.call('documents/exportReport', { documentId, report: 'minutes', format: 'docx' }),
    ];
    for (const file of exports) for (const text of [secret, anchor.start, anchor.end]) expect(packageText(file.fileBase64)).not.toContain(text);
    expect(JSON.stringify(await union.client.call('negotiation/state', { documentId }))).toContain(secret);
  });
});
