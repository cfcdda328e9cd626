import { diffSequences, type DiffBudget, type DiffKind, type SequenceEdit } from '#shared/document/sequenceDiff';

/**
 * A word-level diff for redlines (exported proposals, the negotiation view, version comparisons):
 * the text is cut into words, spaces and punctuation marks, compared (sequenceDiff.ts), and the
 * result is grouped so that a replaced phrase reads as "old words" struck through then "new
 * words" inserted. A change too large for the request's budget is compared sentence by sentence
 * instead, or shown as the whole text replaced; the result says which, for the reader to be told.
 */

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

/**
 * How finely a redline was compared, finest first: word by word; sentence by sentence, paragraph
 * by paragraph (a changed one shown wholly deleted, then wholly inserted); or the whole article
 * shown replaced.
 */
export const diffGranularities = ['word', 'sentence', 'paragraph', 'article'] as const;
export type DiffGranularity = (typeof diffGranularities)[number];

/** The coarser of two granularities: what a redline made of parts compared both ways can claim. */
export function coarser(a: DiffGranularity, b: DiffGranularity): DiffGranularity {
  return diffGranularities.indexOf(a) >= diffGranularities.indexOf(b) ? a : b;
}

/** A redline and how finely it was compared. */
export interface TextDiff {
  segments: DiffSegment[];
  granularity: DiffGranularity;
}

/** Words (letters, digits and the marks inside them), runs of spaces, or single other characters. */
const tokenPattern = /\s+|[\p{L}\p{M}\p{N}]+(?:[.,/:-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Cuts a text into the tokens the diff compares; joining them gives the text back. */
export function wordTokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** The end of a sentence: closing marks before a space or the end (not the dots inside 5.310.000), or a line break. */
const sentenceEnd = /[.!?;…]+(?:\s+|$)|\n/gu;

/** Cuts a text into sentences, each with the spaces after it; joining them gives the text back. */
export function sentenceTokens(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    sentences.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

function pushSegment(segments: DiffSegment[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/** One text wholly deleted and the other wholly inserted. */
export function replacedWhole(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  pushSegment(segments, 'deleted', before);
  pushSegment(segments, 'inserted', after);
  return segments;
}

/**
 * An edit script as segments. Within a changed stretch the deleted tokens come first, then the
 * inserted ones; a lone space between two changes joins them, so that "a b c" → "x y c" reads
 * [a b] [x y] c rather than interleaving word by word.
 */
function groupedSegments(a: readonly string[], b: readonly string[], edits: readonly SequenceEdit[]): DiffSegment[] {
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

/**
 * The difference between two texts, word by word while `budget` allows, else sentence by
 * sentence, else the whole text shown replaced ("paragraph").
 */
export function diffWords(before: string, after: string, budget: DiffBudget): TextDiff {
  const words = [wordTokens(before), wordTokens(after)] as const;
  const byWord = diffSequences(words[0], words[1], budget);
  if (byWord) return { segments: groupedSegments(words[0], words[1], byWord), granularity: 'word' };
  const sentences = [sentenceTokens(before), sentenceTokens(after)] as const;
  const bySentence = diffSequences(sentences[0], sentences[1], budget);
  if (bySentence) return { segments: groupedSegments(sentences[0], sentences[1], bySentence), granularity: 'sentence' };
  return { segments: replacedWhole(before, after), granularity: 'paragraph' };
}
