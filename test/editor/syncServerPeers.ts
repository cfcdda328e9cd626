import { join } from 'node:path';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { readContent } from '#shared/document/yjsContent';
import { createMemoryLogger } from '#main/logger';
import { openDatabase } from '#main/store/sqlite/database';
import { createSqliteStore } from '#main/store/sqlite/sqliteStore';
import { PersistentDoc } from '#main/sync/persistentDoc';
import { checkUpdates } from '#main/sync/writePolicy';
import { createTempFolder } from '../helpers/tempFolder';
import { settle, type Peer } from './peers';

const documentId = 'fixture-document';

/** What peers exchanging their changes through the server's document ended with. */
export interface ServerOutcome {
  /** The body the server held once everyone's changes had arrived. */
  served: TopLevelBlock[];
  /** The body read back from the SQLite file by a server opening it again (a restart). */
  afterRestart: TopLevelBlock[];
  /** The events the server logged, with their fields. */
  events: { event: string; fields: Record<string, unknown> }[];
}

/**
 * Exchanges the peers' changes through the sync server's document: a PersistentDoc on a real
 * SQLite file in a temporary folder, seeded with the peers' `seed`, judging updates by the body's
 * shape as the server does. Each peer's changes reach it in the order of `arrival` (all the peer
 * has, as a device relaying its offline copy sends it: a peer named twice sends it again), then
 * every peer receives what the server has. The server is then opened again on the same file.
 */
export async function syncThroughServer(peers: readonly Peer[], seed: Uint8Array, arrival: readonly number[]): Promise<ServerOutcome> {
  await settle();
  const folder = createTempFolder();
  const logger = createMemoryLogger();
  const store = createSqliteStore(openDatabase(join(folder.path, 'thoa-uoc.sqlite')));
  let tick = 1_800_000_000_000;
  // The body's shape and keystroke checks the server runs on every update (no variables are written here).
  const options = {
    documentId,
    log: store.updates,
    logger,
    admit: checkUpdates(() => null),
    now: () => (tick += 1),
    onStored: () => undefined,
    onStorageFailure: (error: unknown) => {
      throw error;
    },
  };
  // Destroyed whatever happens (a refused update throws with a batch still to store).
  const opened: PersistentDoc<string>[] = [];
  try {
    await store.documents.insert({
      id: documentId,
      kind: 'enterprise_agreement',
      title: 'Fixture',
      lifecycleState: 'drafting',
      createdAt: 1,
      updatedAt: 1,
      archivedAt: null,
    });
    await store.updates.append(documentId, [{ bytes: seed, participantId: null, at: tick }]);
    const server = await PersistentDoc.open<string>(options);
    opened.push(server);
    for (const index of arrival) {
      const peer = peers[index];
      if (peer) server.receive(Y.encodeStateAsUpdate(peer.doc), `participant-${index}`, `peer ${index}`);
    }
    await server.flush();
    for (const peer of peers) Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(server.doc, Y.encodeStateVector(peer.doc)), 'remote');
    await settle();
    const served = readContent(server.doc);
    await server.close();
    const restarted = await PersistentDoc.open<string>(options);
    opened.push(restarted);
    const afterRestart = readContent(restarted.doc);
    return { served, afterRestart, events: logger.lines.map(({ event, fields }) => ({ event, fields })) };
  } finally {
    for (const doc of opened) doc.destroy();
    await store.close();
    folder.remove();
  }
}
