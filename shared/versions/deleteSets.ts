import * as Y from 'yjs';

/**
 * Yjs delete sets as versions store them. A delete set lists, per client, the ranges of clocks
 * deleted; deletions are permanent, so the delete set of a later snapshot contains that of an
 * earlier one, and a version can keep only the ranges deleted since its base.
 */

export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

type Range = { clock: number; len: number };

/** The ranges of a client, sorted by clock, adjacent and overlapping ranges merged. */
function normalised(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.clock <= last.clock + last.len) last.len = Math.max(last.len, range.clock + range.len - last.clock);
    else merged.push({ clock: range.clock, len: range.len });
  }
  return merged;
}

/** The ranges of `whole` that are not in `part` (`whole` minus `part`). */
export function subtractDeleteSet(whole: DeleteSet, part: DeleteSet): DeleteSet {
  const result = Y.createDeleteSet();
  for (const [client, wholeRanges] of whole.clients) {
    const removed = normalised(part.clients.get(client) ?? []);
    const kept: Range[] = [];
    let index = 0;
    for (const range of normalised(wholeRanges)) {
      let start = range.clock;
      const end = range.clock + range.len;
      while (index < removed.length && (removed[index] as Range).clock + (removed[index] as Range).len <= start) index += 1;
      for (let cursor = index; cursor < removed.length && start < end; cursor += 1) {
        const cut = removed[cursor] as Range;
        if (cut.clock >= end) break;
        if (cut.clock > start) kept.push({ clock: start, len: cut.clock - start });
        start = Math.max(start, cut.clock + cut.len);
      }
      if (start < end) kept.push({ clock: start, len: end - start });
    }
    if (kept.length > 0) result.clients.set(client, kept);
  }
  return result;
}

/** Whether a delete set holds no range at all. */
export function isEmptyDeleteSet(deleteSet: DeleteSet): boolean {
  for (const ranges of deleteSet.clients.values()) if (ranges.some((range) => range.len > 0)) return false;
  return true;
}

/** Encodes a snapshot whose delete set is only part of the version's (see subtractDeleteSet). */
export function encodeVersionSnapshot(stateVector: ReadonlyMap<number, number>, deleteSet: DeleteSet): Uint8Array {
  return Y.encodeSnapshot(Y.createSnapshot(deleteSet, new Map(stateVector)));
}

/** Encodes a delete set alone (a snapshot with an empty state vector). */
export function encodeDeleteSet(deleteSet: DeleteSet): Uint8Array {
  return Y.encodeSnapshot(Y.createSnapshot(deleteSet, new Map()));
}

export function decodeDeleteSet(bytes: Uint8Array): DeleteSet {
  return Y.decodeSnapshot(bytes).ds;
}

/**
 * The complete snapshot of a version from its stored pieces, oldest first: the first is complete
 * (its base), each later one holds the deletions made since the one before; the state vector is
 * the last piece's.
 */
export function assembleSnapshot(pieces: readonly Uint8Array[]): Y.Snapshot {
  const decoded = pieces.map((piece) => Y.decodeSnapshot(piece));
  const last = decoded.at(-1);
  if (!last) throw new Error('a version needs at least one stored snapshot');
  return Y.createSnapshot(decoded.length === 1 ? last.ds : Y.mergeDeleteSets(decoded.map((snapshot) => snapshot.ds)), last.sv);
}

/** Whether a state vector covers another (every client at least as far): `later` is not older. */
export function coversStateVector(later: ReadonlyMap<number, number>, earlier: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of earlier) if ((later.get(client) ?? 0) < clock) return false;
  return true;
}
