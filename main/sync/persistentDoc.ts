import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { DeleteSet } from '#shared/versions/deleteSets';
import type { ClientSighting, LoggedUpdate, StoredDocumentState } from '#main/store/records';
import type { UpdateLogStore } from '#main/store/port';
import { DeletionJournal, type DeletionAuthor } from '#main/sync/deletionJournal';
import type { Logger } from '#main/logger';
import { MalformedFrameError } from '#main/sync/frames';
import { dropPending, replayStoredState } from '#main/sync/storedDocument';
import { AppliedSeqs } from '#main/sync/appliedSeqs';
import { integrationOf } from '#main/sync/updateDependencies';
import type { AdmissionCheck, AgreedEdit } from '#main/sync/writePolicy';
import { editsLostToMoves, insertCarry, inWritingOrder, type Carry } from '#main/sync/movedEdits';

/** An update applied in memory, waiting for its transaction; `origin` is who sent it (null: the server). */
export interface PendingUpdate<Origin> extends LoggedUpdate {
  origin: Origin | null;
}

/** Marks the transactions the server makes itself (API changes), as opposed to clients' updates. */
export const serverChangeOrigin = Symbol('server-change');

/** Marks the transactions that apply what another server instance stored. */
const storedElsewhereOrigin = Symbol('stored-elsewhere');

/** Updates read from the log at once when a copy catches up: one far behind reads it in bounded pages. */
const catchUpPageSize = 1000;

export interface PersistentDocOptions<Origin> {
  documentId: string;
  log: UpdateLogStore;
  logger: Logger;
  now: () => number;
  /** Runs after a batch is durably stored: only then may it be broadcast. */
  onStored: (batch: readonly PendingUpdate<Origin>[], lastSeq: number) => void;
  /** Runs when a batch could not be stored; the in-memory document must then be discarded. */
  onStorageFailure: (error: unknown) => void;
  /** Compact once the log tail holds at least this many bytes (and at least the checkpoint's size). */
  compactMinBytes?: number;
  /** Whether an otherwise valid update may be applied (server-owned parts, invalid values...). */
  admit?: AdmissionCheck;
  /**
   * Runs after updates other server instances stored were applied to this copy (relayed to it, or
   * read from the log to fill a gap): they are stored already, and only its clients lack them.
   */
  onRelayed?: (updates: readonly Uint8Array[]) => void;
  /**
   * Runs with the text a move deleted unseen whose moved copy is agreed since (S23, decision
   * 0026): not written into the agreed text, it is its author's to keep as a draft.
   */
  onLostIntoAgreed?: (author: string | null, carries: readonly Carry[]) => void;
  /** How long a gap in the updates this copy holds may wait for the relay before the log is read (default 250 ms). */
  gapWaitMs?: number;
}

/** Updates another instance stored, numbered `first` to `last` in the document's log. */
export interface StoredBatch {
  first: number;
  last: number;
  updates: readonly { bytes: Uint8Array; participantId: string | null }[];
}

/**
 * A well-formed update that builds on changes the document does not have (a gap in its client's
 * clocks, or neighbours nobody has sent): nothing was changed; the client is asked for what it lacks.
 */
export class MissingDependenciesError extends Error {
  constructor(first: string) {
    super(`the update builds on changes the server does not have (first: ${first})`);
    this.name = 'MissingDependenciesError';
  }
}

/** A well-formed update the server will not apply; nothing was changed. */
export class WriteRefusedError extends Error {
  constructor(
    reason: string,
    /** When it edits what both sides agreed: which articles and values (the edit becomes a draft). */
    readonly agreedEdit?: AgreedEdit,
  ) {
    super(reason);
    this.name = 'WriteRefusedError';
  }
}

/** An update carrying nothing (no structs, no deletions), as sync step 2 often is. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * Throws unless every reference an item makes to its own client (origin, right origin, parent)
 * points before the item. Yjs writes items of one client in clock order, so a well-formed update
 * never does otherwise; applyUpdate assumes it and throws midway (after integrating the items
 * before) when it is not so, even when the client is already known and a trial on an empty
 * document would only leave the update pending.
 */
function assertNoForwardReferences(structs: readonly DecodedStruct[]): void {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    assertWrittenBefore(struct.origin, client, clock);
    assertWrittenBefore(struct.rightOrigin, client, clock);
    assertWrittenBefore(parent, client, clock);
  }
}

function assertWrittenBefore(reference: Y.ID | null, client: number, clock: number): void {
  if (reference !== null && reference.client === client && reference.clock >= clock) {
    throw new Error(`item ${client}:${clock} refers to ${reference.client}:${reference.clock}, which its client had not written before it`);
  }
}

/** Whether an update holds the first struct of some client (clock 0). */
function startsAClient(structs: readonly DecodedStruct[]): boolean {
  for (const struct of structs) if (struct.id.clock === 0) return true;
  return false;
}

/** Applies an update to a throwaway document, throwing what applying it would throw. */
function trialApply(update: Uint8Array): void {
  // A fixed guid: a random one costs 31 calls to the system's random source.
  const trial = new Y.Doc({ gc: false, guid: 'persistent-doc-trial' });
  try {
    Y.applyUpdate(trial, update);
  } finally {
    trial.destroy();
  }
}

/** What a document's room reads from the store before it serves anyone. */
interface LoadedDocument {
  stored: StoredDocumentState;
  deletions: Awaited<ReturnType<UpdateLogStore['deletionAuthors']>>;
  clients: Map<number, string | null>;
}

/**
 * A document's Yjs state kept in memory with garbage collection off (so that past versions can
 * be rebuilt), backed by the update log. Incoming updates are applied at once and stored together
 * (group commit): one batch at a time, holding whatever arrived while the previous one was being
 * written; `onStored` hears of a batch only after the store has it.
 */
export class PersistentDoc<Origin> {
  readonly doc = new Y.Doc({ gc: false });
  /** Which logged updates this copy holds: its own, and those other instances stored (see applyStored). */
  private readonly applied: AppliedSeqs;
  /** The seq the log gave the last update this copy stored. */
  private lastStoredSeq = 0;
  /** Reading the log to fill a gap, once it has waited `gapWaitMs` for the relay. */
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private tailBytes: number;
  private tailCount: number;
  private checkpointBytes: number;
  /** The seq of the checkpoint this copy read or wrote last. */
  private checkpointSeq: number;
  private pending: PendingUpdate<Origin>[] = [];
  private sightings: ClientSighting[] = [];
  private flushScheduled: ReturnType<typeof setImmediate> | null = null;
  /** The store's work under way (a batch, a checkpoint), one piece after the other. */
  private storing: Promise<void> = Promise.resolve();
  /** Updates received so far, and how many of them are stored (see storedThrough). */
  private receivedCount = 0;
  private storedCount = 0;
  private readonly clientOwners: Map<number, string | null>;
  private readonly compactMinBytes: number;
  private storageFailed = false;
  /** Set by destroy(): nothing more is stored or reported. */
  private destroyed = false;
  private readonly deletions: DeletionJournal;
  /** The Yjs client id the server writes with on behalf of each participant (see change()). */
  private readonly serverClients = new Map<string | null, number>();
  /** The same client ids, to look one up. */
  private readonly serverClientIds = new Set<number>();
  /** While a client's update is applied: its deletions, and the text its transactions lost to moves. */
  private applying: { origin: Origin; deletions: ReturnType<typeof Y.decodeUpdate>['ds']; lost: Carry[]; intoAgreed: Carry[] } | null = null;

  /** Reads the document from the store and rebuilds it in memory. */
  static async open<Origin>(options: PersistentDocOptions<Origin>): Promise<PersistentDoc<Origin>> {
    const { log, documentId } = options;
    const [stored, deletions, clients] = await Promise.all([log.load(documentId), log.deletionAuthors(documentId), log.clients(documentId)]);
    const persistent = new PersistentDoc(options, { stored, deletions, clients });
    await persistent.storing;
    return persistent;
  }

  private constructor(
    private readonly options: PersistentDocOptions<Origin>,
    loaded: LoadedDocument,
  ) {
    const { stored } = loaded;
    this.deletions = new DeletionJournal(loaded.deletions);
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => this.deletions.note(transaction));
    // Read before Yjs merges the transaction's items: which characters its update did not delete.
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (this.applying === null || transaction.origin !== this.applying.origin) return;
      const { carries, intoAgreed } = editsLostToMoves(transaction, this.applying.deletions);
      this.applying.lost.push(...carries);
      this.applying.intoAgreed.push(...intoAgreed);
    });
    // What a stored log left pending would otherwise strike again at every load (see receive).
    const cleaned = replayStoredState(this.doc, this.deletions, stored);
    this.applied = new AppliedSeqs(stored.lastSeq);
    this.tailBytes = stored.tailBytes;
    this.tailCount = stored.tail.length;
    this.checkpointBytes = stored.checkpoint?.state.length ?? 0;
    this.checkpointSeq = stored.checkpoint?.seq ?? 0;
    this.clientOwners = loaded.clients;
    this.compactMinBytes = options.compactMinBytes ?? 256 * 1024;
    if (cleaned.structs || cleaned.deletions) {
      options.logger.log('warn', 'sync.log_cleaned', { document: options.documentId, pendingStructs: cleaned.structs, futureDeletions: cleaned.deletions });
      // A checkpoint of the clean state replaces what held them, so that they are never replayed.
      this.storing = this.writeCheckpoint(true);
    }
  }

  /**
   * Validates and applies an update from a participant, queueing what it adds for storage.
   * Returns false when it added nothing (nothing to store). Throws, changing nothing,
   * MalformedFrameError when the update cannot be decoded, WriteRefusedError when the write policy
   * refuses it, and MissingDependenciesError when it builds on changes the document does not have.
   */
  receive(update: Uint8Array, participantId: string | null, origin: Origin): boolean {
    if (isEmptyUpdate(update)) return false;
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
      const { structs } = decoded;
      // decodeUpdate accepts some updates that applyUpdate throws on halfway, after changing the
      // document: an item referring to an item its own client has not written before it (Yjs
      // takes such references as present and fails to find them). Checked here for every update.
      assertNoForwardReferences(structs);
      // A trial on an empty document catches whatever else would throw before it touches this
      // one. An empty document integrates only clients whose structs start at clock 0 (any other
      // struct waits as pending), so the trial can only fail then: it runs once per new client,
      // not once per keystroke (it costs a Y.Doc, ~250 µs here, more than the rest of receive).
      if (startsAClient(structs)) trialApply(update);
    } catch (error) {
      throw new MalformedFrameError(`invalid Yjs update (${(error as Error).message})`);
    }
    const impersonated = this.clientOfAnother(decoded.structs, participantId);
    if (impersonated !== null) throw new WriteRefusedError(`this change is written under a client id (${impersonated}) that belongs to another participant`);
    const integration = integrationOf(decoded, this.doc);
    const refusal = this.options.admit?.({ bytes: update, decoded, participantId }, this.doc, integration.isWaiting) ?? null;
    if (refusal !== null) throw new WriteRefusedError(refusal.reason, refusal.agreedEdit);
    // Yjs would keep what it cannot place yet pending in the document and apply it whenever the
    // missing pieces arrive, from whoever sends them: nothing pending is ever accepted.
    const { waiting } = integration;
    if (waiting !== null) throw new MissingDependenciesError(`${waiting.id.client}:${waiting.id.clock}`);
    let added: Uint8Array | null = update;
    const lost: Carry[] = [];
    const intoAgreed: Carry[] = [];
    this.applying = { origin, deletions: decoded.ds, lost, intoAgreed };
    try {
      if (integration.exactlyNew) this.deletions.by(participantId, () => Y.applyUpdate(this.doc, update, origin));
      else added = this.applyAndCapture(update, participantId, origin);
    } finally {
      this.applying = null;
    }
    this.leaveNothingPending(participantId);
    if (added === null) return false;
    const at = this.options.now();
    this.noteClients(decoded.structs, participantId, at);
    // Only what the update added is stored and relayed: a device relaying its whole offline copy
    // would otherwise add the whole document to the log and to every peer's socket.
    this.pending.push({ bytes: added, participantId, at, origin });
    this.receivedCount += 1;
    if (lost.length > 0) this.carryIntoMovedCopies(lost);
    if (intoAgreed.length > 0) this.keepLostIntoAgreed(intoAgreed);
    this.flushScheduled ??= setImmediate(() => void this.flush());
    return true;
  }

  /** Hands text lost into an article agreed since to whoever keeps it for its authors, one call per author. */
  private keepLostIntoAgreed(intoAgreed: readonly Carry[]): void {
    const byAuthor = new Map<string | null, Carry[]>();
    for (const carry of intoAgreed) {
      const author = this.clientOwners.get(carry.client) ?? null;
      byAuthor.set(author, [...(byAuthor.get(author) ?? []), carry]);
    }
    for (const [author, carries] of byAuthor) this.options.onLostIntoAgreed?.(author, carries);
  }

  /**
   * Writes text a move deleted unseen into the moved copy (decision 0026): each piece as its
   * author's, stored and relayed right after the update that lost it, in writing order (see
   * inWritingOrder); what has no exact place goes to the end of its block and is logged.
   */
  private carryIntoMovedCopies(lost: readonly Carry[]): void {
    for (const carry of inWritingOrder(lost)) {
      const author = this.clientOwners.get(carry.client) ?? null;
      const updates = this.writeAs(author, () => insertCarry(carry));
      const at = this.options.now();
      for (const bytes of updates) this.pending.push({ bytes, participantId: author, at, origin: null });
      this.receivedCount += updates.length;
      this.options.logger.log(carry.index === null ? 'warn' : 'info', carry.index === null ? 'sync.moved_edit_appended' : 'sync.moved_edit_carried', {
        document: this.options.documentId,
        participant: author,
        characters: carry.text.length,
      });
    }
  }

  /**
   * Applies a client's update that repeats what the document has or deletes clocks nobody has
   * written yet, and returns what it changed in the document (Yjs encodes exactly that for the
   * transaction), or null when it changed nothing. The deletions of clocks not written yet stay
   * out: Yjs would keep them pending and delete, later, whatever its author's (or another
   * participant's, or the server's) next items at those clocks are.
   */
  private applyAndCapture(update: Uint8Array, participantId: string | null, origin: Origin): Uint8Array | null {
    let added: Uint8Array | null = null;
    const capture = (bytes: Uint8Array, transactionOrigin: unknown) => {
      if (transactionOrigin === origin) added = bytes;
    };
    this.doc.on('update', capture);
    try {
      this.deletions.by(participantId, () => Y.applyUpdate(this.doc, update, origin));
    } finally {
      this.doc.off('update', capture);
    }
    return added;
  }

  /** After a client's update, nothing may wait in the document: what Yjs kept pending is dropped, with a log line. */
  private leaveNothingPending(participantId: string | null): void {
    const dropped = dropPending(this.doc);
    if (dropped.structs) this.options.logger.log('error', 'sync.pending_structs_dropped', { document: this.options.documentId, participant: participantId });
    if (dropped.deletions) this.options.logger.log('warn', 'sync.future_deletions_ignored', { document: this.options.documentId, participant: participantId });
  }

  /** A client id among an update's new structs that another participant (or the server) writes with. */
  private clientOfAnother(structs: readonly DecodedStruct[], participantId: string | null): number | null {
    for (const struct of structs) {
      const { client, clock } = struct.id;
      if (clock + struct.length <= Y.getState(this.doc.store, client)) continue;
      const owner = this.clientOwners.get(client);
      if (owner !== undefined && owner !== participantId) return client;
      if (client === this.doc.clientID || this.serverClientIds.has(client)) return client;
    }
    return null;
  }

  private noteClients(structs: ReturnType<typeof Y.decodeUpdate>['structs'], participantId: string | null, at: number): void {
    for (const struct of structs) {
      const clientId = struct.id.client;
      if (this.clientOwners.has(clientId)) continue;
      this.clientOwners.set(clientId, participantId);
      this.sightings.push({ clientId, participantId, at });
    }
  }

  /**
   * Who deleted what in this document, by author (a participant, or null for the server or the
   * host): what past compactions recorded, and what was applied since.
   */
  deletionAuthors(): Map<DeletionAuthor, DeleteSet> {
    return this.deletions.authors();
  }

  /**
   * The Yjs client id the server writes with for a participant (null: the server or the host):
   * one per participant and loaded room, recorded in document_clients like a client's own, so that
   * text the server writes on someone's behalf (a restore, an accepted proposal) is theirs.
   */
  private serverClientFor(participantId: string | null): number {
    const known = this.serverClients.get(participantId);
    if (known !== undefined) return known;
    let clientId: number;
    do clientId = randomInt(1, 2 ** 32 - 1);
    while (this.doc.store.clients.has(clientId) || this.clientOwners.has(clientId) || clientId === this.doc.clientID);
    this.serverClients.set(participantId, clientId);
    this.serverClientIds.add(clientId);
    this.clientOwners.set(clientId, participantId);
    this.sightings.push({ clientId, participantId, at: this.options.now() });
    return clientId;
  }

  /**
   * Makes a change on the server's behalf (an accepted proposal, a status, a restore) in one Yjs
   * transaction, stores it at once together with anything pending, and reports it as stored.
   * Resolves to false when the change changed nothing. Rejects if it could not be stored.
   */
  async change(participantId: string | null, apply: (doc: Y.Doc) => void): Promise<boolean> {
    const updates = this.writeAs(participantId, apply);
    const at = this.options.now();
    for (const bytes of updates) this.pending.push({ bytes, participantId, at, origin: null });
    this.receivedCount += updates.length;
    await this.flush();
    if (this.storageFailed) throw new Error('the change could not be stored');
    return updates.length > 0;
  }

  /** Applies a change in one Yjs transaction under the server's client id for a participant; returns its updates. */
  private writeAs(participantId: string | null, apply: (doc: Y.Doc) => void): Uint8Array[] {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === serverChangeOrigin) updates.push(update);
    };
    const ownClientId = this.doc.clientID;
    this.doc.on('update', capture);
    this.doc.clientID = this.serverClientFor(participantId);
    try {
      this.deletions.by(participantId, () => this.doc.transact(() => apply(this.doc), serverChangeOrigin));
    } finally {
      this.doc.clientID = ownClientId;
      this.doc.off('update', capture);
    }
    return updates;
  }

  /** How many updates the document has received (from clients and the server) since it was loaded. */
  get received(): number {
    return this.receivedCount;
  }

  /** How many of them are stored: received − stored are applied in memory, not yet in the store. */
  get stored(): number {
    return this.storedCount;
  }

  /**
   * Makes a Yjs client id a participant's before it writes anything, if nobody has it yet: a
   * client announces its id in its presence as it connects, and an attacker who saw it there
   * must not write under it first (see clientOfAnother).
   */
  claimClient(clientId: number, participantId: string): void {
    if (this.clientOwners.has(clientId) || clientId === this.doc.clientID) return;
    this.clientOwners.set(clientId, participantId);
    this.sightings.push({ clientId, participantId, at: this.options.now() });
  }

  /** Which participant first wrote with a Yjs client id. */
  ownerOfClient(clientId: number): string | null | undefined {
    return this.clientOwners.get(clientId);
  }

  /**
   * Applies a batch another instance stored (relayed to this one). Nothing is stored: the log has
   * it. A batch this copy holds already changes nothing; one that comes after a gap waits for the
   * gap to be filled from the log (applied alone, what it builds on could be missing).
   */
  applyStored(batch: StoredBatch): void {
    if (this.destroyed || this.applied.holds(batch.first, batch.last)) return;
    if (batch.first > this.applied.through + 1) {
      // Something stored before it has not arrived yet: the log has both (it numbers batches in
      // the order they commit). The copy does not hold this batch, so its numbers show no gap:
      // the log is read now whatever they show.
      this.awaitGap(0, true);
      return;
    }
    this.applyLogged(batch.updates);
    this.applied.add(batch.first, batch.last);
    this.awaitGap();
  }

  /**
   * Applies stored updates in order, their deletions noted as their authors' (a checkpoint's, with
   * no author, are recorded in the store already), and tells the room's clients.
   */
  private applyLogged(updates: readonly { bytes: Uint8Array; participantId: string | null | undefined }[]): void {
    for (const { bytes, participantId } of updates) {
      const apply = (): void => Y.applyUpdate(this.doc, bytes, storedElsewhereOrigin);
      if (participantId === undefined) apply();
      else this.deletions.by(participantId, apply);
      // What another instance stored is whole: nothing it builds on is missing, once in order.
      dropPending(this.doc);
      for (const struct of Y.decodeUpdate(bytes).structs) {
        if (!this.clientOwners.has(struct.id.client)) this.clientOwners.set(struct.id.client, participantId ?? null);
      }
    }
    if (updates.length > 0) this.options.onRelayed?.(updates.map((update) => update.bytes));
  }

  /**
   * Reads from the log what this copy lacks, after `waitMs` (the relay may bring it first): when its
   * numbers show a gap, or when it knows of an update it could not apply (`missing`).
   */
  private awaitGap(waitMs = this.options.gapWaitMs ?? 250, missing = this.applied.hasGap): void {
    if (!missing || this.destroyed) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer && waitMs > 0) return;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      void this.catchUp();
    }, waitMs);
  }

  /**
   * Applies what the log holds beyond the updates this copy holds every one of (other instances'
   * writes the relay did not bring), and tells the room's clients. Runs after what is being stored.
   */
  catchUp(): Promise<void> {
    this.storing = this.storing.then(async () => {
      if (this.destroyed || this.storageFailed) return;
      const { documentId, log } = this.options;
      try {
        // Another instance may have folded what is missing into its checkpoint: then it is read whole.
        if ((await log.checkpointSeq(documentId)) > this.applied.through) {
          const loaded = await log.load(documentId);
          if (this.destroyed) return;
          // Who deleted what in a checkpoint is what its compaction recorded.
          this.deletions.recordedNow(await log.deletionAuthors(documentId));
          this.applyRead(loaded, this.applied.through);
        }
        // A copy far behind reads the rest page by page, each applied before the next is read.
        for (;;) {
          const from = this.applied.through;
          const page = await log.updatesAfter(documentId, from, catchUpPageSize);
          if (this.destroyed) return;
          this.applyRead({ checkpoint: null, ...page }, from);
          if (page.tail.length < catchUpPageSize) break;
        }
      } catch (error) {
        this.options.logger.log('warn', 'sync.catch_up_failed', { document: documentId, error });
      }
      this.awaitGap();
    });
    return this.storing;
  }

  /** Applies what was read from the log after `from` (a checkpoint, then updates numbered on from it). */
  private applyRead(read: Pick<StoredDocumentState, 'checkpoint' | 'tail' | 'tailAuthors' | 'lastSeq'>, from: number): void {
    // The log has no gap after its checkpoint: its tail is numbered on from there. What this copy
    // holds already (its own writes after the gap) is not sent to its clients again.
    const firstOfTail = (read.checkpoint?.seq ?? from) + 1;
    const tail = read.tail
      .map((bytes, index) => ({ bytes, participantId: read.tailAuthors[index] ?? null, seq: firstOfTail + index }))
      .filter(({ seq }) => !this.applied.holds(seq, seq));
    this.applyLogged([...(read.checkpoint ? [{ bytes: read.checkpoint.state, participantId: undefined }] : []), ...tail]);
    this.applied.add(from + 1, read.lastSeq);
  }

  /**
   * Stores every update received so far: those already being written, then the rest in one batch
   * (one transaction), reported as stored once written; then compacts if the tail has grown.
   * Resolves once they are stored, or once the store has failed (onStorageFailure was told).
   */
  flush(): Promise<void> {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = null;
    this.storing = this.storing.then(() => this.storeBatch());
    return this.storing;
  }

  private async storeBatch(): Promise<void> {
    if (this.pending.length === 0 || this.storageFailed || this.destroyed) return;
    const batch = this.pending;
    const sightings = this.sightings;
    this.pending = [];
    this.sightings = [];
    try {
      const lastSeq = await this.options.log.append(this.options.documentId, batch, sightings);
      this.lastStoredSeq = lastSeq;
      // The log numbered other instances' updates before these ones: the relay brings them.
      this.applied.add(lastSeq - batch.length + 1, lastSeq);
      this.awaitGap();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.destroyed) return;
    this.storedCount += batch.length;
    this.tailCount += batch.length;
    for (const update of batch) this.tailBytes += update.bytes.length;
    this.options.onStored(batch, this.lastStoredSeq);
    // The checkpoint is the document in memory: only when all of it is stored.
    if (this.pending.length === 0 && this.tailBytes >= Math.max(this.compactMinBytes, this.checkpointBytes)) await this.writeCheckpoint();
  }

  private fail(error: unknown): void {
    if (this.storageFailed) return;
    this.storageFailed = true;
    this.options.onStorageFailure(error);
  }

  /** Folds the log tail into a new checkpoint, after what is being stored, if nothing waits to be. */
  compact(): Promise<void> {
    this.storing = this.storing.then(async () => {
      if (this.tailCount > 0 && this.pending.length === 0 && !this.storageFailed && !this.destroyed) await this.writeCheckpoint();
    });
    return this.storing;
  }

  /**
   * Writes the in-memory state (all of it stored) as the checkpoint through the last update up to
   * which the copy holds every one, recording who deleted what in it first. It may hold some
   * later ones too (its own, written after another instance's it has not received yet): applying
   * them again after the checkpoint changes nothing.
   */
  private async writeCheckpoint(rewrite = false): Promise<void> {
    const throughSeq = this.applied.through;
    // Nothing to fold yet (the updates it holds beyond the checkpoint come after a gap), unless the
    // checkpoint itself must be written again (cleaned of what a stored log left pending).
    if (throughSeq < this.checkpointSeq || (throughSeq === this.checkpointSeq && !rewrite)) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    const deletions = this.deletions.forCompaction();
    try {
      await this.options.log.compact(this.options.documentId, throughSeq, state, this.options.now(), deletions.records);
    } catch (error) {
      this.fail(error);
      return;
    }
    deletions.committed();
    this.checkpointSeq = throughSeq;
    this.checkpointBytes = state.length;
    this.tailBytes = 0;
    this.tailCount = 0;
  }

  /** Stores what is pending, compacts, and frees the in-memory document. */
  async close(): Promise<void> {
    await this.flush();
    await this.compact();
    this.destroy();
  }

  /** Frees the in-memory document without storing anything more. */
  destroy(): void {
    this.destroyed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = null;
    this.pending = [];
    this.doc.destroy();
  }
}
