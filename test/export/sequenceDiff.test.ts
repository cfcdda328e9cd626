import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, type ArticleElement } from '#shared/document/nodes';
import { createDiffBudget, diffDistinct, diffSequences, type SequenceEdit } from '#shared/document/sequenceDiff';
import { diffWords, sentenceTokens, wordTokens, type DiffSegment } from '#shared/document/wordDiff';
import { diffArticleText } from '#shared/versions/articleRedline';
import { paragraphWithSmallEdits, replacementProposal } from '../../bench/lib/hostileDiffs';

// The linear-space diff and its budget (hardening issue, item 2). Property tests run with a fixed
// seed, so that they are the same on every run.
const seed = 20_270_104;

/** The length of a longest common subsequence, by the textbook quadratic table. */
function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    b.forEach((y, j) => next.push(x === y ? (row[j] as number) + 1 : Math.max(row[j + 1] as number, next[j] as number)));
    row = next;
  }
  return row[b.length] as number;
}

/** Replays an edit script on `a`, checking every step against `a` and `b`; returns what it builds. */
function replay<T>(a: readonly T[], b: readonly T[], edits: readonly SequenceEdit[]): T[] {
  const built: T[] = [];
  let aIndex = 0;
  let bIndex = 0;
  for (const edit of edits) {
    expect([edit.aIndex, edit.bIndex]).toEqual([aIndex, bIndex]);
    if (edit.kind === 'equal') {
      expect(a[aIndex]).toBe(b[bIndex]);
      built.push(a[aIndex] as T);
      aIndex += 1;
      bIndex += 1;
    } else if (edit.kind === 'deleted') aIndex += 1;
    else {
      built.push(b[bIndex] as T);
      bIndex += 1;
    }
  }
  expect([aIndex, bIndex]).toEqual([a.length, b.length]);
  return built;
}

/** Within each stretch of changes, no deletion after an insertion. */
const deletionsFirst = (edits: readonly SequenceEdit[]): boolean =>
  edits.every((edit, index) => !(edit.kind === 'deleted' && edits[index - 1]?.kind === 'inserted'));

/** The one paragraph of a hostile article. */
const paragraph = (article: ArticleElement): string => plainText(article.children[1] as ArticleElement['children'][number]);

const textBefore = (segments: readonly DiffSegment[]): string =>
  segments
    .filter((segment) => segment.kind !== 'inserted')
    .map((segment) => segment.text)
    .join('');
const textAfter = (segments: readonly DiffSegment[]): string =>
  segments
    .filter((segment) => segment.kind !== 'deleted')
    .map((segment) => segment.text)
    .join('');

describe('the linear-space diff', () => {
  it('turns a into b with a shortest edit script (small random inputs against the quadratic LCS)', () => {
    // Small alphabets make many equal elements and many shortest scripts to choose between.
    const sequence = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const edits = diffSequences(a, b, createDiffBudget()) ?? [];
        expect(replay(a, b, edits)).toEqual(b);
        expect(edits.filter((edit) => edit.kind === 'equal').length).toBe(lcsLength(a, b));
        expect(deletionsFirst(edits)).toBe(true);
      }),
      { seed, numRuns: 3_000 },
    );
  });

  it('is shortest on lopsided inputs too (one side much longer, or one a part of the other)', () => {
    const longer = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 30, maxLength: 120 });
    const shorter = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 6 });
    fc.assert(
      fc.property(longer, shorter, fc.boolean(), (long, short, isLongFirst) => {
        const [a, b] = isLongFirst ? [long, short] : [short, long];
        const edits = diffSequences(a, b, createDiffBudget()) ?? [];
        expect(replay(a, b, edits)).toEqual(b);
        expect(edits.filter((edit) => edit.kind === 'equal').length).toBe(lcsLength(a, b));
      }),
      { seed, numRuns: 1_000 },
    );
  });

  it('diffs lists without repeats (articles by id) shortest, however many moved, keeping the first ones of the new order in place', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 });
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const edits = diffDistinct(a, b);
        expect(replay(a, b, edits)).toEqual(b);
        expect(edits.filter((edit) => edit.kind === 'equal').length).toBe(lcsLength(a, b));
        expect(deletionsFirst(edits)).toBe(true);
      }),
      { seed, numRuns: 2_000 },
    );
    // Two moved down past one that stays: those two are the moved ones.
    expect(
      diffDistinct(['scope', 'term', 'wage', 'bonus'], ['bonus', 'scope', 'wage', 'term'])
        .filter((edit) => edit.kind === 'equal')
        .map((edit) => edit.aIndex),
    ).toEqual([0, 2]);
  });

  it('stops past half of what is left of the budget, and says so (null), leaving the rest for what follows', () => {
    const { current, proposed } = replacementProposal(800);
    const a = wordTokens(paragraph(current));
    const b = wordTokens(paragraph(proposed));
    const whole = createDiffBudget();
    expect(diffSequences(a, b, whole)).not.toBeNull();
    const spent = createDiffBudget().remaining - whole.remaining;
    const budget = createDiffBudget(spent);
    expect(diffSequences(a, b, budget)).toBeNull();
    expect(budget.remaining).toBeGreaterThanOrEqual(Math.floor(spent / 2) - a.length);
    expect(diffSequences(['một', 'tháng'], ['hai', 'tháng'], budget)).toEqual([
      { kind: 'deleted', aIndex: 0, bIndex: 0 },
      { kind: 'inserted', aIndex: 1, bIndex: 0 },
      { kind: 'equal', aIndex: 1, bIndex: 1 },
    ]);
  });

  it('does not start a diff whose unmatched elements alone need more than it may spend', () => {
    const a = Array.from({ length: 5_000 }, (_, index) => `a${index}`);
    const b = Array.from({ length: 5_000 }, (_, index) => `b${index}`);
    const budget = createDiffBudget();
    expect(diffSequences(a, b, budget)).toBeNull();
    expect(budget.remaining).toBe(createDiffBudget().remaining);
    // Appending and cutting cost nothing, however long.
    expect(diffSequences(a, [...a, ...b], budget)?.filter((edit) => edit.kind === 'inserted')).toHaveLength(5_000);
    expect(diffSequences(a, a.slice(1), budget)?.filter((edit) => edit.kind === 'deleted')).toEqual([{ kind: 'deleted', aIndex: 0, bIndex: 0 }]);
    expect(budget.remaining).toBe(createDiffBudget().remaining);
  });
});

describe('coarser redlines past the budget', () => {
  it('cuts sentences at their closing marks and line breaks, not inside numbers, and joins back to the text', () => {
    const text = 'Mức lương 5.310.000 đồng/tháng. Trả vào ngày 05; chậm nhất ngày 10!\nĐiều tiếp theo…  Hết';
    expect(sentenceTokens(text)).toEqual(['Mức lương 5.310.000 đồng/tháng. ', 'Trả vào ngày 05; ', 'chậm nhất ngày 10!\n', 'Điều tiếp theo…  ', 'Hết']);
    expect(sentenceTokens('')).toEqual([]);
  });

  it('compares a paragraph with 17,000 small edits sentence by sentence, and the redline rebuilds both texts', () => {
    const { before, after } = paragraphWithSmallEdits();
    const redline = diffWords(before, after, createDiffBudget());
    expect(redline.granularity).toBe('sentence');
    expect(textBefore(redline.segments)).toBe(before);
    expect(textAfter(redline.segments)).toBe(after);
    expect(redline.segments.every((segment) => segment.kind === 'equal' || sentenceTokens(segment.text).length >= 1)).toBe(true);
  });

  it('compares a 6,000-word replacement sentence by sentence, and a 300-word one word by word', () => {
    const huge = replacementProposal();
    const redline = diffWords(paragraph(huge.current), paragraph(huge.proposed), createDiffBudget());
    expect(redline.granularity).toBe('sentence');
    expect(textBefore(redline.segments)).toBe(paragraph(huge.current));
    expect(textAfter(redline.segments)).toBe(paragraph(huge.proposed));
    const usual = replacementProposal(300);
    expect(diffWords(paragraph(usual.current), paragraph(usual.proposed), createDiffBudget()).granularity).toBe('word');
  });

  it('shows the whole paragraph replaced when even its sentences are too many for what is left', () => {
    const before = Array.from({ length: 400 }, (_, index) => `Câu số ${index}.`).join(' ');
    const after = Array.from({ length: 400 }, (_, index) => `Câu mới ${index}.`).join(' ');
    const spent = createDiffBudget(1_000);
    expect(diffWords(before, after, spent)).toEqual({
      segments: [
        { kind: 'deleted', text: before },
        { kind: 'inserted', text: after },
      ],
      granularity: 'paragraph',
    });
    expect(diffWords('một tháng lương', 'hai tháng lương', spent)).toEqual({
      segments: [
        { kind: 'deleted', text: 'một' },
        { kind: 'inserted', text: 'hai' },
        { kind: 'equal', text: ' tháng lương' },
      ],
      granularity: 'word',
    });
  });

  it('an article: too many changed lines to weigh against each other stand alone ("paragraph"); too many to match, the whole article replaced', () => {
    const lines = (prefix: string, count: number): string => Array.from({ length: count }, (_, index) => `${prefix} ${index}`).join('\n');
    const unweighed = diffArticleText(`Tiêu đề\n${lines('cũ', 250)}`, `Tiêu đề\n${lines('mới', 201)}`, createDiffBudget());
    expect(unweighed.granularity).toBe('paragraph');
    expect(textBefore(unweighed.segments)).toBe(`Tiêu đề\n${lines('cũ', 250)}`);
    expect(textAfter(unweighed.segments)).toBe(`Tiêu đề\n${lines('mới', 201)}`);
    const unmatched = diffArticleText(lines('cũ', 3_000), lines('mới', 3_000), createDiffBudget());
    expect(unmatched).toEqual({
      segments: [
        { kind: 'deleted', text: lines('cũ', 3_000) },
        { kind: 'inserted', text: lines('mới', 3_000) },
      ],
      granularity: 'article',
    });
    // A few lines reworded are still matched and compared word by word.
    expect(diffArticleText('Tiêu đề\nMột tháng lương.\nHai ngày nghỉ.', 'Tiêu đề\nMột tháng lương.\nBa ngày nghỉ.\nThêm dòng.', createDiffBudget())).toEqual({
      segments: [
        { kind: 'equal', text: 'Tiêu đề\nMột tháng lương.\n' },
        { kind: 'deleted', text: 'Hai' },
        { kind: 'inserted', text: 'Ba' },
        { kind: 'equal', text: ' ngày nghỉ.' },
        { kind: 'inserted', text: '\nThêm dòng.' },
      ],
      granularity: 'word',
    });
  });
});
