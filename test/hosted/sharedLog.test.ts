import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, encodeInitialContent } from '#shared/document/yjsContent';
import { createMemoryLogger } from '#main/logger';
import type { Store } from '#main/store/port';
import { openPostgresStore } from '#main/store/postgres/postgresStore';
import { PersistentDoc, type StoredBatch } from '#main/sync/persistentDoc';
import { paragraph } from '../editor/builders';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { waitFor } from '../helpers/waitFor';

const documentId = 'tu-tinh-2027';

/** The first paragraph of a copy's body, where both copies type. */
function firstParagraph(doc: Y.Doc): Y.XmlText {
  const [first] = contentRoot(doc).toDelta() as { insert: Y.XmlText }[];
  if (!first) throw new Error('the body is empty');
  return first.insert;
}

describe('two server copies of one document on one PostgreSQL log (two instances)', () => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await createTestDatabase();
    store = await openPostgresStore(database.url);
    await store.documents.insert({
      id: documentId,
      kind: 'enterprise_agreement',
      title: 'Thỏa ước',
      lifecycleState: 'drafting',
      createdAt: 1,
      updatedAt: 1,
      archivedAt: null,
    });
    await store.updates.append(documentId, [{ bytes: encodeInitialContent({ blocks: [paragraph('Điều khoản chung.')] }), participantId: null, at: 1 }]);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const open = (
    onRelayed: (updates: readonly Uint8Array[]) => void = () => undefined,
    options: { log?: Store['updates']; compactMinBytes?: number; onStored?: (batch: StoredBatch) => void } = {},
  ) =>
    PersistentDoc.open<string>({
      documentId,
      log: options.log ?? store.updates,
      logger: createMemoryLogger(),
      now: () => 2,
      compactMinBytes: options.compactMinBytes ?? 1,
      gapWaitMs: 20,
      onRelayed,
      onStored: (batch, lastSeq) => options.onStored?.({ first: lastSeq - batch.length + 1, last: lastSeq, updates: batch }),
      onStorageFailure: (error) => {
        throw error;
      },
    });

  /** A participant's keystroke, made on a copy synced with `server`, then received by it. */
  async function type(server: PersistentDoc<string>, participantId: string, text: string): Promise<void> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server.doc));
    const before = Y.encodeStateVector(copy);
    firstParagraph(copy).insert(0, text);
    server.receive(Y.encodeStateAsUpdate(copy, before), participantId, participantId);
    await server.flush();
    copy.destroy();
  }

  it('S25 numbers their updates one after the other; a copy fills a gap from the log, tells its clients, and folds the log only as far as it holds every update', async () => {
    const relayed: Uint8Array[] = [];
    const first = await open((updates) => relayed.push(...updates));
    const second = await open();
    await type(first, 'p-employer', 'A');
    // Alone on the log so far, the first copy folded it (everything up to seq 2 is in it).
    expect(await store.updates.checkpointSeq(documentId)).toBe(2);
    await type(second, 'p-union', 'B');
    // The first copy writes again: the log numbered the second copy's update (3) in between.
    await type(first, 'p-employer', 'C');
    // It lacks update 3: its checkpoint would stop at 2 (which the store has already).
    await first.compact();
    expect(await store.updates.checkpointSeq(documentId)).toBe(2);
    // Nothing relays it here: after a short wait the copy reads it from the log.
    await waitFor(() => firstParagraph(first.doc).toString().includes('B'), 'the first copy to read B from the log');
    expect(relayed).toHaveLength(1);
    await first.compact();
    expect(await store.updates.checkpointSeq(documentId)).toBe(4);
    first.destroy();
    second.destroy();
    // Everything both copies stored is in the document, read again.
    const reread = await open();
    const text = firstParagraph(reread.doc).toString();
    for (const typed of ['A', 'B', 'C']) expect(text).toContain(typed);
    reread.destroy();
  });

  it('S25 a copy far behind reads what it lacks from the log in bounded pages, and gets all of it', async () => {
    const pages: (number | undefined)[] = [];
    const log: Store['updates'] = {
      ...store.updates,
      updatesAfter: (id, seq, limit) => {
        pages.push(limit);
        return store.updates.updatesAfter(id, seq, limit);
      },
    };
    const behind = await open(() => undefined, { log });
    // The other copy stores 2,500 keystrokes, one update each, and folds none of them.
    const ahead = await open(() => undefined, { compactMinBytes: Number.MAX_SAFE_INTEGER });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ahead.doc));
    for (let index = 0; index < 2_500; index += 1) {
      const before = Y.encodeStateVector(copy);
      firstParagraph(copy).insert(0, 'x');
      ahead.receive(Y.encodeStateAsUpdate(copy, before), 'p-union', 'p-union');
    }
    await ahead.flush();
    // The copy behind writes: the log numbers its update after the 2,500 it lacks.
    await type(behind, 'p-employer', 'A');
    await waitFor(() => firstParagraph(behind.doc).toString().split('x').length - 1 === 2_500, 'the copy behind to have every keystroke', {
      timeoutMs: 20_000,
    });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((limit) => limit !== undefined && limit <= 1_000)).toBe(true);
    copy.destroy();
    ahead.destroy();
    behind.destroy();
  });

  it('S25 a batch relayed before one stored ahead of it is not dropped: the copy reads both from the log at once', async () => {
    const relayed: StoredBatch[] = [];
    const behind = await open();
    const ahead = await open(() => undefined, { compactMinBytes: Number.MAX_SAFE_INTEGER, onStored: (batch) => relayed.push(batch) });
    await type(ahead, 'p-union', 'B');
    await type(ahead, 'p-union', 'C');
    expect(relayed.map((batch) => [batch.first, batch.last])).toEqual([
      [2, 2],
      [3, 3],
    ]);
    // The relay brings the second batch first, and the first one never: the copy must not wait for
    // the next write or the periodic check to have both.
    behind.applyStored(relayed[1] as StoredBatch);
    await waitFor(() => firstParagraph(behind.doc).toString().startsWith('CB'), 'the copy to read both batches from the log', { timeoutMs: 2_000 });
    ahead.destroy();
    behind.destroy();
  });
});
