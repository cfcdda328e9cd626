import ExcelJS from 'exceljs';
import type { ApiReasonKey } from '#shared/api/errorReasons';
import { ApiError } from '#shared/api/errors';
import { maxScaleFileBytes, type SalaryScalePreview, type ScaleColumnField, type ScaleRowProblem } from '#shared/api/salaryScale';
import { maxAllowancesPerStep, maxHeadcount, maxMonthlyAmount, maxStep, type Allowance } from '#shared/salaryScale/model';
import { problemOfSingleLineName, stripXmlIllegal } from '#shared/text/safeText';

/**
 * Reads a payroll export — a CSV (UTF-8, or UTF-16 with its byte-order mark; comma, semicolon or
 * tab) or an Excel workbook (.xlsx, its first sheet with a table) — into a salary scale to
 * confirm, with a report of the columns used and the rows not read. Nothing is written anywhere.
 *
 * The row of headings is the first of the first 20 rows naming a wage column; the columns are
 * recognised by their headings in Vietnamese or English (with or without diacritics). A payroll
 * lists workers: rows of the same grade and step are one step of the scale, their headcounts added
 * (one worker a row when the file has no headcount column). Without a step column, the distinct
 * wages of a grade are its steps, the lowest first.
 */

const cellLimit = 100_000;
const headingSearchRows = 20;
const maxNameLength = 200;
const maxCodeLength = 40;

type Cell = string | number | null;

function refuse(reason: ApiReasonKey, message: string): never {
  throw new ApiError('invalid_input', message, { reason: { key: reason } });
}

/** Lower case, without diacritics (đ as d), words separated by single spaces: how headings are compared. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/**
 * What a heading names, the first rule that matches winning: a headcount may be a total ("tổng số
 * lao động"); other totals, coefficients and deductions are not wages; an allowance may mention
 * the wage ("phụ cấp lương"); a step of pay is "bậc lương"; a code is "mã ngạch".
 */
const headingRules: readonly [ScaleColumnField | 'ignored', RegExp][] = [
  ['headcount', /\b(so nguoi|so lao dong|so luong lao dong|so cong nhan|so nhan vien|headcount|number of (workers|employees|staff)|employees|workers)\b/],
  [
    'ignored',
    /\b(he so|coefficient|ratio|tong|total|thuc linh|net|gross|bao hiem|insurance|thue|tax|khau tru|deduct|stt|ho ten|ho va ten|full name|employee name)\b/,
  ],
  ['allowance', /\b(phu cap|tro cap|allowance)/],
  ['code', /^(ma|ma ngach|ma chuc danh|ma vi tri|code|grade code|job code)\b/],
  ['step', /^(bac|bac luong|step|pay step)\b/],
  ['grade', /\b(ngach|chuc danh|grade|nhom|vi tri|position|job title|job|chuc vu|cong viec)\b/],
  ['wage', /\b(luong|muc luong|wage|salary|pay)\b/],
];

const irregularAllowance = /\b(khong thuong xuyen|irregular|not regular|khong co dinh|one off)\b/;

function fieldOf(heading: string): ScaleColumnField | 'ignored' | null {
  const folded = fold(heading);
  if (folded === '') return null;
  return headingRules.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/** A heading as a name: one line, without what no document can hold. */
function cleanName(text: string): string {
  return stripXmlIllegal(text).normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, maxNameLength);
}

// ---- Reading the file into rows of cells ----

const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/** An Excel cell as text or a number (a formula by its result, rich text by its text, a date as written). */
function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) return excelCell(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

async function readWorkbook(bytes: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    refuse('scale_file_damaged', `this .xlsx file cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) refuse('scale_file_empty', 'the workbook has no sheet with anything in it');
  if (sheet.rowCount * Math.max(sheet.columnCount, 1) > cellLimit * 20 || sheet.rowCount > cellLimit)
    refuse('scale_file_too_large', `a payroll sheet has at most ${cellLimit} rows`);
  const rows: Cell[][] = [];
  for (let index = 1; index <= sheet.rowCount; index += 1) {
    const row = sheet.getRow(index);
    const cells: Cell[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(excelCell(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
}

/** The file as text: UTF-8 (with or without its byte-order mark), or UTF-16 with its byte-order mark. */
function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    refuse('scale_file_not_table', 'this file is neither an .xlsx workbook nor a CSV in UTF-8 or UTF-16 (save it from Excel as "CSV UTF-8" or as .xlsx)');
  }
  if (text.includes('\u0000')) refuse('scale_file_not_table', 'this file is neither an .xlsx workbook nor a CSV (it holds binary data)');
  return text;
}

/** The delimiter of a CSV: the one of comma, semicolon and tab found most in its first line, outside quotes. */
function delimiterOf(text: string): string {
  const firstLine = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((candidate) => [candidate, firstLine.split(candidate).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A CSV as rows of text cells (RFC 4180 quoting: "" in a quoted cell is one "). */
function readCsv(bytes: Buffer): Cell[][] {
  const text = decodeText(bytes);
  const delimiter = delimiterOf(text);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === delimiter) {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      if (rows.length > cellLimit) refuse('scale_file_too_large', `a payroll file has at most ${cellLimit} rows`);
      row = [];
      cell = '';
    } else cell += character;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// ---- Reading values ----

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A whole number of đồng (or people) from a cell: a number, or text such as "5.310.000",
 * "5,310,000", "5 310 000 ₫" or "5310000 VND"; null when it is none, or has a fraction.
 */
function wholeNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  if (cell === null) return null;
  const compact = cell.replace(/[\s\u00a0]+/g, '').replace(/(₫|vnđ|vnd|đồng|đ|người|nguoi)$/iu, '');
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d{1,3}(\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  if (/^\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/,/g, ''));
  return null;
}

function inRange(value: number | null, min: number, max: number): value is number {
  return value !== null && value >= min && value <= max;
}

/** A step from a cell: 2, "2", "Bậc 2", "Step 2". */
function stepNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  const match = /^(?:bac|step)?\s*(\d+)$/.exec(fold(cell ?? ''));
  return match ? Number(match[1]) : null;
}

function text(cell: Cell): string {
  return (typeof cell === 'number' ? String(cell) : (cell ?? '')).normalize('NFC').trim();
}

// ---- From rows to a scale ----

interface Column {
  column: number;
  heading: string;
  field: ScaleColumnField;
  regular?: boolean;
}

/**
 * The row of headings: the first naming a wage and a grade (or a code); a title above the table
 * ("BẢNG LƯƠNG THÁNG 01/2027") names a wage alone. Says which is missing when no row names both.
 */
function headingsIn(rows: readonly Cell[][]): { row: number; columns: Column[] } | 'no_wage' | 'no_grade' {
  let wageSeen = false;
  for (let index = 0; index < Math.min(rows.length, headingSearchRows); index += 1) {
    const columns: Column[] = [];
    (rows[index] ?? []).forEach((cell, position) => {
      const heading = cleanName(text(cell));
      const field = fieldOf(heading);
      if (field === null || field === 'ignored') return;
      // Each field once (its first column), but any number of allowances, up to what a step holds.
      if (field === 'allowance') {
        if (columns.filter((column) => column.field === 'allowance').length >= maxAllowancesPerStep) return;
        columns.push({ column: position + 1, heading, field, regular: !irregularAllowance.test(fold(heading)) });
      } else if (!columns.some((column) => column.field === field)) columns.push({ column: position + 1, heading, field });
    });
    if (!columns.some((column) => column.field === 'wage')) continue;
    wageSeen = true;
    if (columns.some((column) => column.field === 'grade' || column.field === 'code')) return { row: index + 1, columns };
  }
  return wageSeen ? 'no_grade' : 'no_wage';
}

interface ReadRow {
  row: number;
  grade: string;
  code?: string;
  step: number | null;
  monthlyWage: number;
  headcount: number;
  allowances: Allowance[];
}

type RowResult = ReadRow | { problem: ScaleRowProblem; column?: number } | null;

function readRow(cells: readonly Cell[], row: number, columns: readonly Column[], countRows: boolean): RowResult {
  const at = (field: ScaleColumnField) => columns.find((column) => column.field === field);
  const value = (column: Column | undefined): Cell => (column ? (cells[column.column - 1] ?? null) : null);
  if (columns.every((column) => isEmpty(value(column)))) return null;
  const gradeColumn = at('grade');
  const codeColumn = at('code');
  const grade = text(value(gradeColumn)) || text(value(codeColumn));
  if (grade === '') return { problem: 'grade_missing', ...(gradeColumn ? { column: gradeColumn.column } : {}) };
  const code = text(value(codeColumn));
  if (
    grade.length > maxNameLength ||
    problemOfSingleLineName(grade) !== null ||
    code.length > maxCodeLength ||
    (code !== '' && problemOfSingleLineName(code) !== null)
  )
    return { problem: 'text_invalid', ...(gradeColumn ? { column: gradeColumn.column } : {}) };
  const wageColumn = at('wage') as Column;
  if (isEmpty(value(wageColumn))) return { problem: 'wage_missing', column: wageColumn.column };
  const monthlyWage = wholeNumber(value(wageColumn));
  if (!inRange(monthlyWage, 0, maxMonthlyAmount)) return { problem: 'wage_invalid', column: wageColumn.column };
  const stepColumn = at('step');
  let step: number | null = null;
  if (stepColumn) {
    step = stepNumber(value(stepColumn));
    if (!inRange(step, 1, maxStep) || !Number.isInteger(step)) return { problem: 'step_invalid', column: stepColumn.column };
  }
  const headcountColumn = at('headcount');
  let headcount = countRows ? 1 : 0;
  if (headcountColumn && !isEmpty(value(headcountColumn))) {
    const counted = wholeNumber(value(headcountColumn));
    if (!inRange(counted, 0, maxHeadcount)) return { problem: 'headcount_invalid', column: headcountColumn.column };
    headcount = counted;
  }
  const allowances: Allowance[] = [];
  for (const column of columns.filter((candidate) => candidate.field === 'allowance')) {
    if (isEmpty(value(column))) continue;
    const amount = wholeNumber(value(column));
    if (!inRange(amount, 0, maxMonthlyAmount)) return { problem: 'allowance_invalid', column: column.column };
    if (amount > 0) allowances.push({ name: column.heading, amount, regular: column.regular ?? true });
  }
  return { row, grade, ...(code !== '' && code !== grade ? { code } : {}), step, monthlyWage, headcount, allowances };
}

/** The scale the rows make: grades in the order the file first names them, steps by number, like rows added up. */
function scaleOf(rows: readonly ReadRow[], skipped: SalaryScalePreview['skipped']): SalaryScalePreview['scale']['grades'] {
  const grades = new Map<string, { title: string; code?: string; rows: ReadRow[] }>();
  for (const row of rows) {
    const key = `${row.grade}\u0000${row.code ?? ''}`;
    const grade = grades.get(key) ?? { title: row.grade, ...(row.code ? { code: row.code } : {}), rows: [] };
    grade.rows.push(row);
    grades.set(key, grade);
  }
  return [...grades.values()].map((grade) => {
    // Without a step column, a grade's distinct wages are its steps, the lowest first.
    const wages = [...new Set(grade.rows.map((row) => row.monthlyWage))].sort((a, b) => a - b);
    const steps = new Map<number, SalaryScalePreview['scale']['grades'][number]['steps'][number]>();
    for (const row of grade.rows) {
      const number = row.step ?? wages.indexOf(row.monthlyWage) + 1;
      const known = steps.get(number);
      if (!known) {
        if (number > maxStep) {
          skipped.push({ row: row.row, problem: 'step_invalid' });
          continue;
        }
        steps.set(number, { step: number, monthlyWage: row.monthlyWage, headcount: row.headcount, allowances: row.allowances });
      } else if (known.monthlyWage !== row.monthlyWage || JSON.stringify(known.allowances) !== JSON.stringify(row.allowances)) {
        skipped.push({ row: row.row, problem: 'step_differs' });
      } else known.headcount = Math.min(maxHeadcount, known.headcount + row.headcount);
    }
    return { title: grade.title, ...(grade.code ? { code: grade.code } : {}), steps: [...steps.values()].sort((a, b) => a.step - b.step) };
  });
}

/** The scale's title: the file's name without its extension. */
function titleOf(fileName: string): string {
  return cleanName(fileName.replace(/\.[^.]*$/, '')) || 'Thang lương, bảng lương';
}

/** Reads a payroll export into a preview; a file that is no table of wages is refused with the reason. */
export async function importSalaryScale(fileBase64: string, fileName: string): Promise<SalaryScalePreview> {
  const bytes = Buffer.from(fileBase64, 'base64');
  if (bytes.length === 0) refuse('scale_file_empty', 'the file is empty');
  if (bytes.length > maxScaleFileBytes)
    throw new ApiError('payload_too_large', `a payroll file is at most ${maxScaleFileBytes} bytes`, { reason: { key: 'scale_file_too_large' } });
  if (bytes.subarray(0, 8).equals(oleSignature))
    refuse(
      'scale_file_not_table',
      'this is an old Excel 97–2003 .xls (or an encrypted workbook): save it from Excel as .xlsx or as CSV UTF-8, and import that',
    );
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  const rows = format === 'xlsx' ? await readWorkbook(bytes) : readCsv(bytes);
  if (rows.every((row) => row.every(isEmpty))) refuse('scale_file_empty', 'the file has no rows');
  const headings = headingsIn(rows);
  if (headings === 'no_wage')
    refuse('scale_file_no_wage_column', `no column of the first ${headingSearchRows} rows is headed as a wage ("Mức lương", "Lương", "Wage", "Salary"…)`);
  if (headings === 'no_grade')
    refuse('scale_file_no_grade_column', 'no column is headed as a grade or job title ("Ngạch", "Chức danh", "Grade"…) beside the wage');
  const countRows = !headings.columns.some((column) => column.field === 'headcount');
  const read: ReadRow[] = [];
  const skipped: SalaryScalePreview['skipped'] = [];
  rows.slice(headings.row).forEach((cells, index) => {
    const row = headings.row + index + 1;
    const result = readRow(cells, row, headings.columns, countRows);
    if (result === null) return;
    if ('problem' in result) skipped.push({ row, ...result });
    else read.push(result);
  });
  const skippedWhileReading = skipped.length;
  const grades = scaleOf(read, skipped);
  return {
    scale: { title: titleOf(fileName), grades },
    format,
    headingRow: headings.row,
    columns: headings.columns,
    rowsRead: read.length - (skipped.length - skippedWhileReading),
    skipped: skipped.sort((a, b) => a.row - b.row),
    countedRows: countRows,
  };
}
