import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, encodeInitialContent } from '#shared/document/yjsContent';
import { createMemoryLogger } from '#main/logger';
import type { Store } from '#main/store/port';
import { openPostgresStore } from '#main/store/postgres/postgresStore';
import { PersistentDoc } from '#main/sync/persistentDoc';
import { paragraph } from '../editor/builders';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';

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
    await store.documents.insert({ id: documentId, kind: 'enterprise_agreement', title: 'Thỏa ước', lifecycleState: 'drafting', createdAt: 1, updatedAt: 1, archivedAt: null });
    await store.updates.append(documentId, [{ bytes: encodeInitialContent({ blocks: [paragraph('Điều khoản chung.')] }), participantId: null, at: 1 }]);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const open = (logger = createMemoryLogger()) =>
    PersistentDoc.open<string>({ documentId, log: store.updates, logger, now: () => 2, compactMinBytes: 1, onStored: () => undefined, onStorageFailure: (error) => { throw error; } });

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

  it('numbers their updates one after the other, and a copy that sees another write never folds the log into a checkpoint of itself', async () => {
    const firstLogger = createMemoryLogger();
    const first = await open(firstLogger);
    const second = await open();
    await type(first, 'p-employer', 'A');
    // Alone on the log so far, the first copy folded it (everything up to seq 2 is in it).
    expect(await store.updates.checkpointSeq(documentId)).toBe(2);
    await type(second, 'p-union', 'B');
    // The first copy writes again: the log numbered the second copy's update in between.
    await type(first, 'p-employer', 'C');
    expect(firstLogger.lines.some((line) => line.event === 'sync.log_shared')).toBe(true);
    // Compacting would fold B, which the first copy lacks, into a checkpoint without it.
    await first.compact();
    expect(await store.updates.checkpointSeq(documentId)).toBe(2);
    const stored = await store.updates.load(documentId);
    expect(stored.tail).toHaveLength(2);
    expect(stored.lastSeq).toBe(4);
    first.destroy();
    second.destroy();
    // Everything both copies stored is in the document, read again.
    const reread = await open();
    const text = firstParagraph(reread.doc).toString();
    for (const typed of ['A', 'B', 'C']) expect(text).toContain(typed);
    reread.destroy();
  });
});
