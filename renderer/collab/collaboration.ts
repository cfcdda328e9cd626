import { readVarString, readVarUint } from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { messageType, syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { contentRoot } from '#shared/document/yjsContent';
import { IdleHandOver } from './idleHandOver';
import { encodeStoredMarker, PendingChanges, readStoredMarker } from './storedAcks';

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'refused';

export interface CollaborationStatus {
  connection: ConnectionState;
  /** The server has sent its full state at least once on this connection. */
  synced: boolean;
  /** Local changes not yet stored on the server. */
  pendingChanges: number;
  /** The body is available (from the server, or from this device's offline copy). */
  contentReady: boolean;
  /** Why the server refused the connection (close code 44xx), if it did. */
  refusal: { code: number; reason: string } | null;
}

export interface CollaborationOptions {
  serverUrl: string;
  documentId: string;
  token: string;
}

/** How long local changes gather before one marker asks the server to confirm them all. */
const markerDelayMs = 100;
/** The longest the server's changes wait for an idle moment of the page to be kept on this device. */
const storeServerChangesWithinMs = 1000;

/**
 * One open document: its Y.Doc, kept on this device (IndexedDB) for offline work, synced through
 * the stock y-websocket provider, with a live status for the connection indicator.
 */
export class Collaboration {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly offlineCopy: IndexeddbPersistence;
  private readonly pending: PendingChanges;
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(topic: string) => void>();
  private readonly refusalListeners = new Set<(reason: string) => void>();
  /** A refusal heard before anyone listened (the document may be opened before the page renders). */
  private unheardRefusal: string | null = null;
  private markerTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly serverChangesToStore: IdleHandOver;
  private status: CollaborationStatus = { connection: 'connecting', synced: false, pendingChanges: 0, contentReady: false, refusal: null };

  constructor(options: CollaborationOptions) {
    const deviceKey = `thoa-uoc/${new URL(options.serverUrl).host}/${options.documentId}`;
    this.pending = new PendingChanges(`${deviceKey}/pending`);
    this.offlineCopy = new IndexeddbPersistence(deviceKey, this.doc);
    this.serverChangesToStore = new IdleHandOver((updates) => {
      for (const update of updates) this.offlineCopy._storeUpdate(update, this.provider);
    }, storeServerChangesWithinMs);
    this.doc.off('update', this.offlineCopy._storeUpdate);
    this.doc.on('update', this.keepOnDevice);
    this.provider = new WebsocketProvider(`${options.serverUrl.replace(/^http/, 'ws')}${syncPath}`, options.documentId, this.doc, {
      params: { token: options.token, protocol: String(syncProtocolVersion), notices: '1' },
      disableBc: true,
    });
    this.provider.messageHandlers[messageType.auth] = (_encoder, decoder) => {
      if (readVarUint(decoder) === 0) this.writeRefused(readVarString(decoder));
    };
    this.provider.messageHandlers[messageType.notice] = (_encoder, decoder) => {
      const topic = readVarString(decoder);
      for (const listener of this.noticeListeners) listener(topic);
    };
    this.provider.messageHandlers[messageType.storedAck] = (_encoder, decoder) => {
      this.pending.confirmStored(readStoredMarker(decoder));
      this.setStatus({});
    };
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => this.onUpdate(origin));
    this.provider.on('status', ({ status }) =>
      this.setStatus({ connection: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' }),
    );
    this.provider.on('sync', (isSynced: boolean) => {
      if (isSynced) this.sendMarker(this.pending.latestMarker);
      this.setStatus({ synced: isSynced, contentReady: this.status.contentReady || isSynced });
    });
    this.provider.on('closed', ({ code, reason }) => this.setStatus({ connection: 'refused', refusal: { code, reason } }));
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    window.addEventListener('pagehide', this.pending.flush);
    window.addEventListener('pagehide', this.serverChangesToStore.flush);
    if (!navigator.onLine) this.goOffline();
    void this.offlineCopy.whenSynced.then(() => {
      if (contentRoot(this.doc).length > 0) this.setStatus({ contentReady: true });
    });
    this.setStatus({ pendingChanges: this.pending.count });
  }

  /** The browser knows the network is gone before a socket times out: stop trying until it is back. */
  private readonly goOffline = (): void => {
    this.provider.disconnect();
    this.setStatus({ connection: 'offline', synced: false });
  };

  private readonly goOnline = (): void => {
    if (this.status.connection !== 'refused') this.provider.connect();
  };

  /**
   * Keeps every change in the offline copy: this device's own at once, as they may exist nowhere
   * else yet; the server's together in an idle moment of the page (they are safe on the server),
   * so that storing them costs nothing while another person's keystroke is being drawn. The
   * server's changes waiting are stored before a change of this device, which may build on them.
   */
  private readonly keepOnDevice = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) {
      this.serverChangesToStore.add(update);
      return;
    }
    this.serverChangesToStore.flush();
    this.offlineCopy._storeUpdate(update, origin);
  };

  private onUpdate(origin: unknown): void {
    // Changes from the server or from this device's offline copy are not local edits.
    if (origin === this.provider || origin === this.offlineCopy) return;
    this.pending.recordLocalChange();
    // One marker for a burst of changes rather than one per keystroke: the server confirms
    // everything sent before a marker, and the indicator shows "saving" only after a second.
    this.markerTimer ??= setTimeout(() => {
      this.markerTimer = undefined;
      this.sendMarker(this.pending.latestMarker);
    }, markerDelayMs);
    this.setStatus({});
  }

  /** The provider has already sent the update (its listener runs first); the marker follows it. */
  private sendMarker(marker: number): void {
    const socket = this.provider.ws;
    if (marker > 0 && this.provider.wsconnected && socket && socket.readyState === socket.OPEN) socket.send(encodeStoredMarker(marker));
  }

  private setStatus(change: Partial<CollaborationStatus>): void {
    this.status = { ...this.status, ...change, pendingChanges: this.pending.count };
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getStatus = (): CollaborationStatus => this.status;

  private writeRefused(reason: string): void {
    if (this.refusalListeners.size === 0) this.unheardRefusal = reason;
    for (const listener of this.refusalListeners) listener(reason);
  }

  /**
   * Hears the server refuse a change from this device (y-protocols "permission denied"). Every
   * later change depends on the refused one, so this device must start again from the server's copy.
   */
  onWriteRefused(listener: (reason: string) => void): () => void {
    this.refusalListeners.add(listener);
    if (this.unheardRefusal !== null) {
      const reason = this.unheardRefusal;
      this.unheardRefusal = null;
      listener(reason);
    }
    return () => this.refusalListeners.delete(listener);
  }

  /** Hears the server say that something read through the API changed (e.g. "threads"). */
  onNotice(listener: (topic: string) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Forgets this device's copy of the document (after a refusal): the server's copy is the truth. */
  async discardLocalCopy(): Promise<void> {
    this.provider.disconnect();
    this.serverChangesToStore.discard();
    await this.offlineCopy.clearData();
    this.pending.forget();
  }

  destroy(): void {
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    window.removeEventListener('pagehide', this.pending.flush);
    window.removeEventListener('pagehide', this.serverChangesToStore.flush);
    clearTimeout(this.markerTimer);
    this.pending.flush();
    this.serverChangesToStore.flush();
    this.provider.destroy();
    void this.offlineCopy.destroy();
    this.doc.destroy();
    this.listeners.clear();
    this.noticeListeners.clear();
    this.refusalListeners.clear();
  }
}
