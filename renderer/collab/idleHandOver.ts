/**
 * Updates gathered and handed over together in an idle moment of the page (within `withinMs` even
 * when it never is), not one by one while a keystroke is being drawn: what the offline copy keeps
 * of the server's changes, and what the compliance check's worker is given.
 */
export class IdleHandOver {
  private gathered: Uint8Array[] = [];
  private pending: number | undefined;

  constructor(
    private readonly handOver: (updates: Uint8Array[]) => void,
    private readonly withinMs: number,
  ) {}

  add(update: Uint8Array): void {
    this.gathered.push(update);
    this.pending ??= requestIdleCallback(this.flush, { timeout: this.withinMs });
  }

  /** Hands over what is gathered now (before something that may build on it, or as the page closes). */
  readonly flush = (): void => {
    this.cancel();
    if (this.gathered.length === 0) return;
    const updates = this.gathered;
    this.gathered = [];
    this.handOver(updates);
  };

  /** Forgets what is gathered. */
  discard(): void {
    this.cancel();
    this.gathered = [];
  }

  private cancel(): void {
    if (this.pending !== undefined) cancelIdleCallback(this.pending);
    this.pending = undefined;
  }
}
