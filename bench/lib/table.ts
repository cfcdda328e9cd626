/** A cell: text as is, numbers right-aligned. */
export type Cell = string | number;

export interface TableOptions {
  title?: string;
  /** Digits after the decimal point for numbers that are not integers (default 3). */
  digits?: number;
}

function formatCell(cell: Cell, digits: number): string {
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return String(cell);
  return Number.isInteger(cell) ? cell.toLocaleString('en-US') : cell.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Renders rows under a header as an aligned plain-text table (numbers right-aligned). */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const digits = options.digits ?? 3;
  const texts = rows.map((row) => row.map((cell) => formatCell(cell, digits)));
  const widths = header.map((title, column) => Math.max(title.length, ...texts.map((row) => (row[column] ?? '').length)));
  const isNumeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return isNumeric[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (options.title) out.push(options.title);
  out.push(line(header), widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of texts) out.push(line(row));
  return out.join('\n');
}

/** Prints a table followed by a blank line. */
export function printTable(header: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): void {
  console.log(`${formatTable(header, rows, options)}\n`);
}
