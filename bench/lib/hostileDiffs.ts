import type { ArticleElement } from '#shared/document/nodes';
import { legalText, seededRandom } from './agreementBody';

/**
 * The two inputs with which the word diff once took gigabytes (hardening issue, item 2), built
 * deterministically for the benchmark and the tests: a proposal replacing a 6,000-word article
 * with 6,000 other words of the same legal vocabulary (many words in common, so the edit script
 * is long), and a paragraph with about 17,000 small edits between two versions.
 */

/** Legal Vietnamese of at least `words` words, as one paragraph. */
export function legalWords(seed: number, words: number): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let count = 0;
  while (count < words) {
    const text = legalText(random);
    parts.push(text);
    count += text.split(' ').length;
  }
  return parts.join(' ');
}

export interface ReplacementProposal {
  /** The article as it is: a title and one paragraph of `words` words. */
  current: ArticleElement;
  /** The proposed article: the same title, and another paragraph of `words` words. */
  proposed: ArticleElement;
}

/** An article and a proposal replacing its text, `words` words each (6,000 in the issue). */
export function replacementProposal(words = 6000, clauseId = 'dieu-thay-the'): ReplacementProposal {
  const article = (text: string): ArticleElement => ({
    type: 'article',
    clauseId,
    children: [
      { type: 'article-title', children: [{ text: 'Tiền lương và phụ cấp' }] },
      { type: 'paragraph', children: [{ text }] },
    ],
  });
  return { current: article(legalWords(11, words)), proposed: article(legalWords(29, words)) };
}

/** Replace `deleteCount` characters at `index` with `insert`. */
export interface TextEdit {
  index: number;
  deleteCount: number;
  insert: string;
}

export interface SmallEdits {
  before: string;
  after: string;
  /** From the end of the paragraph to its start, so that each index holds when they are applied in order. */
  edits: TextEdit[];
}

/**
 * A paragraph and `count` small edits to it (17,000 in the issue): the first letter of `count`
 * words switched between lower and upper case, so that nearly every word differs between the two
 * versions while the text around each edit stays the same.
 */
export function paragraphWithSmallEdits(count = 17_000): SmallEdits {
  const before = legalWords(47, Math.ceil(count * 1.05));
  const edits: TextEdit[] = [];
  const after: string[] = [];
  let copied = 0;
  for (const match of before.matchAll(/(?<!\S)\p{L}/gu)) {
    const letter = match[0];
    const switched = letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
    if (switched.length !== letter.length || switched === letter) continue;
    edits.push({ index: match.index, deleteCount: letter.length, insert: switched });
    after.push(before.slice(copied, match.index), switched);
    copied = match.index + letter.length;
    if (edits.length === count) break;
  }
  if (edits.length < count) throw new Error(`the paragraph has only ${edits.length} words to edit`);
  after.push(before.slice(copied));
  return { before, after: after.join(''), edits: edits.reverse() };
}
