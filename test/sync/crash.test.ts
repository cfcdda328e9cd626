import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { databaseFileName } from '#main/server/dataFolder';
import { lockStaleMs } from '#main/server/dataFolderLock';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { closeCodes } from '#shared/sync/protocol';
import { openRawSocket, syncStep1Frame, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { runCliJson, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { bodyParagraph } from '../helpers/bodyText';
import { contentText, storedDoc } from '../helpers/storedState';
import { createTempFolder } from '../helpers/tempFolder';
import { waitFor, within } from '../helpers/waitFor';

const createdDocument = z.object({ id: z.string() });
const invitation = z.object({ code: z.string() });
const redeemed = z.object({ token: z.string() });

async function participantToken(dataFolder: string, documentId: string, side: string, name: string): Promise<string> {
  const { code } = invitation.parse(await runCliJson(dataFolder, ['invite', documentId, '--side', side]));
  return redeemed.parse(await runCliJson(dataFolder, ['redeem', code, '--name', name])).token;
}

/** Lets the event loop run (sockets included) between two edits of the burst; no timer involved. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How many of `writer`'s operations `doc` has integrated (its state-vector entry for it). */
function receivedFrom(doc: Y.Doc, writer: Y.Doc): number {
  return Y.getState(doc.store, writer.clientID);
}

describe('S2 a server killed mid-burst loses nothing it broadcast, and recovers everything', () => {
  let folder: ReturnType<typeof createTempFolder> | undefined;
  const servers: ServerProcess[] = [];
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await server.exited;
    }
    folder?.remove();
    folder = undefined;
  });

  it(
    'S2 what B received from A before a SIGKILL is in the database; after a restart every edit of both is on the server and both converge',
    async () => {
      folder = createTempFolder();
      const dataFolder = folder.path;
      const document = createdDocument.parse(
        await runCliJson(dataFolder, ['documents', 'create', '--kind', 'enterprise_agreement', '--title', 'Thỏa ước lao động tập thể 2027']),
      );
      const employerToken = await participantToken(dataFolder, document.id, 'employer', 'Chị Lan (HR)');
      const unionToken = await participantToken(dataFolder, document.id, 'union', 'Anh Minh (Công đoàn)');

      // Both server processes of this test; their output is printed if it fails (after afterEach).
      const spawned: ServerProcess[] = [];
      onTestFailed(() => {
        for (const [index, server] of spawned.entries()) process.stderr.write(`server ${index + 1} output:\n${server.output()}\n`);
      });
      // The restart waits for the killed server's lock on the folder to go stale (S20).
      const start = async (port?: number): Promise<ServerProcess> => {
        const server = await spawnServer(dataFolder, port, lockStaleMs + 15_000);
        servers.push(server);
        spawned.push(server);
        return server;
      };
      const first = await start();
      const a = connectClient(first.url, document.id, employerToken);
      const b = connectClient(first.url, document.id, unionToken);
      clients.push(a, b);
      await Promise.all([synced(a), synced(b)]);

      let rounds = 0;
      const edit = (): void => {
        a.text.insert(0, `<a${rounds}>`);
        b.text.insert(b.text.length, `<b${rounds}>`);
        rounds += 1;
      };
      const bDropped = new Promise<void>((resolve) => b.provider.once('connection-close', () => resolve()));
      // The burst: both edit on every turn of the event loop. Once B has received a good part of
      // A's edits (200 characters, and more are in flight), the server is killed; the burst goes on
      // without it.
      const deadline = performance.now() + 10_000;
      while (receivedFrom(b.doc, a.doc) < 200) {
        if (performance.now() > deadline) throw new Error(`B received only ${receivedFrom(b.doc, a.doc)} characters of A's edits in 10 s`);
        edit();
        await nextTurn();
      }
      first.child.kill('SIGKILL');
      for (let i = 0; i < 30; i += 1) {
        edit();
        await nextTurn();
      }
      expect((await within(first.exited, 5_000, 'the killed server to exit')).signal).toBe('SIGKILL');
      await within(bDropped, 5_000, 'B to notice the dead server');
      const fromABeforeKill = receivedFrom(b.doc, a.doc);
      const aMarkersAtB: string[] = b.text.toString().match(/<a\d+>/g) ?? [];
      expect(aMarkersAtB.length).toBeGreaterThan(0);
      // Some of A's edits never reached B: there is something left for the reconnection to bring.
      expect(fromABeforeKill).toBeLessThan(receivedFrom(a.doc, a.doc));

      // (a) Log before broadcast: everything B had received from A is in the database file.
      const store = openSqliteStore(join(dataFolder, databaseFileName));
      try {
        const stored = await storedDoc(store.updates, document.id);
        expect(receivedFrom(stored, a.doc)).toBeGreaterThanOrEqual(fromABeforeKill);
        const storedText = contentText(stored);
        expect(aMarkersAtB.filter((marker) => !storedText.includes(marker))).toEqual([]);
      } finally {
        await store.close();
      }

      // (b) Restart on the same port and folder; the stock providers reconnect by themselves.
      const second = await start(first.port);
      const everyEdit = (text: string): boolean => {
        for (let i = 0; i < rounds; i += 1) if (!text.includes(`<a${i}>`) || !text.includes(`<b${i}>`)) return false;
        return true;
      };
      await textMatches(a, everyEdit, 'A to have every edit of A and B', 10_000);
      await textMatches(b, everyEdit, 'B to have every edit of A and B', 10_000);
      expect(b.text.toString()).toBe(a.text.toString());
      await waitFor(() => a.provider.synced && b.provider.synced, 'both providers to be synced again', {
        subscribe: (notify) => {
          a.provider.on('sync', notify);
          b.provider.on('sync', notify);
          return () => {
            a.provider.off('sync', notify);
            b.provider.off('sync', notify);
          };
        },
      });

      const c = connectClient(second.url, document.id, employerToken, new Y.Doc());
      clients.push(c);
      await synced(c);
      await textMatches(c, everyEdit, 'a fresh client to receive every edit of A and B from the server');
      expect(c.text.toString()).toBe(a.text.toString());
    },
    lockStaleMs + 40_000,
  );
});

describe('S2 no client receives content before it is stored', () => {
  let harness: Harness | undefined;
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    await harness?.dispose();
    harness = undefined;
  });

  it('S2 a sync step 2 answered while an update is pending waits for it to be stored, and a failed store sends nothing', async () => {
    harness = await startHarness();
    const { server } = harness;
    const document = await createDocument(server);
    const employer = await joinAs(server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const writer = openRawSocket(server.url, document.id, employer.token);
    const joiner = openRawSocket(server.url, document.id, union.token);
    sockets.push(writer, joiner);
    await Promise.all([writer.greeted(), joiner.greeted()]);

    const unstorable = new Y.Doc();
    Y.applyUpdate(unstorable, await server.sync.withRoom(document.id, (room) => Y.encodeStateAsUpdate(room.doc)));
    const before = Y.encodeStateVector(unstorable);
    bodyParagraph(unstorable).insert(0, '[never stored]');
    // From here on every write to the database fails, as on a full disk.
    await server.context.store.close();
    // Both frames reach the server in the same turn of its event loop: the update is applied in
    // memory and waits for the turn's commit when the joiner asks for the document.
    writer.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(unstorable, before)));
    joiner.socket.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));

    const [writerClose, joinerClose] = await Promise.all([writer.closed(), joiner.closed()]);
    expect([writerClose.code, joinerClose.code]).toEqual([closeCodes.storageFailure, closeCodes.storageFailure]);
    expect(harness.logger.lines.some((line) => line.event === 'sync.room_failed')).toBe(true);
    expect(joiner.frames.some((frame) => Buffer.from(frame).includes('[never stored]'))).toBe(false);
  });
});
