/**
 * The shortest edit script between two sequences, in memory linear in their length: Myers' O(ND)
 * algorithm with its linear-space refinement (Myers 1986, "An O(ND) difference algorithm and its
 * variations", section 4b). The edit graph is searched from both corners at once until the two
 * searches meet on a "middle snake" that lies on a shortest path; the parts before and after it
 * are solved the same way. Only two frontiers of N + M + 1 integers are kept, whatever the number
 * of edits (keeping one frontier per edit, as the plain algorithm does to trace its path back,
 * took gigabytes on long texts with many edits).
 *
 * The work — cells of the edit graph visited, diagonal moves included — is drawn from a budget
 * shared by everything one request compares: a comparison that would need more than half of what
 * is left stops and returns null, so that the caller can compare more coarsely instead, and no
 * request holds the CPU for longer than its budget allows (docs/decisions/0014-diff-budget.md).
 */

export type DiffKind = 'equal' | 'inserted' | 'deleted';

/** One step of an edit script: a[aIndex] kept as b[bIndex], a[aIndex] deleted, or b[bIndex] inserted. */
export type SequenceEdit = { kind: DiffKind; aIndex: number; bIndex: number };

/** The comparing work one request may still do, in cells of the edit graph. */
export interface DiffBudget {
  remaining: number;
}

/**
 * What one request (a comparison, an export, a redline on screen) may spend: 30 to 45 ms of CPU
 * on the development machine (see the decision record). A paragraph of 1,000 words rewritten
 * throughout still compares word by word on the half of it one comparison may take.
 */
const requestDiffUnits = 3_000_000;

export function createDiffBudget(units: number = requestDiffUnits): DiffBudget {
  return { remaining: units };
}

/** The elements as small integers (equal elements, equal numbers), and how many of them are unmatched. */
function interned<T>(a: readonly T[], b: readonly T[]): { x: Int32Array; y: Int32Array; unmatched: number } {
  const ids = new Map<T, number>();
  const balance: number[] = [];
  const idOf = (element: T, side: 1 | -1): number => {
    let id = ids.get(element);
    if (id === undefined) {
      id = balance.length;
      ids.set(element, id);
      balance.push(0);
    }
    balance[id] = (balance[id] as number) + side;
    return id;
  };
  const x = Int32Array.from(a, (element) => idOf(element, 1));
  const y = Int32Array.from(b, (element) => idOf(element, -1));
  // An element that one side has more often than the other is deleted or inserted that many times.
  const unmatched = balance.reduce((sum, count) => sum + Math.abs(count), 0);
  return { x, y, unmatched };
}

interface Search {
  x: Int32Array;
  y: Int32Array;
  /** Furthest x reached on each diagonal k = x - y (at index k + m of the part being split), -1 where none is. */
  forward: Int32Array;
  /** The same from the far corner, in the coordinates of the reversed parts. */
  backward: Int32Array;
  work: number;
  limit: number;
}

/**
 * Where the furthest reaching d-path on diagonal k starts before its snake: down from the
 * furthest (d-1)-path on k + 1 (an insertion) or right from the one on k - 1 (a deletion),
 * whichever gets further without leaving the grid; -1 when neither can. `low` and `high` are the
 * diagonals the (d-1)-paths reached.
 */
function startOf(frontier: Int32Array, k: number, low: number, high: number, n: number, m: number): number {
  const above = k + 1 <= high ? (frontier[k + 1 + m] as number) : -1;
  const below = k - 1 >= low ? (frontier[k - 1 + m] as number) : -1;
  const down = above >= 0 && above - k <= m ? above : -1;
  const right = below >= 0 && below < n ? below + 1 : -1;
  return down > right ? down : right;
}

/**
 * A point on a shortest path through x[a0..a1) × y[b0..b1), about halfway along it (the end of
 * the middle snake), or null when the budget ran out. Both parts are non-empty and differ at both
 * ends (the caller trimmed them), so the point splits the problem into two smaller ones.
 */
function middle(search: Search, a0: number, a1: number, b0: number, b1: number): [number, number] | null {
  const { x, y, forward, backward, limit } = search;
  const n = a1 - a0;
  const m = b1 - b0;
  const delta = n - m;
  const isOdd = (delta & 1) !== 0;
  let work = search.work;
  // The diagonals k = x - y that d-paths reach run from low to high, by steps of 2; the same for
  // both searches (the backward one numbers the diagonals of the reversed parts, where forward
  // diagonal k is delta - k). Those of the step before bound where a path can come from.
  let low = 0;
  let high = 0;
  let previousLow = 1;
  let previousHigh = -1;
  for (let d = 0; ; d += 1) {
    for (let k = low; k <= high; k += 2) {
      let at = d === 0 ? 0 : startOf(forward, k, previousLow, previousHigh, n, m);
      if (at >= 0) {
        const start = at;
        let along = at - k;
        while (at < n && along < m && x[a0 + at] === y[b0 + along]) {
          at += 1;
          along += 1;
        }
        work += at - start;
      }
      work += 1;
      if (work > limit) {
        search.work = work;
        return null;
      }
      forward[k + m] = at;
      // With delta odd, the searches meet after 2d - 1 edits, on a backward path of the step before.
      const c = delta - k;
      if (isOdd && at >= 0 && c >= previousLow && c <= previousHigh) {
        const back = backward[c + m] as number;
        if (back >= 0 && at + back >= n) {
          search.work = work;
          return [a0 + at, b0 + at - k];
        }
      }
    }
    for (let k = low; k <= high; k += 2) {
      let at = d === 0 ? 0 : startOf(backward, k, previousLow, previousHigh, n, m);
      if (at >= 0) {
        const start = at;
        let along = at - k;
        while (at < n && along < m && x[a1 - 1 - at] === y[b1 - 1 - along]) {
          at += 1;
          along += 1;
        }
        work += at - start;
      }
      work += 1;
      if (work > limit) {
        search.work = work;
        return null;
      }
      backward[k + m] = at;
      // With delta even, after 2d edits, on a forward path of this step.
      const c = delta - k;
      if (!isOdd && at >= 0 && c >= low && c <= high) {
        const ahead = forward[c + m] as number;
        if (ahead >= 0 && at + ahead >= n) {
          search.work = work;
          return [a1 - at, b1 - (at - k)];
        }
      }
    }
    previousLow = low;
    previousHigh = high;
    low = d + 1 <= m ? -(d + 1) : -m + ((d + 1 - m) & 1);
    high = d + 1 <= n ? d + 1 : n - ((d + 1 - n) & 1);
  }
}

const push = (edits: SequenceEdit[], kind: DiffKind, aIndex: number, bIndex: number): void => {
  edits.push({ kind, aIndex, bIndex });
};

/** Appends the shortest edit script of x[a0..a1) → y[b0..b1) to `edits`; false when the budget ran out. */
function solve(search: Search, a0: number, a1: number, b0: number, b1: number, edits: SequenceEdit[]): boolean {
  const { x, y } = search;
  while (a0 < a1 && b0 < b1 && x[a0] === y[b0]) {
    push(edits, 'equal', a0, b0);
    a0 += 1;
    b0 += 1;
  }
  let end = 0;
  while (a1 - end > a0 && b1 - end > b0 && x[a1 - 1 - end] === y[b1 - 1 - end]) end += 1;
  a1 -= end;
  b1 -= end;
  if (a0 === a1) for (let index = b0; index < b1; index += 1) push(edits, 'inserted', a0, index);
  else if (b0 === b1) for (let index = a0; index < a1; index += 1) push(edits, 'deleted', index, b0);
  else {
    const split = middle(search, a0, a1, b0, b1);
    if (!split || !solve(search, a0, split[0], b0, split[1], edits) || !solve(search, split[0], a1, split[1], b1, edits)) return false;
  }
  for (let offset = 0; offset < end; offset += 1) push(edits, 'equal', a1 + offset, b1 + offset);
  return true;
}

/**
 * Within each stretch of changes, the deletions first, then the insertions, each in order (a
 * deletion stands at the stretch's start in b, an insertion after the stretch's deletions in a).
 */
function deletionsFirst(edits: readonly SequenceEdit[]): SequenceEdit[] {
  const ordered: SequenceEdit[] = [];
  let deleted: number[] = [];
  let inserted: number[] = [];
  let aIndex = 0;
  let bIndex = 0;
  const flush = (): void => {
    for (const index of deleted) ordered.push({ kind: 'deleted', aIndex: index, bIndex });
    aIndex += deleted.length;
    for (const index of inserted) ordered.push({ kind: 'inserted', aIndex, bIndex: index });
    bIndex += inserted.length;
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    if (edit.kind === 'deleted') deleted.push(edit.aIndex);
    else if (edit.kind === 'inserted') inserted.push(edit.bIndex);
    else {
      flush();
      ordered.push(edit);
      aIndex += 1;
      bIndex += 1;
    }
  }
  flush();
  return ordered;
}

/**
 * The shortest edit script turning `a` into `b`, as equal / deleted (from a) / inserted (from b)
 * steps in order, deletions before insertions within a stretch of changes; null when it would
 * cost more than half of what is left of `budget` (what was spent is spent), so that one huge
 * change always leaves something for a coarser comparison and for the rest of the request.
 * Elements are compared with SameValueZero.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], budget: DiffBudget): SequenceEdit[] | null {
  const allowed = budget.remaining / 2;
  const { x, y, unmatched } = interned(a, b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start += 1;
  let end = 0;
  while (x.length - end > start && y.length - end > start && x[x.length - 1 - end] === y[y.length - 1 - end]) end += 1;
  // The search from each corner takes at least half the edits, which are at least the unmatched
  // elements, and visits one diagonal more at each edit while both parts are longer than that:
  // no need to start what the budget cannot finish.
  const steps = Math.min(Math.ceil(unmatched / 2), x.length - start - end, y.length - start - end);
  if (steps * (steps + 1) > allowed) return null;
  const size = x.length + y.length + 1;
  const search: Search = { x, y, forward: new Int32Array(size), backward: new Int32Array(size), work: 0, limit: allowed };
  const edits: SequenceEdit[] = [];
  const isSolved = solve(search, 0, x.length, 0, y.length, edits);
  budget.remaining = Math.max(0, budget.remaining - search.work);
  return isSolved ? deletionsFirst(edits) : null;
}

/**
 * The shortest edit script between two lists in which no element repeats (the articles of two
 * texts, by id), in the same form as diffSequences. Their longest common subsequence is a longest
 * increasing run of the first list's positions taken in the order of the second, found in
 * O(n log n) (patience sorting), so no budget is needed however many elements moved. Of the
 * runs as long, the one keeping the elements that come first in `b` is chosen: when an element
 * was moved down past others, it is the one reported moved, not the others.
 */
export function diffDistinct<T>(a: readonly T[], b: readonly T[]): SequenceEdit[] {
  const positionInA = new Map(a.map((element, index) => [element, index]));
  const positions = b.map((element) => positionInA.get(element) ?? -1);
  // From the end: how long an increasing run can start at each element of b (0: not in a).
  const runFrom = new Int32Array(b.length);
  const smallestStarts: number[] = []; // the largest first position of a run of each length, negated
  for (let bIndex = b.length - 1; bIndex >= 0; bIndex -= 1) {
    const position = positions[bIndex] as number;
    if (position < 0) continue;
    let low = 0;
    let high = smallestStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((smallestStarts[mid] as number) < -position) low = mid + 1;
      else high = mid;
    }
    smallestStarts[low] = -position;
    runFrom[bIndex] = low + 1;
  }
  const edits: SequenceEdit[] = [];
  let aIndex = 0;
  let bIndex = 0;
  let wanted = smallestStarts.length;
  const keep = (keptA: number, keptB: number): void => {
    for (; aIndex < keptA; aIndex += 1) edits.push({ kind: 'deleted', aIndex, bIndex });
    for (; bIndex < keptB; bIndex += 1) edits.push({ kind: 'inserted', aIndex, bIndex });
  };
  for (let index = 0; index < b.length && wanted > 0; index += 1) {
    const position = positions[index] as number;
    if (runFrom[index] !== wanted || position < aIndex) continue;
    keep(position, index);
    edits.push({ kind: 'equal', aIndex, bIndex });
    aIndex += 1;
    bIndex += 1;
    wanted -= 1;
  }
  keep(a.length, b.length);
  return edits;
}
