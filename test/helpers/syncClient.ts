import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { readAuthMessage } from 'y-protocols/auth';
import * as Y from 'yjs';
import { contentRoot } from '#shared/document/yjsContent';
import { messageType, syncPath } from '#shared/sync/protocol';
import { bodyParagraph, findBodyParagraph } from './bodyText';
import { waitFor } from './waitFor';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The body's first paragraph (available once synced with a document that has one). */
  text: Y.XmlText;
  /** Every "permission denied" reason the server sent (y-protocols auth messages), in order. */
  denials: string[];
  /** How many times the server side closed the socket (not counting disconnect() or destroy()). */
  drops: number;
  /** Calls `listener` after each "permission denied" message; returns the unsubscribe function. */
  onDenied(listener: () => void): () => void;
  destroy(): void;
}

/** A close the server decided: the stock provider stops reconnecting on 4400-4499. */
export interface ServerClose {
  code: number;
  reason: string;
}

/**
 * A stock y-websocket client (WebsocketProvider with `ws`), as any third party would use.
 * `token` undefined connects without one; `params` adds query parameters (e.g. `protocol`).
 */
export function connectClient(
  serverUrl: string,
  documentId: string,
  token: string | undefined,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
): SyncClient {
  // Each provider adds a process 'exit' listener; a test may hold a dozen clients at once on purpose.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 50));
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}${syncPath}`, documentId, doc, {
    params: token === undefined ? params : { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const deniedListeners = new Set<() => void>();
  const client: SyncClient = {
    doc,
    provider,
    get text() {
      return bodyParagraph(doc);
    },
    denials: [],
    drops: 0,
    onDenied(listener) {
      deniedListeners.add(listener);
      return () => deniedListeners.delete(listener);
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  // The provider's own auth handler only prints a warning; messageHandlers is its documented
  // per-instance table, so record the reasons instead (the rest of the client stays stock).
  provider.messageHandlers[messageType.auth] = (_encoder, decoder) => {
    readAuthMessage(decoder, doc, (_doc, reason) => {
      client.denials.push(reason);
      for (const listener of deniedListeners) listener();
    });
  };
  provider.on('connection-close', (event) => {
    if (event !== null) client.drops += 1;
  });
  return client;
}

/**
 * A stock client whose Y.Doc binds the body as the app does (a Y.XmlText: shared/document/
 * yjsContent.ts), registered in `clients` for the test's clean-up, once synced with the server.
 */
export async function connectSyncedClient(serverUrl: string, documentId: string, token: string, clients: SyncClient[]): Promise<SyncClient> {
  const doc = new Y.Doc();
  contentRoot(doc);
  const client = connectClient(serverUrl, documentId, token, doc);
  clients.push(client);
  await synced(client);
  return client;
}

/** Waits for the provider's first full sync with the server. */
export function synced(client: SyncClient): Promise<void> {
  return waitFor(() => client.provider.synced, 'the provider to sync', {
    subscribe: (notify) => {
      client.provider.on('sync', notify);
      return () => client.provider.off('sync', notify);
    },
  });
}

/** Waits until a client's text satisfies a predicate. */
export function textMatches(client: SyncClient, predicate: (text: string) => boolean, what: string, timeoutMs?: number): Promise<void> {
  return waitFor(
    () => {
      const text = findBodyParagraph(client.doc);
      return text !== null && predicate(text.toString());
    },
    what,
    {
      timeoutMs,
      subscribe: (notify) => {
        client.doc.on('update', notify);
        return () => client.doc.off('update', notify);
      },
    },
  );
}

/** Waits until a client has received at least `count` "permission denied" messages. */
export function deniedAtLeast(client: SyncClient, count: number, timeoutMs?: number): Promise<void> {
  return waitFor(() => client.denials.length >= count, `${count} permission-denied message(s)`, {
    timeoutMs,
    subscribe: (notify) => client.onDenied(notify),
  });
}

/** Resolves with the code and reason of the server's refusal (the provider's 'closed' event). */
export function serverClose(client: SyncClient, timeoutMs = 5_000): Promise<ServerClose> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for the server to close the socket`)), timeoutMs);
    client.provider.once('closed', (event) => {
      clearTimeout(timer);
      resolve({ code: event.code, reason: event.reason });
    });
  });
}

/** The presence states a client sees of others (its own left out). */
export function remoteStates(client: SyncClient): Map<number, Record<string, unknown>> {
  const states = new Map(client.provider.awareness.getStates());
  states.delete(client.doc.clientID);
  return states as Map<number, Record<string, unknown>>;
}

/** Waits until what a client sees of others' presence satisfies a predicate. */
export function presenceMatches(
  client: SyncClient,
  predicate: (states: Map<number, Record<string, unknown>>) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<void> {
  return waitFor(() => predicate(remoteStates(client)), what, {
    timeoutMs,
    subscribe: (notify) => {
      client.provider.awareness.on('change', notify);
      return () => client.provider.awareness.off('change', notify);
    },
  });
}

/**
 * Cuts a stock client's socket as a crash or a lost network would: no close frame, no "I left"
 * awareness message (which provider.disconnect() and destroy() do send), and no reconnection.
 */
export function cutSocket(client: SyncClient): void {
  const socket = client.provider.ws;
  if (!(socket instanceof WebSocket)) throw new Error('the client has no open ws socket');
  client.provider.shouldConnect = false;
  socket.terminate();
}
