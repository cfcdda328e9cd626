import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comparison } from '#shared/api/versions';
import { createUpdateLog } from '#main/store/sqlite/updateLog';
import type { RoomConnection } from '#main/sync/documentRoom';
import { paragraphWithSmallEdits, type TextEdit } from '../../bench/lib/hostileDiffs';
import { article, chapter } from '../editor/builders';
import { startRecordedServer, type RecordedServer } from '../helpers/recordedFileJobs';
import type { SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { redlineText } from './compareFixture';
import { articleBlock, historyBody, replaceWords, startHistoryServer, type HistoryServer } from './historyFixture';

// A comparison is read and drawn in the file worker, from the store (decision 0014): the event
// loop names the document and the two ends, stores what the document's room holds, and keeps
// serving meanwhile, however many edits lie between the two ends.

let recorded: RecordedServer | undefined;
let server: HistoryServer | undefined;
afterEach(async () => {
  await recorded?.close();
  await server?.dispose();
  recorded = undefined;
  server = undefined;
});

/** Applies edits to a client's copy of an article's paragraph, a few hundred per update, as typing sends them. */
function typeEdits(client: SyncClient, clauseId: string, edits: readonly TextEdit[]): void {
  const paragraph = articleBlock(client.doc, clauseId, 1);
  for (let start = 0; start < edits.length; start += 500) {
    client.doc.transact(() => {
      for (const edit of edits.slice(start, start + 500)) {
        paragraph.delete(edit.index, edit.deleteCount);
        paragraph.insert(edit.index, edit.insert);
      }
    });
  }
}

describe('comparisons in the file worker', () => {
  it('the event loop hands the worker the document and the two ends by name, never their content; the worker reads and compares them', async () => {
    recorded = await startRecordedServer();
    const { handlers, calls } = recorded;
    const documentId = await recorded.createDocument(historyBody());
    const before = await handlers['versions/create']({ documentId, name: 'Bản đầu' }, { kind: 'admin' });
    await recorded.sync.withRoom(documentId, (room) => room.change(null, (doc) => replaceWords(doc, 'dieu-thuong-tet', 1, 'một tháng', 'hai tháng')));

    const comparison = await handlers['versions/compare']({ documentId, from: before.id, to: 'current' }, { kind: 'admin' });
    expect(comparison.articles.map((change) => [change.clauseId, redlineText(change.segments)])).toEqual([
      ['dieu-thuong-tet', 'Thưởng Tết\nThưởng Tết bằng [-một-]{+hai+} tháng lương.'],
    ]);
    const since = await handlers['versions/sinceLastVisit']({ documentId, versionId: before.id }, { kind: 'admin' });
    expect(since.comparison?.articles).toEqual(comparison.articles);

    const version = {
      id: before.id,
      documentId,
      number: before.number,
      snapshotBase: (await recorded.context.store.versions.get(documentId, before.id))?.snapshotBase,
    };
    const request = { documentId, from: { kind: 'version', version }, to: { kind: 'current' } };
    expect(calls).toEqual([
      { method: 'compareVersions', args: [recorded.context.store.location, request, undefined] },
      { method: 'compareVersions', args: [recorded.context.store.location, request, undefined] },
    ]);
  });

  it('the event loop keeps turning while the worker reads a comparison across 34,000 edits that leave the text as it was', async () => {
    const hostile = paragraphWithSmallEdits();
    server = await startHistoryServer({ body: [chapter('chuong-1', 'NHỮNG QUY ĐỊNH CHUNG', article('dieu-dai', 'Điều khoản rất dài', hostile.before))] });
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const before = await lan.client.call('versions/create', { documentId: server.documentId, name: 'Trước khi sửa' });
    const client = await server.connect(lan);
    // Every small edit, then each undone: thousands of changed items, the same text.
    typeEdits(client, 'dieu-dai', hostile.edits);
    const undo = hostile.edits
      .map((edit) => ({ index: edit.index, deleteCount: edit.insert.length, insert: hostile.before.slice(edit.index, edit.index + edit.deleteCount) }))
      .reverse();
    typeEdits(client, 'dieu-dai', undo);
    expect(articleBlock(client.doc, 'dieu-dai', 1).toString()).toBe(hostile.before);
    const { handlers, sync } = server.harness.server;
    const room = sync.room(server.documentId);
    if (!room) throw new Error('the document is not open');
    // The text is the same as before the edits: what tells that the server has them all is their clocks.
    const clientId = client.doc.clientID;
    await waitFor(() => Y.getState(room.doc.store, clientId) === Y.getState(client.doc.store, clientId), 'the server to have every edit');
    const compare = (): Promise<Comparison> =>
      handlers['versions/compare']({ documentId: server?.documentId ?? '', from: before.id, to: 'current' }, { kind: 'admin' });
    // The worker started, as on a server that has compared before.
    await compare();

    // Called in process: whatever the handler does on the event loop, it does before it returns.
    let isSettled = false;
    let turns = 0;
    const comparing = compare().finally(() => {
      isSettled = true;
    });
    const turn = (): void => {
      if (isSettled) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    const comparison = await comparing;
    expect(comparison.articles).toEqual([]);
    // Read on the event loop, the comparison left it a handful of turns (the worker's answer).
    expect(turns).toBeGreaterThan(100);
  });

  it('a comparison asked for as an edit arrives, before the server has stored it, includes that edit', async () => {
    let documentId = '';
    let reader: Database.Database | null = null;
    // The last seq the store holds, read at once by another connection to its file.
    const stored = (): number => (reader ? createUpdateLog(reader).lastSeq(documentId) : -1);
    const seen = { whenAsked: -1, whenHandedOver: -1 };
    // The moment the handler hands the comparison to the worker, the store must hold the edit.
    recorded = await startRecordedServer(() => {
      seen.whenHandedOver = stored();
    });
    const { handlers, context, sync } = recorded;
    documentId = await recorded.createDocument(historyBody());
    const location = context.store.location;
    if (location.kind !== 'sqlite') throw new Error('the recorded server keeps a SQLite file');
    reader = new Database(location.file, { readonly: true });
    const before = await handlers['versions/create']({ documentId, name: 'Bản đầu' }, { kind: 'admin' });
    const invitation = await handlers['invitations/create']({ documentId, side: 'employer', validForHours: 24 }, { kind: 'admin' });
    const redeemed = await handlers['invitations/redeem']({ code: invitation.code, displayName: 'Chị Lan (Nhân sự)' }, { kind: 'anonymous' });
    const participant = await context.store.participants.get(redeemed.participant.id);
    if (!participant) throw new Error('the participant was not stored');
    const storedBefore = stored();
    // A connection without a socket: its edit goes in as the sync server receives a client's update.
    const connection: RoomConnection = { participant, readOnly: false, send: () => {}, close: () => {}, readHeld: () => {} };
    const comparison = await sync.withRoom(documentId, (room) => {
      room.join(connection);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      const known = Y.encodeStateVector(copy);
      replaceWords(copy, 'dieu-thuong-tet', 1, 'một tháng', 'hai tháng');
      room.receiveUpdate(connection, Y.encodeStateAsUpdate(copy, known));
      // Applied by the server, not yet stored by its group commit (setImmediate).
      seen.whenAsked = stored();
      return handlers['versions/compare']({ documentId, from: before.id, to: 'current' }, { kind: 'admin' }).finally(() => room.leave(connection));
    });
    reader.close();
    expect(seen).toEqual({ whenAsked: storedBefore, whenHandedOver: storedBefore + 1 });
    expect(comparison.articles.map((change) => [change.clauseId, redlineText(change.segments)])).toEqual([
      ['dieu-thuong-tet', 'Thưởng Tết\nThưởng Tết bằng [-một-]{+hai+} tháng lương.'],
    ]);
  });
});
