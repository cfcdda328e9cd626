import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import { threadsRootName } from '#shared/negotiation/model';
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
import { docFromFrames } from '../helpers/rawSocket';
import { storedDoc } from '../helpers/storedState';
import { clauseIds, containsBytes, framesWith, heardText, negotiationSnapshot, noticesHeard, noticeSockets, openNegotiation, utf8 } from './negotiationFixture';

// Comment threads on articles: public ones in the shared document, internal notes of one side in
// the database only (S15), and reviewers commenting only when the host allows it.

const iso = (ms: number): string => new Date(ms).toISOString();
const minuteMs = 60_000;

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('threads over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  async function refusedUnchanged(documentId: string, call: () => Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<void> {
    const before = await negotiationSnapshot(api, admin, documentId);
    const internalBefore = {
      employer: await api.store.internalThreads.listForSide(documentId, 'employer'),
      union: await api.store.internalThreads.listForSide(documentId, 'union'),
    };
    clock.advance(minuteMs);
    await expectApiError(call(), code, message);
    expect(await negotiationSnapshot(api, admin, documentId)).toEqual(before);
    expect({
      employer: await api.store.internalThreads.listForSide(documentId, 'employer'),
      union: await api.store.internalThreads.listForSide(documentId, 'union'),
    }).toEqual(internalBefore);
  }

  it('a public thread: created on an article with mentions, replied to, resolved and reopened; everyone reads it', async () => {
    const { document, employer, employer2, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const createdAt = iso(clock.now());
    const thread = await employer.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.wage,
      body: '  Mức 7% đã tính cả phụ cấp chưa?  ',
      mentions: [union.participant.id],
    });
    expect(thread).toEqual({
      id: expect.any(String),
      clauseId: clauseIds.wage,
      visibility: 'public',
      comments: [
        {
          id: expect.any(String),
          authorId: employer.participant.id,
          authorName: 'Chị Lan (Phòng Nhân sự)',
          side: 'employer',
          body: 'Mức 7% đã tính cả phụ cấp chưa?',
          mentions: [union.participant.id],
          createdAt,
        },
      ],
      createdAt,
      resolvedAt: null,
      resolvedByName: null,
    });

    clock.advance(minuteMs);
    const replied = await union.client.call('threads/reply', {
      documentId,
      threadId: thread.id,
      body: 'Chưa, phụ cấp tính riêng.',
      mentions: [employer.participant.id, employer2.participant.id],
    });
    expect(replied.comments).toHaveLength(2);
    expect(replied.comments[1]).toEqual({
      id: expect.any(String),
      authorId: union.participant.id,
      authorName: 'Anh Minh (Công đoàn cơ sở)',
      side: 'union',
      body: 'Chưa, phụ cấp tính riêng.',
      mentions: [employer.participant.id, employer2.participant.id],
      createdAt: iso(clock.now()),
    });

    clock.advance(minuteMs);
    const resolved = await union.client.call('threads/resolve', { documentId, threadId: thread.id });
    expect(resolved).toEqual({ ...replied, resolvedAt: iso(clock.now()), resolvedByName: 'Anh Minh (Công đoàn cơ sở)' });
    const reopened = await employer.client.call('threads/reopen', { documentId, threadId: thread.id });
    expect(reopened).toEqual(replied);

    for (const reader of [employer.client, union.client, reviewer.client, admin]) {
      expect((await reader.call('negotiation/state', { documentId })).threads).toEqual([reopened]);
    }
    // Public threads live in the shared document.
    expect(await api.withDocument(documentId, (doc) => doc.getMap(threadsRootName).get(thread.id))).toEqual(reopened);
    expect((await api.store.audit.listByDocument(documentId)).filter((e) => e.action.startsWith('thread.')).map((e) => e.action)).toEqual([
      'thread.created',
      'thread.replied',
      'thread.resolved',
      'thread.reopened',
    ]);
  });

  it('mentions name participants of this document; an internal note mentions its own side only; nothing else is accepted', async () => {
    const { document, employer, union, union2, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const other = await openNegotiation(api, admin, 'Nội quy lao động');
    const outsider = other.union.participant.id;
    await refusedUnchanged(
      documentId,
      () => union.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Xem giúp', mentions: [outsider] }),
      'invalid_input',
      new RegExp(`"${outsider}" is not a participant of this document`),
    );
    await refusedUnchanged(
      documentId,
      () => union.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Xem giúp', mentions: ['khongcoai'] }),
      'invalid_input',
      /"khongcoai" is not a participant/,
    );
    const internalOnly = /an internal note can only mention people of the union side/;
    await refusedUnchanged(
      documentId,
      () => union.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Nội bộ', internal: true, mentions: [employer.participant.id] }),
      'invalid_input',
      internalOnly,
    );
    await refusedUnchanged(
      documentId,
      () => union.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Nội bộ', internal: true, mentions: [reviewer.participant.id] }),
      'invalid_input',
      internalOnly,
    );

    const note = await union.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.wage,
      body: 'Chị Hoa xem giúp',
      internal: true,
      mentions: [union2.participant.id],
    });
    expect(note.comments[0]?.mentions).toEqual([union2.participant.id]);
    await refusedUnchanged(
      documentId,
      () => union2.client.call('threads/reply', { documentId, threadId: note.id, body: 'Báo bên kia?', mentions: [employer.participant.id] }),
      'invalid_input',
      internalOnly,
    );
    // A public thread may mention anyone of the document, a reviewer included.
    const open = await union.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.wage,
      body: 'Ý kiến của Sở?',
      mentions: [reviewer.participant.id, employer.participant.id],
    });
    expect(open.comments[0]?.mentions).toEqual([reviewer.participant.id, employer.participant.id]);
  });

  it('internal notes are served to their own side only, and the other side cannot reach them by id', async () => {
    const { document, employer, union, union2, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const note = await union.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.bonus,
      body: 'Có thể nhượng bộ xuống 1,5 tháng lương',
      internal: true,
    });
    expect(note).toMatchObject({
      visibility: 'union',
      clauseId: clauseIds.bonus,
      comments: [{ side: 'union', body: 'Có thể nhượng bộ xuống 1,5 tháng lương' }],
    });
    clock.advance(minuteMs);
    const replied = await union2.client.call('threads/reply', { documentId, threadId: note.id, body: 'Đồng ý', mentions: [] });
    const resolved = await union2.client.call('threads/resolve', { documentId, threadId: note.id });
    expect(resolved).toEqual({ ...replied, resolvedAt: iso(clock.now()), resolvedByName: 'Chị Hoa (Tổ trưởng)' });

    expect((await union.client.call('negotiation/state', { documentId })).threads).toEqual([resolved]);
    expect((await union2.client.call('negotiation/state', { documentId })).threads).toEqual([resolved]);
    for (const outside of [employer.client, reviewer.client, admin]) {
      const state = await outside.call('negotiation/state', { documentId });
      expect(state.threads).toEqual([]);
      expect(JSON.stringify(state)).not.toContain('nhượng bộ');
    }
    const ref = { documentId, threadId: note.id };
    const notFound = new RegExp(`no thread "${note.id}"`);
    await refusedUnchanged(documentId, () => employer.client.call('threads/reply', { ...ref, body: 'Cho xem với', mentions: [] }), 'not_found', notFound);
    await refusedUnchanged(documentId, () => employer.client.call('threads/reopen', ref), 'not_found', notFound);
    await refusedUnchanged(documentId, () => employer.client.call('threads/resolve', ref), 'not_found', notFound);
    expect(await api.withDocument(documentId, (doc) => doc.getMap(threadsRootName).size)).toBe(0);
  });

  it('reviewers may not comment until the host allows it, then only publicly; they never resolve', async () => {
    const { document, employer, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const thread = await employer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Thời hạn 3 năm?' });
    const notAllowed = /the host has not allowed reviewers to comment/;
    expect((await reviewer.client.call('negotiation/state', { documentId })).reviewerCommentsAllowed).toBe(false);
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Đúng luật' }),
      'forbidden',
      notAllowed,
    );
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('threads/reply', { documentId, threadId: thread.id, body: 'Đúng luật' }),
      'forbidden',
      notAllowed,
    );
    // Only the host decides.
    await refusedUnchanged(documentId, () => employer.client.call('negotiation/setReviewerComments', { documentId, allowed: true }), 'forbidden');
    await refusedUnchanged(documentId, () => reviewer.client.call('negotiation/setReviewerComments', { documentId, allowed: true }), 'forbidden');

    expect(await admin.call('negotiation/setReviewerComments', { documentId, allowed: true })).toEqual({ allowed: true });
    expect((await union.client.call('negotiation/state', { documentId })).reviewerCommentsAllowed).toBe(true);
    const comment = await reviewer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Tối đa 3 năm theo Điều 78' });
    expect(comment).toMatchObject({
      visibility: 'public',
      comments: [{ side: 'reviewer', authorId: reviewer.participant.id, body: 'Tối đa 3 năm theo Điều 78' }],
    });
    const reply = await reviewer.client.call('threads/reply', { documentId, threadId: thread.id, body: 'Phù hợp Điều 78' });
    expect(reply.comments.map((c) => c.side)).toEqual(['employer', 'reviewer']);
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Ghi chú riêng', internal: true }),
      'forbidden',
      /internal notes belong to the employer or the union side/,
    );
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('threads/resolve', { documentId, threadId: thread.id }),
      'forbidden',
      /resolved by the employer or the union/,
    );
    const note = await union.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Nội bộ', internal: true });
    await refusedUnchanged(documentId, () => reviewer.client.call('threads/reply', { documentId, threadId: note.id, body: 'Xem với' }), 'not_found');

    expect(await admin.call('negotiation/setReviewerComments', { documentId, allowed: false })).toEqual({ allowed: false });
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Thêm ý' }),
      'forbidden',
      notAllowed,
    );
    expect(
      (await api.store.audit.listByDocument(documentId)).filter((e) => e.action === 'document.reviewer_comments').map((e) => [e.actor, e.details]),
    ).toEqual([
      ['admin', { allowed: true }],
      ['admin', { allowed: false }],
    ]);
  });

  it('unknown articles and threads, empty comments, the host without a seat and archived documents are refused; nothing changes', async () => {
    const { document, employer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const thread = await employer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Câu hỏi' });
    await refusedUnchanged(
      documentId,
      () => employer.client.call('threads/create', { documentId, clauseId: 'dieu-khong-co', body: 'Hỏi' }),
      'not_found',
      /dieu-khong-co/,
    );
    await refusedUnchanged(documentId, () => employer.client.call('threads/reply', { documentId, threadId: 'khongco', body: 'Hỏi' }), 'not_found', /khongco/);
    await refusedUnchanged(
      documentId,
      () => employer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: '   ' }),
      'invalid_input',
      /a comment must not be empty/,
    );
    await refusedUnchanged(
      documentId,
      () => admin.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Chủ trì hỏi' }),
      'forbidden',
      /participant seat/,
    );
    await admin.call('documents/archive', { documentId });
    await refusedUnchanged(
      documentId,
      () => employer.client.call('threads/create', { documentId, clauseId: clauseIds.term, body: 'Hỏi' }),
      'conflict',
      /archived/,
    );
    await refusedUnchanged(documentId, () => employer.client.call('threads/reply', { documentId, threadId: thread.id, body: 'Hỏi' }), 'conflict', /archived/);
    await refusedUnchanged(documentId, () => employer.client.call('threads/resolve', { documentId, threadId: thread.id }), 'conflict', /archived/);
    await refusedUnchanged(documentId, () => admin.call('negotiation/setReviewerComments', { documentId, allowed: true }), 'conflict', /archived/);
  });
});

describe('S15 internal notes never reach the other side (HTTP, raw sync sockets)', () => {
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

  it('the other side’s sockets get no frame holding a note’s text and no notice; the shared document never holds it', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union, union2, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const employerSocket = await openSocket(documentId, employer.token);
    const unionSocket = await openSocket(documentId, union.token);
    const reviewerSocket = await openSocket(documentId, reviewer.token);

    const secret = 'Giới hạn cuối của công đoàn: chấp nhận 1,5 tháng lương';
    const secretReply = 'Đồng ý, không nói trước với bên sử dụng lao động';
    const note = await union.client.call('threads/create', {
      documentId,
      clauseId: clauseIds.bonus,
      body: secret,
      internal: true,
      mentions: [union2.participant.id],
    });
    await union2.client.call('threads/reply', { documentId, threadId: note.id, body: secretReply, mentions: [] });
    await union2.client.call('threads/resolve', { documentId, threadId: note.id });
    await framesWith(unionSocket, () => noticesHeard(unionSocket).length === 3, 'the union socket to get a notice for each change');
    expect(noticesHeard(unionSocket)).toEqual(['threads', 'threads', 'threads']);

    // A public comment afterwards: once a socket has its frame, it has everything sent before it.
    const barrier = 'Đề nghị họp tiếp lúc 9 giờ sáng thứ Hai';
    await employer.client.call('threads/create', { documentId, clauseId: clauseIds.bonus, body: barrier });
    await framesWith(employerSocket, () => heardText(employerSocket, barrier), 'the employer socket to get the public comment');
    await framesWith(reviewerSocket, () => heardText(reviewerSocket, barrier), 'the reviewer socket to get the public comment');
    await framesWith(unionSocket, () => heardText(unionSocket, barrier), 'the union socket to get the public comment');

    for (const outside of [employerSocket, reviewerSocket]) {
      for (const text of [secret, secretReply, 'Giới hạn cuối']) expect(heardText(outside, text)).toBe(false);
      expect(noticesHeard(outside)).toEqual([]);
      expect(JSON.stringify(docFromFrames(outside.frames).toJSON())).not.toContain('Giới hạn cuối');
    }
    // Nor the union's own sockets: the note travels through the API, never through the document.
    expect(heardText(unionSocket, secret)).toBe(false);

    // The server's live document and the stored log hold none of it.
    const liveState = await api.withDocument(documentId, (doc) => Y.encodeStateAsUpdate(doc));
    expect(containsBytes(liveState, utf8('Giới hạn cuối'))).toBe(false);
    expect(containsBytes(liveState, utf8(barrier))).toBe(true);
    const stored = await api.store.updates.load(documentId);
    for (const bytes of [...(stored.checkpoint ? [stored.checkpoint.state] : []), ...stored.tail]) {
      expect(containsBytes(bytes, utf8('Giới hạn cuối'))).toBe(false);
      expect(containsBytes(bytes, utf8(secretReply))).toBe(false);
    }
    expect(JSON.stringify((await storedDoc(api.store.updates, documentId)).getMap(threadsRootName).toJSON())).toContain(barrier);

    // Through the API, only the union side reads it.
    expect(JSON.stringify(await union.client.call('negotiation/state', { documentId }))).toContain(secret);
    for (const outside of [employer.client, reviewer.client])
      expect(JSON.stringify(await outside.call('negotiation/state', { documentId }))).not.toContain('Giới hạn cuối');

    // The other way round: an employer note notifies the employer's socket, and the union's gets nothing.
    const unionNotices = noticesHeard(unionSocket).length;
    await employer.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Trần ngân sách: 8%', internal: true });
    await framesWith(employerSocket, () => noticesHeard(employerSocket).length === 1, 'the employer socket to get its notice');
    const secondBarrier = 'Gửi số liệu doanh thu quý IV';
    await union.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: secondBarrier });
    await framesWith(unionSocket, () => heardText(unionSocket, secondBarrier), 'the union socket to get the second public comment');
    expect(noticesHeard(unionSocket)).toHaveLength(unionNotices);
    expect(heardText(unionSocket, 'Trần ngân sách')).toBe(false);
    expect(noticesHeard(reviewerSocket)).toEqual([]);
  });

  it('a socket that did not ask for notices gets none, even of its own side', async () => {
    const admin = api.client(api.adminToken);
    const { document, union } = await openNegotiation(api, admin);
    const quiet = await sockets.open(document.id, union.token, { notices: false });
    const asking = await openSocket(document.id, union.token);
    await union.client.call('threads/create', { documentId: document.id, clauseId: clauseIds.wage, body: 'Ghi chú', internal: true });
    const barrier = 'Bình luận công khai';
    await union.client.call('threads/create', { documentId: document.id, clauseId: clauseIds.wage, body: barrier });
    await framesWith(quiet, () => heardText(quiet, barrier), 'the quiet socket to get the public comment');
    await framesWith(asking, () => heardText(asking, barrier), 'the asking socket to get the public comment');
    expect(noticesHeard(quiet)).toEqual([]);
    expect(noticesHeard(asking)).toEqual(['threads']);
  });
});
