import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BenchmarkError } from './benchmark';
import { typingTarget } from './traceBody';

/** A stock y-websocket client (WebsocketProvider over `ws`), as any third party would connect. */
export interface BenchClient {
  readonly doc: Y.Doc;
  /** The body's first paragraph, where it types (once synced). */
  readonly text: Y.XmlText;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export interface Endpoint {
  /** ws://host:port[/path]; the provider appends `/${room}`. */
  url: string;
  room: string;
  params: Record<string, string>;
}

/** `seed`: an update applied before connecting (a room of the reference server starts empty). */
export function connectClient(endpoint: Endpoint, seed?: Uint8Array): BenchClient {
  // Each provider adds a process 'exit' listener; a benchmark holds dozens of them on purpose.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 200));
  const doc = new Y.Doc();
  if (seed) Y.applyUpdate(doc, seed);
  const provider = new WebsocketProvider(endpoint.url, endpoint.room, doc, {
    params: endpoint.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // No BroadcastChannel shortcut between providers of one process: every edit crosses the server.
    disableBc: true,
  });
  return {
    doc,
    get text() {
      return typingTarget(doc);
    },
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once every client has completed its first sync with the server. */
export async function whenAllSynced(clients: readonly BenchClient[], what: string, timeoutMs = 15_000): Promise<void> {
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve, reject) => {
          if (client.provider.synced) return resolve();
          const timer = setTimeout(() => {
            client.provider.off('sync', onSync);
            reject(new BenchmarkError(`${what}: a client did not sync within ${timeoutMs} ms`));
          }, timeoutMs);
          const onSync = (isSynced: boolean): void => {
            if (!isSynced) return;
            clearTimeout(timer);
            client.provider.off('sync', onSync);
            resolve();
          };
          client.provider.on('sync', onSync);
        }),
    ),
  );
}
