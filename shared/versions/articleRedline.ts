import { diffSequences, type DiffBudget } from '#shared/document/sequenceDiff';
import { coarser, diffWords, replacedWhole, wordTokens, type DiffGranularity, type DiffSegment, type TextDiff } from '#shared/document/wordDiff';

/**
 * The redline of an article's text: blocks (lines) are matched first, words are compared inside
 * the blocks that changed, and only around what changed in them (long clauses with one word
 * changed are the common case). All of it draws on one budget (sequenceDiff.ts); what it cannot
 * pay for is compared more coarsely, and the result says how coarsely.
 */

/**
 * At most this many pairs of changed lines are weighed against each other to find the rewordings
 * (one stretch of 200 lines removed and 200 added); past that each line stands alone.
 */
const maxWeighedPairs = 40_000;

type Segment = DiffSegment;

function push(segments: Segment[], kind: Segment['kind'], text: string): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/**
 * The redline of an article's text (blocks separated by newlines): blocks are matched first, and
 * words are compared inside blocks that changed, so that an added clause reads as one insertion
 * rather than as words borrowed from its neighbours. Too many changed blocks to match within the
 * budget: the whole text is shown replaced ("article").
 */
export function diffArticleText(before: string, after: string, budget: DiffBudget): TextDiff {
  // Every line ends with a newline, the last one too; that artificial newline is taken off at the end.
  const a = `${before}\n`.split(/(?<=\n)/);
  const b = `${after}\n`.split(/(?<=\n)/);
  const edits = diffSequences(a, b, budget);
  if (!edits) return { segments: replacedWhole(before, after), granularity: 'article' };
  const raw: Segment[] = [];
  let granularity: DiffGranularity = 'word';
  for (let index = 0; index < edits.length; ) {
    const edit = edits[index] as (typeof edits)[number];
    if (edit.kind === 'equal') {
      raw.push({ kind: 'equal', text: a[edit.aIndex] as string });
      index += 1;
      continue;
    }
    const deleted: string[] = [];
    const inserted: string[] = [];
    for (; index < edits.length && (edits[index] as (typeof edits)[number]).kind !== 'equal'; index += 1) {
      const change = edits[index] as (typeof edits)[number];
      if (change.kind === 'deleted') deleted.push(a[change.aIndex] as string);
      else inserted.push(b[change.bIndex] as string);
    }
    // Blocks replaced one for one are compared in order; otherwise alike ones are paired first.
    const aligned =
      deleted.length === inserted.length
        ? { pairs: deleted.map((line, index) => ({ before: line, after: inserted[index] })), isWeighed: true }
        : alignLines(deleted, inserted, budget);
    if (!aligned.isWeighed) granularity = coarser(granularity, 'paragraph');
    for (const pair of aligned.pairs) {
      if (pair.before !== undefined && pair.after !== undefined) {
        const line = diffLine(pair.before, pair.after, budget);
        granularity = coarser(granularity, line.granularity);
        raw.push(...line.segments);
      } else if (pair.before !== undefined) raw.push({ kind: 'deleted', text: pair.before });
      else if (pair.after !== undefined) raw.push({ kind: 'inserted', text: pair.after });
    }
  }
  return { segments: withoutFinalNewline(raw), granularity };
}

/** How alike two lines are: twice the words they share over the words they have (0 to 1); null when the budget cannot tell. */
function similarity(a: string, b: string, budget: DiffBudget): number | null {
  const words = (line: string) => wordTokens(line).filter((token) => /\S/.test(token));
  const x = words(a);
  const y = words(b);
  if (x.length + y.length === 0) return 1;
  const edits = diffSequences(x, y, budget);
  if (!edits) return null;
  const shared = edits.filter((edit) => edit.kind === 'equal').length;
  return (2 * shared) / (x.length + y.length);
}

/**
 * Pairs the lines a stretch of changes removed with those it added, in order, where they are
 * alike enough to be one line reworded (half their words shared); the others stand alone.
 * `isWeighed` is false when there were too many lines, or too little budget, to weigh them all:
 * some lines that are rewordings may then stand alone.
 */
function alignLines(
  deleted: readonly string[],
  inserted: readonly string[],
  budget: DiffBudget,
): { pairs: { before?: string; after?: string }[]; isWeighed: boolean } {
  if (deleted.length * inserted.length > maxWeighedPairs)
    return { pairs: [...deleted.map((line) => ({ before: line })), ...inserted.map((line) => ({ after: line }))], isWeighed: false };
  let isWeighed = true;
  const rows = deleted.length + 1;
  const columns = inserted.length + 1;
  const score = new Float64Array(rows * columns);
  const likeness = new Float64Array(rows * columns);
  const at = (row: number, column: number): number => score[row * columns + column] as number;
  const alikeAt = (row: number, column: number): number => likeness[row * columns + column] as number;
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const weighed = similarity(deleted[row - 1] as string, inserted[column - 1] as string, budget);
      if (weighed === null) isWeighed = false;
      const alike = weighed ?? 0;
      likeness[row * columns + column] = alike;
      score[row * columns + column] = Math.max(at(row - 1, column), at(row, column - 1), alike >= 0.5 ? at(row - 1, column - 1) + alike : -1);
    }
  }
  const pairs: { before?: string; after?: string }[] = [];
  let row = deleted.length;
  let column = inserted.length;
  while (row > 0 || column > 0) {
    if (row > 0 && column > 0) {
      const alike = alikeAt(row, column);
      if (alike >= 0.5 && at(row, column) === at(row - 1, column - 1) + alike) {
        pairs.push({ before: deleted[row - 1], after: inserted[column - 1] });
        row -= 1;
        column -= 1;
        continue;
      }
    }
    if (column > 0 && (row === 0 || at(row, column) === at(row, column - 1))) {
      pairs.push({ after: inserted[column - 1] });
      column -= 1;
    } else {
      pairs.push({ before: deleted[row - 1] });
      row -= 1;
    }
  }
  return { pairs: pairs.reverse(), isWeighed };
}

/** Takes the artificial final newline off both texts a redline stands for. */
function withoutFinalNewline(raw: readonly Segment[]): Segment[] {
  const lastOf = (kinds: readonly Segment['kind'][]): number => raw.findLastIndex((segment) => kinds.includes(segment.kind));
  const lastBefore = lastOf(['equal', 'deleted']);
  const lastAfter = lastOf(['equal', 'inserted']);
  const result: Segment[] = [];
  raw.forEach((segment, index) => {
    const isLastBefore = index === lastBefore;
    const isLastAfter = index === lastAfter;
    if (!isLastBefore && !isLastAfter) return push(result, segment.kind, segment.text);
    const body = segment.text.slice(0, -1);
    if (segment.kind !== 'equal' || (isLastBefore && isLastAfter)) return push(result, segment.kind, body);
    // An equal line that ends only one of the texts: its newline separates it from what the other lost or gained.
    push(result, 'equal', body);
    push(result, isLastAfter ? 'deleted' : 'inserted', '\n');
  });
  return result;
}

const isSpace = (character: string | undefined): boolean => character !== undefined && /\s/.test(character);

/**
 * diffWords on the part of two lines around their differences: the common start and end are cut
 * where a word begins or ends (after or before a space) in both, and stay as they are.
 */
function diffLine(a: string, b: string, budget: DiffBudget): TextDiff {
  if (a === b) return { segments: [{ kind: 'equal', text: a }], granularity: 'word' };
  const shorter = Math.min(a.length, b.length);
  let firstDifference = 0;
  while (firstDifference < shorter && a.charCodeAt(firstDifference) === b.charCodeAt(firstDifference)) firstDifference += 1;
  let start = firstDifference - 1;
  while (start > 0 && !(isSpace(a[start - 1]) && !isSpace(a[start]))) start -= 1;
  start = Math.max(start, 0);
  let common = 0;
  while (common < shorter - firstDifference && a.charCodeAt(a.length - 1 - common) === b.charCodeAt(b.length - 1 - common)) common += 1;
  let kept = common - 1;
  while (kept > 0 && !(!isSpace(a[a.length - kept - 1]) && isSpace(a[a.length - kept]))) kept -= 1;
  kept = Math.max(kept, 0);
  const segments: Segment[] = [];
  const middle = diffWords(a.slice(start, a.length - kept), b.slice(start, b.length - kept), budget);
  push(segments, 'equal', a.slice(0, start));
  for (const segment of middle.segments) push(segments, segment.kind, segment.text);
  push(segments, 'equal', a.slice(a.length - kept));
  return { segments, granularity: middle.granularity };
}
