import {
  changeColours,
  firstLineIndentMm,
  fontFamily,
  fontSizes,
  headerColumns,
  lineSpacing,
  page,
  paragraphSpacingPt,
  signatureSpaceMm,
  singleLineEm,
} from '#shared/export/layout';
import { stripXmlIllegal } from '#shared/text/safeText';
import type { Annex, ContentBlock, FrameText, ParallelBlock, RenderBlock, RenderDocument, Run, SignatureBlock, TableBlock } from '#shared/export/renderModel';

/**
 * The render model as one HTML page with print CSS, for printing to PDF in Chromium (server mode:
 * playwright-core; desktop: Electron's printToPDF). Page numbers come from CSS paged media: a
 * `@top-center` margin box showing `counter(page)`, emptied on the first page by `@page :first`
 * (Decree 30/2020: numbers centred in the top margin, none on page 1); appendices count their own
 * pages (annexPageCss). The PDF is printed with
 * `preferCSSPageSize` and without Chromium's own header and footer, so the CSS alone decides.
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: markup escaped, and what no document can hold (U+0001, U+FFFE…) left out, as the Word writer does. */
export function escapeHtml(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

const fonts = `'${fontFamily}', 'Liberation Serif', 'Tinos', 'Times', serif`;

/**
 * Each appendix is paginated on its own (Decree 30/2020): a named page per appendix whose own
 * counter goes up on each of its pages, shown with a counter style that writes nothing for 1, so
 * that the appendix's first page has no number either (`@page :first` knows only the document's).
 */
function annexPageCss(count: number): string {
  const rules = Array.from(
    { length: count },
    (_, index) => `.annex-${index + 1} { page: annex${index + 1}; }
@page annex${index + 1} { counter-increment: annexpage${index + 1} 1; @top-center { content: counter(annexpage${index + 1}, after-first); } }`,
  );
  return count === 0 ? '' : `@counter-style after-first { system: fixed 1; symbols: " "; fallback: decimal; }\n${rules.join('\n')}`;
}

/** The print style sheet: A4, the decree's margins, the page number in the top margin from page 2. */
export function printCss(annexCount = 0): string {
  const { top, right, bottom, left } = page.marginMm;
  return `
@page { size: A4 portrait; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm;
  @top-center { content: counter(page); font-family: ${fonts}; font-size: ${fontSizes.pageNumber}pt; vertical-align: middle; } }
@page :first { @top-center { content: none; } }
${annexPageCss(annexCount)}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fonts}; font-size: ${fontSizes.body}pt; line-height: ${lineSpacing * singleLineEm}; color: #000; }
p { margin: 0 0 ${paragraphSpacingPt}pt; text-align: justify; text-indent: ${firstLineIndentMm}mm; orphans: 2; widows: 2; }
table { border-collapse: collapse; }
.frame { width: 100%; table-layout: fixed; margin-bottom: 12pt; }
.frame td { vertical-align: top; text-align: center; padding: 0; }
.frame td.left { width: ${headerColumns[0]}%; }
.frame p { text-indent: 0; text-align: center; margin: 0; }
.organisation { font-size: ${fontSizes.organisation}pt; }
.national-title { font-size: ${fontSizes.nationalTitle}pt; font-weight: bold; white-space: nowrap; }
.motto { font-size: ${fontSizes.motto}pt; font-weight: bold; }
.motto span { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1pt; }
.translation { font-weight: normal; font-style: italic; font-size: ${fontSizes.note}pt; }
.rule { width: 34%; margin: 2pt auto 0; border-top: 1px solid #000; height: 0; }
.frame .place-date { font-style: italic; font-size: ${fontSizes.placeAndDate}pt; padding-top: 6pt; }
.frame .number { padding-top: 6pt; font-size: 13pt; }
.type-name { margin: 12pt 0 0; text-align: center; text-indent: 0; font-size: ${fontSizes.typeName}pt; font-weight: bold; }
.summary { text-align: center; text-indent: 0; font-weight: bold; margin: 0; }
.summary-rule { width: 25%; margin: 4pt auto ${paragraphSpacingPt * 2}pt; border-top: 1px solid #000; height: 0; }
.ground { font-style: italic; }
.heading { text-align: center; text-indent: 0; font-weight: bold; margin: 12pt 0 ${paragraphSpacingPt}pt; break-after: avoid; }
.heading.section { text-align: left; }
.article { font-weight: bold; break-after: avoid; }
.note { font-size: ${fontSizes.note}pt; font-style: italic; }
.ins { text-decoration: underline; color: #${changeColours.inserted}; }
.del { text-decoration: line-through; color: #${changeColours.deleted}; }
.grid { width: 100%; margin: 0 0 ${paragraphSpacingPt}pt; font-size: ${fontSizes.table}pt; }
.grid td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }
.grid td p, .parallel td p { text-indent: 0; text-align: left; margin: 0; }
.grid td.header { font-weight: bold; text-align: center; }
.grid tr { break-inside: avoid; }
.parallel { width: 100%; table-layout: fixed; font-size: ${fontSizes.table}pt; }
.parallel td { width: 50%; vertical-align: top; padding: 0 3mm 0 0; }
.parallel td + td { padding: 0 0 0 3mm; }
.parallel td p { text-align: justify; text-indent: ${firstLineIndentMm * 0.6}mm; margin: 0 0 ${paragraphSpacingPt}pt; }
.parallel td p.heading { text-align: center; text-indent: 0; }
.parallel td .grid p { text-indent: 0; }
.signatures { width: 100%; table-layout: fixed; margin-top: 18pt; break-inside: avoid; }
.signatures td { vertical-align: top; text-align: center; padding: 0 2mm; }
.signatures p { text-indent: 0; text-align: center; margin: 0; }
.signature-title { font-weight: bold; font-size: ${fontSizes.signatureTitle}pt; }
.signature-hint { font-style: italic; font-size: ${fontSizes.note}pt; }
.signature-space { height: ${signatureSpaceMm}mm; }
.signature-name { font-weight: bold; font-size: ${fontSizes.signatureName}pt; }
.signatures td.recipients { text-align: left; }
.signatures td.recipients p { text-align: left; }
.recipients-label { font-weight: bold; font-style: italic; font-size: ${fontSizes.recipientsLabel}pt; }
.recipient { font-size: ${fontSizes.recipients}pt; }
.annex { break-before: page; }
.annex-heading { text-align: center; text-indent: 0; font-weight: bold; font-size: ${fontSizes.annexHeading}pt; margin: 0; }
.annex-title { text-align: center; text-indent: 0; font-weight: bold; margin: 0; }
.annex-reference { text-align: center; text-indent: 0; font-style: italic; margin: 0 0 12pt; }
`;
}

function runHtml(run: Run): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.bold) html = `<b>${html}</b>`;
  if (run.italic) html = `<i>${html}</i>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.change === 'inserted') html = `<span class="ins">${html}</span>`;
  else if (run.change === 'deleted') html = `<span class="del">${html}</span>`;
  return html;
}

const runsHtml = (runs: readonly Run[]): string => runs.map(runHtml).join('');

const lines = (text: string): string => escapeHtml(text).replace(/\n/g, '<br>');

function frameHtml(text: FrameText, className: string): string {
  const translation = text.translation ? `<br><span class="translation">${lines(text.translation)}</span>` : '';
  return `<p class="${className}">${lines(text.text)}${translation}</p>`;
}

function tableHtml(table: TableBlock): string {
  const total = table.widths?.reduce((sum, width) => sum + width, 0) ?? 0;
  const columns =
    table.widths && total > 0
      ? `<colgroup>${table.widths.map((width) => `<col style="width:${((width / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`
      : '';
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row.cells.map((cell) => `<td class="${cell.header ? 'header' : ''}"${cell.align ? ` style="text-align:${cell.align}"` : ''}><p${cell.align ? ` style="text-align:${cell.align}"` : ''}>${runsHtml(cell.runs)}</p></td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="grid">${columns}${rows}</table>`;
}

function contentHtml(block: ContentBlock): string {
  switch (block.type) {
    case 'heading': {
      const label = block.label ? escapeHtml(block.label) : '';
      const title = runsHtml(block.title);
      const change = block.change === 'inserted' ? ' ins' : block.change === 'deleted' ? ' del' : '';
      if (!label) return `<p class="heading${change}">${title}</p>`;
      return block.labelOnOwnLine
        ? `<p class="heading${change}">${label}${title ? `<br>${title}` : ''}</p>`
        : `<p class="heading section${change}">${label} ${title}</p>`;
    }
    case 'article': {
      const change = block.change ? ` ${block.change === 'inserted' ? 'ins' : 'del'}` : '';
      return `<p class="article"><span class="label${change}">${escapeHtml(block.label)}</span>${block.title.length > 0 ? ` ${runsHtml(block.title)}` : ''}</p>`;
    }
    case 'paragraph':
      return `<p class="${block.role}">${runsHtml(block.runs)}</p>`;
    case 'clause':
    case 'point':
      return `<p class="${block.type}">${runHtml(block.marker)} ${runsHtml(block.runs)}</p>`;
    case 'bullet':
      return `<p class="bullet">${block.change ? runHtml({ text: '-', change: block.change }) : '-'} ${runsHtml(block.runs)}</p>`;
    case 'table':
      return tableHtml(block);
  }
}

function parallelHtml(block: ParallelBlock): string {
  const cells = block.columns.map((column) => `<td lang="${column.language}">${column.blocks.map(contentHtml).join('')}</td>`).join('');
  return `<table class="parallel"><tr>${cells}</tr></table>`;
}

function blockHtml(block: RenderBlock): string {
  return block.type === 'parallel' ? parallelHtml(block) : contentHtml(block);
}

function signatureTitleHtml(signature: SignatureBlock): string {
  const titles = signature.titleLines.map((line) => frameHtml(line, 'signature-title')).join('');
  const hint = signature.hint ? `<p class="signature-hint">${escapeHtml(signature.hint)}</p>` : '';
  return `${titles}${hint}`;
}

/** Signature blocks side by side: titles on one row, names on the next, so that the names line up. */
function signaturesHtml(document: RenderDocument): string {
  if (document.signatures.length === 0) return '';
  const titles: string[] = [];
  const names: string[] = [];
  if (document.recipients) {
    const recipientLines = document.recipients.lines.map((line) => `<p class="recipient">${escapeHtml(line)}</p>`).join('');
    titles.push(`<td class="recipients" rowspan="2"><p class="recipients-label">${escapeHtml(document.recipients.label)}</p>${recipientLines}</td>`);
  } else if (document.signatures.length === 1) {
    titles.push('<td rowspan="2"></td>');
  }
  for (const signature of document.signatures) {
    titles.push(`<td>${signatureTitleHtml(signature)}</td>`);
    names.push(`<td class="signature-bottom"><div class="signature-space"></div><p class="signature-name">${escapeHtml(signature.name)}</p></td>`);
  }
  return `<table class="signatures"><tr>${titles.join('')}</tr><tr>${names.join('')}</tr></table>`;
}

function annexHtml(annex: Annex, index: number): string {
  const reference = annex.reference ? `<p class="annex-reference">${escapeHtml(annex.reference)}</p>` : '';
  return `<section class="annex annex-${index + 1}">${frameHtml(annex.heading, 'annex-heading')}${frameHtml(annex.title, 'annex-title')}${reference}${annex.blocks.map(blockHtml).join('')}</section>`;
}

function headerHtml(document: RenderDocument): string {
  const organisations = document.organisations
    .map((organisation) => `<p class="organisation">${organisation.bold ? `<b>${escapeHtml(organisation.text)}</b>` : escapeHtml(organisation.text)}</p>`)
    .join('');
  const rule = document.organisations.length > 0 ? '<div class="rule"></div>' : '';
  const mottoTranslation = document.motto.translation ? `<p class="translation">${escapeHtml(document.motto.translation)}</p>` : '';
  const number = document.number ? `<p>${escapeHtml(document.number)}</p>` : '';
  const placeAndDate = document.placeAndDate ? `<p>${escapeHtml(document.placeAndDate)}</p>` : '';
  return `<table class="frame"><tr><td class="left">${organisations}${rule}</td><td>${frameHtml(document.nationalTitle, 'national-title')}<p class="motto"><span>${escapeHtml(document.motto.text)}</span></p>${mottoTranslation}</td></tr><tr><td class="left number">${number}</td><td class="place-date">${placeAndDate}</td></tr></table>`;
}

/** The whole document as a standalone HTML page (no scripts, no external resources). */
export function renderHtml(document: RenderDocument): string {
  const summary = document.summary
    ? `<p class="summary">${escapeHtml(document.summary)}</p><div class="summary-rule"></div>`
    : '<div class="summary-rule" style="visibility:hidden"></div>';
  const body = [
    headerHtml(document),
    frameHtml(document.typeName, 'type-name'),
    summary,
    ...document.blocks.map(blockHtml),
    signaturesHtml(document),
    ...document.annexes.map(annexHtml),
  ].join('\n');
  return `<!doctype html>\n<html lang="${document.language}"><head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title><style>${printCss(document.annexes.length)}</style></head><body>\n${body}\n</body></html>\n`;
}
