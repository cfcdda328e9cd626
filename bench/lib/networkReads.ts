/**
 * How the sync server receives a burst of updates. `ws` reads the socket up to 64 KiB at a time
 * and emits every complete frame of that read in one event-loop turn; PersistentDoc commits
 * what one turn received in one transaction (group commit). Replaying a trace as one batch of
 * frames per socket read reproduces that shape without the network.
 */

/** What one socket read delivers at most (libuv's read buffer for a TCP stream). */
export const socketReadBytes = 64 * 1024;

function varUintLength(value: number): number {
  let length = 1;
  for (let rest = value >>> 7; rest > 0; rest >>>= 7) length += 1;
  return length;
}

/**
 * Bytes on the wire for one y-websocket sync update sent by a client: the message (type 0,
 * sync type 2, length-prefixed update) inside a masked WebSocket binary frame (2 header
 * bytes, 4 mask bytes, 2 or 8 more for long payloads).
 */
export function clientFrameBytes(updateBytes: number): number {
  const message = 2 + varUintLength(updateBytes) + updateBytes;
  const extendedLength = message < 126 ? 0 : message < 65_536 ? 2 : 8;
  return 2 + 4 + extendedLength + message;
}

/**
 * Splits updates, in order, into the batches one socket read would deliver: consecutive frames
 * up to `readBytes` in total (a larger frame is a batch of its own).
 */
export function batchesPerSocketRead<T extends { length: number }>(updates: readonly T[], readBytes = socketReadBytes): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const update of updates) {
    const frame = clientFrameBytes(update.length);
    if (current.length > 0 && bytes + frame > readBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(update);
    bytes += frame;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
