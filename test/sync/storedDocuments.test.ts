import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeDeleteSet, type DeleteSet } from '#shared/versions/deleteSets';
import { createMemoryLogger } from '#main/logger';
import { openStoreReader } from '#main/store/openStore';
import type { Store } from '#main/store/port';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { PersistentDoc } from '#main/sync/persistentDoc';
import { createStoredDocuments, type StoredDocument } from '#main/sync/storedDocument';
import { createTempFolder } from '../helpers/tempFolder';

// The file worker reads documents from the store beside the server (decision 0014), keeping the
// last one it read and applying only what was logged since at the next read. What it reads must
// be what the server's room holds: the text, who wrote with which client, who deleted what.

let folder: ReturnType<typeof createTempFolder>;
let store: Store;
let reader: Store;
const documentId = 'doc-read-beside';

beforeEach(async () => {
  folder = createTempFolder();
  store = openSqliteStore(join(folder.path, 'thoa-uoc.sqlite'));
  reader = openStoreReader(store.location);
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

/** The server's copy: compacted only when the test says so. */
function openRoom(): Promise<PersistentDoc<string>> {
  return PersistentDoc.open<string>({
    documentId,
    log: store.updates,
    logger: createMemoryLogger(),
    now: () => 1_800_000_000_000,
    onStored: () => {},
    onStorageFailure: (error) => {
      throw error;
    },
    compactMinBytes: Number.MAX_SAFE_INTEGER,
  });
}

/** A participant typing into their own copy; what they type goes to the server as they type it. */
function participant(room: PersistentDoc<string>, participantId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') room.receive(update, participantId, participantId);
  });
  return {
    doc,
    type(edit: (text: Y.Text) => void): Promise<void> {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(doc)), 'server');
      edit(doc.getText('content'));
      return room.flush();
    },
  };
}

/** What the file worker does: reads the document in one read-only transaction of its own store. */
function readBeside(documents: ReturnType<typeof createStoredDocuments>, id: string): Promise<StoredDocument> {
  return reader.transaction((tx) => documents.read(tx.updates, id), { readOnly: true });
}

const canonical = (deletions: Map<string | null, DeleteSet>): Record<string, string> =>
  Object.fromEntries(
    [...deletions]
      .filter(([, deleteSet]) => deleteSet.clients.size > 0)
      .map(([author, deleteSet]) => [String(author), Buffer.from(encodeDeleteSet(Y.mergeDeleteSets([deleteSet]))).toString('hex')]),
  );

/** What the worker read, as the room says it. */
function expectSameAs(read: StoredDocument, room: PersistentDoc<string>): void {
  expect(read.doc.getText('content').toString()).toBe(room.doc.getText('content').toString());
  expect(Y.encodeStateVector(read.doc)).toEqual(Y.encodeStateVector(room.doc));
  expect(Y.equalSnapshots(Y.snapshot(read.doc), Y.snapshot(room.doc))).toBe(true);
  expect(canonical(read.deletionAuthors())).toEqual(canonical(room.deletionAuthors()));
  for (const clientId of room.doc.store.clients.keys()) expect(read.ownerOfClient(clientId)).toBe(room.ownerOfClient(clientId));
}

describe('documents read from the store beside the server', () => {
  it('read what the room holds; the next read of the same document applies only what was logged since, unless a compaction folded the log', async () => {
    const room = await openRoom();
    const lan = participant(room, 'p-lan');
    const minh = participant(room, 'p-minh');
    await lan.type((text) => text.insert(0, 'Thưởng Tết bằng một tháng lương.'));
    await minh.type((text) => text.delete(16, 4));
    await room.change(null, (doc) => doc.getText('content').insert(0, 'Điều 4. '));
    const documents = createStoredDocuments();
    const first = await readBeside(documents, documentId);
    expectSameAs(first, room);

    // Logged since: applied to the document kept, each author's deletions theirs.
    await lan.type((text) => text.insert(text.length, ' Chi trước ngày 20 tháng Chạp.'));
    await minh.type((text) => text.delete(0, 8));
    const second = await readBeside(documents, documentId);
    expect(second.doc).toBe(first.doc);
    expectSameAs(second, room);

    // More typed, then folded into a new checkpoint with what the kept document had not read yet.
    await lan.type((text) => text.insert(text.length, ' Mức thưởng không thấp hơn năm trước.'));
    await room.compact();
    expect((await store.updates.load(documentId)).tail).toEqual([]);
    await minh.type((text) => text.delete(0, 6));
    const third = await readBeside(documents, documentId);
    expect(third.doc).not.toBe(first.doc);
    expectSameAs(third, room);
    room.destroy();
  });

  it('keep one document: reading another rebuilds, and reading the first again rebuilds it too', async () => {
    const room = await openRoom();
    await participant(room, 'p-lan').type((text) => text.insert(0, 'Thưởng Tết bằng một tháng lương.'));
    const otherId = 'doc-other';
    await store.documents.insert({
      id: otherId,
      kind: 'enterprise_agreement',
      title: 'Nội quy',
      lifecycleState: 'drafting',
      createdAt: 1,
      updatedAt: 1,
      archivedAt: null,
    });
    const documents = createStoredDocuments();
    const first = await readBeside(documents, documentId);
    const other = await readBeside(documents, otherId);
    expect(other.doc.getText('content').toString()).toBe('');
    const again = await readBeside(documents, documentId);
    expect(again.doc).not.toBe(first.doc);
    expectSameAs(again, room);
    room.destroy();
  });
});
