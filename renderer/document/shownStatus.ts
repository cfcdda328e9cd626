import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Collaboration, CollaborationStatus } from '../collab/collaboration';

export type ShownState = 'refused' | 'offline' | 'connecting' | 'syncing' | 'saving' | 'saved';

/** What the connection indicator shows; a new object only when something shown changes. */
export interface ShownStatus {
  state: ShownState;
  /** Changes not yet stored on the server, as shown (0 while within the grace period). */
  pending: number;
  /** Why the server refused the connection: its close code (shared/sync/protocol.ts), null while not refused. */
  refusalCode: number | null;
}

/**
 * While connected, a change the server stores within this time never shows as "saving": every
 * keystroke is stored within milliseconds, and showing it would flicker the indicator and make
 * the page do a React commit (which walks the whole document while the editor has the focus)
 * twice per keystroke. Offline, connecting or syncing, pending changes show at once.
 */
export const savingGraceMs = 1000;

function stateOf(status: CollaborationStatus): ShownState {
  return status.connection === 'refused'
    ? 'refused'
    : status.connection === 'offline'
      ? 'offline'
      : status.connection === 'connecting'
        ? 'connecting'
        : !status.synced
          ? 'syncing'
          : status.pendingChanges > 0
            ? 'saving'
            : 'saved';
}

/** Follows a collaboration's status and derives what to show, with the grace period for saving. */
export class ShownStatusStore {
  private shown: ShownStatus = { state: 'connecting', pending: 0, refusalCode: null };
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private isGraceOver = false;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly collaboration: Collaboration) {
    this.unsubscribe = collaboration.subscribe(() => this.update());
    this.update();
  }

  private update(): void {
    const status = this.collaboration.getStatus();
    const state = stateOf(status);
    if (state !== 'saving') {
      clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
      this.isGraceOver = false;
    } else if (!this.isGraceOver) {
      this.graceTimer ??= setTimeout(() => {
        this.graceTimer = undefined;
        this.isGraceOver = true;
        this.update();
      }, savingGraceMs);
    }
    const isHidden = state === 'saving' && !this.isGraceOver;
    const next: ShownStatus = { state: isHidden ? 'saved' : state, pending: isHidden ? 0 : status.pendingChanges, refusalCode: status.refusal?.code ?? null };
    if (next.state === this.shown.state && next.pending === this.shown.pending && next.refusalCode === this.shown.refusalCode) return;
    this.shown = next;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ShownStatus => this.shown;

  dispose(): void {
    clearTimeout(this.graceTimer);
    this.unsubscribe();
    this.listeners.clear();
  }
}

const noCollaboration: ShownStatus = { state: 'connecting', pending: 0, refusalCode: null };
const noSubscription = (): (() => void) => () => {};

/** The connection indicator's content for a collaboration (connecting until there is one). */
export function useShownStatus(collaboration: Collaboration | null): ShownStatus {
  const [store, setStore] = useState<ShownStatusStore | null>(null);
  useEffect(() => {
    if (!collaboration) return;
    const opened = new ShownStatusStore(collaboration);
    setStore(opened);
    return () => {
      opened.dispose();
      setStore(null);
    };
  }, [collaboration]);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? (() => noCollaboration));
}
