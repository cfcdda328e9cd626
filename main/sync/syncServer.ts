import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { ApiError } from '#shared/api/errors';
import { isReadOnlySide } from '#shared/sides';
import { isTextFrozen } from '#shared/lifecycle/timeStates';
import { closeCodes, syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { builtInWorkspaceId } from '#shared/api/caller';
import type { Authentication } from '#main/kernel/authentication';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { DocumentRoom } from '#main/sync/documentRoom';
import { encodeNotice } from '#main/sync/frames';
import { defaultConnectionLimits, refuseSocket, SyncConnection, type ConnectionLimits } from '#main/sync/syncConnection';
import { createLocalRelay, type Relay } from '#main/sync/relay';
import { createWritePolicy } from '#main/sync/writePolicy';
import type { DocumentRecord, ParticipantRecord } from '#main/store/records';

export interface SyncServerOptions {
  context: ServiceContext;
  authentication: Authentication;
  /** Frames larger than this close the connection with 1009 (default 8 MiB). */
  maxFrameBytes?: number;
  /** How often to ping; a peer that has not answered the previous ping is dropped (default 30 s). */
  pingIntervalMs?: number;
  /** What one socket may make the server hold for it (see syncConnection.ts). */
  connectionLimits?: ConnectionLimits;
  /** Sockets one participant may have open on its document at once (default 8: tabs and devices). */
  maxConnectionsPerParticipant?: number;
  compactMinBytes?: number;
  /** The other server instances on the same store (hosted mode, decision 0018); none by default. */
  relay?: Relay;
  /** How often each open document is checked against the log for what the relay did not bring (default 5 s). */
  logCheckIntervalMs?: number;
}

export type SyncServer = ReturnType<typeof createSyncServer>;

const documentPathPattern = new RegExp(`^${syncPath}/([a-z0-9]{8,40})$`);

/**
 * The sync endpoint: the y-websocket protocol over one socket per document, with token
 * authentication, read-only sides, and every update stored before it is broadcast.
 */
export function createSyncServer(options: SyncServerOptions) {
  const { context, authentication } = options;
  const { logger, store } = context;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 8 * 1024 * 1024 });
  const rooms = new Map<string, DocumentRoom>();
  const frozen = new Set<string>();
  const connections = new Set<SyncConnection>();
  let accepting = true;
  const connectionLimits = options.connectionLimits ?? defaultConnectionLimits;
  const maxConnectionsPerParticipant = options.maxConnectionsPerParticipant ?? 8;
  const relay = options.relay ?? createLocalRelay();

  // Archived documents, and documents whose lifecycle froze the text (put to the vote, signed,
  // issued: shared/lifecycle/timeStates.ts), refuse every write until an amendment opens them.
  const isFrozen = (document: DocumentRecord | undefined): boolean =>
    document === undefined || document.archivedAt !== null || isTextFrozen(document.kind, document.lifecycleState);
  const isDocumentFrozen = async (documentId: string): Promise<boolean> => isFrozen(await store.documents.get(documentId));

  /** Rooms being read from the store: whoever asks for one meanwhile waits for the same one. */
  const loading = new Map<string, Promise<DocumentRoom>>();

  function roomFor(documentId: string): Promise<DocumentRoom> {
    const existing = rooms.get(documentId);
    if (existing) return Promise.resolve(existing);
    const pending = loading.get(documentId);
    if (pending) return pending;
    const loaded = loadRoom(documentId).finally(() => loading.delete(documentId));
    loading.set(documentId, loaded);
    return loaded;
  }

  async function loadRoom(documentId: string): Promise<DocumentRoom> {
    // A room being closed stores its last updates first: the new one reads them.
    await closing.get(documentId);
    const document = await store.documents.get(documentId);
    if (isFrozen(document)) frozen.add(documentId);
    const room = await DocumentRoom.open({
      documentId,
      log: store.updates,
      logger,
      now: context.now,
      compactMinBytes: options.compactMinBytes,
      // Values written through sync are checked against the variables of the document's workspace.
      writePolicy: createWritePolicy(context.variables(document?.workspaceId ?? builtInWorkspaceId)),
      relay,
      onEdited: (id, participantIds) => void context.events.emit('documentEdited', { documentId: id, participantIds }),
      onAgreedEditRefused: (participantId, edit, attempted) => context.events.emit('agreedEditRefused', { documentId, participantId, edit, attempted }),
      isFrozen: () => frozen.has(documentId),
      onWriteRefused: (connection, reason) => {
        store.audit
          .record({ at: context.now(), actor: `participant:${connection.participant.id}`, action: 'sync.write_refused', documentId, details: { reason } })
          .catch((error: unknown) => {
            logger.log('error', 'sync.audit_failed', { document: documentId, error });
          });
      },
      onFailed: dropRoom,
    });
    rooms.set(documentId, room);
    return room;
  }

  /** Rooms storing what they hold before they go. */
  const closing = new Map<string, Promise<void>>();

  /** Drops a room and closes it, storing what it holds (a failed one stores nothing more). */
  function dropRoom(room: DocumentRoom): void {
    if (rooms.get(room.documentId) !== room) return;
    rooms.delete(room.documentId);
    const closed = room.close().finally(() => {
      if (closing.get(room.documentId) === closed) closing.delete(room.documentId);
    });
    closing.set(room.documentId, closed);
  }

  /** Closes a room nobody uses any more (no connection, no API call). */
  function closeIfUnused(room: DocumentRoom): void {
    if (room.isEmpty) dropRoom(room);
  }

  /** Reactions to people leaving under way: their rooms stay loaded until they are done. */
  const leaving = new Set<Promise<void>>();

  function onConnectionClosed(connection: SyncConnection, room: DocumentRoom): void {
    connections.delete(connection);
    room.leave(connection);
    const { participant } = connection;
    if (!room.hasParticipant(participant.id) && room.isAvailable && rooms.get(room.documentId) === room) {
      // Listeners (the versions of what this person did) still find the room loaded: it counts
      // them as users until they are done, though they only reach it after an await.
      room.users += 1;
      const reacted = context.events.emit('participantLeft', { documentId: room.documentId, participantId: participant.id }).finally(() => {
        leaving.delete(reacted);
        room.users -= 1;
        closeIfUnused(room);
      });
      leaving.add(reacted);
    }
    closeIfUnused(room);
  }

  async function accept(socket: WebSocket, request: IncomingMessage): Promise<void> {
    // Nothing the client sends is read until its connection is set up (the store is asynchronous).
    socket.pause();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const documentId = documentPathPattern.exec(url.pathname)?.[1];
    const token = url.searchParams.get('token') ?? undefined;
    const protocol = url.searchParams.get('protocol');
    const fields = { path: url.pathname, remote: request.socket.remoteAddress };
    if (!accepting) return refuseSocket(socket, closeCodes.goingAway, 'the server is shutting down', logger, fields);
    if (protocol !== null && protocol !== String(syncProtocolVersion)) {
      return refuseSocket(socket, closeCodes.protocolMismatch, `this server speaks sync protocol ${syncProtocolVersion}, not ${protocol}`, logger, fields);
    }
    if (!documentId || !(await store.documents.get(documentId))) {
      return refuseSocket(socket, closeCodes.unknownDocument, 'no such document', logger, fields);
    }
    let participant: ParticipantRecord | undefined;
    try {
      participant = token ? await authentication.participantFor(token, documentId) : undefined;
    } catch (error) {
      // An authority's reviewer on a document not sent to their authority: as the API answers it.
      if (!(error instanceof ApiError) || (error.code !== 'not_found' && error.code !== 'forbidden')) throw error;
      return refuseSocket(
        socket,
        error.code === 'not_found' ? closeCodes.unknownDocument : closeCodes.forbidden,
        error.code === 'not_found' ? 'no such document' : error.message,
        logger,
        fields,
      );
    }
    if (!participant) return refuseSocket(socket, closeCodes.unauthorized, 'missing, unknown or revoked token', logger, fields);
    if (participant.documentId !== documentId) {
      return refuseSocket(socket, closeCodes.forbidden, 'this token is for another document', logger, { ...fields, participant: participant.id });
    }
    let room: DocumentRoom;
    try {
      room = await roomFor(documentId);
    } catch (error) {
      logger.log('error', 'sync.load_failed', { document: documentId, error });
      return refuseSocket(socket, closeCodes.storageFailure, 'the document could not be loaded', logger, fields);
    }
    // The client may have gone, or the server begun to close, while the document was read.
    if (socket.readyState !== WebSocket.OPEN) return closeIfUnused(room);
    if (!accepting) return refuseSocket(socket, closeCodes.goingAway, 'the server is shutting down', logger, fields);
    const open = [...room.connections].filter((connection) => connection.participant.id === participant.id).length;
    if (open >= maxConnectionsPerParticipant) {
      return refuseSocket(socket, closeCodes.tooManyConnections, `this participant already has ${open} connections to the document; close one first`, logger, {
        ...fields,
        participant: participant.id,
      });
    }
    const wantsNotices = url.searchParams.get('notices') === '1';
    const connectionLogger = logger.child({ document: documentId, participant: participant.id, side: participant.side });
    const connection = new SyncConnection(
      socket,
      participant,
      isReadOnlySide(participant.side),
      wantsNotices,
      room,
      connectionLogger,
      connectionLimits,
      (closed) => onConnectionClosed(closed, room),
    );
    connections.add(connection);
    room.join(connection);
    connectionLogger.log('info', 'sync.connected');
    socket.resume();
  }

  const pingTimer = setInterval(() => {
    for (const connection of connections) connection.checkAlive();
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  // Redis may lose a batch (a restart) or an instance may miss one: the log is the truth, and each
  // open document reads now and then what it lacks of it. An embedded SQLite file has one writer
  // (the process holding its data folder, S20): nothing can be missing there, so nothing is read.
  const logCheckTimer =
    context.store.location.kind === 'postgres'
      ? setInterval(() => {
          for (const room of rooms.values()) void room.catchUp();
        }, options.logCheckIntervalMs ?? 5_000)
      : null;
  logCheckTimer?.unref();

  /** Closes a revoked participant's sockets on this instance. */
  const closeRevoked = (documentId: string, participantId: string): void => {
    rooms.get(documentId)?.closeParticipant(participantId, closeCodes.unauthorized, 'this participant was removed from the document');
  };

  /** A document archived, frozen or opened again: writes are refused, or accepted again, from now on. */
  const refreshFrozen = async (documentId: string): Promise<void> => {
    if (await isDocumentFrozen(documentId)) frozen.add(documentId);
    else frozen.delete(documentId);
  };

  /** Sends a notice to this instance's sockets of a document that asked for notices, as `to` says. */
  const deliverNotice = (documentId: string, to: { side: 'employer' | 'union' } | { participantId: string }, topic: string): void => {
    const frame = encodeNotice(topic);
    for (const connection of connections) {
      if (!connection.wantsNotices || connection.participant.documentId !== documentId) continue;
      if ('side' in to ? connection.participant.side === to.side : connection.participant.id === to.participantId) connection.send(frame);
    }
  };

  const unsubscribe = [
    context.events.on('participantRevoked', ({ participantId, documentId }) => {
      closeRevoked(documentId, participantId);
      relay.publishEvent({ kind: 'participantRevoked', documentId, participantId });
    }),
    context.events.on('documentChanged', async ({ documentId }) => {
      await refreshFrozen(documentId);
      relay.publishEvent({ kind: 'documentChanged', documentId });
    }),
    // What another instance's services did, for this instance's sockets.
    relay.onEvent((event) => {
      if (event.kind === 'participantRevoked') closeRevoked(event.documentId, event.participantId);
      else if (event.kind === 'documentChanged') void refreshFrozen(event.documentId);
      else deliverNotice(event.documentId, event.to, event.topic);
    }),
  ];

  return {
    /** Hands an HTTP upgrade request to the sync endpoint if its path is under /sync. */
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (!(request.url ?? '').startsWith(`${syncPath}/`)) return false;
      wss.handleUpgrade(request, socket, head, (ws) => {
        accept(ws, request).catch((error: unknown) => {
          logger.log('error', 'sync.accept_failed', { path: request.url, error });
          refuseSocket(ws, closeCodes.storageFailure, 'the server could not read the document; reconnect', logger, { path: request.url });
        });
      });
      return true;
    },

    stats(): { openDocuments: number; connections: number } {
      return { openDocuments: rooms.size, connections: connections.size };
    },

    /**
     * Runs `use` on a document's room, loading it for the occasion if nobody has it open (and
     * unloading it afterwards). This is how the API reads and changes document content.
     */
    async withRoom<T>(documentId: string, use: (room: DocumentRoom) => T | Promise<T>): Promise<T> {
      const room = await roomFor(documentId);
      room.users += 1;
      try {
        return await use(room);
      } finally {
        room.users -= 1;
        closeIfUnused(room);
      }
    },

    async storeForReaders(documentId: string): Promise<void> {
      await rooms.get(documentId)?.flush();
    },

    /** Tells one participant's open clients of a document (on every instance) that something they read through the API changed. */
    notifyParticipant(documentId: string, participantId: string, topic: string): void {
      deliverNotice(documentId, { participantId }, topic);
      relay.publishEvent({ kind: 'notice', documentId, to: { participantId }, topic });
    },

    /** Tells one side's open clients of a document (on every instance) that something they read through the API changed. */
    notifySide(documentId: string, side: 'employer' | 'union', topic: string): void {
      deliverNotice(documentId, { side }, topic);
      relay.publishEvent({ kind: 'notice', documentId, to: { side }, topic });
    },

    /** The loaded room of a document, if any (for tests and benchmarks). */
    room(documentId: string): DocumentRoom | undefined {
      return rooms.get(documentId);
    },

    /** Stops accepting, stores everything pending, checkpoints every open document, closes all sockets. */
    async close(): Promise<void> {
      accepting = false;
      clearInterval(pingTimer);
      if (logCheckTimer) clearInterval(logCheckTimer);
      for (const off of unsubscribe) off();
      await Promise.allSettled(loading.values());
      for (const room of [...rooms.values()]) {
        await room.flush();
        // Connections close while the room is still listed, so that whoever reacts to people
        // leaving (automatic versions) works on this room rather than loading it anew.
        for (const connection of [...room.connections]) connection.close(closeCodes.goingAway, 'the server is shutting down');
      }
      await Promise.allSettled(leaving);
      for (const room of [...rooms.values()]) dropRoom(room);
      await Promise.allSettled(closing.values());
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
