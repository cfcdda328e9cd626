import type { TopLevelBlock } from '#shared/document/nodes';

const romanDigits: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Chapters are numbered in Roman numerals ("Chương IV"), Decree 30/2020 Appendix I. */
export function toRoman(value: number): string {
  let rest = value;
  let result = '';
  for (const [amount, digits] of romanDigits) {
    while (rest >= amount) {
      result += digits;
      rest -= amount;
    }
  }
  return result;
}

/** Letters of points in Vietnamese legal texts: a) b) c) d) đ) e) g) ... (no f, j, w, z). */
export const pointLetters = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** The letter of the n-th point (1-based); past "y" letters are doubled ("aa"). */
export function pointLetter(index: number): string {
  const count = pointLetters.length;
  const letter = pointLetters[(index - 1) % count] ?? 'a';
  return letter.repeat(Math.floor((index - 1) / count) + 1);
}

export interface DocumentNumbering {
  /** chapterId → chapter number (1-based). */
  chapters: Map<string, number>;
  /** clauseId → article number; articles are numbered continuously through the whole document. */
  articles: Map<string, number>;
}

/** Derives chapter and article numbers from the order of the top-level blocks. */
export function computeNumbering(blocks: readonly TopLevelBlock[]): DocumentNumbering {
  const chapters = new Map<string, number>();
  const articles = new Map<string, number>();
  for (const block of blocks) {
    if (block.type === 'chapter') {
      chapters.set(block.chapterId, chapters.size + 1);
      for (const child of block.children) if (child.type === 'article') articles.set(child.clauseId, articles.size + 1);
    } else if (block.type === 'article') {
      articles.set(block.clauseId, articles.size + 1);
    }
  }
  return { chapters, articles };
}

/**
 * The markers of an article's body blocks, from their positions: clauses "1.", "2." ...; points
 * "a)", "b)" ... counted again after each clause (as the editor shows them); null for the rest.
 */
export function bodyMarkers(blocks: readonly { type: string }[]): (string | null)[] {
  let clause = 0;
  let point = 0;
  return blocks.map((block) => {
    if (block.type === 'clause') {
      clause += 1;
      point = 0;
      return `${clause}.`;
    }
    if (block.type === 'point') {
      point += 1;
      return `${pointLetter(point)})`;
    }
    return null;
  });
}
