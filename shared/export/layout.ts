/**
 * The measures of the official layout (Decree 30/2020/NĐ-CP, Appendix I), shared by
 * the DOCX writer and the HTML printed to PDF so that both files look alike.
 */

/** A4 portrait; margins within the decree's ranges (top/bottom 20–25, left 30–35, right 15–20 mm). */
export const page = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Where the page number sits: inside the top margin, this far from the top edge. */
  headerDistanceMm: 10,
} as const;

/** The width available to the text. */
export const textWidthMm = page.widthMm - page.marginMm.left - page.marginMm.right;

export const fontFamily = 'Times New Roman';

/** Type sizes in points; the decree's range in the comment. */
export const fontSizes = {
  /** Body text, articles, chapter headings (13–14). */
  body: 14,
  /** Organisation names at top left (12–13). */
  organisation: 12,
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13). */
  nationalTitle: 12,
  /** "Độc lập - Tự do - Hạnh phúc" (13–14). */
  motto: 13,
  /** Place and date, italic (13–14). */
  placeAndDate: 13,
  /** "THỎA ƯỚC LAO ĐỘNG TẬP THỂ" (13–14, sample 14). */
  typeName: 14,
  /** Signing authority and title (13–14). */
  signatureTitle: 13,
  /** Signer's name (13–14). */
  signatureName: 14,
  /** "Nơi nhận:" (12). */
  recipientsLabel: 12,
  /** Recipient lines (11). */
  recipients: 11,
  /** Page numbers (13–14). */
  pageNumber: 13,
  /** Cells of tables, and both columns of a bilingual text (13). */
  table: 13,
  /** Remarks of the export itself (redline legend, missing translation). */
  note: 12,
  /** "Phụ lục" (14). */
  annexHeading: 14,
} as const;

/** First-line indent of body paragraphs and article headings (1 or 1.27 cm). */
export const firstLineIndentMm = 12.7;

/** Space after each paragraph (at least 6 pt). */
export const paragraphSpacingPt = 6;

/** Line spacing, as a multiple of single (from single to 1.5 lines): single. */
export const lineSpacing = 1;

/** The height of a single line of Times New Roman, in em (CSS's line-height for "single"). */
export const singleLineEm = 1.15;

/** Blank height left to sign in, between the signing title and the name. */
export const signatureSpaceMm = 28;

/** Redline colours: inserted words underlined in blue, deleted struck through in red. */
export const changeColours = { inserted: '1F4E9A', deleted: 'B3261E' } as const;

/** The column widths of the header (organisations | national title), in percent of the text width. */
export const headerColumns = [44, 56] as const;

/**
 * The printed width of the motto in Times New Roman bold at fontSizes.motto (13 pt), measured in
 * Chromium with Liberation Serif (metric-compatible): the DOCX draws the line under the motto this
 * long ("as long as the text", Decree 30/2020), since Word cannot size a border to its text.
 */
export const mottoWidthMm: Readonly<Record<'vi' | 'en', number>> = { vi: 56.1, en: 72.8 };
