import type { SourceBlock, SourceParagraph, SourceRun } from '#shared/import/sourceText';
import { PackageError, type PackagePart, type ZipPackage } from '#main/import/docxPackage';
import { applyRunProperty, readNumbering, readStyles, type RunLook } from '#main/import/wordStyles';
import { mainDocumentPartName, readXmlPart, wordAttribute, wordName, type XmlElement } from '#main/import/wordXml';

/**
 * Reads the body of a .docx (WordprocessingML, ECMA-376 part 1 §17) into paragraphs of formatted
 * runs and tables, for the structure recogniser. A file with tracked changes is read as it was
 * before them (decision 0030): deleted and moved-away text is kept, inserted and moved-in text left
 * out, and the changes are counted for the report, so that a new document never takes a party's
 * pending changes for agreed text; hyperlinks, fields' results and content controls are text;
 * drawings are counted (not imported); Word's automatic numbering is noted on the paragraph.
 */

/** Markup compatibility: an mc:Fallback repeats a drawing for old readers. */
const compatibilityNamespace = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface WordBody {
  blocks: SourceBlock[];
  droppedImages: number;
  /** Tracked changes found (insertions, deletions, moves, formatting changes), none of them applied. */
  trackedChanges: number;
}

/** Word's revision marks (ECMA-376 part 1 §17.13.5). */
const revisionElements = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange']);

interface WordParts {
  document: PackagePart;
  styles: PackagePart | null;
  numbering: PackagePart | null;
}

/** The parts the reader needs; the main part's name comes from _rels/.rels. */
function readParts(zip: ZipPackage): WordParts {
  const main = mainDocumentPartName(zip);
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const parts = zip.read([main, `${folder}styles.xml`, `${folder}numbering.xml`]);
  const document = parts.get(main);
  if (!document) throw new PackageError('damaged', `${main} cannot be read`);
  return { document, styles: parts.get(`${folder}styles.xml`) ?? null, numbering: parts.get(`${folder}numbering.xml`) ?? null };
}

/** Elements whose content Word does not show as body text here. */
const skippedElements = new Set([
  'ins',
  'moveTo',
  'drawing',
  'pict',
  'object',
  'Fallback',
  'instrText',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);
const imageElements = new Set(['drawing', 'pict', 'object']);

/** The paragraphs and tables of a .docx, in order. */
export function readWordBody(zip: ZipPackage): WordBody {
  const parts = readParts(zip);
  const styles = readStyles(parts.styles);
  const isOrdered = readNumbering(parts.numbering);
  const blocks: SourceBlock[] = [];
  let droppedImages = 0;
  let trackedChanges = 0;

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
    const finished: SourceParagraph = {
      type: 'paragraph',
      runs: paragraph.runs,
      alignment,
      numbering: numbering && numbering.numId !== '0' ? { level: numbering.level, isOrdered: isOrdered(numbering.numId, numbering.level) } : null,
    };
    const table = tables.at(-1);
    const cell = table?.rows.at(-1)?.at(-1);
    if (cell) cell.push(...(cell.length > 0 ? [{ text: ' ' }] : []), ...finished.runs);
    else blocks.push(finished);
    paragraph = null;
  };

  // saxes closes every element, a self-closing one right after it opens.
  const open = (element: XmlElement): void => {
    const local = localName(element);
    if (local === null) return;
    if (revisionElements.has(local)) trackedChanges += 1;
    if (skipDepth > 0) {
      if (skippedElements.has(local)) skipDepth += 1;
      return;
    }
    if (skippedElements.has(local)) {
      if (imageElements.has(local)) droppedImages += 1;
      skipDepth = 1;
      return;
    }
    switch (local) {
      case 'p':
        paragraph = { type: 'paragraph', runs: [], alignment: null, numbering: null, styleId: null, numId: null, level: 0 };
        break;
      case 'pPr':
        inParagraphProperties = true;
        break;
      case 'pStyle':
        if (paragraph && inParagraphProperties) paragraph.styleId = wordAttribute(element, 'val') ?? null;
        break;
      case 'jc':
        if (paragraph && inParagraphProperties && !inRunProperties) paragraph.alignment = normaliseAlignment(wordAttribute(element, 'val') ?? null);
        break;
      case 'numId':
        if (paragraph && inParagraphProperties) paragraph.numId = wordAttribute(element, 'val') ?? null;
        break;
      case 'ilvl':
        if (paragraph && inParagraphProperties) paragraph.level = Number(wordAttribute(element, 'val') ?? 0) || 0;
        break;
      case 'r':
        runLook = {};
        break;
      case 'rPr':
        // The paragraph mark's own formatting (inside pPr) does not apply to the runs.
        inRunProperties = !inParagraphProperties;
        break;
      case 'rStyle':
        if (inRunProperties) runLook.styleId = wordAttribute(element, 'val') ?? null;
        break;
      case 't':
      case 'delText':
        inText = true;
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
        if (inRunProperties) applyRunProperty(runLook, local, element);
    }
  };

  const close = (element: XmlElement): void => {
    const local = localName(element);
    if (local === null) return;
    if (skipDepth > 0) {
      if (skippedElements.has(local)) skipDepth -= 1;
      return;
    }
    if (local === 'p') finishParagraph();
    else if (local === 'rPr') inRunProperties = false;
    else if (local === 'pPr') inParagraphProperties = false;
    else if (local === 't' || local === 'delText') inText = false;
    else if (local === 'r') runLook = {};
    else if (local === 'tbl') {
      const table = tables.pop();
      const outer = tables.at(-1)?.rows.at(-1)?.at(-1);
      if (table && outer) outer.push(...table.rows.flat(2));
      else if (table) blocks.push({ type: 'table', rows: table.rows });
    }
  };

  readXmlPart(parts.document, {
    open,
    close,
    text(text) {
      if (inText && skipDepth === 0) emitText(text);
    },
  });
  finishParagraph();
  return { blocks, droppedImages, trackedChanges };
}

/** The element's WordprocessingML name, or Fallback for a drawing's markup-compatibility fallback. */
function localName(element: XmlElement): string | null {
  if (element.uri === compatibilityNamespace && element.local === 'Fallback') return 'Fallback';
  return wordName(element);
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
