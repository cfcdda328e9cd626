/**
 * Which of a document's logged updates (by sequence number) a server copy holds. The log numbers
 * the batches of every instance writing to the document in one sequence; a copy holds its own and
 * those relayed to it, which may arrive out of order. `through` is the highest number up to which
 * it holds every update: what it may fold into a checkpoint, and where a catch-up from the log starts.
 */
export class AppliedSeqs {
  /** Held ranges above `through` (with a gap before each), in order, never touching. */
  private readonly beyond: [number, number][] = [];

  constructor(private held: number) {}

  get through(): number {
    return this.held;
  }

  /** Whether some update numbered below one the copy holds is missing from it. */
  get hasGap(): boolean {
    return this.beyond.length > 0;
  }

  /** Whether the copy holds every update numbered `first` to `last`. */
  holds(first: number, last: number): boolean {
    if (last <= this.held) return true;
    return this.beyond.some(([from, to]) => from <= Math.max(first, this.held + 1) && to >= last);
  }

  /** The copy now holds the updates numbered `first` to `last`. */
  add(first: number, last: number): void {
    if (last < first) return;
    const ranges: [number, number][] = [...this.beyond, [first, last]];
    ranges.sort((a, b) => a[0] - b[0]);
    this.beyond.length = 0;
    for (const [from, to] of ranges) {
      if (from <= this.held + 1) {
        this.held = Math.max(this.held, to);
        continue;
      }
      const previous = this.beyond.at(-1);
      if (previous && from <= previous[1] + 1) previous[1] = Math.max(previous[1], to);
      else this.beyond.push([from, to]);
    }
  }
}
