import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { contentRoot } from '#shared/document/yjsContent';
import { messageType } from '#shared/sync/protocol';
import { databaseFileName } from '#main/server/dataFolder';
import { createUpdateLog } from '#main/store/sqlite/updateLog';
import { encodeStoredMarker } from '../../renderer/collab/storedAcks';
import { docFromFrames, openRawSocket, syncStep1Frame, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket';
import { runCliJson, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { bodyParagraph } from '../helpers/bodyText';
import { createTempFolder } from '../helpers/tempFolder';
import { waitFor } from '../helpers/waitFor';

const createdDocument = z.object({ id: z.string() });
const invitation = z.object({ code: z.string() });
const redeemed = z.object({ token: z.string() });
const adminToken = z.object({ token: z.string() });

/**
 * The first paragraph's text as a document's database file holds it, read by another connection
 * at once (synchronously, through the SQLite adapter's own log), as the acknowledgement arrives.
 */
function storedParagraph(dataFolder: string, documentId: string): string {
  const db = new Database(join(dataFolder, databaseFileName), { readonly: true });
  try {
    const stored = createUpdateLog(db).load(documentId);
    const doc = new Y.Doc({ gc: false });
    if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint.state);
    for (const update of stored.tail) Y.applyUpdate(doc, update);
    return bodyParagraph(doc).toString();
  } finally {
    db.close();
  }
}

/**
 * A participant's raw socket that types chunks into the first paragraph with a stored-acknowledgement
 * marker after each, checking at the moment each acknowledgement arrives that the database holds
 * what it acknowledges.
 */
function ackedWriter(server: ServerProcess, dataFolder: string, documentId: string, token: string) {
  const doc = new Y.Doc();
  const sentUpTo = new Map<number, string>();
  const acknowledged: string[] = [];
  const violations: string[] = [];
  let raw: RawSocket;
  let marker = 0;
  return {
    doc,
    acknowledged,
    violations,
    get raw() {
      return raw;
    },
    /** Connects, takes the server's state, and sends whatever the server lacks (what a stock client does). */
    async connect() {
      raw = openRawSocket(server.url, documentId, token);
      raw.socket.on('message', (data: Buffer) => {
        if (data[0] !== messageType.storedAck) return;
        const text = sentUpTo.get(data[1] ?? -1) ?? '';
        if (!storedParagraph(dataFolder, documentId).startsWith(text)) violations.push(text.slice(-40));
        acknowledged.push(text);
      });
      await raw.greeted();
      const framesBefore = raw.frames.length;
      raw.socket.send(syncStep1Frame(Y.encodeStateVector(doc)));
      await waitFor(() => raw.frames.length > framesBefore, 'the server’s state');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(docFromFrames(raw.frames)));
      raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)));
    },
    /** Appends a chunk, sends it and a marker; markers wrap at 127 (one byte on the wire). */
    write(chunk: string) {
      const paragraph = bodyParagraph(doc);
      const before = Y.encodeStateVector(doc);
      paragraph.insert(paragraph.length, chunk);
      raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc, before)));
      marker = (marker % 127) + 1;
      sentUpTo.set(marker, paragraph.toString());
      raw.socket.send(encodeStoredMarker(marker));
    },
  };
}

describe('S8 a storage failure (a real I/O error) on every write path', () => {
  let folder: ReturnType<typeof createTempFolder> | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server?.exited;
    folder?.remove();
  });

  it('drops the room, refuses the API call with an error, never acknowledges what is not stored, keeps serving, and stores everything once writing works again', async () => {
    folder = createTempFolder();
    const dataFolder = folder.path;
    const document = createdDocument.parse(
      await runCliJson(dataFolder, ['documents', 'create', '--kind', 'enterprise_agreement', '--title', 'Thỏa ước lao động tập thể 2027']),
    );
    const token = async (side: string, name: string) =>
      redeemed.parse(
        await runCliJson(dataFolder, ['redeem', invitation.parse(await runCliJson(dataFolder, ['invite', document.id, '--side', side])).code, '--name', name]),
      ).token;
    const unionToken = await token('union', 'Anh Minh');
    const host = adminToken.parse(await runCliJson(dataFolder, ['admin-token'])).token;
    // Writes past this size fail with EFBIG: SQLite reports a disk I/O error on that write. (Only
    // the soft limit: the process may raise it again, as a freed disk would let it write again.)
    const limit = statSync(join(dataFolder, databaseFileName)).size + 600_000;
    server = await spawnServer(dataFolder, 0, 15_000, ['prlimit', `--fsize=${limit}:unlimited`, '--']);
    const api = createApiClient(createHttpTransport({ baseUrl: server.url, token: host, fetch }));
    const union = createApiClient(createHttpTransport({ baseUrl: server.url, token: unionToken, fetch }));

    const writer = ackedWriter(server, dataFolder, document.id, unionToken);
    await writer.connect();
    const clauseId = (contentRoot(writer.doc).toDelta() as { insert: Y.XmlText }[])[0]?.insert.toDelta()[1]?.insert.getAttribute('clauseId') as string;
    const closed = writer.raw.closed(60_000);
    for (let chunk = 0; chunk < 400 && writer.raw.socket.readyState === writer.raw.socket.OPEN; chunk += 1) {
      writer.write(`[${chunk}]${'lương làm thêm giờ '.repeat(150)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The group commit (or the compaction after it) failed: the room is dropped, its sockets closed 1011.
    expect(await closed).toMatchObject({ code: 1011 });
    expect(writer.acknowledged.length).toBeGreaterThan(0);

    // The other write paths, while writing fails (some writes may still fit): each call either
    // fails with an error or is stored, and the server serves on.
    const attempts = await Promise.allSettled([
      union.call('threads/create', { documentId: document.id, clauseId, body: 'Đề nghị giữ nguyên mức 150%. '.repeat(300), internal: false }),
      api.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước bổ sung' }),
      api.call('versions/create', { documentId: document.id, name: 'Bản trước khi ký' }),
    ]);
    expect(attempts.some((attempt) => attempt.status === 'rejected')).toBe(true);
    expect((await api.call('health/get', {})).status).toBe('ok');
    expect(server.child.exitCode).toBeNull();

    // Writing works again: the writer reconnects, resends what the server lacks, and it is stored.
    execFileSync('prlimit', ['--pid', String(server.child.pid), '--fsize=unlimited']);
    await writer.connect();
    const everything = bodyParagraph(writer.doc).toString();
    await waitFor(() => storedParagraph(dataFolder, document.id) === everything, 'everything written to be stored', { timeoutMs: 20_000 });
    expect(writer.violations).toEqual([]);
    // What the API said it stored is stored.
    const [thread, created, version] = attempts.map((attempt) => (attempt.status === 'fulfilled' ? attempt.value : null));
    if (thread) expect((await union.call('negotiation/state', { documentId: document.id })).threads.map((t) => t.id)).toContain((thread as { id: string }).id);
    if (created) expect((await api.call('documents/list', {})).map((d) => d.id)).toContain((created as { id: string }).id);
    if (version) expect((await api.call('versions/list', { documentId: document.id })).versions.map((v) => v.id)).toContain((version as { id: string }).id);
    expect(server.output()).toMatch(/sync\.room_failed/);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  }, 120_000);
});
