import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { contentRoot } from '#shared/document/yjsContent';
import { createFileWorkers } from '#main/export/fileWorkers';
import { createMemoryLogger } from '#main/logger';
import { randomId } from '#main/secrets';
import { openServices } from '#main/server/services';
import { createDocumentsService } from '#main/services/documentsService';
import type { Timers } from '#main/kernel/timers';
import type { ParticipantRecord } from '#main/store/records';
import type { DocumentRoom, RoomConnection } from '#main/sync/documentRoom';
import { createSyncServer } from '#main/sync/syncServer';
import { createHistoryService } from '#main/versions/historyService';
import { createVersionsService } from '#main/versions/versionsService';
import { BenchmarkError } from './benchmark';

/** Automatic versions never fire during a benchmark: it makes its versions itself. */
const idleTimers: Timers = { schedule: () => () => {} };

/**
 * A document in our real services (store, sync rooms, versions), held open by one participant's
 * connection without a socket: updates go in as the sync server receives them, versions are made
 * by the same service the API uses.
 */
export async function openVersionsRoom(folder: string, blocks: readonly TopLevelBlock[], title: string) {
  const { context, authentication } = await openServices(folder, createMemoryLogger(), { versioning: { timers: idleTimers } });
  const sync = createSyncServer({ context, authentication });
  const versions = createVersionsService(context, sync);
  // Comparisons draw their redlines in the file worker, as in the server.
  const workers = createFileWorkers();
  const history = createHistoryService(context, sync, versions, workers);
  const document = await createDocumentsService(context).create(
    { kind: 'enterprise_agreement', title, content: [...blocks], variables: {}, language: 'vi' },
    { kind: 'admin' },
  );
  const now = Date.now();
  const participant: ParticipantRecord = {
    id: randomId(),
    documentId: document.id,
    displayName: 'Chị Lan (Nhân sự)',
    side: 'employer',
    invitationId: null,
    joinedAt: now,
    revokedAt: null,
  };
  await context.store.participants.insert(participant, randomId(32));
  // Its updates are handed to the room directly: no frame ever waits for a server decision.
  const connection: RoomConnection = { participant, readOnly: false, send: () => {}, close: () => {}, readHeld: () => {} };
  let held: DocumentRoom | null = null;

  const room = async (): Promise<DocumentRoom> => {
    held ??= await sync.withRoom(document.id, (loaded) => {
      loaded.join(connection);
      return loaded;
    });
    return held;
  };

  return {
    context,
    sync,
    versions,
    history,
    documentId: document.id,
    participantId: participant.id,
    /** The loaded room (loaded now if it was not). */
    room,
    /** Applies clients' updates as the sync server does, then stores them (one group commit). */
    async receive(updates: readonly Uint8Array[]): Promise<void> {
      const loaded = await room();
      for (const update of updates) loaded.receiveUpdate(connection, update);
      await loaded.flush();
      if (!loaded.isAvailable) throw new BenchmarkError('the room failed while receiving updates');
    },
    /** Lets the room go: it closes (and compacts), as when the last person leaves. */
    async release(): Promise<void> {
      if (!held) return;
      held.leave(connection);
      held = null;
      await sync.withRoom(document.id, () => undefined);
    },
    async close(): Promise<void> {
      await workers.close();
      await sync.close();
      await context.store.close();
    },
  };
}

export type VersionsRoom = Awaited<ReturnType<typeof openVersionsRoom>>;

/** A client's copy of the document: its edits become the updates a client would send. */
export function clientCopy(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') updates.push(update);
  });
  return {
    doc,
    /** The updates made since the last call. */
    take(): Uint8Array[] {
      return updates.splice(0);
    },
  };
}

/** The Y.XmlText children (elements) of an element, in order. */
export function elementsOf(parent: Y.XmlText): Y.XmlText[] {
  return (parent.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
}

/** Every article element of a body, with its clauseId, in order. */
export function articleElements(doc: Y.Doc): { clauseId: string; element: Y.XmlText }[] {
  const found: { clauseId: string; element: Y.XmlText }[] = [];
  for (const block of elementsOf(contentRoot(doc))) {
    const type = block.getAttribute('type');
    const children = type === 'chapter' ? elementsOf(block) : [block];
    for (const child of children)
      if (child.getAttribute('type') === 'article') found.push({ clauseId: String(child.getAttribute('clauseId')), element: child });
  }
  return found;
}

/** A seeded generator (mulberry32): the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
