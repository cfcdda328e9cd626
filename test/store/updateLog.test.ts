import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type SqliteDatabase } from '#main/store/sqlite/database';
import type { LoggedUpdate, StoredDocumentState } from '#main/store/records';
import type { Store } from '#main/store/port';
import { createSqliteStore } from '#main/store/sqlite/sqliteStore';
import { createTempFolder } from '../helpers/tempFolder';

const documentId = 'doc-thoa-uoc-2027';

let folder: ReturnType<typeof createTempFolder>;
let file: string;
let db: SqliteDatabase;
let store: Store;

function open(): void {
  db = openDatabase(file);
  store = createSqliteStore(db);
}

function insertDocument(id: string): Promise<void> {
  return store.documents.insert({
    id,
    kind: 'enterprise_agreement',
    title: 'Thỏa ước lao động tập thể 2027',
    lifecycleState: 'drafting',
    createdAt: 1,
    updatedAt: 1,
    archivedAt: null,
  });
}

beforeEach(async () => {
  folder = createTempFolder();
  file = join(folder.path, 'thoa-uoc.sqlite');
  open();
  await insertDocument(documentId);
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

/** A participant's document whose every change is kept as the update Yjs emitted for it. */
function createAuthor(clientId: number): { doc: Y.Doc; text: Y.Text; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, text: doc.getText('content'), updates };
}

const clauses = [
  'Điều 1. Phạm vi và đối tượng áp dụng. ',
  'Điều 2. Tiền lương tối thiểu cao hơn mức lương tối thiểu vùng 7%. ',
  'Điều 3. Thời giờ làm việc không quá 44 giờ một tuần. ',
  'Điều 4. Thưởng Tết ít nhất một tháng lương. ',
];

/** Twelve edits: clauses typed, one amended, one struck out. */
function draftAgreement(author: ReturnType<typeof createAuthor>): void {
  for (const clause of clauses) author.text.insert(author.text.length, clause);
  author.text.insert(author.text.toString().indexOf('7%'), 'ít nhất ');
  author.text.delete(author.text.toString().indexOf('Điều 4'), clauses[3]?.length ?? 0);
  for (let i = 0; i < 6; i += 1) author.text.insert(author.text.length, `Khoản ${i + 1}. `);
}

const logged = (bytes: Uint8Array, participantId: string | null = 'p-union', at = 1_800_000_000_000): LoggedUpdate => ({ bytes, participantId, at });

/** The document as the invariant says: the checkpoint merged with every update after it. */
function rebuild(state: StoredDocumentState): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (state.checkpoint) Y.applyUpdate(doc, state.checkpoint.state);
  for (const update of state.tail) Y.applyUpdate(doc, update);
  return doc;
}

function expectSameDocument(rebuilt: Y.Doc, expected: Y.Doc): void {
  expect(rebuilt.getText('content').toString()).toBe(expected.getText('content').toString());
  expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(expected));
  expect(rebuilt.store.pendingStructs).toBeNull(); // nothing in the log is missing its dependencies
}

/** The state a compaction folds in: everything up to and including seq. */
function stateUpTo(updates: readonly Uint8Array[], seq: number): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates.slice(0, seq)) Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}

/** Rows come back as Buffers, updates are Uint8Arrays: compare bytes, not classes. */
const asBuffers = (updates: readonly Uint8Array[]): Buffer[] => updates.map((update) => Buffer.from(update));

const loggedSeqs = (id = documentId): number[] => db.prepare<[string], number>('SELECT seq FROM updates WHERE document_id = ? ORDER BY seq').pluck().all(id);

/**
 * Another connection to the file (as the command line beside a server is) that takes the write
 * lock, tells it holds it, and commits holdMs later, in a thread of its own: this one blocks
 * while SQLite waits for the lock.
 */
async function holdWriteLock(holdMs: number): Promise<{ committed: Promise<void> }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.betterSqlite3);
    const db = new Database(workerData.file);
    db.exec('BEGIN IMMEDIATE');
    db.prepare('UPDATE documents SET updated_at = updated_at + 1').run();
    parentPort.postMessage('holding');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();
  `;
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(code, { eval: true, workerData: { file, holdMs, betterSqlite3 } });
  const committed = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the other connection exited with ${code}`))));
  });
  await Promise.race([new Promise((resolve) => worker.once('message', resolve)), committed]);
  return { committed };
}

describe('the update log', () => {
  it('appends batches with consecutive sequence numbers and loads them back in order', async () => {
    const author = createAuthor(101);
    draftAgreement(author);
    expect(author.updates).toHaveLength(12);
    // Each append numbers its batch after the last update logged and returns the last number.
    expect(
      await store.updates.append(
        documentId,
        author.updates.slice(0, 4).map((bytes) => logged(bytes)),
      ),
    ).toBe(4);
    expect(
      await store.updates.append(
        documentId,
        author.updates.slice(4, 9).map((bytes) => logged(bytes)),
      ),
    ).toBe(9);
    expect(
      await store.updates.append(
        documentId,
        author.updates.slice(9).map((bytes) => logged(bytes)),
      ),
    ).toBe(12);

    const state = await store.updates.load(documentId);
    expect(state.checkpoint).toBeNull();
    expect(asBuffers(state.tail)).toEqual(asBuffers(author.updates));
    expect(state.lastSeq).toBe(12);
    expect(state.tailBytes).toBe(author.updates.reduce((sum, update) => sum + update.length, 0));
    expect(await store.updates.lastSeq(documentId)).toBe(12);
    expect(loggedSeqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expectSameDocument(rebuild(state), author.doc);
  });

  it('knows nothing of a document without updates', async () => {
    await insertDocument('doc-empty');
    expect(await store.updates.lastSeq('doc-empty')).toBe(0);
    expect(await store.updates.load('doc-empty')).toEqual({ checkpoint: null, tail: [], tailAuthors: [], lastSeq: 0, tailBytes: 0 });
  });

  it('stores a batch in one transaction: a batch whose last row the database refuses stores none of its rows', async () => {
    const author = createAuthor(102);
    draftAgreement(author);
    await store.updates.append(documentId, [logged(author.updates[0] ?? new Uint8Array())]);
    // The store numbers the rows itself: the fourth row of the next batch (seq 5) is refused by a trigger.
    db.exec("CREATE TRIGGER refuse_seq_5 BEFORE INSERT ON updates WHEN NEW.seq = 5 BEGIN SELECT RAISE(ABORT, 'row 5 refused'); END");
    await expect(
      store.updates.append(
        documentId,
        author.updates.slice(1, 5).map((bytes) => logged(bytes)),
      ),
    ).rejects.toThrow(/row 5 refused/);
    expect(loggedSeqs()).toEqual([1]);
    expect(await store.updates.lastSeq(documentId)).toBe(1);
  });

  it('an append while another connection holds the write lock waits for it to commit, then stores the batch', async () => {
    const author = createAuthor(104);
    draftAgreement(author);
    await store.updates.append(documentId, [logged(author.updates[0] ?? new Uint8Array())]);
    const other = await holdWriteLock(300);
    // The busy timeout covers the wait: the append neither fails nor loses the other's write.
    expect(
      await store.updates.append(
        documentId,
        author.updates.slice(1, 4).map((bytes) => logged(bytes)),
      ),
    ).toBe(4);
    await other.committed;
    expect(loggedSeqs()).toEqual([1, 2, 3, 4]);
    expect((await store.documents.get(documentId))?.updatedAt).toBe(2);
  });

  it('compaction keeps "checkpoint + tail = the document", drops folded rows, and the sequence goes on', async () => {
    const author = createAuthor(103);
    draftAgreement(author);
    const first = author.updates.slice();
    await store.updates.append(
      documentId,
      first.map((bytes) => logged(bytes)),
    );

    await store.updates.compact(documentId, 9, stateUpTo(first, 9), 1_800_000_000_500);
    expect(loggedSeqs()).toEqual([10, 11, 12]);
    let state = await store.updates.load(documentId);
    expect(state.checkpoint?.seq).toBe(9);
    expect(asBuffers(state.tail)).toEqual(asBuffers(first.slice(9)));
    expect(state.lastSeq).toBe(12);
    expectSameDocument(rebuild(state), author.doc);

    // The sequence continues after the last logged update, whether or not it was folded.
    author.text.insert(0, 'THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n');
    expect(await store.updates.append(documentId, [logged(author.updates.at(-1) ?? new Uint8Array())])).toBe(13);
    expect(loggedSeqs()).toEqual([10, 11, 12, 13]);
    expectSameDocument(rebuild(await store.updates.load(documentId)), author.doc);

    await store.updates.compact(documentId, 13, stateUpTo(author.updates, 13), 1_800_000_000_600);
    expect(loggedSeqs()).toEqual([]);
    state = await store.updates.load(documentId);
    expect(state).toMatchObject({ checkpoint: { seq: 13 }, tail: [], lastSeq: 13, tailBytes: 0 });
    expect(await store.updates.lastSeq(documentId)).toBe(13); // not 0: only the checkpoint remembers it
    expectSameDocument(rebuild(state), author.doc);

    author.text.insert(author.text.length, 'Hiệu lực 3 năm.');
    expect(await store.updates.append(documentId, [logged(author.updates.at(-1) ?? new Uint8Array())])).toBe(14);
    expect(loggedSeqs()).toEqual([14]);
    state = await store.updates.load(documentId);
    expect(state.lastSeq).toBe(14);
    expectSameDocument(rebuild(state), author.doc);
  });

  it('compacts after the file is reopened, and leaves other documents alone', async () => {
    await insertDocument('doc-other');
    const author = createAuthor(104);
    const other = createAuthor(105);
    draftAgreement(author);
    draftAgreement(other);
    await store.updates.append(
      documentId,
      author.updates.map((bytes) => logged(bytes)),
    );
    await store.updates.append(
      'doc-other',
      other.updates.map((bytes) => logged(bytes)),
    );
    await store.updates.compact(documentId, 6, stateUpTo(author.updates, 6), 1_800_000_000_700);
    await store.close();

    open();
    expect(await store.updates.lastSeq(documentId)).toBe(12);
    expectSameDocument(rebuild(await store.updates.load(documentId)), author.doc);
    await store.updates.compact(documentId, 12, Y.encodeStateAsUpdate(rebuild(await store.updates.load(documentId))), 1_800_000_000_800);
    expect(loggedSeqs()).toEqual([]);
    expect(await store.updates.load(documentId)).toMatchObject({ checkpoint: { seq: 12 }, tail: [], lastSeq: 12 });
    expectSameDocument(rebuild(await store.updates.load(documentId)), author.doc);

    expect(loggedSeqs('doc-other')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await store.updates.load('doc-other')).checkpoint).toBeNull();
    expectSameDocument(rebuild(await store.updates.load('doc-other')), other.doc);
  });

  it('compaction gives the freed pages back to the file system', async () => {
    const bulky = Array.from({ length: 300 }, (_, index) => logged(new Uint8Array(2000).fill(index % 251)));
    // Measured against the pages the schema itself needs, which grow with each migration.
    const pagesOfSchema = Number(db.pragma('page_count', { simple: true }));
    await store.updates.append(documentId, bulky);
    const pagesBefore = Number(db.pragma('page_count', { simple: true }));
    await store.updates.compact(documentId, 300, new Uint8Array([0, 0]), 1_800_000_000_900);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(Number(db.pragma('page_count', { simple: true })) - pagesOfSchema).toBeLessThan((pagesBefore - pagesOfSchema) / 10);
  });
});

describe('document_clients: who wrote with which Yjs client id', () => {
  it('keeps the first participant seen for a client id, through compaction and reopening', async () => {
    const employer = createAuthor(201);
    const union = createAuthor(202);
    employer.text.insert(0, 'Điều 1. Phạm vi áp dụng. ');
    Y.applyUpdate(union.doc, Y.encodeStateAsUpdate(employer.doc));
    union.updates.length = 0;
    union.text.insert(union.text.length, 'Điều 2. Tiền lương. ');

    await store.updates.append(
      documentId,
      [logged(employer.updates[0] ?? new Uint8Array(), 'p-employer')],
      [{ clientId: 201, participantId: 'p-employer', at: 1 }],
    );
    await store.updates.append(
      documentId,
      [logged(union.updates[0] ?? new Uint8Array(), 'p-union')],
      [
        { clientId: 202, participantId: 'p-union', at: 2 },
        { clientId: 201, participantId: 'p-intruder', at: 3 }, // a later claim does not rewrite history
      ],
    );
    await store.updates.append(documentId, [logged(Y.encodeStateAsUpdate(employer.doc), null)], [{ clientId: 999, participantId: null, at: 4 }]);
    const expected = new Map<number, string | null>([
      [201, 'p-employer'],
      [202, 'p-union'],
      [999, null],
    ]);
    expect(await store.updates.clients(documentId)).toEqual(expected);

    await store.updates.compact(documentId, 3, Y.encodeStateAsUpdate(union.doc), 5);
    expect(loggedSeqs()).toEqual([]);
    expect(await store.updates.clients(documentId)).toEqual(expected);

    await store.close();
    open();
    expect(await store.updates.clients(documentId)).toEqual(expected);
  });
});
