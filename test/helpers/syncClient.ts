import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncPath } from '#shared/sync/protocol';
import { waitFor } from './waitFor';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  destroy(): void;
}

/** A stock y-websocket client (WebsocketProvider with `ws`), as any third party would use. */
export function connectClient(serverUrl: string, documentId: string, token: string, doc = new Y.Doc()): SyncClient {
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}${syncPath}`, documentId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    text: doc.getText('content'),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
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
  return waitFor(() => predicate(client.text.toString()), what, {
    timeoutMs,
    subscribe: (notify) => {
      client.doc.on('update', notify);
      return () => client.doc.off('update', notify);
    },
  });
}
