import { compareCostings } from '#shared/costing/compareCostings';
import type { CostFigures, CostingResult, PeriodCost } from '#shared/costing/computeCost';
import { contributionKinds, type ContributionRate, type ReferenceLevel } from '#shared/costing/contributionRates';
import { describeChange } from '#shared/costing/describeChange';
import type { CostingScenario } from '#shared/costing/scenario';
import type { MinimumWageTable } from '#shared/compliance/data/minimumWages';
import { formatNumber, formatVnd, type Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { fill, type Bilingual } from '#shared/export/officialFrame';

/**
 * The costing of one or more wage positions as tables, free of any file format: the workbook
 * (main/export/costingWorkbook.ts) writes each as a sheet with numbers kept as numbers, and the
 * annex (costingModel.ts) sets some of them as tables of text. With several positions each table
 * gains a first column naming the position, and a comparison comes first.
 */

/** How a column's numbers are shown: đồng, a fraction shown as a percentage, a plain count; or text. */
export type ColumnKind = 'text' | 'money' | 'percent' | 'count';

export interface CostingColumn {
  /** Which column it is, whatever the language (the annex picks its columns by it). */
  key: ColumnKey;
  header: string;
  kind: ColumnKind;
  /** Relative width (characters in a spreadsheet). */
  width: number;
}

export type ColumnKey = keyof typeof texts;

export type CostingCell = string | number | null;

export type CostingSheetId = 'comparison' | 'years' | 'months' | 'grades' | 'changes' | 'belowMinimum' | 'sources';

export interface CostingSheet {
  id: CostingSheetId;
  /** At most 31 characters (a spreadsheet's limit). */
  name: string;
  columns: CostingColumn[];
  rows: CostingCell[][];
}

/** One position with its scenario, its costing and what each of its changes adds (shared/costing/changeCosts.ts). */
export interface CostedPosition {
  label: string;
  scenario: CostingScenario;
  costing: CostingResult;
  changeCosts: CostFigures[];
}

const texts = {
  comparison: { vi: 'So sánh', en: 'Comparison' },
  years: { vi: 'Theo năm', en: 'By year' },
  months: { vi: 'Theo tháng', en: 'By month' },
  grades: { vi: 'Theo ngạch', en: 'By grade' },
  changes: { vi: 'Các thay đổi', en: 'Changes' },
  belowMinimum: { vi: 'Dưới lương tối thiểu', en: 'Below minimum wage' },
  sources: { vi: 'Nguồn số liệu', en: 'Data sources' },
  position: { vi: 'Phương án', en: 'Position' },
  averageYear: { vi: 'Chi phí tăng thêm bình quân năm', en: 'Added cost a year on average' },
  share: { vi: 'Tỷ lệ so với {{reference}}', en: 'Share of {{reference}}' },
  difference: { vi: 'Chênh lệch mỗi năm', en: 'Difference a year' },
  termMonths: { vi: 'Thời hạn (tháng)', en: 'Term (months)' },
  year: { vi: 'Năm', en: 'Year' },
  wholeTerm: { vi: 'Cả thời hạn', en: 'Whole term' },
  monthCount: { vi: 'Số tháng', en: 'Months' },
  month: { vi: 'Tháng', en: 'Month' },
  baselineWages: { vi: 'Quỹ lương hiện hành', en: 'Current payroll' },
  baselineContributions: { vi: 'Đóng góp hiện hành', en: 'Current contributions' },
  wages: { vi: 'Tiền lương tăng thêm', en: 'Added pay' },
  contributions: { vi: 'Đóng góp tăng thêm', en: 'Added contributions' },
  cost: { vi: 'Tổng chi phí tăng thêm', en: 'Total added cost' },
  shareOfBaseline: { vi: 'Tỷ lệ so với chi phí hiện hành', en: 'Share of the current cost' },
  grade: { vi: 'Ngạch, nhóm chức danh', en: 'Grade' },
  step: { vi: 'Bậc', en: 'Step' },
  headcount: { vi: 'Số người', en: 'Headcount' },
  perWorkerMonth: { vi: 'Bình quân người/tháng', en: 'Per worker a month' },
  number: { vi: 'STT', en: 'No.' },
  change: { vi: 'Nội dung thay đổi', en: 'Change' },
  monthlyWage: { vi: 'Mức lương', en: 'Wage' },
  minimum: { vi: 'Lương tối thiểu vùng', en: 'Regional minimum wage' },
  fromMonth: { vi: 'Từ tháng', en: 'From month' },
  item: { vi: 'Khoản', en: 'Item' },
  amount: { vi: 'Mức (đồng/tháng)', en: 'Amount (₫ a month)' },
  rate: { vi: 'Tỷ lệ người sử dụng lao động đóng', en: "Employer's rate" },
  cap: { vi: 'Mức trần của căn cứ đóng', en: 'Cap on the basis' },
  inForce: { vi: 'Hiệu lực', en: 'In force' },
  source: { vi: 'Nguồn', en: 'Source' },
  capReference: { vi: '{{multiple}} lần mức tham chiếu', en: '{{multiple}} times the reference level' },
  capMinimum: { vi: '{{multiple}} lần lương tối thiểu vùng', en: '{{multiple}} times the regional minimum wage' },
  referenceLevel: { vi: 'Mức tham chiếu', en: 'Reference level' },
  minimumRegion: { vi: 'Lương tối thiểu vùng {{region}}', en: 'Regional minimum wage, region {{region}}' },
  since: { vi: 'từ {{from}}', en: 'from {{from}}' },
  between: { vi: '{{from}} – {{to}}', en: '{{from}} – {{to}}' },
  normalHours: { vi: 'Giờ làm việc bình thường trong tháng ({{position}})', en: 'Normal working hours in a month ({{position}})' },
  hoursSource: { vi: 'Điều 55 Nghị định 145/2020/NĐ-CP', en: 'Decree 145/2020/ND-CP Art. 55' },
} satisfies Record<string, Bilingual>;

/** A cell as text: đồng in the language's format (1.450.000.000 ₫), a share as a percentage, a count with digit grouping. */
export function formatCostingCell(value: CostingCell, column: CostingColumn, language: Language): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'money':
      return formatVnd(value, language);
    case 'percent':
      return `${formatNumber(Math.round(value * 10_000) / 100, language)}%`;
    default:
      return formatNumber(value, language);
  }
}

/** The same table with only the columns named (in the table's order), for the annex and the command line's narrower tables. */
export function pickColumns(sheet: CostingSheet, keys: readonly ColumnKey[]): CostingSheet {
  const indexes = sheet.columns.flatMap((column, index) => (keys.includes(column.key) ? [index] : []));
  return {
    ...sheet,
    columns: indexes.map((index) => sheet.columns[index] as CostingColumn),
    rows: sheet.rows.map((row) => indexes.map((index) => row[index] ?? null)),
  };
}

/** A column with its header in the language. */
function columnsIn(language: Language): (key: ColumnKey, kind: ColumnKind, width: number) => CostingColumn {
  return (key, kind, width) => ({ key, header: texts[key][language], kind, width });
}

function inForceText(inForce: { from: string; to?: string }, language: Language): string {
  return inForce.to === undefined
    ? fill(texts.since[language], { from: formatIsoDate(inForce.from) })
    : fill(texts.between[language], { from: formatIsoDate(inForce.from), to: formatIsoDate(inForce.to) });
}

/** The tables of one position's costing, or of several positions' compared (the first is the reference). */
export function costingSheets(positions: readonly CostedPosition[], language: Language): CostingSheet[] {
  const say = (text: Bilingual): string => text[language];
  const several = positions.length > 1;
  const withPosition = (label: string, row: CostingCell[]): CostingCell[] => (several ? [label, ...row] : row);
  const column = columnsIn(language);
  const money = (key: ColumnKey): CostingColumn => column(key, 'money', 20);
  const positionColumn: CostingColumn[] = several ? [column('position', 'text', 24)] : [];
  const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
  const periodCells = (period: PeriodCost): CostingCell[] => [
    period.baseline.wages,
    period.baseline.contributions,
    period.wages,
    period.contributions,
    period.cost,
    share(period.cost, period.baseline.cost),
  ];
  const periodColumns: CostingColumn[] = [
    money('baselineWages'),
    money('baselineContributions'),
    money('wages'),
    money('contributions'),
    money('cost'),
    column('shareOfBaseline', 'percent', 14),
  ];
  const sheets: CostingSheet[] = [];

  if (several) {
    const comparison = compareCostings(positions.map(({ label, costing }) => ({ label, costing })));
    sheets.push({
      id: 'comparison',
      name: say(texts.comparison),
      columns: [
        ...positionColumn,
        money('averageYear'),
        { ...column('share', 'percent', 16), header: fill(say(texts.share), { reference: comparison.reference }) },
        money('difference'),
        column('termMonths', 'count', 10),
        money('wages'),
        money('contributions'),
        money('cost'),
      ],
      rows: comparison.positions.map((position) => [
        position.label,
        position.averageYear.cost,
        position.shareOfReference,
        position.differenceFromReference,
        position.termMonths,
        position.total.wages,
        position.total.contributions,
        position.total.cost,
      ]),
    });
  }

  sheets.push({
    id: 'years',
    name: say(texts.years),
    columns: [...positionColumn, column('year', 'text', 12), column('monthCount', 'count', 8), ...periodColumns],
    rows: positions.flatMap(({ label, costing }) => [
      ...costing.years.map((year) => withPosition(label, [String(year.year), year.months, ...periodCells(year)])),
      withPosition(label, [say(texts.wholeTerm), costing.term.months, ...periodCells({ ...costing.total, baseline: costing.baseline })]),
    ]),
  });

  sheets.push({
    id: 'months',
    name: say(texts.months),
    columns: [...positionColumn, column('month', 'text', 10), ...periodColumns],
    rows: positions.flatMap(({ label, costing }) => costing.months.map((month) => withPosition(label, [month.month, ...periodCells(month)]))),
  });

  sheets.push({
    id: 'grades',
    name: say(texts.grades),
    columns: [...positionColumn, column('grade', 'text', 22), column('headcount', 'count', 10), ...periodColumns, money('perWorkerMonth')],
    rows: positions.flatMap(({ label, costing }) =>
      costing.grades.map((grade) =>
        withPosition(label, [
          grade.grade,
          grade.headcount,
          ...periodCells(grade),
          grade.headcount === 0 ? null : Math.round(grade.cost / (grade.headcount * costing.term.months)),
        ]),
      ),
    ),
  });

  sheets.push({
    id: 'changes',
    name: say(texts.changes),
    columns: [...positionColumn, column('number', 'count', 6), column('change', 'text', 60), money('wages'), money('contributions'), money('cost')],
    rows: positions.flatMap(({ label, scenario, changeCosts }) =>
      scenario.changes.map((change, index) => {
        const cost = changeCosts[index] ?? { wages: 0, contributions: 0, cost: 0 };
        return withPosition(label, [index + 1, describeChange(change, language), cost.wages, cost.contributions, cost.cost]);
      }),
    ),
  });

  sheets.push({
    id: 'belowMinimum',
    name: say(texts.belowMinimum),
    columns: [
      ...positionColumn,
      column('grade', 'text', 22),
      column('step', 'count', 6),
      money('monthlyWage'),
      money('minimum'),
      column('fromMonth', 'text', 10),
    ],
    rows: positions.flatMap(({ label, costing }) =>
      costing.belowMinimum.map((entry) => withPosition(label, [entry.grade, entry.step, entry.monthlyWage, entry.minimum, entry.month])),
    ),
  });

  sheets.push({ id: 'sources', name: say(texts.sources), ...sourcesTable(positions, language) });
  return sheets;
}

/** The rates, caps and figures the costings used, once each, with where they come from. */
function sourcesTable(positions: readonly CostedPosition[], language: Language): Pick<CostingSheet, 'columns' | 'rows'> {
  const say = (text: Bilingual): string => text[language];
  const column = columnsIn(language);
  const rates = new Set<ContributionRate>();
  const references = new Set<ReferenceLevel>();
  const minimums = new Map<string, { table: MinimumWageTable; region: CostingScenario['region'] }>();
  for (const { scenario, costing } of positions) {
    costing.sources.rates.forEach((rate) => rates.add(rate));
    costing.sources.referenceLevels.forEach((level) => references.add(level));
    costing.sources.minimumWages.forEach((table) => minimums.set(`${table.id}|${scenario.region}`, { table, region: scenario.region }));
  }
  const sortedRates = [...rates].sort(
    (a, b) => contributionKinds.indexOf(a.kind) - contributionKinds.indexOf(b.kind) || a.inForce.from.localeCompare(b.inForce.from),
  );
  const capText = (rate: ContributionRate): string =>
    fill(rate.cap.of === 'referenceLevel' ? texts.capReference[language] : texts.capMinimum[language], { multiple: String(rate.cap.multiple) });
  return {
    columns: [
      column('item', 'text', 44),
      column('rate', 'percent', 12),
      column('cap', 'text', 30),
      column('amount', 'money', 16),
      column('inForce', 'text', 24),
      column('source', 'text', 60),
    ],
    rows: [
      ...sortedRates.map((rate): CostingCell[] => [
        say(rate.name),
        rate.basisPoints / 10_000,
        capText(rate),
        null,
        inForceText(rate.inForce, language),
        say(rate.source),
      ]),
      ...[...references].map((level): CostingCell[] => [
        say(texts.referenceLevel),
        null,
        null,
        level.monthly,
        inForceText(level.inForce, language),
        say(level.source),
      ]),
      ...[...minimums.values()].map(({ table, region }): CostingCell[] => [
        fill(say(texts.minimumRegion), { region }),
        null,
        null,
        table.monthly[region],
        inForceText(table.inForce, language),
        say(table.decree),
      ]),
      ...positions.map(({ label, scenario }): CostingCell[] => [
        fill(say(texts.normalHours), { position: label }),
        null,
        null,
        null,
        null,
        `${scenario.normalHoursPerMonth} — ${say(texts.hoursSource)}`,
      ]),
    ],
  };
}
