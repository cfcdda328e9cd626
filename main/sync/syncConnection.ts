import WebSocket from 'ws';
import { closeCodes, type CloseCode } from '#shared/sync/protocol';
import type { Logger } from '#main/logger';
import type { ParticipantRecord } from '#main/store/records';
import type { DocumentRoom, RoomConnection } from '#main/sync/documentRoom';
import { decodeFrame, MalformedFrameError } from '#main/sync/frames';
import { RateLimit } from '#main/sync/rateLimit';

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let result = reason;
  while (Buffer.byteLength(result) > 123) result = result.slice(0, -1);
  return result;
}

/** Closes a socket that never joined a room, with a code and a reason, and logs why. */
export function refuseSocket(socket: WebSocket, code: CloseCode, reason: string, logger: Logger, fields: Record<string, unknown>): void {
  logger.log('warn', 'sync.refused', { code, reason, ...fields });
  // The socket was paused while its connection was being set up: it must read the client's
  // closing frame, or the closing handshake waits for ws's 30 s timeout.
  socket.resume();
  socket.close(code, closeReason(reason));
}

/** How much one socket may make the server hold for it. */
export interface ConnectionLimits {
  /** A socket whose unsent frames exceed this does not read what it is sent: it is closed (4508). */
  maxBufferedBytes: number;
  /** Whole states (answers to sync step 1) a socket gets at once, then one per interval. */
  fullStateBurst: number;
  fullStateIntervalMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = { maxBufferedBytes: 32 * 1024 * 1024, fullStateBurst: 4, fullStateIntervalMs: 2_000 };

/** One authenticated socket in one document room. */
export class SyncConnection implements RoomConnection {
  /** Set by every pong; a connection still false at the next ping is dead. */
  isAlive = true;
  /** Set once the connection has left its room (closed by either side); nothing it sends counts after that. */
  private hasLeft = false;
  /**
   * Sync step 1 asks for everything the client lacks: one answer at a time per socket, at a
   * limited rate; requests made meanwhile are folded into one, for the latest state vector.
   */
  private fullState: { sending: boolean; wanted: Uint8Array | null; timer: ReturnType<typeof setTimeout> | null } = {
    sending: false,
    wanted: null,
    timer: null,
  };
  private readonly fullStateRate: RateLimit;

  constructor(
    private readonly socket: WebSocket,
    readonly participant: ParticipantRecord,
    readonly readOnly: boolean,
    /** Whether the client asked for notices (our renderer does; stock clients do not understand them). */
    readonly wantsNotices: boolean,
    private readonly room: DocumentRoom,
    private readonly logger: Logger,
    private readonly limits: ConnectionLimits,
    private readonly onClosed: (connection: SyncConnection) => void,
  ) {
    this.fullStateRate = new RateLimit(limits.fullStateBurst, limits.fullStateIntervalMs);
    socket.binaryType = 'nodebuffer';
    socket.on('pong', () => {
      this.isAlive = true;
    });
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on('error', (error) => {
      this.logger.log('warn', 'sync.socket_error', { error });
    });
    socket.on('close', () => this.leave());
  }

  send(frame: Uint8Array, sent?: () => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    // Frames a socket does not read pile up in the server's memory: past the limit it is closed
    // (a frame is never dropped: the client would miss an update), and it resyncs on reconnection.
    // One frame is always taken, however large: a whole state may be larger than the limit.
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.logger.log('warn', 'sync.slow_peer', { buffered: this.socket.bufferedAmount });
      this.close(closeCodes.tooSlow, 'the connection does not read what the server sends; reconnect');
      return;
    }
    this.socket.send(frame, sent && (() => sent()));
  }

  /** Answers sync step 1 (see fullState): at once if nothing is being sent and the rate allows. */
  private requestFullState(stateVector: Uint8Array): void {
    this.fullState.wanted = stateVector;
    this.answerFullState();
  }

  private answerFullState(): void {
    const state = this.fullState;
    if (this.hasLeft || state.sending || state.timer !== null || state.wanted === null) return;
    const waitMs = this.fullStateRate.take();
    if (waitMs > 0) {
      state.timer = setTimeout(() => {
        state.timer = null;
        this.answerFullState();
      }, waitMs);
      return;
    }
    const wanted = state.wanted;
    state.wanted = null;
    state.sending = true;
    void this.room.syncStep2For(wanted).then((frame) => {
      if (frame === null || this.hasLeft) {
        state.sending = false;
        return;
      }
      // Called once the frame is handed to the network (or the socket closed).
      this.send(frame, () => {
        state.sending = false;
        this.answerFullState();
      });
    });
  }

  /**
   * Closes the socket and leaves the room at once. ws keeps emitting the frames that arrive until
   * the peer answers the close frame (up to its 30 s close timeout): a revoked participant or a
   * client that sent a malformed frame must not get anything more applied, and its presence
   * must go now, not when the peer finally answers.
   */
  close(code: CloseCode, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, closeReason(reason));
    }
    this.leave();
  }

  private leave(): void {
    if (this.hasLeft) return;
    this.hasLeft = true;
    if (this.fullState.timer !== null) clearTimeout(this.fullState.timer);
    this.onClosed(this);
  }

  /**
   * Sends a ping; returns false (and drops the socket) when the last ping went unanswered: a dead
   * peer, or one that no longer reads (its frames still wait to be sent), which is told why.
   */
  checkAlive(): boolean {
    if (!this.isAlive) {
      if (this.socket.bufferedAmount > 0) {
        this.logger.log('warn', 'sync.slow_peer', { buffered: this.socket.bufferedAmount });
        this.close(closeCodes.tooSlow, 'the connection does not read what the server sends; reconnect');
      } else {
        this.logger.log('info', 'sync.dead_peer');
        this.socket.terminate();
      }
      return false;
    }
    this.isAlive = false;
    this.socket.ping();
    return true;
  }

  /** Frames that arrived while the room held clients' frames, and their bytes. */
  private readonly held: { data: Buffer; isBinary: boolean }[] = [];
  private heldBytes = 0;

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.hasLeft) return;
    if (this.room.isHolding || this.held.length > 0) {
      this.held.push({ data, isBinary });
      this.heldBytes += data.byteLength;
      // A decision takes milliseconds; a client that sends this much meanwhile is flooding.
      if (this.heldBytes > this.limits.maxBufferedBytes) this.close(closeCodes.tooSlow, 'too much was sent while the document was busy; reconnect');
      return;
    }
    this.handle(data, isBinary);
  }

  readHeld(): void {
    while (this.held.length > 0 && !this.room.isHolding && !this.hasLeft) {
      const frame = this.held.shift() as { data: Buffer; isBinary: boolean };
      this.heldBytes -= frame.data.byteLength;
      this.handle(frame.data, frame.isBinary);
    }
  }

  private handle(data: Buffer, isBinary: boolean): void {
    try {
      if (!isBinary) throw new MalformedFrameError('text frames are not part of the protocol');
      const frame = decodeFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      switch (frame.kind) {
        case 'syncStep1':
          this.requestFullState(frame.stateVector);
          break;
        case 'syncUpdate':
          this.room.receiveUpdate(this, frame.update);
          break;
        case 'awareness':
          this.room.receiveAwareness(this, frame.update);
          break;
        case 'queryAwareness':
          this.room.sendAwareness(this);
          break;
        case 'storedAck':
          this.room.acknowledgeWhenStored(this, frame.marker);
          break;
      }
    } catch (error) {
      if (error instanceof MalformedFrameError) {
        this.logger.log('warn', 'sync.malformed_frame', { reason: error.message });
        this.close(closeCodes.malformed, `malformed message: ${error.message}`);
      } else {
        // The update decoded but could not be applied, leaving the in-memory document in doubt.
        // Its sender is refused for good (44xx: the stock provider does not reconnect), so it
        // cannot repeat this; everyone else reconnects to the stored state (see DocumentRoom.fail).
        this.logger.log('warn', 'sync.unappliable_update', { error });
        this.close(closeCodes.malformed, 'an update could not be applied');
        this.room.fail('integrity', error);
      }
    }
  }
}
