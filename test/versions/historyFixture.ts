import * as Y from 'yjs';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import type { Participant } from '#shared/api/participants';
import type { TopLevelBlock } from '#shared/document/nodes';
import { contentRoot, readContent, variablesMap } from '#shared/document/yjsContent';
import type { Side } from '#shared/sides';
import type { VariableValue } from '#shared/templates/schema';
import type { VersioningOptions } from '#main/kernel/serviceContext';
import { article, chapter, paragraph } from '../editor/builders';
import { createTestClock, type TestClock } from '../helpers/apiTransports';
import { createManualTimers, type ManualTimers } from '../helpers/manualTimers';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

/** The agreement the history tests start from: a preamble, two chapters, four articles. */
export function historyBody(): TopLevelBlock[] {
  return [
    paragraph('Căn cứ Bộ luật Lao động năm 2019, hai bên thỏa thuận như sau.'),
    chapter(
      'chuong-chung',
      'NHỮNG QUY ĐỊNH CHUNG',
      article('dieu-pham-vi', 'Phạm vi áp dụng', 'Thỏa ước áp dụng cho toàn bộ người lao động của Công ty.'),
      article('dieu-thoi-han', 'Thời hạn', 'Thỏa ước có hiệu lực 03 năm kể từ ngày ký.'),
    ),
    chapter(
      'chuong-luong',
      'TIỀN LƯƠNG VÀ THƯỞNG',
      article('dieu-tien-luong', 'Tiền lương', 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.'),
      article('dieu-thuong-tet', 'Thưởng Tết', 'Thưởng Tết bằng một tháng lương.'),
    ),
  ];
}

export interface Seat {
  participant: Participant;
  token: string;
  client: ApiClient;
}

/** A server with a test clock and hand-fired timers, a document, and an API client for the host. */
export interface HistoryServer {
  harness: Harness;
  clock: TestClock;
  timers: ManualTimers;
  host: ApiClient;
  documentId: string;
  join(side: Side, displayName: string): Promise<Seat>;
  /** A stock y-websocket client for a seat, synced with the server. */
  connect(seat: Seat): Promise<SyncClient>;
  /** The server's body and variables now (its live copy). */
  serverText(): Promise<{ blocks: TopLevelBlock[]; variables: Record<string, VariableValue> }>;
  /** Waits until the server's body equals a client's. */
  serverHas(client: SyncClient): Promise<void>;
  dispose(): Promise<void>;
}

/** `body`: the document's text when created (default historyBody()). */
export async function startHistoryServer(options: { idleMs?: number; body?: TopLevelBlock[] } = {}): Promise<HistoryServer> {
  const clock = createTestClock();
  const timers = createManualTimers(clock.now);
  const versioning: VersioningOptions = { idleMs: options.idleMs ?? 180_000, timers };
  const harness = await startHarness({ now: clock.now, versioning });
  const clientFor = (token?: string) => createApiClient(createHttpTransport({ baseUrl: harness.server.url, token, fetch }));
  const host = clientFor(await harness.server.authentication.createAdminToken('history tests'));
  const document = await host.call('documents/create', {
    kind: 'enterprise_agreement',
    title: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027',
    content: options.body ?? historyBody(),
    variables: {},
  });
  const clients: SyncClient[] = [];
  const server: HistoryServer = {
    harness,
    clock,
    timers,
    host,
    documentId: document.id,
    async join(side, displayName) {
      const invitation = await host.call('invitations/create', { documentId: document.id, side });
      const redeemed = await clientFor().call('invitations/redeem', { code: invitation.code, displayName });
      return { participant: redeemed.participant, token: redeemed.token, client: clientFor(redeemed.token) };
    },
    async connect(seat) {
      const client = connectClient(harness.server.url, document.id, seat.token);
      clients.push(client);
      await synced(client);
      return client;
    },
    serverText() {
      return harness.server.sync.withRoom(document.id, (room) => ({
        blocks: readContent(room.doc),
        variables: variablesMap(room.doc).toJSON() as Record<string, VariableValue>,
      }));
    },
    serverHas(client) {
      const expected = (): string => JSON.stringify(readContent(client.doc));
      return waitFor(async () => JSON.stringify((await server.serverText()).blocks) === expected(), 'the server to have the client’s text');
    },
    async dispose() {
      for (const client of clients) client.destroy();
      await harness.dispose();
    },
  };
  return server;
}

/** The Y.XmlText of an article in a copy of the document. */
export function articleElement(doc: Y.Doc, clauseId: string): Y.XmlText {
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
  if (!found) throw new Error(`no article "${clauseId}" in this copy`);
  return found;
}

/** The n-th block (0: the title) of an article, as a Y.XmlText holding its text. */
export function articleBlock(doc: Y.Doc, clauseId: string, index: number): Y.XmlText {
  const blocks = (articleElement(doc, clauseId).toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
  const block = blocks[index];
  if (!block) throw new Error(`article "${clauseId}" has no block ${index}`);
  return block;
}

/** Replaces the first occurrence of `find` in an article's block by `replacement`, as typing would. */
export function replaceWords(doc: Y.Doc, clauseId: string, blockIndex: number, find: string, replacement: string): void {
  const block = articleBlock(doc, clauseId, blockIndex);
  const at = block.toString().indexOf(find);
  if (at < 0) throw new Error(`"${find}" is not in block ${blockIndex} of "${clauseId}": ${block.toString()}`);
  doc.transact(() => {
    block.delete(at, find.length);
    if (replacement !== '') block.insert(at, replacement);
  });
}

/** Appends text at the end of an article's block. */
export function appendWords(doc: Y.Doc, clauseId: string, blockIndex: number, text: string): void {
  const block = articleBlock(doc, clauseId, blockIndex);
  block.insert(block.length, text);
}
