import type { ApiClient } from '#shared/api/client';
import type { LifecycleView } from '#shared/api/lifecycle';
import type { ReviewView } from '#shared/api/review';

export interface LifecycleSnapshot {
  lifecycle: LifecycleView | null;
  review: ReviewView | null;
}

/**
 * The lifecycle of the open document and the authority's review of it, as the API serves them:
 * fetched on opening, again when the server says they changed (notices "lifecycle" and "review"),
 * after this page takes a step, and when the window comes back into focus.
 */
export class LifecycleStore {
  private snapshot: LifecycleSnapshot = { lifecycle: null, review: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly client: ApiClient,
    readonly documentId: string,
  ) {
    void this.refresh();
  }

  /** Fetches the lifecycle and the review again; offline, the last ones stay. */
  readonly refresh = async (): Promise<void> => {
    try {
      const [lifecycle, review] = await Promise.all([
        this.client.call('lifecycle/get', { documentId: this.documentId }),
        this.client.call('review/get', { documentId: this.documentId }),
      ]);
      this.set({ lifecycle, review });
    } catch {
      // Offline or refused: what was shown stays; the next notice or focus tries again.
    }
  };

  /** Takes the result of a call that returned the new lifecycle (a step), then refreshes the review. */
  acceptLifecycle(lifecycle: LifecycleView): void {
    this.set({ ...this.snapshot, lifecycle });
    void this.refresh();
  }

  private set(snapshot: LifecycleSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LifecycleSnapshot => this.snapshot;
}
