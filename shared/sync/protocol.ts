/**
 * The sync wire protocol: the y-websocket protocol (y-protocols sync and awareness messages),
 * one socket per document at `${syncPath}/${documentId}?token=...&protocol=N`.
 * See docs/api.md for the full description.
 */

/** Bumped when the server stops understanding what older clients send. */
export const syncProtocolVersion = 1;

export const syncPath = '/sync';

/** First varUint of every frame (y-websocket's message table). */
export const messageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Thỏa Ước's extension (stock clients never send it): a client sends a marker number; the server
   * echoes it once every update the client sent before the marker is stored in the database.
   */
  storedAck: 4,
  /**
   * Thỏa Ước's extension, sent only to clients that asked with `notices=1`: something the client
   * reads through the API changed (payload: a topic such as "threads"); fetch it again.
   */
  notice: 5,
} as const;

/** Second varUint of a sync frame (y-protocols/sync). */
export const syncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** WebSocket close codes the server uses, and what each means. */
export const closeCodes = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A frame was larger than the server's limit. */
  tooBig: 1009,
  /** The server failed to store an update; nothing after the last stored update was kept. */
  storageFailure: 1011,
  /** A frame that is not a valid y-websocket message. */
  malformed: 4400,
  /** No token, an unknown token, or a revoked one. */
  unauthorized: 4401,
  /** The token is valid but belongs to another document. */
  forbidden: 4403,
  /** No document with that id. */
  unknownDocument: 4404,
  /** The client asked for a protocol version this server does not speak. */
  protocolMismatch: 4426,
  /** The participant already has as many connections to the document as the server allows. */
  tooManyConnections: 4429,
  /** The connection did not read what the server sent (its unsent frames piled up); reconnect. */
  tooSlow: 4508,
} as const;

export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];
