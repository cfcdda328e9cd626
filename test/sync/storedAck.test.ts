import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { messageType } from '#shared/sync/protocol';
import { databaseFileName } from '#main/server/dataFolder';
import { createUpdateLog } from '#main/store/sqlite/updateLog';
import { encodeStoredMarker } from '../../renderer/collab/storedAcks';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { openRawSocket, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket';
import { bodyParagraph } from '../helpers/bodyText';
import { waitFor } from '../helpers/waitFor';

/** Markers echoed by the server, in the order they arrived. */
function acknowledged(raw: RawSocket): number[] {
  return raw.frames.filter((frame) => frame[0] === messageType.storedAck).map((frame) => frame[1] ?? -1);
}

/** How many updates the document's log holds, read at once by another connection to the database file. */
function storedTailLength(dataFolder: string, documentId: string): number {
  const db = new Database(join(dataFolder, databaseFileName), { readonly: true });
  try {
    return createUpdateLog(db).load(documentId).tail.length;
  } finally {
    db.close();
  }
}

describe('S12 stored acknowledgements', () => {
  let harness: Harness;
  afterEach(async () => harness.dispose());

  it('echoes a marker only once every update sent before it is in the database; at once when nothing is pending', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan');
    const raw = openRawSocket(harness.server.url, document.id, employer.token);
    await raw.greeted();

    raw.socket.send(encodeStoredMarker(1));
    await waitFor(() => acknowledged(raw).includes(1), 'the marker sent with nothing pending to come back');

    const doc = new Y.Doc();
    Y.applyUpdate(doc, await harness.server.sync.withRoom(document.id, (room) => Y.encodeStateAsUpdate(room.doc)));
    const stored: number[] = [];
    doc.on('update', (update: Uint8Array) => {
      raw.socket.send(syncUpdateFrame(update));
    });
    const tailBefore = storedTailLength(harness.dataFolder, document.id);
    bodyParagraph(doc).insert(0, 'Điều khoản mới');
    raw.socket.send(encodeStoredMarker(2));
    raw.socket.on('message', (data: Buffer) => {
      // At the moment the acknowledgement arrives, the update must already be in the database.
      if (data[0] === messageType.storedAck && data[1] === 2) stored.push(storedTailLength(harness.dataFolder, document.id));
    });
    await waitFor(() => stored.length === 1, 'the marker sent after an update to come back');
    expect(stored[0]).toBe(tailBefore + 1);
    expect(acknowledged(raw)).toEqual([1, 2]);
    raw.socket.close();
  });
});
