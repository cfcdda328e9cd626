import type { Language } from '#shared/format/locale';

/**
 * The render model: a document laid out the official way (Decree 30/2020/NĐ-CP, Appendix I),
 * independent of the output format. The DOCX writer (main/export/docx.ts)
 * and the HTML for PDF (shared/export/html.ts) draw exactly this, so that both files look alike.
 *
 * It is generic on purpose: an agreement or labour regulations (agreementModel.ts) is one use;
 * the bargaining minutes, the compliance report and the reviewer's decision can be built the same
 * way (a header, a type name, sections of paragraphs and tables, signature blocks, recipients).
 */

/** A word-level change shown in a redline: inserted text underlined in colour, deleted struck through. */
export type Change = 'inserted' | 'deleted';

/**
 * A pending suggestion carried as a Word tracked change (decision 0030): an insertion or a
 * deletion with its author and time as Word writes them (w:author, w:date).
 */
export interface Revision {
  type: 'insert' | 'delete';
  author: string;
  date: string;
}

/** A stretch of text with one look. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  change?: Change;
  /** Only the .docx writer reads it; the other outputs never receive runs carrying one. */
  revision?: Revision;
}

/** A text of the frame (titles, labels) with, in bilingual exports, its translation under it; "\n" breaks a line. */
export interface FrameText {
  text: string;
  translation?: string;
}

/** A chapter ("Chương I" then the title in capitals) or a section of a report ("I." then the title). */
export interface HeadingBlock {
  type: 'heading';
  /** "Chương I", "Mục 1", "I."; null for a title without a label. */
  label: string | null;
  title: Run[];
  /** The label on its own line above the title (chapters) or before it on the same line. */
  labelOnOwnLine: boolean;
  change?: Change;
}

/** An article heading: "Điều 1." in bold, then the title in bold. */
export interface ArticleHeadingBlock {
  type: 'article';
  label: string;
  title: Run[];
  change?: Change;
}

export type ParagraphRole =
  /** Justified body text with a first-line indent. */
  | 'body'
  /** A legal ground ("Căn cứ …;"), italic. */
  | 'ground'
  /** A remark of the export itself (a redline legend, "(no translation)"), italic and smaller. */
  | 'note'
  /** A centred line (a reference line under an annex title, for instance). */
  | 'centered';

export interface ParagraphBlock {
  type: 'paragraph';
  role: ParagraphRole;
  runs: Run[];
  change?: Change;
}

/** A numbered clause ("1.") or a lettered point ("a)"); the marker is derived from the position. */
export interface NumberedBlock {
  type: 'clause' | 'point';
  marker: Run;
  runs: Run[];
  change?: Change;
}

export interface BulletBlock {
  type: 'bullet';
  runs: Run[];
  change?: Change;
}

export interface TableCell {
  runs: Run[];
  header?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A table with borders; widths are relative (they are scaled to the text width). */
export interface TableBlock {
  type: 'table';
  rows: { cells: TableCell[] }[];
  widths?: number[];
  change?: Change;
}

/** Two texts side by side (a bilingual article): a borderless-looking two-column table. */
export interface ParallelBlock {
  type: 'parallel';
  columns: [ParallelColumn, ParallelColumn];
}

export interface ParallelColumn {
  language: Language;
  blocks: ContentBlock[];
}

export type ContentBlock = HeadingBlock | ArticleHeadingBlock | ParagraphBlock | NumberedBlock | BulletBlock | TableBlock;

export type RenderBlock = ContentBlock | ParallelBlock;

/** An organisation in the top-left box: upright for a parent body, bold for the issuer. */
export interface OrganisationLine {
  text: string;
  bold: boolean;
}

/** One signature block (box 7): authority and title in capitals, space to sign, the name in bold. */
export interface SignatureBlock {
  /** Uppercase bold lines: "ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG", "GIÁM ĐỐC". */
  titleLines: FrameText[];
  /** An italic hint under the title, e.g. "(Ký, ghi rõ họ tên và đóng dấu)"; null for none. */
  hint: string | null;
  /** The signer's name (bold); empty leaves a line to write it by hand. */
  name: string;
}

/** "Nơi nhận:" (bold italic 12 pt) and the recipient lines (11 pt), at the left of the signature. */
export interface Recipients {
  label: string;
  lines: string[];
}

/** An appendix: "Phụ lục" (bold 14), its title in capitals, a reference line, then content. */
export interface Annex {
  heading: FrameText;
  title: FrameText;
  reference: string | null;
  blocks: RenderBlock[];
}

export interface RenderDocument {
  /** The main language (the `lang` of the HTML, the proofing language of the DOCX). */
  language: Language;
  /** For the file's metadata. */
  title: string;
  /** The top-left box: parent and issuing organisations. */
  organisations: OrganisationLine[];
  nationalTitle: FrameText;
  motto: FrameText;
  /** "Số: 01/2027/QĐ-…" under the organisations; null when the document has none. */
  number: string | null;
  /** "TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027", italic, under the motto. */
  placeAndDate: string | null;
  /** "THỎA ƯỚC LAO ĐỘNG TẬP THỂ": bold capitals, 14 pt, centred. */
  typeName: FrameText;
  /** The summary (trích yếu) under the type name: bold, with a short line under it. */
  summary: string | null;
  /** The body: legal grounds, preamble, chapters and articles (or a report's sections). */
  blocks: RenderBlock[];
  /** Side by side at the end of the body. */
  signatures: SignatureBlock[];
  recipients: Recipients | null;
  annexes: Annex[];
}
