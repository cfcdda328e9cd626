import WebSocket from 'ws';
import { closeCodes, type CloseCode } from '#shared/sync/protocol';
import type { Logger } from '#main/logger';
import type { ParticipantRecord } from '#main/store/records';
import type { DocumentRoom, RoomConnection } from '#main/sync/documentRoom';
import { decodeFrame, MalformedFrameError } from '#main/sync/frames';

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let result = reason;
  while (Buffer.byteLength(result) > 123) result = result.slice(0, -1);
  return result;
}

/** Closes a socket that never joined a room, with a code and a reason, and logs why. */
export function refuseSocket(socket: WebSocket, code: CloseCode, reason: string, logger: Logger, fields: Record<string, unknown>): void {
  logger.log('warn', 'sync.refused', { code, reason, ...fields });
  socket.close(code, closeReason(reason));
}

/** One authenticated socket in one document room. */
export class SyncConnection implements RoomConnection {
  /** Set by every pong; a connection still false at the next ping is dead. */
  isAlive = true;
  /** Set once the connection has left its room (closed by either side); nothing it sends counts after that. */
  private hasLeft = false;

  constructor(
    private readonly socket: WebSocket,
    readonly participant: ParticipantRecord,
    readonly readOnly: boolean,
    /** Whether the client asked for notices (our renderer does; stock clients do not understand them). */
    readonly wantsNotices: boolean,
    private readonly room: DocumentRoom,
    private readonly logger: Logger,
    private readonly onClosed: (connection: SyncConnection) => void,
  ) {
    socket.binaryType = 'nodebuffer';
    socket.on('pong', () => {
      this.isAlive = true;
    });
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on('error', (error) => {
      this.logger.log('warn', 'sync.socket_error', { document: room.documentId, participant: participant.id, error });
    });
    socket.on('close', () => this.leave());
  }

  send(frame: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
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
    this.onClosed(this);
  }

  /** Sends a ping; returns false (and drops the socket) when the last ping went unanswered. */
  checkAlive(): boolean {
    if (!this.isAlive) {
      this.logger.log('info', 'sync.dead_peer', { document: this.room.documentId, participant: this.participant.id });
      this.socket.terminate();
      return false;
    }
    this.isAlive = false;
    this.socket.ping();
    return true;
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.hasLeft) return;
    try {
      if (!isBinary) throw new MalformedFrameError('text frames are not part of the protocol');
      const frame = decodeFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      switch (frame.kind) {
        case 'syncStep1':
          this.room.answerSyncStep1(this, frame.stateVector);
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
        this.logger.log('warn', 'sync.malformed_frame', { document: this.room.documentId, participant: this.participant.id, reason: error.message });
        this.close(closeCodes.malformed, `malformed message: ${error.message}`);
      } else {
        // The update decoded but could not be applied, leaving the in-memory document in doubt.
        // Its sender is refused for good (44xx: the stock provider does not reconnect), so it
        // cannot repeat this; everyone else reconnects to the stored state (see DocumentRoom.fail).
        this.logger.log('warn', 'sync.unappliable_update', { document: this.room.documentId, participant: this.participant.id, error });
        this.close(closeCodes.malformed, 'an update could not be applied');
        this.room.fail('integrity', error);
      }
    }
  }
}
