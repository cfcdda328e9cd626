import type { ArticleElement, DocumentNode, InlineNode } from '#shared/document/nodes';
import { bodyMarkers } from '#shared/document/numbering';
import type { DiffBudget, DiffKind } from '#shared/document/sequenceDiff';
import type { DiffGranularity } from '#shared/document/wordDiff';
import type { Language } from '#shared/format/locale';
import { textToInlines } from '#shared/templates/instantiate';
import type { VariableValue } from '#shared/templates/schema';
import { formatVariableValue, type VariableLookup } from '#shared/templates/variableValues';
import { diffArticleText } from '#shared/versions/articleRedline';

/**
 * Redlines of positions as people read them: variable chips show their formatted values (with the
 * values each side of the comparison offers), never `{{…}}` or an id. A chip is compared as one
 * word: a changed value reads as the old chip struck through and the new one inserted.
 */

/** One line of an article: its title or one text block, with the marker the editor draws before it. */
export interface ArticleLine {
  marker: string | null;
  content: InlineNode[];
}

/** One side of a comparison: an article's lines (null: no article), and the values its chips show. */
export interface RedlineSide {
  lines: readonly ArticleLine[] | null;
  /** False for lines read back from a stored text, which keeps no markers: the other side drops its own. */
  isMarked: boolean;
  values: Readonly<Record<string, VariableValue>>;
}

/** A piece of a redline segment: text, or a chip with the value it shows and its variable's label. */
export type RedlinePart = { text: string } | { chip: string; label: string | null; isMissing: boolean };

export interface RedlineSegment {
  kind: DiffKind;
  parts: RedlinePart[];
}

export interface PositionRedline {
  segments: RedlineSegment[];
  granularity: DiffGranularity;
}

/** How chips read: their definitions, the language of the text, and the language of labels (the interface's). */
export interface ChipReading {
  lookup: VariableLookup;
  language: Language;
  labelLanguage: Language;
}

const inlineOf = (nodes: readonly DocumentNode[]): InlineNode[] => nodes as InlineNode[];

/**
 * An article's lines, one per text block in document order (the same lines as its stored text,
 * articleText): the title, paragraphs, clauses "1.", points "a)", list items "•", table cells.
 */
export function articleLines(article: ArticleElement): ArticleLine[] {
  const [title, ...body] = article.children;
  const markers = bodyMarkers(body);
  const lines: ArticleLine[] = [{ marker: null, content: title ? inlineOf(title.children) : [] }];
  body.forEach((block, index) => {
    switch (block.type) {
      case 'paragraph':
      case 'clause':
      case 'point':
        lines.push({ marker: markers[index] ?? null, content: block.children });
        return;
      case 'bulleted-list':
        for (const item of block.children) lines.push({ marker: '•', content: item.children });
        return;
      case 'table':
        for (const row of block.children) for (const cell of row.children) lines.push({ marker: null, content: cell.children });
    }
  });
  return lines;
}

/** The lines of an article's stored text (articleText: one line per block, chips as `{{id}}`). */
export function linesOfStoredText(text: string): ArticleLine[] {
  return text.split('\n').map((line) => ({ marker: null, content: textToInlines(line) }));
}

/** What a chip shows: its value formatted, ‹its label› when unset, never its id. */
export function chipText(
  variableId: string,
  values: Readonly<Record<string, VariableValue>>,
  reading: ChipReading,
): { text: string; label: string | null; isMissing: boolean } {
  const definition = reading.lookup(variableId);
  const value = values[variableId];
  if (!definition) return { text: value === undefined ? '‹…›' : String(value), label: null, isMissing: value === undefined };
  return {
    text: value === undefined ? `‹${definition.label[reading.language]}›` : formatVariableValue(definition, value, reading.language),
    label: definition.label[reading.labelLanguage],
    isMissing: value === undefined,
  };
}

// Chips travel through the word diff as single characters of the Private Use Area, which no
// tokenizer splits and which compare equal only for the same variable showing the same value.
const firstPrivateUse = 0xe000;
const lastPrivateUse = 0xf8ff;

/**
 * The redline from one side to the other: lines matched first, then words, chips compared as
 * words, within the request's budget (past it, more coarsely; the result says how).
 */
export function redlineSides(before: RedlineSide, after: RedlineSide, reading: ChipReading, budget: DiffBudget): PositionRedline {
  const isMarked = before.isMarked && after.isMarked;
  const chips = new Map<string, { key: string; part: RedlinePart }>();
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const side of [before, after]) {
    for (const line of side.lines ?? []) for (const node of line.content) if (!('type' in node)) for (const character of node.text) taken.add(character);
  }
  let next = firstPrivateUse;
  const encode = (side: RedlineSide): string =>
    (side.lines ?? [])
      .map((line) => {
        const text = line.content
          .map((node) => {
            if (!('type' in node)) return node.text;
            const chip = chipText(node.variableId, side.values, reading);
            const key = `${node.variableId}\u0000${chip.text}`;
            let character = keys.get(key);
            if (character === undefined) {
              while (next <= lastPrivateUse && taken.has(String.fromCharCode(next))) next += 1;
              // Past six thousand distinct chips in one article, the rest read as plain text.
              if (next > lastPrivateUse) return chip.text;
              character = String.fromCharCode(next);
              next += 1;
              keys.set(key, character);
              chips.set(character, { key, part: { chip: chip.text, label: chip.label, isMissing: chip.isMissing } });
            }
            return character;
          })
          .join('');
        return isMarked && line.marker ? `${line.marker} ${text}` : text;
      })
      .join('\n');
  const diff = diffArticleText(before.lines ? encode(before) : '', after.lines ? encode(after) : '', budget);
  const segments = diff.segments.map((segment): RedlineSegment => {
    const parts: RedlinePart[] = [];
    let text = '';
    for (const character of segment.text) {
      const chip = chips.get(character);
      if (!chip) {
        text += character;
        continue;
      }
      if (text !== '') parts.push({ text });
      text = '';
      parts.push(chip.part);
    }
    if (text !== '') parts.push({ text });
    return { kind: segment.kind, parts };
  });
  return { segments, granularity: diff.granularity };
}

/** A value a position changes, as people read it: "Overtime pay on normal days: 150% → 200%". */
export interface ValueChange {
  label: string | null;
  before: string | null;
  after: string | null;
}

/** The values that differ between two sides among `ids`, formatted, in the order given. */
export function valueChanges(
  ids: Iterable<string>,
  before: Readonly<Record<string, VariableValue>>,
  after: Readonly<Record<string, VariableValue>>,
  reading: ChipReading,
): ValueChange[] {
  const changes: ValueChange[] = [];
  for (const id of new Set(ids)) {
    if (before[id] === after[id]) continue;
    const label = reading.lookup(id)?.label[reading.labelLanguage] ?? null;
    const shown = (values: Readonly<Record<string, VariableValue>>) => (values[id] === undefined ? null : chipText(id, values, reading).text);
    changes.push({ label, before: shown(before), after: shown(after) });
  }
  return changes;
}
