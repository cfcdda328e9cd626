import * as Y from 'yjs';
import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { VersionMeta } from '#shared/api/versions';
import { isReadOnlySide, type Side } from '#shared/sides';
import { isEmptySummary, type VersionKind } from '#shared/versions/model';
import { readDocumentAt, type DocumentText } from '#shared/versions/snapshotContent';
import { summarizeChanges } from '#shared/versions/summary';
import { actorOf, assertNotArchived, assertTextOpen, visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { StoreRepositories } from '#main/store/port';
import type { VersionHeader, VersionRecord } from '#main/store/records';
import type { DocumentRoom } from '#main/sync/documentRoom';
import { changeLookups } from '#main/versions/changeLookups';
import { contentHashOf, negotiatedTextHashOf } from '#main/versions/integrity';
import { peopleOf, type People } from '#main/versions/people';
import { createVersionSnapshots } from '#main/versions/versionSnapshots';

const iso = (ms: number): string => new Date(ms).toISOString();

/** What a new version records besides its snapshot. */
export interface VersionRequest {
  kind: Exclude<VersionKind, 'initial'>;
  name: string | null;
  /** The participant the version is attributed to; null for the host or the server. */
  authorId: string | null;
  restoredFrom?: string | null;
  /** Skip the version when the text has not changed since the previous one (automatic versions). */
  onlyIfTextChanged?: boolean;
}

/** Who is making a change through the history: a participant of a bargaining side, or the host. */
export interface HistoryActor {
  participantId: string | null;
  side: Side | null;
}

/** The version as the API shows it, names resolved. */
export function toVersionMeta(version: VersionHeader, people: People, numberOf: (versionId: string) => number | null): VersionMeta {
  return {
    id: version.id,
    documentId: version.documentId,
    number: version.number,
    kind: version.kind,
    name: version.name,
    author: people(version.authorId),
    createdAt: iso(version.createdAt),
    summary: { ...version.summary, contributors: version.summary.contributors.map((id) => people(id)) },
    restoredFrom: version.restoredFrom ? { id: version.restoredFrom, number: numberOf(version.restoredFrom) ?? 0 } : null,
    signed: version.contentHash ? { contentHash: version.contentHash, previousHash: version.previousHash } : null,
  };
}

export type VersionsService = ReturnType<typeof createVersionsService>;

/**
 * Versions of documents: made from the server's live copy (garbage collection off), stored as
 * small snapshots, read back without building a second document (decision 0008).
 */
export function createVersionsService(context: ServiceContext, rooms: DocumentRooms) {
  const { store } = context;
  const snapshots = createVersionSnapshots(store);

  /**
   * Makes a version of the document as the room holds it now; null when skipped (nothing changed).
   * Call it inside `room.exclusive`: versions of a document are numbered one after the other, and
   * the text they hold is the text read here. `repositories` is the transaction it belongs to, if any.
   */
  async function writeVersion(room: DocumentRoom, request: VersionRequest, repositories: StoreRepositories = store): Promise<VersionRecord | null> {
    const { documentId } = room;
    await room.flush();
    const current = Y.snapshot(room.doc);
    const previous = await snapshots.latestOf(documentId, repositories);
    if (request.onlyIfTextChanged && previous && Y.equalSnapshots(previous.snapshot, current)) return null;
    const summary = summarizeChanges(room.doc, previous?.snapshot ?? Y.emptySnapshot, current, changeLookups(room));
    if (request.onlyIfTextChanged && previous && isEmptySummary(summary)) return null;
    const number = (previous?.number ?? 0) + 1;
    const isSigned = request.kind === 'signed';
    const encoded = snapshots.encode(current, number, previous, isSigned);
    const contentHash = isSigned ? contentHashOf(readDocumentAt(room.doc, current)) : null;
    const author = request.authorId === null ? undefined : await repositories.participants.get(request.authorId);
    const record: VersionRecord = {
      id: context.newId(),
      documentId,
      number,
      kind: request.kind,
      name: request.name,
      authorId: request.authorId,
      side: author?.side ?? null,
      createdAt: context.now(),
      snapshot: encoded.bytes,
      snapshotBase: encoded.base,
      summary,
      restoredFrom: request.restoredFrom ?? null,
      contentHash,
      previousHash: isSigned ? ((await repositories.versions.signed(documentId)).at(-1)?.contentHash ?? null) : null,
    };
    await repositories.versions.insert(record);
    snapshots.remember(documentId, { id: record.id, number, snapshot: current, base: encoded.base, bytesSinceBase: encoded.bytesSinceBase });
    return record;
  }

  /** Who names or restores a version; a restore changes the text, which the lifecycle may have frozen. */
  async function actorFor(caller: Caller, documentId: string, changesText = false): Promise<HistoryActor> {
    const document = await visibleDocument(context, caller, documentId);
    if (changesText) assertTextOpen(document);
    else assertNotArchived(document);
    if (caller.kind === 'admin') return { participantId: null, side: null };
    if (caller.kind !== 'participant') throw new ApiError('unauthorized', 'a participant token is required', { reason: { key: 'token_needed' } });
    const participant = await store.participants.get(caller.participantId);
    if (!participant || participant.revokedAt !== null)
      throw new ApiError('unauthorized', 'this participant was removed from the document', { reason: { key: 'participant_removed' } });
    if (isReadOnlySide(participant.side))
      throw new ApiError('forbidden', 'reviewers read the history; they do not make or restore versions', { reason: { key: 'reviewers_read_history' } });
    return { participantId: participant.id, side: participant.side };
  }

  async function metaOf(documentId: string, record: VersionHeader): Promise<VersionMeta> {
    const [people, versions] = await Promise.all([peopleOf(store, documentId), store.versions.list(documentId)]);
    const numbers = new Map(versions.map((version) => [version.id, version.number]));
    return toVersionMeta(record, people, (id) => numbers.get(id) ?? null);
  }

  async function findVersion(documentId: string, versionId: string): Promise<VersionRecord> {
    const version = await store.versions.get(documentId, versionId);
    if (!version) throw new ApiError('not_found', `no version "${versionId}" of this document`, { reason: { key: 'version_not_found' } });
    return version;
  }

  function audit(
    caller: Caller | null,
    action: string,
    documentId: string,
    details: Record<string, unknown>,
    repositories: StoreRepositories = store,
  ): Promise<void> {
    return repositories.audit.record({ at: context.now(), actor: caller ? actorOf(caller) : 'system', action, documentId, details });
  }

  /** The hash of the negotiated text as the room holds it (negotiatedTextHashOf): what the vote recorded, if nothing changed. */
  function currentNegotiatedHash(room: DocumentRoom): string {
    return negotiatedTextHashOf(readDocumentAt(room.doc, Y.snapshot(room.doc)));
  }

  return {
    writeVersion,
    actorFor,
    metaOf,
    findVersion,
    audit,
    currentNegotiatedHash,
    snapshotOf: snapshots.snapshotOf,

    /** Every version of a document, newest first (named and signed only, if asked). */
    async list(documentId: string, caller: Caller, namedOnly: boolean): Promise<{ versions: VersionMeta[]; lastVisitAt: string | null }> {
      await visibleDocument(context, caller, documentId);
      const [versions, people, visit] = await Promise.all([
        store.versions.list(documentId),
        peopleOf(store, documentId),
        caller.kind === 'participant' ? store.versions.visit(documentId, caller.participantId) : undefined,
      ]);
      const numbers = new Map(versions.map((version) => [version.id, version.number]));
      const shown = namedOnly ? versions.filter((version) => version.kind === 'named' || version.kind === 'signed') : versions;
      return {
        versions: shown.reverse().map((version) => toVersionMeta(version, people, (id) => numbers.get(id) ?? null)),
        lastVisitAt: visit ? iso(visit.seenAt) : null,
      };
    },

    /** Names the document as it is now ("Proposal sent to the union, round 2"). */
    async createNamed(documentId: string, name: string, caller: Caller): Promise<VersionMeta> {
      const actor = await actorFor(caller, documentId);
      const record = await rooms.withRoom(documentId, (room) =>
        room.exclusive(() => writeVersion(room, { kind: 'named', name, authorId: actor.participantId })),
      );
      if (!record) throw new ApiError('internal', 'the version was not made');
      await audit(caller, 'version.named', documentId, { versionId: record.id, number: record.number, name });
      return metaOf(documentId, record);
    },

    /**
     * The signed text: a version whose canonical text is hashed (SHA-256) and chained to the
     * previous signed version. The document lifecycle makes it, inside its step (room.exclusive)
     * and the step's transaction, when an agreement is signed.
     */
    async createSignedVersion(
      room: DocumentRoom,
      by: { participantId: string | null; name?: string | null },
      repositories: StoreRepositories,
      caller: Caller | null = null,
    ): Promise<VersionRecord> {
      const record = await writeVersion(room, { kind: 'signed', name: by.name ?? null, authorId: by.participantId }, repositories);
      if (!record) throw new ApiError('internal', 'the signed version was not made');
      await audit(
        caller,
        'version.signed',
        room.documentId,
        { versionId: record.id, number: record.number, contentHash: record.contentHash, previousHash: record.previousHash },
        repositories,
      );
      return record;
    },

    /**
     * The text put to the workers' vote, as a named version, with the hash of its negotiated text
     * (negotiatedTextHashOf), which the text must still have when it is signed (Art. 76). Made by
     * the lifecycle inside its step, like the signed version.
     */
    async createVotedVersion(
      room: DocumentRoom,
      by: { participantId: string | null; name: string },
      repositories: StoreRepositories,
    ): Promise<{ record: VersionRecord; contentHash: string }> {
      const record = await writeVersion(room, { kind: 'named', name: by.name, authorId: by.participantId }, repositories);
      if (!record) throw new ApiError('internal', 'the version of the draft put to the vote was not made');
      await audit(null, 'version.named', room.documentId, { versionId: record.id, number: record.number, name: by.name }, repositories);
      return { record, contentHash: currentNegotiatedHash(room) };
    },

    /** A version's text, read-only. */
    async get(documentId: string, versionId: string, caller: Caller): Promise<{ version: VersionMeta; text: DocumentText }> {
      await visibleDocument(context, caller, documentId);
      const version = await findVersion(documentId, versionId);
      const snapshot = await snapshots.snapshotOf(version);
      const text = await rooms.withRoom(documentId, (room) => readDocumentAt(room.doc, snapshot));
      return { version: await metaOf(documentId, version), text };
    },

    /** A participant left the document: what they saw is their last visit. Call it inside `room.exclusive`. */
    async recordVisit(room: DocumentRoom, participantId: string): Promise<void> {
      await room.flush();
      await store.versions.recordVisit(room.documentId, participantId, Y.encodeSnapshot(Y.snapshot(room.doc)), context.now());
    },
  };
}
