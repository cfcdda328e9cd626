import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '#main/logger';
import { openDatabase, type SqliteDatabase } from '#main/store/sqlite/database';
import type { Store, UpdateLogStore } from '#main/store/port';
import { createSqliteStore } from '#main/store/sqlite/sqliteStore';
import { MalformedFrameError } from '#main/sync/frames';
import { MissingDependenciesError, PersistentDoc, WriteRefusedError, type PendingUpdate, type PersistentDocOptions } from '#main/sync/persistentDoc';
import { deletionOnlyUpdate } from '../helpers/hostileUpdates';
import { createTempFolder } from '../helpers/tempFolder';
import { waitFor } from '../helpers/waitFor';

const documentId = 'doc-noi-quy-2027';

let folder: ReturnType<typeof createTempFolder>;
let file: string;
let db: SqliteDatabase;
let store: Store;
/** A second connection, as another process would read the file: it sees committed rows only. */
let reader: SqliteDatabase;
let logger: ReturnType<typeof createMemoryLogger>;
const opened: PersistentDoc<string>[] = [];

beforeEach(async () => {
  folder = createTempFolder();
  file = join(folder.path, 'thoa-uoc.sqlite');
  db = openDatabase(file);
  store = createSqliteStore(db);
  await store.documents.insert({
    id: documentId,
    kind: 'labour_regulations',
    title: 'Nội quy lao động 2027',
    lifecycleState: 'drafting',
    createdAt: 1,
    updatedAt: 1,
    archivedAt: null,
  });
  reader = new Database(file);
  logger = createMemoryLogger();
});
afterEach(async () => {
  for (const doc of opened.splice(0)) doc.destroy();
  reader.close();
  await store.close();
  folder.remove();
});

const committedRows = (): { seq: number; bytes: Buffer; participant_id: string | null }[] =>
  reader
    .prepare<
      [string],
      { seq: number; bytes: Buffer; participant_id: string | null }
    >('SELECT seq, bytes, participant_id FROM updates WHERE document_id = ? ORDER BY seq')
    .all(documentId);

const asBuffers = (updates: readonly Uint8Array[]): Buffer[] => updates.map((update) => Buffer.from(update));

let tick = 1_800_000_000_000;
const now = (): number => (tick += 1);

/** A PersistentDoc over the test's log that records what it reports; `until` awaits those reports. */
async function openDoc(options: Partial<PersistentDocOptions<string>> = {}) {
  const stored: (readonly PendingUpdate<string>[])[] = [];
  const failures: unknown[] = [];
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  const doc = await PersistentDoc.open<string>({
    documentId,
    log: store.updates,
    logger,
    now,
    ...options,
    onStored: (batch, lastSeq) => {
      options.onStored?.(batch, lastSeq);
      stored.push(batch);
      notify();
    },
    onStorageFailure: (error) => {
      options.onStorageFailure?.(error);
      failures.push(error);
      notify();
    },
  });
  opened.push(doc);
  const until = (condition: () => boolean, what: string): Promise<void> =>
    waitFor(condition, what, {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
  return { doc, stored, failures, until };
}

/** A participant's own Y.Doc (garbage collection on, as in a browser) whose updates are kept. */
function createAuthor(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('content');
  return { doc, text, updates, last: (): Uint8Array => updates.at(-1) ?? new Uint8Array() };
}

describe('S8 PersistentDoc: group commit', () => {
  it('stores the updates of one event-loop turn in one transaction, and reports them only once committed', async () => {
    const seenFromOnStored: ReturnType<typeof committedRows>[] = [];
    const appends: number[] = [];
    const log: UpdateLogStore = {
      ...store.updates,
      append: (...args: Parameters<UpdateLogStore['append']>) => {
        appends.push(args[1].length);
        return store.updates.append(...args);
      },
    };
    const { doc, stored, until } = await openDoc({ log, onStored: () => seenFromOnStored.push(committedRows()) });
    const union = createAuthor(301);
    union.text.insert(0, 'Điều 1. Thời giờ làm việc: 8 giờ một ngày. ');
    union.text.insert(union.text.length, 'Điều 2. Nghỉ giữa ca 30 phút. ');
    union.text.insert(union.text.length, 'Điều 3. Nghỉ hằng tuần vào Chủ nhật. ');

    for (const update of union.updates) expect(doc.receive(update, 'p-union', 'connection-union')).toBe(true);
    // Applied at once, but neither stored nor reported yet.
    expect(doc.doc.getText('content').toString()).toBe(union.text.toString());
    expect(committedRows()).toEqual([]);
    expect(stored).toEqual([]);

    await until(() => stored.length === 1, 'the first batch to be stored');
    expect(appends).toEqual([3]);
    expect(stored[0]?.map((update) => [update.participantId, update.origin])).toEqual([
      ['p-union', 'connection-union'],
      ['p-union', 'connection-union'],
      ['p-union', 'connection-union'],
    ]);
    expect(asBuffers(stored[0]?.map((update) => update.bytes) ?? [])).toEqual(asBuffers(union.updates));
    // Inside onStored, another connection already saw all three rows.
    expect(seenFromOnStored).toHaveLength(1);
    expect(seenFromOnStored[0]?.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(seenFromOnStored[0]?.map((row) => row.bytes)).toEqual(asBuffers(union.updates));

    // A later turn is a later transaction, continuing the sequence.
    union.text.insert(0, 'NỘI QUY LAO ĐỘNG\n');
    doc.receive(union.last(), 'p-union', 'connection-union');
    await until(() => stored.length === 2, 'the second batch to be stored');
    expect(appends).toEqual([3, 1]);
    expect(seenFromOnStored[1]?.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(doc.ownerOfClient(301)).toBe('p-union');
  });

  it('stores and relays only what an update adds: a whole offline copy repeating the document costs one edit, not the document', async () => {
    const { doc, stored, until } = await openDoc();
    const employer = createAuthor(302);
    employer.text.insert(0, 'Điều 1. Phạm vi áp dụng. '.repeat(200));
    doc.receive(employer.last(), 'p-employer', 'connection-employer');
    await until(() => stored.length === 1, 'the body to be stored');
    // The union's device kept a copy and typed in it offline; the copy is relayed whole.
    const copy = createAuthor(303);
    Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(doc.doc));
    copy.text.insert(0, 'Bản sửa khi mất mạng. ');
    const whole = Y.encodeStateAsUpdate(copy.doc);
    expect(whole.length).toBeGreaterThan(5_000);
    expect(doc.receive(whole, 'p-union', 'connection-union')).toBe(true);
    await until(() => stored.length === 2, 'the copy to be stored');
    const kept = stored[1]?.[0]?.bytes ?? new Uint8Array();
    expect(kept.length).toBeLessThan(200);
    // What is kept (and relayed) is exactly the offline edit: applied to the document before it, it gives the same text.
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, stored[0]?.[0]?.bytes ?? new Uint8Array());
    Y.applyUpdate(rebuilt, kept);
    expect(rebuilt.getText('content').toString()).toBe(doc.doc.getText('content').toString());
    expect(doc.doc.getText('content').toString()).toBe(copy.text.toString());
  });

  it('a batch is all or nothing: when its last row cannot be written, the earlier ones are not stored either', async () => {
    const { doc, stored, failures, until } = await openDoc();
    const employer = createAuthor(302);
    employer.text.insert(0, 'Điều 5. Kỷ luật lao động. ');
    employer.text.insert(employer.text.length, 'Khiển trách, kéo dài thời hạn nâng lương, cách chức, sa thải. ');
    employer.text.insert(employer.text.length, 'Điều 6. Trách nhiệm vật chất. ');
    // The database refuses the batch's third row (the store numbers rows itself: seq 3).
    db.exec("CREATE TRIGGER refuse_seq_3 BEFORE INSERT ON updates WHEN NEW.seq = 3 BEGIN SELECT RAISE(ABORT, 'row 3 refused'); END");

    for (const update of employer.updates) doc.receive(update, 'p-employer', 'connection-employer');
    await until(() => failures.length === 1, 'the storage failure');
    expect(failures[0]).toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER' });
    expect(stored).toEqual([]);
    expect(committedRows()).toEqual([]);
    expect((await store.updates.clients(documentId)).has(302)).toBe(false);
  });

  it('a malformed update throws MalformedFrameError and changes nothing', async () => {
    const { doc, stored, until } = await openDoc();
    const union = createAuthor(303);
    union.text.insert(0, 'Điều 7. An toàn, vệ sinh lao động. ');
    doc.receive(union.last(), 'p-union', 'connection-union');
    await until(() => stored.length === 1, 'the valid update to be stored');
    const stateBefore = Y.encodeStateAsUpdate(doc.doc);
    const logBefore = await store.updates.load(documentId);

    union.text.insert(union.text.length, 'Trang bị bảo hộ lao động đầy đủ. ');
    const valid = union.last();
    const malformed = [valid.subarray(0, valid.length - 4), Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), Uint8Array.of(1)];
    for (const update of malformed) {
      expect(() => doc.receive(update, 'p-union', 'connection-union')).toThrow(MalformedFrameError);
    }
    await doc.flush();
    expect(Y.encodeStateAsUpdate(doc.doc)).toEqual(stateBefore);
    expect(stored).toHaveLength(1);
    expect(await store.updates.load(documentId)).toEqual(logBefore);
    expect(await store.updates.clients(documentId)).toEqual(new Map([[303, 'p-union']]));

    // An empty update (as sync step 2 often is) is accepted but neither applied nor stored.
    expect(doc.receive(Uint8Array.of(0, 0), 'p-union', 'connection-union')).toBe(false);
    await doc.flush();
    expect(stored).toHaveLength(1);
  });

  it('a storage failure (another connection holds the write lock) calls onStorageFailure, never onStored', async () => {
    db.pragma('busy_timeout = 0');
    const { doc, stored, failures, until } = await openDoc();
    const union = createAuthor(304);
    union.text.insert(0, 'Điều 8. Chế độ thai sản. ');
    const other = new Database(file, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    try {
      doc.receive(union.last(), 'p-union', 'connection-union');
      await until(() => failures.length === 1, 'the storage failure');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(failures[0]).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(stored).toEqual([]);
    expect(committedRows()).toEqual([]);
    expect(await store.updates.lastSeq(documentId)).toBe(0);
  });
});

describe('PersistentDoc: history and compaction', () => {
  it('keeps deleted text (gc off), so a snapshot taken before a deletion is rebuilt after compaction and reopening', async () => {
    const first = await openDoc();
    const employer = createAuthor(401);
    employer.text.insert(0, 'Điều 9. Thưởng cuối năm bằng hai tháng lương. Điều 10. Hiệu lực.');
    first.doc.receive(employer.last(), 'p-employer', 'connection-employer');
    await first.until(() => first.stored.length === 1, 'the draft to be stored');
    const beforeDeletion = Y.encodeSnapshot(Y.snapshot(first.doc.doc));
    const draft = employer.text.toString();

    const struck = ' bằng hai tháng lương';
    employer.text.delete(draft.indexOf(struck), struck.length);
    first.doc.receive(employer.last(), 'p-employer', 'connection-employer');
    await first.until(() => first.stored.length === 2, 'the deletion to be stored');
    expect(first.doc.doc.getText('content').toString()).toBe('Điều 9. Thưởng cuối năm. Điều 10. Hiệu lực.');
    await first.doc.close();
    expect(await store.updates.load(documentId)).toMatchObject({ checkpoint: { seq: 2 }, tail: [] });

    const reopened = await openDoc();
    expect(reopened.doc.doc.getText('content').toString()).toBe('Điều 9. Thưởng cuối năm. Điều 10. Hiệu lực.');
    const version = Y.createDocFromSnapshot(reopened.doc.doc, Y.decodeSnapshot(beforeDeletion));
    expect(version.getText('content').toString()).toBe(draft);
  });

  it('compacts when the tail outgrows max(compactMinBytes, checkpoint size)', async () => {
    const compactMinBytes = 200;
    const { doc, stored, until } = await openDoc({ compactMinBytes });
    const union = createAuthor(501);
    union.text.insert(0, 'Điều 11. Tiền lương làm thêm giờ: ngày thường ít nhất 150%, ngày nghỉ hằng tuần ít nhất 200%, ngày lễ ít nhất 300%. '.repeat(4));
    const updates = [union.last()];
    for (let i = 0; i < 120; i += 1) {
      union.text.insert(union.text.length, i % 10 === 0 ? '\n' : 'ư');
      updates.push(union.last());
    }

    let compactions = 0;
    let deferredForTheCheckpoint = 0;
    for (const [index, update] of updates.entries()) {
      const before = await store.updates.load(documentId);
      const tailBytes = before.tailBytes + update.length;
      const threshold = Math.max(compactMinBytes, before.checkpoint?.state.length ?? 0);
      doc.receive(update, 'p-union', 'connection-union');
      await until(() => stored.length === index + 1, `update ${index + 1} to be stored`);
      // The compaction a batch may call for follows its report: wait for the store's work under way.
      await doc.flush();
      const after = await store.updates.load(documentId);
      expect(after.lastSeq).toBe(index + 1);
      if (tailBytes >= threshold) {
        compactions += 1;
        expect(after).toMatchObject({ checkpoint: { seq: index + 1 }, tail: [], tailBytes: 0 });
      } else {
        if (tailBytes >= compactMinBytes) deferredForTheCheckpoint += 1;
        expect(after.checkpoint?.seq).toBe(before.checkpoint?.seq);
        expect(after.tailBytes).toBe(tailBytes);
      }
      const rebuilt = new Y.Doc({ gc: false });
      if (after.checkpoint) Y.applyUpdate(rebuilt, after.checkpoint.state);
      for (const logged of after.tail) Y.applyUpdate(rebuilt, logged);
      expect(rebuilt.getText('content').toString()).toBe(doc.doc.getText('content').toString());
    }
    expect(compactions).toBeGreaterThanOrEqual(2);
    expect(deferredForTheCheckpoint).toBeGreaterThan(0);
  });

  it('close() stores what is pending and writes a checkpoint; reopening continues the sequence', async () => {
    const first = await openDoc();
    const employer = createAuthor(601);
    for (const clause of ['Điều 12. Trợ cấp thôi việc. ', 'Điều 13. Đối thoại định kỳ. ', 'Điều 14. Giải quyết tranh chấp. ']) {
      employer.text.insert(employer.text.length, clause);
      first.doc.receive(employer.last(), 'p-employer', 'connection-employer');
    }
    await first.until(() => first.stored.length === 1, 'the first batch to be stored');
    expect(await store.updates.load(documentId)).toMatchObject({ checkpoint: null, lastSeq: 3 }); // below the default threshold

    employer.text.insert(employer.text.length, 'Điều 15. Hiệu lực thi hành. ');
    first.doc.receive(employer.last(), 'p-employer', 'connection-employer');
    await first.doc.close(); // called in the same turn: the pending update is stored by close itself
    expect(first.stored.map((batch) => batch.length)).toEqual([3, 1]);
    const state = await store.updates.load(documentId);
    expect(state).toMatchObject({ checkpoint: { seq: 4 }, tail: [], lastSeq: 4 });
    const fromCheckpoint = new Y.Doc();
    Y.applyUpdate(fromCheckpoint, state.checkpoint?.state ?? new Uint8Array());
    expect(fromCheckpoint.getText('content').toString()).toBe(employer.text.toString());

    const reopened = await openDoc();
    expect(reopened.doc.doc.getText('content').toString()).toBe(employer.text.toString());
    expect(reopened.doc.ownerOfClient(601)).toBe('p-employer');
    employer.text.insert(0, 'NỘI QUY LAO ĐỘNG\n');
    reopened.doc.receive(employer.last(), 'p-employer', 'connection-employer');
    await reopened.until(() => reopened.stored.length === 1, 'the update after reopening to be stored');
    expect(committedRows().map((row) => row.seq)).toEqual([5]);
  });
});

describe('S18 S19 PersistentDoc: nothing pending, nobody else’s client id', () => {
  it('S18 an update after a gap in its client’s clocks, or resting on items nobody sent, changes nothing and asks for what is missing', async () => {
    const { doc } = await openDoc();
    const union = createAuthor(701);
    union.text.insert(0, 'Điều 1. ');
    const first = union.last();
    union.text.insert(union.text.length, 'Thời giờ làm việc.');
    const second = union.last();
    const employer = createAuthor(702);
    Y.applyUpdate(employer.doc, first);
    Y.applyUpdate(employer.doc, second);
    employer.text.insert(employer.text.length, ' Nghỉ giữa ca.');

    expect(() => doc.receive(second, 'p-union', 'connection-union')).toThrow(MissingDependenciesError);
    expect(() => doc.receive(employer.last(), 'p-employer', 'connection-employer')).toThrow(MissingDependenciesError);
    expect(Y.encodeStateVector(doc.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    expect(doc.doc.store.pendingStructs).toBeNull();
    // Nothing was queued for storage.
    expect({ received: doc.received, stored: doc.stored }).toEqual({ received: 0, stored: 0 });
    // Once what was missing arrives, the rest is accepted in order.
    for (const [update, who] of [
      [first, 'p-union'],
      [second, 'p-union'],
      [employer.last(), 'p-employer'],
    ] as const)
      doc.receive(update, who, `connection-${who}`);
    expect(doc.doc.getText('content').toString()).toBe('Điều 1. Thời giờ làm việc. Nghỉ giữa ca.');
  });

  it('S18 deletions of clocks nobody has written are neither kept nor stored: the items later written there stay', async () => {
    const { doc, stored, until } = await openDoc();
    const union = createAuthor(711);
    union.text.insert(0, 'Điều 1. ');
    doc.receive(union.last(), 'p-union', 'connection-union');
    expect(doc.receive(deletionOnlyUpdate(711, 0, 1_000_000), 'p-employer', 'connection-employer')).toBe(true);
    // The part within what exists is an ordinary deletion; the rest is not kept for later.
    expect(doc.doc.getText('content').toString()).toBe('');
    expect(doc.doc.store.pendingDs).toBeNull();
    union.text.insert(union.text.length, 'Thời giờ làm việc.');
    doc.receive(union.last(), 'p-union', 'connection-union');
    expect(doc.doc.getText('content').toString()).toBe('Thời giờ làm việc.');
    await until(() => stored.length === 1, 'the batch to be stored');
    const reloaded = await storedDocOf();
    expect(reloaded.getText('content').toString()).toBe('Thời giờ làm việc.');
    expect(reloaded.store.pendingDs).toBeNull();
    expect(logger.lines.filter((line) => line.event === 'sync.future_deletions_ignored')).toHaveLength(1);
  });

  it('S18 a log written before the fix, holding deletions of future clocks, is cleaned when loaded: what was written there later stays, and a checkpoint replaces the log', async () => {
    const victim = createAuthor(721);
    victim.text.insert(0, 'Đề xuất của công đoàn. ');
    const before = victim.last();
    victim.text.insert(victim.text.length, 'Đề xuất thứ hai.');
    await store.updates.append(documentId, [
      { bytes: before, participantId: 'p-union', at: 1 },
      { bytes: deletionOnlyUpdate(721, 'Đề xuất của công đoàn. '.length, 1_000_000), participantId: 'p-employer', at: 2 },
      { bytes: victim.last(), participantId: 'p-union', at: 3 },
    ]);
    expect((await storedDocOf()).getText('content').toString()).toBe('Đề xuất của công đoàn. ');

    const { doc } = await openDoc();
    expect(doc.doc.getText('content').toString()).toBe('Đề xuất của công đoàn. Đề xuất thứ hai.');
    expect(logger.lines.map((line) => line.event)).toContain('sync.log_cleaned');
    const state = await store.updates.load(documentId);
    expect(state).toMatchObject({ tail: [], lastSeq: 3, checkpoint: { seq: 3 } });
    expect((await storedDocOf()).getText('content').toString()).toBe('Đề xuất của công đoàn. Đề xuất thứ hai.');
  });

  it('S19 new structs under another participant’s client id, or the server’s, are refused and change nothing', async () => {
    const { doc } = await openDoc();
    const union = createAuthor(731);
    union.text.insert(0, 'Điều 1. ');
    doc.receive(union.last(), 'p-union', 'connection-union');
    // The employer continues the union member's clocks: the member's next keystroke would then
    // be taken for something the server already has.
    const forger = createAuthor(731);
    Y.applyUpdate(forger.doc, union.last());
    forger.doc.clientID = 731;
    forger.text.insert(forger.text.length, 'Giả mạo.');
    expect(() => doc.receive(forger.last(), 'p-employer', 'connection-employer')).toThrow(WriteRefusedError);
    expect(doc.doc.getText('content').toString()).toBe('Điều 1. ');
    // The same update from its owner is accepted; one the server wrote stays the server's.
    expect(doc.receive(forger.last(), 'p-union', 'connection-union')).toBe(true);
    await doc.change('p-union', (ydoc) => ydoc.getMap('proposals').set('p1', 'đề xuất'));
    const serverWriter = [...doc.doc.getMap('proposals')._map.values()][0]?.id.client ?? 0;
    const impostor = createAuthor(serverWriter);
    Y.applyUpdate(impostor.doc, Y.encodeStateAsUpdate(doc.doc));
    // Yjs gives a document a new client id when a remote update writes with its own: force it back.
    impostor.doc.clientID = serverWriter;
    impostor.text.insert(0, 'Viết thay máy chủ. ');
    expect(() => doc.receive(Y.encodeStateAsUpdate(impostor.doc, Y.encodeStateVector(doc.doc)), 'p-union', 'connection-union')).toThrow(WriteRefusedError);
  });
});

/** The document as the test's store holds it. */
async function storedDocOf(): Promise<Y.Doc> {
  const state = await store.updates.load(documentId);
  const loaded = new Y.Doc({ gc: false });
  if (state.checkpoint) Y.applyUpdate(loaded, state.checkpoint.state);
  for (const update of state.tail) Y.applyUpdate(loaded, update);
  return loaded;
}
