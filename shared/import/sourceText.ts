import type { FormattedText } from '#shared/document/nodes';

/**
 * A word-processing file as the import reads it, whatever read it (main/import/docxImport.ts
 * reads .docx with mammoth): paragraphs of formatted runs, and tables of cells.
 */

export interface SourceRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface SourceParagraph {
  type: 'paragraph';
  runs: SourceRun[];
  alignment: 'left' | 'center' | 'right' | 'both' | null;
  /** Word's automatic numbering: the number is not in the text. */
  numbering: { level: number; isOrdered: boolean } | null;
}

export interface SourceTable {
  type: 'table';
  /** Rows of cells; each cell's paragraphs joined with a space. */
  rows: SourceRun[][][];
}

export type SourceBlock = SourceParagraph | SourceTable;

/** The text of runs. */
export function runsText(runs: readonly SourceRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** Whether most of a paragraph's letters are bold. */
export function isMostlyBold(runs: readonly SourceRun[]): boolean {
  let bold = 0;
  let total = 0;
  for (const run of runs) {
    const letters = run.text.replace(/\s/g, '').length;
    total += letters;
    if (run.bold) bold += letters;
  }
  return total > 0 && bold / total > 0.6;
}

/** Runs without their first `count` characters (a marker such as "1. " or "Điều 3. "). */
export function dropPrefix(runs: readonly SourceRun[], count: number): SourceRun[] {
  let rest = count;
  const kept: SourceRun[] = [];
  for (const run of runs) {
    if (rest >= run.text.length) {
      rest -= run.text.length;
      continue;
    }
    kept.push({ ...run, text: run.text.slice(rest) });
    rest = 0;
  }
  return kept;
}

/** Runs as Slate text leaves: adjacent runs with the same marks merged, at least one leaf. */
export function toLeaves(runs: readonly SourceRun[], options: { plain?: boolean } = {}): FormattedText[] {
  const leaves: FormattedText[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const leaf: FormattedText = { text: run.text };
    if (!options.plain) {
      if (run.bold) leaf.bold = true;
      if (run.italic) leaf.italic = true;
      if (run.underline) leaf.underline = true;
    }
    const last = leaves.at(-1);
    if (last && last.bold === leaf.bold && last.italic === leaf.italic && last.underline === leaf.underline) last.text += leaf.text;
    else leaves.push(leaf);
  }
  if (leaves.length === 0) return [{ text: '' }];
  const first = leaves[0] as FormattedText;
  first.text = first.text.trimStart();
  const last = leaves.at(-1) as FormattedText;
  last.text = last.text.trimEnd();
  return leaves;
}
