import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Header,
  InsertedTextRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
  type ParagraphChild,
  type ISectionOptions,
  type ITableBordersOptions,
} from 'docx';
import {
  changeColours,
  firstLineIndentMm,
  fontFamily,
  fontSizes,
  headerColumns,
  lineSpacing,
  mottoWidthMm,
  page,
  paragraphSpacingPt,
  signatureSpaceMm,
  textWidthMm,
} from '#shared/export/layout';
import type { Annex, ContentBlock, FrameText, ParallelBlock, RenderBlock, RenderDocument, Run, SignatureBlock, TableBlock } from '#shared/export/renderModel';
import { mapStrings } from '#shared/text/mapStrings';
import { stripXmlIllegal } from '#shared/text/safeText';

/**
 * The render model as a Word document, with the `docx` library: A4 portrait, the decree's
 * margins, Times New Roman, page numbers centred in the top margin from page 2 (a first-page
 * header left empty: `titlePage`), the header table, chapters, articles, signatures side by side.
 */

/** Millimetres in twentieths of a point, rounded (A4 is 11906 × 16838). */
const twip = (mm: number): number => Math.round((mm * 1440) / 25.4);
const halfPoints = (points: number): number => Math.round(points * 2);
const textWidth = twip(textWidthMm);
const afterSpacing = paragraphSpacingPt * 20;
const line = Math.round(240 * lineSpacing);

const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const noBorders: ITableBordersOptions = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const gridBorders: ITableBordersOptions = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

/**
 * The w:id of the next tracked change. Ids are unique in the file (ECMA-376 §17.13.1); a file is
 * laid out in one synchronous pass (renderDocx resets it before), so one counter numbers them all.
 */
let nextRevisionId = 1;

function textRuns(run: Run, style: RunStyle = {}): ParagraphChild[] {
  const parts = run.text.split('\n');
  return parts.map((text, index) => {
    const options: IRunOptions = {
      text,
      break: index > 0 ? 1 : undefined,
      bold: run.bold || style.bold ? true : undefined,
      italics: run.italic || style.italics ? true : undefined,
      size: style.size === undefined ? undefined : halfPoints(style.size),
      underline:
        run.underline || run.change === 'inserted' ? { type: 'single', color: run.change === 'inserted' ? changeColours.inserted : undefined } : undefined,
      strike: run.change === 'deleted' ? true : undefined,
      color: run.change ? changeColours[run.change] : undefined,
    };
    // A pending suggestion is a real tracked change (decision 0030): Word shows it in its author's colour and can accept it.
    if (!run.revision) return new TextRun(options);
    const revision = { id: nextRevisionId++, author: run.revision.author, date: run.revision.date };
    return run.revision.type === 'insert' ? new InsertedTextRun({ ...options, ...revision }) : new DeletedTextRun({ ...options, ...revision });
  });
}

const runsOf = (runs: readonly Run[], style?: RunStyle): ParagraphChild[] => runs.flatMap((run) => textRuns(run, style));

interface ParagraphLook {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  firstLine?: boolean;
  after?: number;
  before?: number;
  keepNext?: boolean;
  size?: number;
  bold?: boolean;
  italics?: boolean;
  indent?: { left?: number; right?: number };
  bottomBorder?: boolean;
}

function paragraph(runs: readonly Run[], look: ParagraphLook = {}): Paragraph {
  return new Paragraph({
    alignment: look.align ?? AlignmentType.BOTH,
    indent: { firstLine: look.firstLine ? twip(firstLineIndentMm) : undefined, left: look.indent?.left, right: look.indent?.right },
    spacing: { after: look.after ?? afterSpacing, before: look.before, line, lineRule: LineRuleType.AUTO },
    keepNext: look.keepNext,
    border: look.bottomBorder ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } : undefined,
    children: runsOf(runs, { size: look.size, bold: look.bold, italics: look.italics }),
  });
}

const centred = (runs: readonly Run[], look: ParagraphLook = {}): Paragraph => paragraph(runs, { after: 0, ...look, align: AlignmentType.CENTER });

function frameParagraphs(text: FrameText, look: ParagraphLook): Paragraph[] {
  const main = centred([{ text: text.text }], look);
  if (!text.translation) return [main];
  return [main, centred([{ text: text.translation, italic: true }], { ...look, bold: false, size: fontSizes.note })];
}

/** A short centred line, as a bottom border of an empty paragraph narrowed by indents. */
function rule(cellWidth: number, ruleWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    spacing: { after, line: 120, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function cell(
  children: (Paragraph | Table)[],
  width: number,
  options: { borders?: ITableBordersOptions; margins?: boolean; align?: 'top' | 'center' } = {},
): TableCell {
  const borders = options.borders ?? noBorders;
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.DXA },
    borders: { top: borders.top, bottom: borders.bottom, left: borders.left, right: borders.right },
    margins: options.margins === false ? { top: 0, bottom: 0, left: 0, right: 0 } : { top: 40, bottom: 40, left: 80, right: 80 },
    verticalAlign: options.align === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
  });
}

function table(rows: TableCell[][], widths: number[], borders: ITableBordersOptions): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: borders === gridBorders ? true : undefined })),
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
  });
}

function header(document: RenderDocument): Table {
  const left = Math.round((textWidth * headerColumns[0]) / 100);
  const right = textWidth - left;
  const organisations = document.organisations.map((organisation) =>
    centred([{ text: organisation.text, bold: organisation.bold }], { size: fontSizes.organisation }),
  );
  const organisationRule = document.organisations.length > 0 ? [rule(left, Math.round(left * 0.34))] : [];
  // The motto is in the primary language (the bilingual frame puts Vietnamese first).
  const mottoIndent = Math.max(0, Math.round((right - twip(mottoWidthMm[document.language] + 1.5)) / 2));
  const nation = [
    ...frameParagraphs(document.nationalTitle, { size: fontSizes.nationalTitle, bold: true }),
    // Word cannot size a border to its text: the motto paragraph is narrowed to the motto's width.
    centred([{ text: document.motto.text, bold: true }], { size: fontSizes.motto, bottomBorder: true, indent: { left: mottoIndent, right: mottoIndent } }),
    ...(document.motto.translation ? [centred([{ text: document.motto.translation, italic: true }], { size: fontSizes.note })] : []),
  ];
  const number = document.number ? [centred([{ text: document.number }], { size: 13, before: 120 })] : [];
  const placeAndDate = document.placeAndDate ? [centred([{ text: document.placeAndDate, italic: true }], { size: fontSizes.placeAndDate, before: 120 })] : [];
  return table(
    [
      [cell([...organisations, ...organisationRule], left, { margins: false }), cell(nation, right, { margins: false })],
      [cell(number, left, { margins: false }), cell(placeAndDate, right, { margins: false })],
    ],
    [left, right],
    noBorders,
  );
}

function gridTable(block: TableBlock, width: number): Table {
  const columns = Math.max(...block.rows.map((row) => row.cells.length), 1);
  const weights = block.widths && block.widths.length === columns ? block.widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.floor((width * weight) / total));
  const alignOf = (align: 'left' | 'center' | 'right' | undefined, isHeader: boolean) =>
    align === 'center' || (isHeader && align === undefined) ? AlignmentType.CENTER : align === 'right' ? AlignmentType.END : AlignmentType.START;
  return table(
    block.rows.map((row) =>
      row.cells.map((tableCell, index) =>
        cell(
          [paragraph(tableCell.runs, { align: alignOf(tableCell.align, tableCell.header === true), after: 0, size: fontSizes.table, bold: tableCell.header })],
          widths[index] ?? 0,
          { borders: gridBorders },
        ),
      ),
    ),
    widths,
    gridBorders,
  );
}

function contentElements(block: ContentBlock, width: number, inColumn: boolean): (Paragraph | Table)[] {
  const size = inColumn ? fontSizes.table : undefined;
  switch (block.type) {
    case 'heading': {
      const label: Run[] = block.label ? [{ text: block.label, change: block.change }] : [];
      if (block.labelOnOwnLine && label.length > 0) {
        return [
          centred(label, { bold: true, keepNext: true, before: 240, size }),
          centred(block.title, { bold: true, keepNext: true, after: afterSpacing, size }),
        ];
      }
      // A section of a report ("I. THÀNH PHẦN THAM DỰ"): bold, at the left margin.
      return [
        paragraph([...label, ...(label.length > 0 ? [{ text: ' ' }] : []), ...block.title], {
          align: AlignmentType.START,
          bold: true,
          keepNext: true,
          before: 240,
          size,
        }),
      ];
    }
    case 'article':
      return [
        paragraph([{ text: block.label, change: block.change }, ...(block.title.length > 0 ? [{ text: ' ' }, ...block.title] : [])], {
          firstLine: true,
          bold: true,
          keepNext: true,
          size,
        }),
      ];
    case 'paragraph': {
      if (block.role === 'note') return [paragraph(block.runs, { firstLine: !inColumn, italics: true, size: fontSizes.note })];
      if (block.role === 'centered') return [centred(block.runs, { size })];
      return [paragraph(block.runs, { firstLine: true, italics: block.role === 'ground', size })];
    }
    case 'clause':
    case 'point':
      return [paragraph([block.marker, { text: ' ' }, ...block.runs], { firstLine: true, size })];
    case 'bullet':
      return [paragraph([{ text: '-', change: block.change }, { text: ' ' }, ...block.runs], { firstLine: true, size })];
    case 'table':
      return [gridTable(block, width), paragraph([], { after: 0 })];
  }
}

function parallelTable(block: ParallelBlock): Table {
  const half = Math.floor(textWidth / 2);
  const inner = half - 160;
  return table(
    [
      block.columns.map((column) =>
        cell(
          column.blocks.flatMap((content) => contentElements(content, inner, true)),
          half,
        ),
      ),
    ],
    [half, textWidth - half],
    noBorders,
  );
}

function blockElements(block: RenderBlock): (Paragraph | Table)[] {
  return block.type === 'parallel' ? [parallelTable(block)] : contentElements(block, textWidth, false);
}

function signatureTitle(signature: SignatureBlock): Paragraph[] {
  return [
    ...signature.titleLines.flatMap((line) => frameParagraphs(line, { size: fontSizes.signatureTitle, bold: true, keepNext: true })),
    ...(signature.hint ? [centred([{ text: signature.hint, italic: true }], { size: fontSizes.note, keepNext: true })] : []),
  ];
}

function signatureName(signature: SignatureBlock): Paragraph[] {
  return [
    new Paragraph({ spacing: { after: 0, before: 0, line: twip(signatureSpaceMm), lineRule: LineRuleType.EXACT }, keepNext: true, children: [] }),
    centred([{ text: signature.name, bold: true }], { size: fontSizes.signatureName }),
  ];
}

/** Signature blocks side by side: titles on one row, names on the next, so that the names line up. */
function signatures(document: RenderDocument): (Paragraph | Table)[] {
  if (document.signatures.length === 0) return [];
  const titles: Paragraph[][] = [];
  const names: Paragraph[][] = [];
  if (document.recipients) {
    titles.push([
      paragraph([{ text: document.recipients.label, bold: true, italic: true }], { align: AlignmentType.START, after: 0, size: fontSizes.recipientsLabel }),
      ...document.recipients.lines.map((text) => paragraph([{ text }], { align: AlignmentType.START, after: 0, size: fontSizes.recipients })),
    ]);
    names.push([]);
  } else if (document.signatures.length === 1) {
    titles.push([]);
    names.push([]);
  }
  titles.push(...document.signatures.map(signatureTitle));
  names.push(...document.signatures.map(signatureName));
  const width = Math.floor(textWidth / titles.length);
  const row = (columns: Paragraph[][]): TableCell[] => columns.map((children) => cell(children, width));
  return [
    paragraph([], { after: 240 }),
    table(
      [row(titles), row(names)],
      titles.map(() => width),
      noBorders,
    ),
  ];
}

function annexChildren(annex: Annex): (Paragraph | Table)[] {
  return [
    ...frameParagraphs(annex.heading, { bold: true, size: fontSizes.annexHeading }),
    ...frameParagraphs(annex.title, { bold: true }),
    ...(annex.reference ? [centred([{ text: annex.reference, italic: true }], { after: 240 })] : []),
    ...annex.blocks.flatMap(blockElements),
  ];
}

const pageSize = { width: twip(page.widthMm), height: twip(page.heightMm), orientation: PageOrientation.PORTRAIT };

/** A section whose pages carry their number in the top margin, except the first. */
function section(children: (Paragraph | Table)[]): ISectionOptions {
  const { top, bottom, left, right } = page.marginMm;
  const numbered = new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(fontSizes.pageNumber) })] }),
    ],
  });
  return {
    properties: {
      titlePage: true,
      page: {
        size: pageSize,
        margin: {
          top: twip(top),
          bottom: twip(bottom),
          left: twip(left),
          right: twip(right),
          header: twip(page.headerDistanceMm),
          footer: twip(page.headerDistanceMm),
        },
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: numbered, first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children,
  };
}

/**
 * The document as a .docx file. Each annex is its own section, paginated from 1 (Decree 30/2020).
 * The server calls it in its file worker (fileWorkers.ts), which it terminates on cancel.
 *
 * Every text of the model loses the characters XML cannot hold before it is written: the `docx`
 * library escapes markup but writes U+FFFE or U+0001 as they are, and one of them makes
 * document.xml ill-formed (Word then refuses the whole file). Whatever let such a character into a
 * document (text stored before the API refused them, a client of the sync protocol), the file is
 * well-formed.
 */
export async function renderDocx(model: RenderDocument): Promise<Buffer> {
  const document = mapStrings(model, stripXmlIllegal);
  nextRevisionId = 1;
  const summary = document.summary
    ? [centred([{ text: document.summary, bold: true }]), rule(textWidth, Math.round(textWidth * 0.25), 240)]
    : [rule(textWidth, 0, 240)];
  const body: (Paragraph | Table)[] = [
    header(document),
    ...frameParagraphs(document.typeName, { bold: true, size: fontSizes.typeName, before: 360 }),
    ...summary,
    ...document.blocks.flatMap(blockElements),
    ...signatures(document),
  ];
  const file = new Document({
    creator: 'Thỏa Ước',
    title: document.title,
    styles: {
      default: {
        document: {
          run: { font: fontFamily, size: halfPoints(fontSizes.body), language: { value: document.language === 'vi' ? 'vi-VN' : 'en-GB' } },
          paragraph: { spacing: { after: afterSpacing, line, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [section(body), ...document.annexes.map((annex) => section(annexChildren(annex)))],
  });
  return Packer.toBuffer(file);
}
