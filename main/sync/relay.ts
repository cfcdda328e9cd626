import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * How server instances sharing one store tell each other what they stored and who is present
 * (hosted mode, decision 0018). An instance stores a batch of a document's updates first, then
 * publishes it; the others holding that document apply it and relay it to their own clients.
 * What is published is only ever a batch the store holds (numbered in the document's log), a
 * presence change, or a notice: never an answer meant for one client (a sync step 2), which a
 * copy further behind would apply without what it builds on.
 */

/** Updates of a document one instance stored, numbered `first` to `last` in its log. */
export interface RelayedBatch {
  /** The instance that stored them. */
  origin: string;
  first: number;
  last: number;
  updates: { bytes: Uint8Array; participantId: string | null }[];
}

/** What every instance must hear of at once. */
export type ClusterEvent =
  | { kind: 'participantRevoked'; documentId: string; participantId: string }
  | { kind: 'documentChanged'; documentId: string }
  | { kind: 'notice'; documentId: string; to: { side: 'employer' | 'union' } | { participantId: string }; topic: string };

export interface FollowHandlers {
  batch(batch: RelayedBatch): void;
  /** A presence update (y-protocols awareness) from another instance's clients. */
  awareness(update: Uint8Array): void;
}

export interface Relay {
  readonly instanceId: string;
  /**
   * Follows a document: from the moment the promise resolves, every batch other instances publish
   * for it (and their clients' presence) reaches `handlers`, until the returned function is called.
   * Call it before reading the document from the store, so that nothing stored in between is missed.
   */
  follow(documentId: string, handlers: FollowHandlers): Promise<() => void>;
  /** Tells the other instances of a batch this one stored. Never throws: a batch the relay loses is read from the log. */
  publishBatch(documentId: string, batch: Omit<RelayedBatch, 'origin'>): void;
  publishAwareness(documentId: string, update: Uint8Array): void;
  publishEvent(event: ClusterEvent): void;
  /** Listens to the events other instances publish. */
  onEvent(listener: (event: ClusterEvent) => void): () => void;
  close(): Promise<void>;
}

/** One instance alone on its store (the desktop app, server mode): nobody to tell. */
export function createLocalRelay(): Relay {
  return {
    instanceId: 'local',
    follow: async () => () => undefined,
    publishBatch: () => undefined,
    publishAwareness: () => undefined,
    publishEvent: () => undefined,
    onEvent: () => () => undefined,
    close: async () => undefined,
  };
}

/** A batch as published: its numbers, then each update with its author (empty: the server). */
export function encodeBatch(batch: Omit<RelayedBatch, 'origin'>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, batch.first);
  encoding.writeVarUint(encoder, batch.last);
  encoding.writeVarUint(encoder, batch.updates.length);
  for (const update of batch.updates) {
    encoding.writeVarString(encoder, update.participantId ?? '');
    encoding.writeVarUint8Array(encoder, update.bytes);
  }
  return encoding.toUint8Array(encoder);
}

/** Reads a published batch; throws on anything else (a damaged or foreign entry). */
export function decodeBatch(origin: string, bytes: Uint8Array): RelayedBatch {
  const decoder = decoding.createDecoder(bytes);
  const first = decoding.readVarUint(decoder);
  const last = decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  if (first < 1 || last < first || count !== last - first + 1) throw new Error(`a batch numbered ${first} to ${last} cannot hold ${count} updates`);
  const updates: RelayedBatch['updates'] = [];
  for (let index = 0; index < count; index += 1) {
    const participantId = decoding.readVarString(decoder);
    updates.push({ participantId: participantId === '' ? null : participantId, bytes: decoding.readVarUint8Array(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new Error('a batch with bytes after its updates');
  return { origin, first, last, updates };
}
