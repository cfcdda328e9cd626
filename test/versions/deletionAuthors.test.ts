import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '#main/logger';
import type { Store } from '#main/store/port';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { PersistentDoc } from '#main/sync/persistentDoc';
import { createTempFolder } from '../helpers/tempFolder';

let folder: ReturnType<typeof createTempFolder>;
let store: Store;
const documentId = 'doc-deletions';

beforeEach(async () => {
  folder = createTempFolder();
  store = openSqliteStore(join(folder.path, 'thoa-uoc.sqlite'));
  await store.documents.insert({
    id: documentId,
    kind: 'enterprise_agreement',
    title: 'Thỏa ước',
    lifecycleState: 'drafting',
    createdAt: 1,
    updatedAt: 1,
    archivedAt: null,
  });
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

function open(): Promise<PersistentDoc<string>> {
  return PersistentDoc.open<string>({
    documentId,
    log: store.updates,
    logger: createMemoryLogger(),
    now: () => 1_800_000_000_000,
    onStored: () => {},
    onStorageFailure: (error) => {
      throw error;
    },
  });
}

/** Who deleted the item at `index` of the text, according to the document's records. */
function deletersAt(doc: PersistentDoc<string>, id: Y.ID): (string | null)[] {
  return [...doc.deletionAuthors()].filter(([, deleteSet]) => Y.isDeleted(deleteSet, id)).map(([author]) => author);
}

describe('S16 who deleted what survives restarts, crashes and compaction', () => {
  it('is known from the log tail after a crash (no compaction), then from deletion_authors after compaction', async () => {
    // Lan writes; Minh deletes part of Lan's words; the server itself deletes another part.
    const lan = new Y.Doc();
    const updates: Uint8Array[] = [];
    lan.on('update', (update: Uint8Array) => updates.push(update));
    lan.getText('content').insert(0, 'Thưởng Tết bằng một tháng lương.');
    const first = await open();
    first.receive(updates[0] as Uint8Array, 'p-lan', 'lan');
    await first.flush();
    const minh = new Y.Doc();
    Y.applyUpdate(minh, Y.encodeStateAsUpdate(lan));
    const fromMinh: Uint8Array[] = [];
    minh.on('update', (update: Uint8Array) => fromMinh.push(update));
    minh.getText('content').delete(16, 4); // "một "
    // A reconnecting client repeats deletions the server has: they stay Minh's, not Lan's.
    first.receive(fromMinh[0] as Uint8Array, 'p-minh', 'minh');
    first.receive(Y.encodeStateAsUpdate(minh), 'p-lan', 'lan');
    await first.change(null, (doc) => doc.getText('content').delete(0, 7)); // "Thưởng "
    const lanClient = lan.clientID;
    const wordOne = Y.createID(lanClient, 16);
    const wordBonus = Y.createID(lanClient, 0);
    expect(deletersAt(first, wordOne)).toEqual(['p-minh']);
    expect(deletersAt(first, wordBonus)).toEqual([null]);

    // A crash: the document is dropped without compaction; the next load reads the tail author by author.
    first.destroy();
    expect((await store.updates.load(documentId)).checkpoint).toBeNull();
    const afterCrash = await open();
    expect(deletersAt(afterCrash, wordOne)).toEqual(['p-minh']);
    expect(deletersAt(afterCrash, wordBonus)).toEqual([null]);
    expect(deletersAt(afterCrash, Y.createID(lanClient, 10))).toEqual([]);

    // Compaction drops the log; the records stay.
    await afterCrash.close();
    expect(await store.updates.load(documentId)).toMatchObject({ tail: [] });
    expect((await store.updates.deletionAuthors(documentId)).map((record) => record.participantId).sort()).toEqual(['p-minh', null].sort());
    const afterCompaction = await open();
    expect(afterCompaction.doc.getText('content').toString()).toBe('Tết bằng tháng lương.');
    expect(deletersAt(afterCompaction, wordOne)).toEqual(['p-minh']);
    expect(deletersAt(afterCompaction, wordBonus)).toEqual([null]);
    afterCompaction.destroy();
  });
});
