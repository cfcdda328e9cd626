import type { SourceBlock, SourceParagraph, SourceRun } from '#shared/import/sourceText';
import { readZipEntry, type ZipEntry } from '#main/import/zipDirectory';
import { applyRunProperty, readNumbering, readStyles, type RunLook } from '#main/import/wordStyles';
import { prefixOf, xmlTokens } from '#main/import/xmlTokens';

/**
 * Reads the body of a .docx (WordprocessingML, ECMA-376 part 1 §17) into paragraphs of formatted
 * runs and tables, for the structure recogniser. It follows what Word shows: inserted revisions
 * are text, deleted ones are not; hyperlinks, fields' results and content controls are text;
 * drawings are counted (not imported); Word's automatic numbering is noted on the paragraph.
 */

const mainNamespaces = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const maxPartBytes = 64 * 1024 * 1024;

export interface WordBody {
  blocks: SourceBlock[];
  droppedImages: number;
}

/** The parts of the package the reader needs; the main part's name comes from _rels/.rels. */
function readParts(bytes: Buffer, entries: readonly ZipEntry[]): { document: string; styles: string | null; numbering: string | null } {
  const text = (name: string): string | null => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry ? readZipEntry(bytes, entry, maxPartBytes).toString('utf8') : null;
  };
  const rels = text('_rels/.rels') ?? '';
  const target = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  const main = target?.[1] ?? target?.[2] ?? 'word/document.xml';
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const document = text(main) ?? text('word/document.xml');
  if (document === null) throw new Error('the package has no main document part');
  return { document, styles: text(`${folder}styles.xml`), numbering: text(`${folder}numbering.xml`) };
}

/** Elements whose content Word does not show as body text here. */
const skippedElements = new Set(['del', 'moveFrom', 'drawing', 'pict', 'object', 'Fallback', 'instrText', 'delText', 'footnoteReference', 'endnoteReference', 'commentReference']);
const imageElements = new Set(['drawing', 'pict', 'object']);

/** The paragraphs and tables of a .docx, in order. */
export function readWordBody(bytes: Buffer, entries: readonly ZipEntry[]): WordBody {
  const parts = readParts(bytes, entries);
  const w = prefixOf(parts.document, mainNamespaces, 'w');
  const styles = readStyles(parts.styles, w);
  const isOrdered = readNumbering(parts.numbering, w);
  const blocks: SourceBlock[] = [];
  let droppedImages = 0;

  // Tables nest: each level collects rows of cells of runs; a cell's paragraphs join with a space.
  const tables: { rows: SourceRun[][][] }[] = [];
  let paragraph: (SourceParagraph & { styleId: string | null; numId: string | null; level: number }) | null = null;
  let runLook: RunLook & { styleId?: string | null } = {};
  let inRunProperties = false;
  let inParagraphProperties = false;
  let inText = false;
  let skipDepth = 0;

  const emitText = (text: string): void => {
    if (!paragraph || text === '') return;
    const look = { ...styles.defaults, ...strip(styles.look(paragraph.styleId)), ...strip(styles.look(runLook.styleId ?? null)), ...strip(runLook) };
    const run: SourceRun = { text: look.caps ? text.toLocaleUpperCase('vi-VN') : text };
    if (look.bold) run.bold = true;
    if (look.italic) run.italic = true;
    if (look.underline) run.underline = true;
    paragraph.runs.push(run);
  };

  const finishParagraph = (): void => {
    if (!paragraph) return;
    const numbering = paragraph.numId !== null ? { numId: paragraph.numId, level: paragraph.level } : styles.numbering(paragraph.styleId);
    const alignment = paragraph.alignment ?? normaliseAlignment(styles.alignment(paragraph.styleId));
    const finished: SourceParagraph = { type: 'paragraph', runs: paragraph.runs, alignment, numbering: numbering && numbering.numId !== '0' ? { level: numbering.level, isOrdered: isOrdered(numbering.numId, numbering.level) } : null };
    const table = tables.at(-1);
    const cell = table?.rows.at(-1)?.at(-1);
    if (cell) cell.push(...(cell.length > 0 ? [{ text: ' ' }] : []), ...finished.runs);
    else blocks.push(finished);
    paragraph = null;
  };

  for (const token of xmlTokens(parts.document)) {
    if (token.kind === 'text') {
      if (inText && skipDepth === 0) emitText(token.text);
      continue;
    }
    const local = localName(token.name, w);
    if (skipDepth > 0) {
      if (token.kind === 'open' && !token.selfClosing && local !== null && skippedElements.has(local)) skipDepth += 1;
      else if (token.kind === 'close' && local !== null && skippedElements.has(local)) skipDepth -= 1;
      continue;
    }
    if (token.kind === 'close') {
      if (local === 'p') finishParagraph();
      else if (local === 'rPr') inRunProperties = false;
      else if (local === 'pPr') inParagraphProperties = false;
      else if (local === 't') inText = false;
      else if (local === 'r') runLook = {};
      else if (local === 'tbl') {
        const table = tables.pop();
        const outer = tables.at(-1)?.rows.at(-1)?.at(-1);
        if (table && outer) outer.push(...table.rows.flat(2));
        else if (table) blocks.push({ type: 'table', rows: table.rows });
      }
      continue;
    }
    if (local === null) continue;
    if (skippedElements.has(local)) {
      if (imageElements.has(local)) droppedImages += 1;
      if (!token.selfClosing) skipDepth = 1;
      continue;
    }
    switch (local) {
      case 'p':
        paragraph = { type: 'paragraph', runs: [], alignment: null, numbering: null, styleId: null, numId: null, level: 0 };
        break;
      case 'pPr':
        inParagraphProperties = !token.selfClosing;
        break;
      case 'pStyle':
        if (paragraph && inParagraphProperties) paragraph.styleId = token.attributes[`${w}:val`] ?? null;
        break;
      case 'jc':
        if (paragraph && inParagraphProperties && !inRunProperties) paragraph.alignment = normaliseAlignment(token.attributes[`${w}:val`] ?? null);
        break;
      case 'numId':
        if (paragraph && inParagraphProperties) paragraph.numId = token.attributes[`${w}:val`] ?? null;
        break;
      case 'ilvl':
        if (paragraph && inParagraphProperties) paragraph.level = Number(token.attributes[`${w}:val`] ?? 0) || 0;
        break;
      case 'r':
        runLook = {};
        break;
      case 'rPr':
        // The paragraph mark's own formatting (inside pPr) does not apply to the runs.
        inRunProperties = !token.selfClosing && !inParagraphProperties;
        break;
      case 'rStyle':
        if (inRunProperties) runLook.styleId = token.attributes[`${w}:val`] ?? null;
        break;
      case 't':
        inText = !token.selfClosing;
        break;
      case 'tab':
      case 'br':
      case 'cr':
        if (!inParagraphProperties) emitText(' ');
        break;
      case 'noBreakHyphen':
        emitText('-');
        break;
      case 'tbl':
        tables.push({ rows: [] });
        break;
      case 'tr':
        tables.at(-1)?.rows.push([]);
        break;
      case 'tc':
        tables.at(-1)?.rows.at(-1)?.push([]);
        break;
      default:
        if (inRunProperties) applyRunProperty(runLook, local, token.attributes, w);
    }
  }
  finishParagraph();
  return { blocks, droppedImages };
}

function localName(name: string, prefix: string): string | null {
  if (name.startsWith(`${prefix}:`)) return name.slice(prefix.length + 1);
  // Markup compatibility: a drawing's fallback repeats it for old readers.
  if (name.endsWith(':Fallback')) return 'Fallback';
  return null;
}

function normaliseAlignment(value: string | null): SourceParagraph['alignment'] {
  switch (value) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
      return 'both';
    case 'left':
    case 'start':
      return 'left';
    default:
      return null;
  }
}

/** A look without its unset properties, so that spreading it overrides only what it sets. */
function strip(look: RunLook & { styleId?: string | null }): RunLook {
  const result: RunLook = {};
  if (look.bold !== undefined) result.bold = look.bold;
  if (look.italic !== undefined) result.italic = look.italic;
  if (look.underline !== undefined) result.underline = look.underline;
  if (look.caps !== undefined) result.caps = look.caps;
  return result;
}
