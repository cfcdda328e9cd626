import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isIsoDate } from '#shared/calendar/isoDate';
import { changeCosts } from '#shared/costing/changeCosts';
import { compareCostings } from '#shared/costing/compareCostings';
import { computeCost, CostingDataError, type CostingResult } from '#shared/costing/computeCost';
import { parseScenario, scenarioProblemLines } from '#shared/costing/scenario';
import { buildCostingDocument } from '#shared/export/costingModel';
import {
  costingSheets,
  formatCostingCell,
  pickColumns,
  type ColumnKey,
  type CostedPosition,
  type CostingColumn,
  type CostingSheet,
  type CostingSheetId,
} from '#shared/export/costingTables';
import { renderHtml } from '#shared/export/html';
import { fill, type Bilingual } from '#shared/export/officialFrame';
import { formatVnd, type Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { UsageError, type CommandOutput } from '#main/cli/cliCommands';
import { renderDocx } from '#main/export/docx';
import { writeCostingWorkbook } from '#main/export/costingWorkbook';
import { createChromiumPrinter } from '#main/export/pdf';

/** A scenario file that cannot be costed: unreadable, not JSON, not a scenario, or outside the data (exit code 2). */
export class UnreadableScenarioError extends Error {}

export interface CostOptions {
  lang: string | undefined;
  date: string | undefined;
  xlsx: string | undefined;
  docx: string | undefined;
  pdf: string | undefined;
}

const texts = {
  heading: {
    vi: 'Chi phí của phương án “{{label}}”: {{headcount}} người lao động, vùng {{region}}, {{start}} – {{end}}',
    en: 'Cost of “{{label}}”: {{headcount}} workers, region {{region}}, {{start}} – {{end}}',
  },
  total: {
    vi: 'Tổng chi phí tăng thêm cả thời hạn: {{cost}} ({{year}} mỗi năm, {{worker}} mỗi người mỗi tháng)',
    en: 'Added cost over the term: {{cost}} ({{year}} a year, {{worker}} per worker a month)',
  },
  below: {
    vi: 'Lương thấp hơn lương tối thiểu vùng (Điều 90, 91 Bộ luật Lao động 2019):',
    en: 'Wages below the regional minimum wage (Labour Code 2019 Art. 90, 91):',
  },
  belowLine: { vi: '  {{grade}}{{step}}: {{wage}} < {{minimum}} từ {{month}}', en: '  {{grade}}{{step}}: {{wage}} < {{minimum}} from {{month}}' },
  stepSuffix: { vi: ', bậc {{step}}', en: ', step {{step}}' },
  share: { vi: '“{{label}}”: {{cost}} mỗi năm, bằng {{share}} của “{{reference}}”', en: '“{{label}}”: {{cost}} a year, {{share}} of “{{reference}}”' },
  wrote: { vi: 'Đã ghi {{file}}', en: 'Wrote {{file}}' },
} satisfies Record<string, Bilingual>;

function readScenarioFile(path: string): CostedPosition {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UnreadableScenarioError(`Cannot read ${path}: ${reason}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UnreadableScenarioError(`${path} is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    throw new UnreadableScenarioError(
      [`${path} is not a costing scenario (docs/costing.md):`, ...scenarioProblemLines(parsed.problems).map((line) => `  ${line}`)].join('\n'),
    );
  }
  const { scenario } = parsed;
  try {
    return { label: scenario.name ?? basename(path, extname(path)), scenario, costing: computeCost(scenario), changeCosts: changeCosts(scenario) };
  } catch (error) {
    if (error instanceof CostingDataError) throw new UnreadableScenarioError(`${path}: ${error.path}: ${error.message}.`);
    throw error;
  }
}

/** A costing table as aligned text: numbers right-aligned, in the language's format. */
function textTable(sheet: CostingSheet, language: Language): string[] {
  const cells = [
    sheet.columns.map((column) => column.header),
    ...sheet.rows.map((row) => row.map((value, index) => formatCostingCell(value, sheet.columns[index] as CostingColumn, language))),
  ];
  const widths = sheet.columns.map((_, index) => Math.max(...cells.map((row) => [...(row[index] ?? '')].length)));
  const pad = (text: string, index: number): string => {
    const gap = ' '.repeat((widths[index] ?? 0) - [...text].length);
    return sheet.columns[index]?.kind === 'text' ? text + gap : gap + text;
  };
  const lines = cells.map((row) => row.map(pad).join('  ').trimEnd());
  return [lines[0] ?? '', widths.map((width) => '-'.repeat(width)).join('  '), ...lines.slice(1)];
}

/** What --json prints of one costing: the figures, whole đồng. */
function costingJson(costing: CostingResult) {
  const { term, headcount, total, baseline, averageYear, perWorkerMonth, years, months, grades, contributionsByKind, belowMinimum } = costing;
  return { term, headcount, total, baseline, averageYear, perWorkerMonth, years, belowMinimum, grades, months, contributionsByKind };
}

/** The tables printed for each position, narrowed to fit a terminal. */
const textColumns: [CostingSheetId, ColumnKey[]][] = [
  ['years', ['year', 'baselineWages', 'wages', 'contributions', 'cost', 'shareOfBaseline']],
  ['grades', ['grade', 'headcount', 'wages', 'contributions', 'cost', 'perWorkerMonth']],
  ['changes', ['number', 'change', 'cost']],
];

function positionLines(position: CostedPosition, sheets: ReadonlyMap<CostingSheetId, CostingSheet>, language: Language): string[] {
  const say = (text: Bilingual, values: Record<string, string>): string => fill(text[language], values);
  const { costing, scenario, label } = position;
  const lines = [
    say(texts.heading, {
      label,
      headcount: String(costing.headcount),
      region: scenario.region,
      start: formatIsoDate(costing.term.start),
      end: formatIsoDate(costing.term.end),
    }),
    say(texts.total, {
      cost: formatVnd(costing.total.cost, language),
      year: formatVnd(costing.averageYear.cost, language),
      worker: formatVnd(costing.perWorkerMonth.cost, language),
    }),
    '',
  ];
  for (const [id, keys] of textColumns) {
    const sheet = sheets.get(id);
    if (sheet && sheet.rows.length > 0) lines.push(sheet.name, ...textTable(pickColumns(sheet, keys), language), '');
  }
  if (costing.belowMinimum.length > 0) {
    lines.push(texts.below[language]);
    for (const entry of costing.belowMinimum) {
      lines.push(
        say(texts.belowLine, {
          grade: entry.grade,
          step: entry.step === null ? '' : say(texts.stepSuffix, { step: String(entry.step) }),
          wage: formatVnd(entry.monthlyWage, language),
          minimum: formatVnd(entry.minimum, language),
          month: entry.month,
        }),
      );
    }
  }
  return lines;
}

/**
 * `cost FILE... [--json] [--xlsx FILE] [--docx FILE] [--pdf FILE] [--lang vi|en] [--date YYYY-MM-DD]`:
 * costs each scenario file locally (no server or data folder) and, with several, compares them
 * with the first. --xlsx writes the workbook, --docx and --pdf the annex in the official layout.
 */
export async function runCostCommand(positionals: readonly string[], options: CostOptions): Promise<CommandOutput> {
  const paths = positionals.slice(1);
  if (paths.length === 0) throw new UsageError('cost needs at least one scenario FILE (JSON, see docs/costing.md)');
  if (options.lang !== undefined && options.lang !== 'vi' && options.lang !== 'en') throw new UsageError('--lang must be vi or en');
  if (options.date !== undefined && !isIsoDate(options.date)) throw new UsageError(`--date must be a real date written YYYY-MM-DD, got "${options.date}"`);
  const language: Language = options.lang === 'en' ? 'en' : 'vi';
  const positions = paths.map(readScenarioFile);
  const sheets = costingSheets(positions, language);
  const written: string[] = [];
  if (options.xlsx) {
    writeFileSync(options.xlsx, await writeCostingWorkbook(sheets, positions.map((position) => position.label).join(', ')));
    written.push(options.xlsx);
  }
  if (options.docx || options.pdf) {
    const model = buildCostingDocument({ positions, language, date: options.date ?? null, place: null });
    if (options.docx) {
      writeFileSync(options.docx, await renderDocx(model));
      written.push(options.docx);
    }
    if (options.pdf) {
      const printer = createChromiumPrinter();
      try {
        writeFileSync(options.pdf, await printer.print(renderHtml(model)));
      } finally {
        await printer.close();
      }
      written.push(options.pdf);
    }
  }

  const comparison = positions.length > 1 ? compareCostings(positions.map(({ label, costing }) => ({ label, costing }))) : null;
  const value =
    comparison === null
      ? costingJson((positions[0] as CostedPosition).costing)
      : { positions: positions.map(({ label, costing }, index) => ({ label, file: paths[index], ...costingJson(costing) })), comparison };
  const lines: string[] = [];
  if (comparison) {
    const sheet = sheets.find((candidate) => candidate.id === 'comparison');
    if (sheet) lines.push(sheet.name, ...textTable(pickColumns(sheet, ['position', 'averageYear', 'share', 'cost']), language), '');
    for (const position of comparison.positions.slice(1)) {
      lines.push(
        fill(texts.share[language], {
          label: position.label,
          cost: formatVnd(position.averageYear.cost, language),
          share: position.shareOfReference === null ? '—' : `${Math.round(position.shareOfReference * 100)}%`,
          reference: comparison.reference,
        }),
      );
    }
    lines.push('');
  }
  for (const position of positions) {
    const own = costingSheets([position], language);
    lines.push(...positionLines(position, new Map(own.map((sheet) => [sheet.id, sheet])), language));
    if (lines.at(-1) !== '') lines.push('');
  }
  lines.push(...written.map((file) => fill(texts.wrote[language], { file })));
  return { value, lines: lines.join('\n').trimEnd().split('\n') };
}
