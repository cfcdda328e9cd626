/**
 * A word-level diff for redlines (exported proposals, the negotiation view): the text is cut into
 * words, spaces and punctuation marks, compared with Myers' O(ND) algorithm, and the result is
 * grouped so that a replaced phrase reads as "old words" struck through then "new words" inserted.
 */

export type DiffKind = 'equal' | 'inserted' | 'deleted';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

export type SequenceEdit = { kind: DiffKind; aIndex: number; bIndex: number };

/** Words (letters, digits and the marks inside them), runs of spaces, or single other characters. */
const tokenPattern = /\s+|[\p{L}\p{M}\p{N}]+(?:[.,/:-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Cuts a text into the tokens the diff compares; joining them gives the text back. */
export function wordTokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/**
 * The shortest edit script turning `a` into `b` (Myers 1986), as equal / deleted (from a) /
 * inserted (from b) steps in order. Linear memory per step of D; fine for article-sized inputs.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], equals: (x: T, y: T) => boolean = Object.is): SequenceEdit[] {
  // Common prefix and suffix first: most edits touch a small part of a long text.
  let start = 0;
  while (start < a.length && start < b.length && equals(a[start] as T, b[start] as T)) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equals(a[endA - 1] as T, b[endB - 1] as T)) {
    endA -= 1;
    endB -= 1;
  }
  const edits: SequenceEdit[] = [];
  for (let index = 0; index < start; index += 1) edits.push({ kind: 'equal', aIndex: index, bIndex: index });
  edits.push(...myersMiddle(a, b, start, endA, start, endB, equals));
  for (let offset = 0; offset < a.length - endA; offset += 1) edits.push({ kind: 'equal', aIndex: endA + offset, bIndex: endB + offset });
  return edits;
}

function myersMiddle<T>(a: readonly T[], b: readonly T[], a0: number, a1: number, b0: number, b1: number, equals: (x: T, y: T) => boolean): SequenceEdit[] {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 && m === 0) return [];
  const max = n + m;
  const offset = max + 1;
  let frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(frontier.slice());
    const next = frontier;
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (frontier[offset + k - 1] as number) < (frontier[offset + k + 1] as number));
      let x = down ? (frontier[offset + k + 1] as number) : (frontier[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && equals(a[a0 + x] as T, b[b0 + y] as T)) {
        x += 1;
        y += 1;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    frontier = next;
  }
  // Walk back through the saved frontiers to recover the path.
  const reversed: SequenceEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : (v[offset + previousK] as number);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      reversed.push({ kind: 'equal', aIndex: a0 + x, bIndex: b0 + y });
    }
    if (d === 0) break;
    if (down) {
      y -= 1;
      reversed.push({ kind: 'inserted', aIndex: a0 + x, bIndex: b0 + y });
    } else {
      x -= 1;
      reversed.push({ kind: 'deleted', aIndex: a0 + x, bIndex: b0 + y });
    }
  }
  // Leading equal run of d = 0 (already consumed by the prefix trim, kept for safety).
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    reversed.push({ kind: 'equal', aIndex: a0 + x, bIndex: b0 + y });
  }
  return reversed.reverse();
}

function pushSegment(segments: DiffSegment[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/**
 * The word-level difference between two texts. Within a changed stretch the deleted words come
 * first, then the inserted ones; a lone space between two changes joins them, so that
 * "a b c" → "x y c" reads [a b] [x y] c rather than interleaving word by word.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  const edits = diffSequences(a, b);
  // Absorb whitespace-only equal tokens that sit between two changes.
  const kinds = edits.map((edit) => edit.kind);
  for (let index = 1; index < edits.length - 1; index += 1) {
    const edit = edits[index] as SequenceEdit;
    if (edit.kind !== 'equal' || !/^\s+$/.test(a[edit.aIndex] ?? '')) continue;
    if (kinds[index - 1] !== 'equal' && kinds[index + 1] !== 'equal') kinds[index] = 'inserted';
  }
  const segments: DiffSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    pushSegment(segments, 'deleted', deleted);
    pushSegment(segments, 'inserted', inserted);
    deleted = '';
    inserted = '';
  };
  edits.forEach((edit, index) => {
    const kind = kinds[index] as DiffKind;
    if (kind === 'equal') {
      flush();
      pushSegment(segments, 'equal', a[edit.aIndex] ?? '');
    } else if (edit.kind === 'equal') {
      // An absorbed space: it belongs to both sides of the change.
      deleted += a[edit.aIndex] ?? '';
      inserted += b[edit.bIndex] ?? '';
    } else if (kind === 'deleted') {
      deleted += a[edit.aIndex] ?? '';
    } else {
      inserted += b[edit.bIndex] ?? '';
    }
  });
  flush();
  return segments;
}
