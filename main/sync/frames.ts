import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageType, syncMessageType } from '#shared/sync/protocol';

/** A frame the server could not understand; the connection that sent it is closed. */
export class MalformedFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFrameError';
  }
}

/** One incoming frame, decoded. */
export type IncomingFrame =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncUpdate'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'storedAck'; marker: number };

/** Decodes one frame, throwing MalformedFrameError on anything that is not a whole valid message. */
export function decodeFrame(frame: Uint8Array): IncomingFrame {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let result: IncomingFrame;
    if (type === messageType.sync) {
      const subType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subType === syncMessageType.step1) {
        try {
          Y.decodeStateVector(payload);
        } catch (error) {
          throw new MalformedFrameError(`invalid state vector (${(error as Error).message})`);
        }
        result = { kind: 'syncStep1', stateVector: payload };
      } else if (subType === syncMessageType.step2 || subType === syncMessageType.update) result = { kind: 'syncUpdate', update: payload };
      else throw new MalformedFrameError(`unknown sync message type ${subType}`);
    } else if (type === messageType.awareness) {
      result = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === messageType.queryAwareness) {
      result = { kind: 'queryAwareness' };
    } else if (type === messageType.storedAck) {
      result = { kind: 'storedAck', marker: decoding.readVarUint(decoder) };
    } else {
      throw new MalformedFrameError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrameError('trailing bytes after the message');
    return result;
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(`truncated or invalid message (${(error as Error).message})`);
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.sync);
    encoding.writeVarUint(encoder, syncMessageType.step1);
    encoding.writeVarUint8Array(encoder, stateVector);
  });
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.sync);
    encoding.writeVarUint(encoder, syncMessageType.step2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.sync);
    encoding.writeVarUint(encoder, syncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** Confirms that everything a client sent before its marker is stored. */
export function encodeStoredAck(marker: number): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.storedAck);
    encoding.writeVarUint(encoder, marker);
  });
}

/** Tells a client that something it reads through the API changed. */
export function encodeNotice(topic: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.notice);
    encoding.writeVarString(encoder, topic);
  });
}

/** y-protocols' auth message "permission denied", which the stock provider reports as a warning. */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, messageType.auth);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, reason);
  });
}
