import * as Y from 'yjs';
import type { WordSkipReason, WordSuggestionsReport } from '#shared/api/suggestions';
import { computeNumbering } from '#shared/document/numbering';
import { isSuggestionId } from '#shared/document/suggestionMarks';
import { readContent } from '#shared/document/yjsContent';
import { forEachTextBlock } from '#shared/negotiation/suggestions';
import { hasTextChanges, originalText, type TrackedParagraph } from '#main/import/wordRevisions';

/**
 * Maps a party's Word tracked changes onto the body as suggestion marks (decision 0030). Each
 * paragraph with changes is matched to the one block of the document that reads as the paragraph
 * did before them (equal, or contained once, as "1. " + a clause's text), among the blocks of the
 * article the file's last "Điều N." heading names (the preamble's before the first); then each run
 * of adjacent changes becomes one suggestion: deletions mark the block's text, insertions are
 * inserted marked. A paragraph is mapped whole or not at all, with the reason in the report.
 */

/** How a block's text reads to a party: each character of its accepted text, where it lies in the Y.XmlText. */
interface BlockReading {
  block: Y.XmlText;
  clauseId: string | null;
  text: string;
  units: { offset: number; chip: 'start' | 'inside' | null; deleteMarked: boolean }[];
}

/** One change to make in a block: a deletion mark over a range, or marked text inserted at an offset. */
type BlockOperation = { kind: 'mark'; offset: number; length: number; id: string } | { kind: 'insert'; offset: number; text: string; id: string };

export interface ParagraphPlan {
  block: Y.XmlText;
  operations: BlockOperation[];
  ids: string[];
}

export interface WordSuggestionPlan {
  plans: ParagraphPlan[];
  skipped: WordSuggestionsReport['skipped'];
}

/** "Điều 3." or "Article 3:" opening a paragraph, as exports write article headings (a sentence citing "Điều 90 Bộ luật" is none). */
const headingPattern = /^\s*(?:Điều|Article)\s+(\d+)\s*[.:]/iu;

function readBlock(block: Y.XmlText, clauseId: string | null, chipText: (variableId: string) => string): BlockReading {
  const reading: BlockReading = { block, clauseId, text: '', units: [] };
  let offset = 0;
  for (const part of block.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof part.insert === 'string') {
      // A pending insertion is not in the text the party read; its offsets still count.
      if (!isSuggestionId(part.attributes?.suggestInsert)) {
        const deleteMarked = isSuggestionId(part.attributes?.suggestDelete);
        for (let index = 0; index < part.insert.length; index += 1) reading.units.push({ offset: offset + index, chip: null, deleteMarked });
        reading.text += part.insert;
      }
      offset += part.insert.length;
      continue;
    }
    const variableId: unknown = part.insert instanceof Y.XmlText ? part.insert.getAttribute('variableId') : undefined;
    const text = typeof variableId === 'string' ? chipText(variableId) : '';
    for (let index = 0; index < text.length; index += 1) reading.units.push({ offset, chip: index === 0 ? 'start' : 'inside', deleteMarked: false });
    reading.text += text;
    offset += 1;
  }
  return reading;
}

/** The block a paragraph's original text names, and where the block's text starts in it. */
function matchBlock(original: string, candidates: readonly BlockReading[]): { reading: BlockReading; base: number } | WordSkipReason {
  const equal = candidates.filter((reading) => reading.text === original);
  if (equal.length === 1 && equal[0]) return { reading: equal[0], base: 0 };
  if (equal.length > 1) return 'ambiguous_match';
  const containing = candidates.filter((reading) => reading.text.trim() !== '' && original.includes(reading.text));
  if (containing.length > 1) return 'ambiguous_match';
  const [only] = containing;
  if (!only) return 'no_match';
  const base = original.indexOf(only.text);
  return base === original.lastIndexOf(only.text) ? { reading: only, base } : 'ambiguous_match';
}

/** The operations of a paragraph's changes on its block, or why they cannot be made. */
function planParagraph(paragraph: TrackedParagraph, reading: BlockReading, base: number, newId: () => string): ParagraphPlan | WordSkipReason {
  const operations: BlockOperation[] = [];
  const ids: string[] = [];
  const length = reading.text.length;
  let position = -base;
  let id: string | null = null;
  for (const segment of paragraph.segments) {
    if (segment.change === 'none') {
      position += segment.text.length;
      id = null;
      continue;
    }
    // Adjacent changes (Word writes a replacement as a deletion then an insertion) are one suggestion.
    if (id === null) {
      id = newId();
      ids.push(id);
    }
    if (segment.change === 'insert') {
      if (position < 0 || position > length) return 'outside_text';
      const unit = reading.units[position];
      if (unit?.chip === 'inside') return 'in_variable';
      operations.push({ kind: 'insert', offset: unit ? unit.offset : reading.block.length, text: segment.text, id });
      continue;
    }
    if (position < 0 || position + segment.text.length > length) return 'outside_text';
    const units = reading.units.slice(position, position + segment.text.length);
    if (units.some((unit) => unit.chip !== null)) return 'in_variable';
    if (units.some((unit) => unit.deleteMarked)) return 'already_suggested';
    // Characters next to each other in the text may lie apart in the block (a pending insertion between).
    for (const unit of units) {
      const last = operations.at(-1);
      if (last?.kind === 'mark' && last.id === id && last.offset + last.length === unit.offset) last.length += 1;
      else operations.push({ kind: 'mark', offset: unit.offset, length: 1, id });
    }
    position += segment.text.length;
  }
  return { block: reading.block, operations, ids };
}

/** What the file's paragraphs make of the document, without changing it. */
export function planWordSuggestions(
  doc: Y.Doc,
  paragraphs: readonly TrackedParagraph[],
  chipText: (variableId: string) => string,
  newId: () => string,
): WordSuggestionPlan {
  const numbers = new Map<string, string>();
  for (const [clauseId, number] of computeNumbering(readContent(doc)).articles) numbers.set(String(number), clauseId);
  const readings: BlockReading[] = [];
  forEachTextBlock(doc, (block, clauseId) => {
    if (block.getAttribute('type') !== 'table-cell') readings.push(readBlock(block, clauseId, chipText));
  });
  const plans: ParagraphPlan[] = [];
  const skipped: WordSuggestionsReport['skipped'] = [];
  // Before the file's first article heading, the preamble's paragraphs; after one the document lacks, none.
  let article: string | null | undefined = null;
  for (const paragraph of paragraphs) {
    const original = originalText(paragraph);
    const heading = paragraph.unmappable.includes('in_table') ? null : headingPattern.exec(original);
    if (heading) article = numbers.get(heading[1] ?? '');
    // Paragraphs without changes are only the article headings' context, in a table or not.
    if (!hasTextChanges(paragraph) && paragraph.unmappable.every((problem) => problem === 'in_table')) continue;
    const skip = (reason: WordSkipReason): void => {
      skipped.push({ paragraph: paragraph.paragraph, excerpt: original.trim().slice(0, 80), reason, authors: paragraph.authors });
    };
    const [problem] = paragraph.unmappable;
    if (problem !== undefined) {
      skip(problem);
      continue;
    }
    const match = matchBlock(
      original,
      readings.filter((reading) => article !== undefined && reading.clauseId === article),
    );
    if (typeof match === 'string') {
      skip(match);
      continue;
    }
    const plan = planParagraph(paragraph, match.reading, match.base, newId);
    if (typeof plan === 'string') skip(plan);
    else plans.push(plan);
  }
  return { plans, skipped };
}

/**
 * Makes a plan's suggestions, in the current transaction: in each block from the end backwards,
 * so that the offsets before a change stay as they were; a mark before an insertion at its start.
 */
export function applyWordSuggestions(plans: readonly ParagraphPlan[]): void {
  for (const plan of plans) {
    const ordered = [...plan.operations].sort((a, b) => b.offset - a.offset || (a.kind === 'mark' ? -1 : 1) - (b.kind === 'mark' ? -1 : 1));
    for (const operation of ordered) {
      if (operation.kind === 'mark') plan.block.format(operation.offset, operation.length, { suggestDelete: operation.id });
      // Like typed text, it takes its place's formatting (and a deletion mark around it, as in S30's concurrent case).
      else plan.block.insert(operation.offset, operation.text, { suggestInsert: operation.id });
    }
  }
}
