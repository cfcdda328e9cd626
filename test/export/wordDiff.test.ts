import { describe, expect, it } from 'vitest';
import { createDiffBudget, diffSequences } from '#shared/document/sequenceDiff';
import { diffWords as diffWithBudget, wordTokens, type DiffSegment } from '#shared/document/wordDiff';

/** Each call a request of its own, with a whole budget: these texts are small enough to compare word by word. */
const diffWords = (a: string, b: string): DiffSegment[] => diffWithBudget(a, b, createDiffBudget()).segments;

const before = (segments: DiffSegment[]) =>
  segments
    .filter((segment) => segment.kind !== 'inserted')
    .map((segment) => segment.text)
    .join('');
const after = (segments: DiffSegment[]) =>
  segments
    .filter((segment) => segment.kind !== 'deleted')
    .map((segment) => segment.text)
    .join('');

/** A small seeded generator, so that the property test is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('word-level diff', () => {
  it('cuts Vietnamese text into words, spaces and punctuation, and joins back to the same text', () => {
    const text = 'Người lao động được nghỉ 12 ngày; tiền lương 5.310.000 ₫/tháng (vùng I).';
    const tokens = wordTokens(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('Người');
    expect(tokens).toContain('5.310.000');
    expect(tokens).toContain(';');
  });

  it('shows a replaced phrase as the old words deleted, then the new words inserted', () => {
    const segments = diffWords('được nghỉ 12 ngày mỗi năm', 'được nghỉ 14 ngày làm việc mỗi năm');
    expect(before(segments)).toBe('được nghỉ 12 ngày mỗi năm');
    expect(after(segments)).toBe('được nghỉ 14 ngày làm việc mỗi năm');
    expect(segments.filter((segment) => segment.kind === 'deleted').map((segment) => segment.text)).toEqual(['12']);
    expect(segments.filter((segment) => segment.kind === 'inserted').map((segment) => segment.text.trim())).toEqual(['14', 'làm việc']);
  });

  it('groups neighbouring changes separated by a single space', () => {
    const segments = diffWords('a b c', 'x y c');
    expect(segments).toEqual([
      { kind: 'deleted', text: 'a b' },
      { kind: 'inserted', text: 'x y' },
      { kind: 'equal', text: ' c' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(diffWords('', 'mới')).toEqual([{ kind: 'inserted', text: 'mới' }]);
    expect(diffWords('cũ', '')).toEqual([{ kind: 'deleted', text: 'cũ' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('always rebuilds both texts, and keeps the common words equal (random edits)', () => {
    const random = seeded(7);
    const vocabulary = ['người', 'lao', 'động', 'tiền', 'lương', 'nghỉ', 'ngày', ',', '.', 'và', 'được'];
    for (let round = 0; round < 200; round += 1) {
      const words = Array.from({ length: Math.floor(random() * 30) }, () => vocabulary[Math.floor(random() * vocabulary.length)] ?? '');
      const edited = words.flatMap((word) =>
        random() < 0.15 ? [] : random() < 0.15 ? [word, vocabulary[Math.floor(random() * vocabulary.length)] ?? ''] : [word],
      );
      const a = words.join(' ');
      const b = edited.join(' ');
      const segments = diffWords(a, b);
      expect(before(segments)).toBe(a);
      expect(after(segments)).toBe(b);
      const edits = diffSequences(wordTokens(a), wordTokens(b), createDiffBudget()) ?? [];
      const equal = edits.filter((edit) => edit.kind === 'equal').length;
      // The script is minimal: no longer than deleting everything and inserting everything.
      expect(edits.length - equal).toBeLessThanOrEqual(wordTokens(a).length + wordTokens(b).length - 2 * equal);
    }
  });
});
