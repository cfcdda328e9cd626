import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { Participant } from '#shared/api/participants';
import type { Side } from '#shared/sides';
import { articlesOf, articleText } from '#shared/document/articles';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import { articleStatusRootName, proposalsRootName, threadsRootName, type ArticleNegotiation } from '#shared/negotiation/model';
import { messageType } from '#shared/sync/protocol';
import { afterEach, beforeEach, expect } from 'vitest';
import { createTestClock, httpTransportUnderTest, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { connectSyncedClient, type SyncClient } from '../helpers/syncClient';
import { article, chapter, paragraph } from '../editor/builders';
import { openRawSocket, type RawSocket } from '../helpers/rawSocket';
import { waitFor } from '../helpers/waitFor';

/** A server of one test: its API, the admin's client, its clock, and the sync clients the test opened. */
export interface ServerOfTest {
  api: ApiFixture;
  admin: ApiClient;
  clock: TestClock;
  /** Destroyed after the test; one the test closes itself it takes out of the list. */
  clients: SyncClient[];
  /** A sync client of `documentId` on the participant's token, synced, destroyed after the test. */
  connect(documentId: string, token: string): Promise<SyncClient>;
}

/**
 * A fresh server for each test of the enclosing `describe` (over HTTP, on a test clock); after the
 * test its sync clients are destroyed, and the test fails if the server met an error it did not expect.
 */
export function serverPerTest(): ServerOfTest {
  const server = {
    clients: [] as SyncClient[],
    connect: (documentId: string, token: string) => connectSyncedClient(server.api.serverUrl ?? '', documentId, token, server.clients),
  } as ServerOfTest;
  beforeEach(async () => {
    server.clock = createTestClock();
    server.api = await httpTransportUnderTest.start(server.clock);
    server.admin = server.api.client(server.api.adminToken);
  });
  afterEach(async () => {
    for (const client of server.clients.splice(0)) client.destroy();
    const unexpected = server.api.unexpectedErrors();
    await server.api.close();
    expect(unexpected).toEqual([]);
  });
  return server;
}

/** The articles of the agreement every negotiation test starts from, by what they are about. */
export const clauseIds = {
  scope: 'dieu-pham-vi',
  term: 'dieu-thoi-han',
  wage: 'dieu-tien-luong',
  bonus: 'dieu-thuong-tet',
} as const;

/** Two chapters, four articles (numbered 1 to 4 in this order), and a preamble paragraph. */
export function agreementBody(): TopLevelBlock[] {
  return [
    paragraph('Căn cứ Bộ luật Lao động năm 2019, hai bên thỏa thuận như sau.'),
    chapter(
      'chuong-chung',
      'NHỮNG QUY ĐỊNH CHUNG',
      article(clauseIds.scope, 'Phạm vi áp dụng', 'Thỏa ước áp dụng cho toàn bộ người lao động của Công ty.'),
      article(clauseIds.term, 'Thời hạn', 'Thỏa ước có hiệu lực 03 năm kể từ ngày ký.'),
    ),
    chapter(
      'chuong-luong',
      'TIỀN LƯƠNG VÀ THƯỞNG',
      article(clauseIds.wage, 'Tiền lương', 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.'),
      article(clauseIds.bonus, 'Thưởng Tết', 'Thưởng Tết bằng một tháng lương.'),
    ),
  ];
}

/** A proposed article: a title and paragraphs (the clauseId is the server's business for new ones). */
export function proposedArticle(title: string, ...paragraphs: string[]): ArticleElement {
  return article('de-xuat', title, ...paragraphs);
}

/** One seat at the table: the participant, its token, and an API client holding that token. */
export interface Seat {
  token: string;
  participant: Participant;
  client: ApiClient;
}

/** Invites as the host and redeems anonymously, as a person joining from a link would. */
export async function joinSeat(api: ApiFixture, admin: ApiClient, documentId: string, side: Side, displayName: string): Promise<Seat> {
  const invitation = await admin.call('invitations/create', { documentId, side });
  const redeemed = await api.client().call('invitations/redeem', { code: invitation.code, displayName });
  return { token: redeemed.token, participant: redeemed.participant, client: api.client(redeemed.token) };
}

/** A document in bargaining with two employer seats, two union seats and a reviewer. */
export async function openNegotiation(api: ApiFixture, admin: ApiClient, title = 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027') {
  const document = await admin.call('documents/create', { kind: 'enterprise_agreement', title, content: agreementBody() });
  const employer = await joinSeat(api, admin, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)');
  const employer2 = await joinSeat(api, admin, document.id, 'employer', 'Ông Tuấn (Giám đốc)');
  const union = await joinSeat(api, admin, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)');
  const union2 = await joinSeat(api, admin, document.id, 'union', 'Chị Hoa (Tổ trưởng)');
  const reviewer = await joinSeat(api, admin, document.id, 'reviewer', 'Bà Hạnh (Sở LĐ-TB&XH)');
  return { document, employer, employer2, union, union2, reviewer };
}

/** The server's body of a document, read from its live copy. */
export function serverBody(api: ApiFixture, documentId: string): Promise<TopLevelBlock[]> {
  return api.withDocument(documentId, (doc) => readContent(doc));
}

/** The document's articles as `clauseId: text`, in document order. */
export function articleTexts(blocks: readonly TopLevelBlock[]): { clauseId: string; text: string }[] {
  return articlesOf(blocks).map((a) => ({ clauseId: a.clauseId, text: articleText(a) }));
}

/**
 * Everything a refused call must leave as it was: what the API shows, the server's document, the
 * stored log of updates (its last sequence number) and the audit log.
 */
export async function negotiationSnapshot(api: ApiFixture, admin: ApiClient, documentId: string) {
  return {
    state: await admin.call('negotiation/state', { documentId }),
    body: await serverBody(api, documentId),
    negotiationRoots: await api.withDocument(documentId, (doc) => ({
      proposals: doc.getMap(proposalsRootName).toJSON(),
      articleStatus: doc.getMap(articleStatusRootName).toJSON(),
      threads: doc.getMap(threadsRootName).toJSON(),
    })),
    lastStoredSeq: await api.store.updates.lastSeq(documentId),
    auditEntries: (await api.store.audit.listByDocument(documentId)).length,
  };
}

/** The Y.XmlText of an article in a client's copy of the body, found through the content root. */
export function articleXmlText(doc: Y.Doc, clauseId: string): Y.XmlText {
  const search = (parent: Y.XmlText): Y.XmlText | null => {
    for (const part of parent.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      const type = part.insert.getAttribute('type');
      if (type === 'article' && part.insert.getAttribute('clauseId') === clauseId) return part.insert;
      if (type === 'chapter') {
        const found = search(part.insert);
        if (found) return found;
      }
    }
    return null;
  };
  const found = search(contentRoot(doc));
  if (!found) throw new Error(`no article "${clauseId}" in this copy of the document`);
  return found;
}

/** The last paragraph (a Y.XmlText) of an article in a client's copy, to type into it. */
export function lastParagraphOf(doc: Y.Doc, clauseId: string): Y.XmlText {
  const blocks = (articleXmlText(doc, clauseId).toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
  const last = blocks.at(-1);
  if (!last || last.getAttribute('type') !== 'paragraph') throw new Error(`the article "${clauseId}" does not end with a paragraph`);
  return last;
}

/** An article's negotiation status as a client's copy of the document holds it. */
export function statusIn(doc: Y.Doc, clauseId: string): ArticleNegotiation | undefined {
  return doc.getMap<ArticleNegotiation>(articleStatusRootName).get(clauseId);
}

/** Waits until a client's copy of the document satisfies a predicate (re-checked on every update). */
export function docMatches(doc: Y.Doc, predicate: () => boolean, what: string): Promise<void> {
  return waitFor(predicate, what, {
    subscribe: (notify) => {
      doc.on('update', notify);
      return () => doc.off('update', notify);
    },
  });
}

/** The topic of a notice frame (message type 5), or null for any other frame. */
export function noticeTopic(frame: Uint8Array): string | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== messageType.notice) return null;
  return decoding.readVarString(decoder);
}

/** Whether `bytes` contains `needle` (both raw bytes, e.g. a frame and a UTF-8 string). */
export function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= bytes.length; start += 1) {
    for (let index = 0; index < needle.length; index += 1) if (bytes[start + index] !== needle[index]) continue outer;
    return true;
  }
  return false;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Raw sync sockets, asking for notices unless told not to (the S15 tests): each open one waits for the greeting; closeAll ends them. */
export function noticeSockets(serverUrl: () => string) {
  const opened: RawSocket[] = [];
  return {
    async open(documentId: string, token: string, { notices = true } = {}): Promise<RawSocket> {
      const raw = openRawSocket(serverUrl(), documentId, token, notices ? { notices: '1' } : {});
      opened.push(raw);
      await raw.greeted();
      return raw;
    },
    closeAll(): void {
      for (const raw of opened.splice(0)) raw.socket.terminate();
    },
  };
}

/** The topics of the notices a socket has heard. */
export const noticesHeard = (raw: RawSocket): string[] => raw.frames.flatMap((frame) => noticeTopic(frame) ?? []);

/** Whether any frame a socket received holds `text` (UTF-8). */
export const heardText = (raw: RawSocket, text: string): boolean => raw.frames.some((frame) => containsBytes(frame, utf8(text)));

/** Waits until `condition` holds, looking again at each frame the socket receives. */
export function framesWith(raw: RawSocket, condition: () => boolean, what: string): Promise<void> {
  return waitFor(condition, what, {
    subscribe: (notify) => {
      raw.socket.on('message', notify);
      return () => raw.socket.off('message', notify);
    },
  });
}
