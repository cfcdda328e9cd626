import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { messageType, syncMessageType, syncPath } from '#shared/sync/protocol';
import type { ServerClose } from './syncClient';
import { within } from './waitFor';

/** A bare `ws` socket on the sync endpoint, for sending what no stock client would. */
export interface RawSocket {
  socket: WebSocket;
  /** Binary frames received so far, in order. */
  frames: Uint8Array[];
  /** Waits (bounded) until the server has sent its first frame (the greeting: sync step 1). */
  greeted(timeoutMs?: number): Promise<void>;
  /** Waits (bounded) for the close: its code and reason (1006 when no close frame came). */
  closed(timeoutMs?: number): Promise<ServerClose>;
}

export function openRawSocket(serverUrl: string, documentId: string, token: string, params: Record<string, string> = {}): RawSocket {
  const query = new URLSearchParams({ token, ...params });
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}${syncPath}/${documentId}?${query.toString()}`);
  const frames: Uint8Array[] = [];
  // A socket the server drops may report an error (e.g. ECONNRESET); the close event says the rest.
  socket.on('error', () => {});
  const greeted = new Promise<void>((resolve, reject) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary && Buffer.isBuffer(data)) frames.push(new Uint8Array(data));
      resolve();
    });
    socket.once('close', () => reject(new Error('the socket closed before the server greeted it')));
  });
  greeted.catch(() => {});
  const closed = new Promise<ServerClose>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  return {
    socket,
    frames,
    greeted: (timeoutMs = 5_000) => within(greeted, timeoutMs, 'the server to greet the raw socket'),
    closed: (timeoutMs = 5_000) => within(closed, timeoutMs, 'the raw socket to close'),
  };
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync "update" message (y-protocols/sync) carrying `update` as its Yjs payload. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.sync);
    encoding.writeVarUint(encoder, syncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/**
 * An awareness message with hand-written entries; `json` is sent as is, so it may be invalid.
 */
export function awarenessFrame(entries: readonly { clientId: number; clock: number; json: string }[]): Uint8Array {
  const update = frame((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.json);
    }
  });
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** A sync "step 1" message: the client's state vector, asking for everything it lacks. */
export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.sync);
    encoding.writeVarUint(encoder, syncMessageType.step1);
    encoding.writeVarUint8Array(encoder, stateVector);
  });
}

/** Everything a raw socket received as document content (sync step 2 and updates), in one Y.Doc. */
export function docFromFrames(frames: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const received of frames) {
    const decoder = decoding.createDecoder(received);
    if (decoding.readVarUint(decoder) !== messageType.sync) continue;
    if (decoding.readVarUint(decoder) === syncMessageType.step1) continue;
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc;
}
