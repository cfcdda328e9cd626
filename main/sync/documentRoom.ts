import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate as encodeAwarenessStates, removeAwarenessStates } from 'y-protocols/awareness';
import { closeCodes, type CloseCode } from '#shared/sync/protocol';
import { keptAsDraftSentence } from '#shared/negotiation/keptAsDraft';
import { suggestionsRootName } from '#shared/negotiation/suggestions';
import type { Logger } from '#main/logger';
import type { ParticipantRecord } from '#main/store/records';
import type { UpdateLogStore } from '#main/store/port';
import { parseAwarenessUpdate, encodeAwarenessUpdate } from '#main/sync/awarenessEntries';
import {
  MalformedFrameError,
  encodeAwareness,
  encodePermissionDenied,
  encodeStoredAck,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '#main/sync/frames';
import { MissingDependenciesError, PersistentDoc, WriteRefusedError, isEmptyUpdate, type PendingUpdate } from '#main/sync/persistentDoc';
import { carriedArticle, carryInCopy, insertCarry, inWritingOrder, type Carry } from '#main/sync/movedEdits';
import { createLocalRelay, type Relay, type RelayedBatch } from '#main/sync/relay';
import { recordNewSuggestions, suggestionIdsWritten } from '#main/sync/suggestionMarks';
import { checkUpdates, type AgreedEdit, type WritePolicy } from '#main/sync/writePolicy';

/** What a room needs of one client socket. */
export interface RoomConnection {
  readonly participant: ParticipantRecord;
  readonly readOnly: boolean;
  send(frame: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
  /** Reads the frames that waited while the room held them (see DocumentRoom.exclusive). */
  readHeld(): void;
}

export interface DocumentRoomOptions {
  documentId: string;
  log: UpdateLogStore;
  logger: Logger;
  now: () => number;
  /** Whether the document refuses every write (archived; later, signed). */
  isFrozen: () => boolean;
  /** Called once per connection on its first refused write (for the audit log). */
  onWriteRefused: (connection: RoomConnection, reason: string) => void;
  /**
   * Called when a participant's update is refused because it edits what both sides agreed, with
   * the document as that update would have left it (a copy): the edit is kept as their drafts.
   */
  onAgreedEditRefused?: (participantId: string, edit: AgreedEdit, attempted: Y.Doc) => Promise<void>;
  /** Called after clients' updates are stored, with the participants who sent them. */
  onEdited?: (documentId: string, participantIds: ReadonlySet<string>) => void;
  /** Called when the room can no longer serve and must be dropped. */
  onFailed: (room: DocumentRoom) => void;
  compactMinBytes?: number;
  /** What clients may change through sync (see writePolicy.ts); everything when absent. */
  writePolicy?: WritePolicy;
  /** Where the other server instances on this store hear of what this room stores (hosted mode); none when absent. */
  relay?: Relay;
}

/** Marks presence relayed from another instance (applied here, never published again). */
const relayedPresence = Symbol('relayed-presence');

/** Presence changes of this instance's clients go to the other instances at most this often, coalesced by client. */
const presenceIntervalMs = 100;

/** Awareness client ids one socket may announce (a tab reconnecting keeps its id). */
const maxAwarenessClientsPerConnection = 8;

/**
 * One loaded document and everyone connected to it: applies their updates, stores them before
 * broadcasting them, and relays awareness (presence) with the participant's verified identity.
 */
export class DocumentRoom {
  readonly documentId: string;
  readonly connections = new Set<RoomConnection>();
  private readonly awareness: Awareness;
  private readonly awarenessOwners = new Map<number, RoomConnection>();
  private readonly refusedOnce = new WeakSet<RoomConnection>();
  /** Connections asked to send what they lack since their last applied update (asked once, not per update). */
  private readonly askedToResend = new WeakSet<RoomConnection>();
  private receiving: RoomConnection | null = null;
  /** Stored acknowledgements waiting for their updates: sent once `persistent.stored` reaches `through`. */
  private awaitingStore: { connection: RoomConnection; marker: number; through: number }[] = [];
  private failed = false;
  private closed = false;
  /** Callers using the room through the API (withRoom) right now: it is not closed under them. */
  users = 0;
  /** The server decisions taken on this room, one after the other (see exclusive). */
  private decisions: Promise<unknown> = Promise.resolve();
  /** Whether a decision is being taken: clients' frames wait (each connection keeps its own, in order). */
  private holding = false;

  /** Relayed batches that came while a decision was being taken (applied once it is). */
  private heldRelayed: RelayedBatch[] = [];
  /** Clients of this instance whose presence changed since it was last published to the others. */
  private presenceChanged = new Set<number>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private stopFollowing: () => void = () => undefined;

  /**
   * Reads the document from the store and opens its room. The room follows what other instances
   * store first (the relay), so that nothing stored between the reading and the following is missed.
   */
  static async open(options: DocumentRoomOptions): Promise<DocumentRoom> {
    let room: DocumentRoom | null = null;
    const early: RelayedBatch[] = [];
    const relay = options.relay ?? createLocalRelay();
    const stopFollowing = await relay.follow(options.documentId, {
      batch: (batch) => (room ? room.applyRelayed(batch) : early.push(batch)),
      awareness: (update) => room?.applyRelayedAwareness(update),
    });
    try {
      const persistent = await PersistentDoc.open<RoomConnection>({
        documentId: options.documentId,
        log: options.log,
        logger: options.logger,
        now: options.now,
        compactMinBytes: options.compactMinBytes,
        admit: checkUpdates(options.writePolicy ?? (() => null)),
        onStored: (batch, lastSeq) => room?.broadcastStored(batch, lastSeq),
        onRelayed: (updates) => room?.broadcastRelayed(updates),
        onLostIntoAgreed: (author, carries) => void room?.keepLostIntoAgreed(author, carries),
        onStorageFailure: (error) => {
          if (!room) throw error;
          room.fail('storage', error);
        },
      });
      room = new DocumentRoom(options, persistent);
    } catch (error) {
      stopFollowing();
      throw error;
    }
    room.stopFollowing = stopFollowing;
    for (const batch of early) room.applyRelayed(batch);
    return room;
  }

  private constructor(
    private readonly options: DocumentRoomOptions,
    private readonly persistent: PersistentDoc<RoomConnection>,
  ) {
    this.documentId = options.documentId;
    this.awareness = new Awareness(this.persistent.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const frame = encodeAwareness(encodeAwarenessStates(this.awareness, changed));
      // Everyone, the sender included: it learns its stamped identity, and an otherwise idle
      // client still hears from the server (the stock provider reconnects after 30 s of silence).
      for (const connection of this.connections) connection.send(frame);
      // Presence of this instance's clients goes to the other instances, coalesced.
      if (origin !== relayedPresence) this.notePresence(changed.filter((clientId) => clientId !== this.doc.clientID));
    });
  }

  /** Publishes the latest presence of the clients noted, at most every `presenceIntervalMs`. */
  private notePresence(clientIds: readonly number[]): void {
    if (clientIds.length === 0 || !this.options.relay) return;
    for (const clientId of clientIds) this.presenceChanged.add(clientId);
    this.presenceTimer ??= setTimeout(() => this.publishPresence(), presenceIntervalMs);
  }

  private publishPresence(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    if (this.presenceChanged.size === 0) return;
    const clientIds = [...this.presenceChanged];
    this.presenceChanged.clear();
    this.options.relay?.publishAwareness(this.documentId, encodeAwarenessStates(this.awareness, clientIds));
  }

  /** Presence of another instance's clients: shown to this room's clients, not published again. */
  private applyRelayedAwareness(update: Uint8Array): void {
    if (this.closed) return;
    try {
      applyAwarenessUpdate(this.awareness, update, relayedPresence);
    } catch (error) {
      this.options.logger.log('warn', 'relay.bad_presence', { document: this.documentId, error });
    }
  }

  /** A batch another instance stored: applied now, or once the decision under way is taken. */
  private applyRelayed(batch: RelayedBatch): void {
    if (this.failed || this.closed) return;
    if (this.holding) this.heldRelayed.push(batch);
    else this.persistent.applyStored(batch);
  }

  /** What other instances stored, applied to this copy: its clients get it like any stored update. */
  private broadcastRelayed(updates: readonly Uint8Array[]): void {
    for (const update of updates) {
      const frame = encodeSyncUpdate(update);
      for (const connection of this.connections) connection.send(frame);
    }
  }

  /** Reads from the log what other instances stored and the relay did not bring (a periodic check). */
  catchUp(): Promise<void> {
    return this.failed || this.closed ? Promise.resolve() : this.persistent.catchUp();
  }

  get doc(): Y.Doc {
    return this.persistent.doc;
  }

  /** Whether clients' frames must wait (a decision is being taken: see exclusive). */
  get isHolding(): boolean {
    return this.holding;
  }

  /** Greets a new connection with the server's state vector and everyone's presence. */
  join(connection: RoomConnection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(encodeAwareness(encodeAwarenessStates(this.awareness, present)));
  }

  /** Drops a connection; its presence disappears for everyone at once. */
  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return;
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === connection).map(([id]) => id);
    for (const id of owned) this.awarenessOwners.delete(id);
    removeAwarenessStates(this.awareness, owned, null);
  }

  /** Whether nobody uses the room: no connection, no API call under way. */
  get isEmpty(): boolean {
    return this.connections.size === 0 && this.users === 0;
  }

  /** Whether the room still serves (it has neither failed nor been closed). */
  get isAvailable(): boolean {
    return !this.failed && !this.closed;
  }

  /**
   * The answer to a sync step 1: everything the document has beyond the state vector, or null
   * when the room can no longer serve.
   */
  async syncStep2For(stateVector: Uint8Array): Promise<Uint8Array | null> {
    // The answer is encoded from the in-memory document: store what is pending first, or a
    // client joining mid-burst would see updates a crash could still lose (see decision 0002).
    // What arrives while that is stored is stored before the answer too.
    while (!this.failed && this.persistent.stored < this.persistent.received) await this.persistent.flush();
    if (this.failed || this.closed) return null;
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /** Applies a client's update; refused (not applied, not stored) for read-only participants. */
  receiveUpdate(connection: RoomConnection, update: Uint8Array): void {
    if (this.failed) return;
    const refusal = connection.readOnly ? 'reviewers can read but not edit' : this.options.isFrozen() ? 'this document no longer accepts changes' : null;
    if (refusal) {
      if (this.wouldChange(update)) this.refuse(connection, refusal);
      return;
    }
    try {
      this.receiving = connection;
      if (this.persistent.receive(update, connection.participant.id, connection)) {
        this.askedToResend.delete(connection);
        this.recordSuggestions(connection, update);
      }
    } catch (error) {
      if (error instanceof MissingDependenciesError) this.answerMissingDependencies(connection, error.message);
      else if (error instanceof WriteRefusedError && error.agreedEdit) void this.keepAgreedEdit(connection, update, error.agreedEdit, error.message);
      else if (error instanceof WriteRefusedError) this.refuse(connection, error.message);
      else throw error;
    } finally {
      this.receiving = null;
    }
  }

  /**
   * A suggestion belongs to whoever's socket first brought its id (decision 0024): the server
   * records the new ids of an accepted update in a change of its own, stored with the update.
   */
  private recordSuggestions(connection: RoomConnection, update: Uint8Array): void {
    const { participant } = connection;
    const { side } = participant;
    if (side === 'reviewer') return;
    const ids = suggestionIdsWritten(Y.decodeUpdate(update), () => false, this.doc);
    const records = this.doc.getMap<unknown>(suggestionsRootName);
    for (const id of ids) if (records.has(id)) ids.delete(id);
    if (ids.size === 0) return;
    const at = new Date(this.options.now()).toISOString();
    this.persistent
      .change(null, (doc) => recordNewSuggestions(doc, ids, { id: participant.id, displayName: participant.displayName, side }, at))
      .catch((error: unknown) => this.fail('storage', error));
  }

  /**
   * Whether an update holds anything the document lacks. A reconnecting stock client answers the
   * server's sync step 1 with its whole delete set even when it changed nothing: that is no
   * write attempt, and must not be refused (or audited) as one.
   */
  private wouldChange(update: Uint8Array): boolean {
    if (isEmptyUpdate(update)) return false;
    try {
      return !Y.snapshotContainsUpdate(Y.snapshot(this.doc), update);
    } catch (error) {
      throw new MalformedFrameError(`invalid Yjs update (${(error as Error).message})`);
    }
  }

  /**
   * An update built on changes the server lacks. After a refusal, it builds on the refused change
   * (the application then reloads the document; a stock client must). Otherwise it is no
   * refusal: a client that reconnects and types before it has answered the server's sync step 1
   * sends edits resting on offline ones it has not sent yet, and the server's state vector (sync
   * step 1) makes any client answer with everything the server lacks, this update included.
   */
  private answerMissingDependencies(connection: RoomConnection, reason: string): void {
    if (this.refusedOnce.has(connection))
      return this.refuse(connection, 'this change builds on an earlier change that the server refused; reload the document to go on');
    if (this.askedToResend.has(connection)) return;
    this.askedToResend.add(connection);
    this.options.logger.log('info', 'sync.resend_asked', { document: this.documentId, participant: connection.participant.id, reason });
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  /**
   * An edit of what both sides agreed is refused, but never lost (an offline edit arriving after
   * the agreement, say): the document as it would have become goes to whoever keeps it as the
   * author's drafts, and the author is told.
   */
  private async keepAgreedEdit(connection: RoomConnection, update: Uint8Array, edit: AgreedEdit, reason: string): Promise<void> {
    const attempted = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(attempted, Y.encodeStateAsUpdate(this.doc));
      Y.applyUpdate(attempted, update);
      await this.options.onAgreedEditRefused?.(connection.participant.id, edit, attempted);
    } finally {
      attempted.destroy();
    }
    this.refuse(connection, `${reason}. ${keptAsDraftSentence}`);
  }

  /**
   * Text typed in an article's old copy, unseen by whoever replaced it, whose copy is agreed since
   * (S23, decision 0026): it is not written into the agreed text but kept as its author's draft, the
   * way a refused edit of an agreed article is, and the author is told by the drafts notice.
   */
  private async keepLostIntoAgreed(author: string | null, carries: readonly Carry[]): Promise<void> {
    const clauseIds = [...new Set(carries.flatMap((carry) => carriedArticle(carry) ?? []))];
    this.options.logger.log('info', 'sync.moved_edit_kept_as_draft', { document: this.documentId, participant: author, articles: clauseIds.length });
    if (author === null) return;
    const attempted = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(attempted, Y.encodeStateAsUpdate(this.doc));
      attempted.transact(() => {
        for (const carry of inWritingOrder(carries)) {
          const copied = carryInCopy(carry, attempted);
          if (copied) insertCarry(copied);
        }
      });
      await this.options.onAgreedEditRefused?.(author, { clauseIds, variableIds: [] }, attempted);
    } catch (error) {
      this.options.logger.log('error', 'sync.moved_edit_draft_failed', { document: this.documentId, participant: author, error });
    } finally {
      attempted.destroy();
    }
  }

  private refuse(connection: RoomConnection, reason: string): void {
    connection.send(encodePermissionDenied(reason));
    if (this.refusedOnce.has(connection)) return;
    this.refusedOnce.add(connection);
    this.options.logger.log('warn', 'sync.write_refused', {
      document: this.documentId,
      participant: connection.participant.id,
      side: connection.participant.side,
      reason,
    });
    this.options.onWriteRefused(connection, reason);
  }

  private broadcastStored(batch: readonly PendingUpdate<RoomConnection>[], lastSeq: number): void {
    // The other instances first (they relay it to their clients), then this one's.
    this.options.relay?.publishBatch(this.documentId, {
      first: lastSeq - batch.length + 1,
      last: lastSeq,
      updates: batch.map(({ bytes, participantId }) => ({ bytes, participantId })),
    });
    for (const update of batch) {
      const frame = encodeSyncUpdate(update.bytes);
      for (const connection of this.connections) if (connection !== update.origin) connection.send(frame);
    }
    const stored = this.persistent.stored;
    const acknowledged = this.awaitingStore.filter(({ through }) => through <= stored);
    this.awaitingStore = this.awaitingStore.filter(({ through }) => through > stored);
    for (const { connection, marker } of acknowledged) connection.send(encodeStoredAck(marker));
    // Who reacts to the stored edits (automatic versions) may change the document in turn: that
    // happens after this broadcast, never nested inside it.
    const editors = new Set<string>();
    for (const update of batch) if (update.origin !== null && update.participantId !== null) editors.add(update.participantId);
    if (editors.size > 0) queueMicrotask(() => this.options.onEdited?.(this.documentId, editors));
  }

  /** Whether a participant still has a connection to this room. */
  hasParticipant(participantId: string): boolean {
    for (const connection of this.connections) if (connection.participant.id === participantId) return true;
    return false;
  }

  /** Who deleted what in this document (see PersistentDoc.deletionAuthors). */
  deletionAuthors(): ReturnType<PersistentDoc<RoomConnection>['deletionAuthors']> {
    return this.persistent.deletionAuthors();
  }

  /** Which participant first wrote with a Yjs client id (null: the host or the server; undefined: unknown). */
  ownerOfClient(clientId: number): string | null | undefined {
    return this.persistent.ownerOfClient(clientId);
  }

  /**
   * Echoes a client's marker once everything it sent before the marker is stored: at once when
   * nothing is pending, otherwise right after the pending batch commits.
   */
  acknowledgeWhenStored(connection: RoomConnection, marker: number): void {
    const through = this.persistent.received;
    if (this.persistent.stored < through) this.awaitingStore.push({ connection, marker, through });
    else connection.send(encodeStoredAck(marker));
  }

  /**
   * Relays presence. Each connection may only speak for the awareness client ids it introduced,
   * and the server stamps every state with the participant's verified name and side.
   */
  receiveAwareness(connection: RoomConnection, update: Uint8Array): void {
    const { participant } = connection;
    const entries = parseAwarenessUpdate(update).filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner === connection) return true;
      if (owner !== undefined || entry.clientId === this.doc.clientID) return false;
      const ownedCount = [...this.awarenessOwners.values()].filter((o) => o === connection).length;
      if (ownedCount >= maxAwarenessClientsPerConnection) return false;
      this.awarenessOwners.set(entry.clientId, connection);
      // A stock client's presence id is its Yjs client id: it is this participant's from now on.
      if (!connection.readOnly) this.persistent.claimClient(entry.clientId, participant.id);
      return true;
    });
    if (entries.length === 0) return;
    const stamped = entries.map((entry) => ({
      ...entry,
      state: entry.state && { ...entry.state, participant: { id: participant.id, name: participant.displayName, side: participant.side } },
    }));
    applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(stamped), connection);
  }

  sendAwareness(connection: RoomConnection): void {
    const present = [...this.awareness.getStates().keys()];
    connection.send(encodeAwareness(encodeAwarenessStates(this.awareness, present)));
  }

  /** Closes every connection of a participant (revoked token). */
  closeParticipant(participantId: string, code: CloseCode, reason: string): void {
    for (const connection of [...this.connections]) {
      if (connection.participant.id !== participantId) continue;
      this.options.logger.log('warn', 'sync.participant_closed', { document: this.documentId, participant: participantId, code, reason });
      connection.close(code, reason);
    }
  }

  /** Stores what is pending and writes a checkpoint; the room can then be dropped. */
  async close(): Promise<void> {
    // Reached twice when a failing room's last connection leaves before onFailed runs.
    if (this.closed) return;
    this.closed = true;
    this.stopFollowing();
    this.publishPresence();
    this.awareness.destroy();
    if (this.failed) this.persistent.destroy();
    else await this.persistent.close();
  }

  /**
   * Takes a server decision that reads and writes over several steps (a lifecycle step: the rules
   * read the text, its facts are written, a version is made of it): decisions on this room take
   * turns, and what clients send meanwhile waits, to be applied (or refused) once it is taken. The
   * text a decision reads is then the text it records.
   */
  exclusive<T>(decide: () => Promise<T>): Promise<T> {
    const taken = this.decisions.then(async () => {
      this.holding = true;
      try {
        return await decide();
      } finally {
        this.holding = false;
        const relayed = this.heldRelayed.splice(0);
        for (const batch of relayed) this.applyRelayed(batch);
        for (const connection of [...this.connections]) connection.readHeld();
      }
    });
    this.decisions = taken.catch(() => undefined);
    return taken;
  }

  /** A change made by the server (through the API), stored, then sent to everyone connected. */
  async change(participantId: string | null, apply: (doc: Y.Doc) => void): Promise<boolean> {
    if (this.failed || this.closed) throw new Error('the document is unavailable; try again');
    return this.persistent.change(participantId, apply);
  }

  /** Stores pending updates now (before a version, before the file worker reads the store, at shutdown; tests). */
  flush(): Promise<void> {
    return this.persistent.flush();
  }

  /**
   * Gives up on the in-memory state after a storage or integrity failure: every client is
   * disconnected and will resend, on reconnection, whatever the stored state lacks.
   */
  fail(cause: string, error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.logger.log('error', 'sync.room_failed', { document: this.documentId, cause, error });
    for (const connection of [...this.connections]) connection.close(closeCodes.storageFailure, 'the server could not store the document; reconnect');
    this.options.onFailed(this);
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
