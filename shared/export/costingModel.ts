import { compareCostings } from '#shared/costing/compareCostings';
import { formatNumber, formatVnd, type Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import {
  costingSheets,
  formatCostingCell,
  pickColumns,
  type ColumnKey,
  type CostedPosition,
  type CostingSheet,
  type CostingSheetId,
} from '#shared/export/costingTables';
import { fill, type Bilingual } from '#shared/export/officialFrame';
import type { ContentBlock, RenderDocument, TableCell } from '#shared/export/renderModel';
import { buildSectionedDocument, type SectionedDocument } from '#shared/export/reportModel';
import { bodyParagraph, bulletItem, reportTexts, signatureOf } from '#shared/export/reportBlocks';

/**
 * The costing of a wage position, or the comparison of several, as an annex in the official
 * layout (Decree 30/2020/ND-CP, Appendix I) for the bargaining minutes: the scenario's basis, its
 * changes and what each adds, the cost per year and per grade, the wages below the regional
 * minimum, and the method and data behind the figures. Render it with renderDocx or renderHtml.
 */

export interface CostingDocumentInput {
  positions: readonly CostedPosition[];
  language: Language;
  /** The annex's date, YYYY-MM-DD, or null for blanks. */
  date: string | null;
  place: string | null;
  /** Top left: the bargaining parties when known. */
  organisations?: SectionedDocument['organisations'];
}

const texts = {
  typeName: { vi: 'PHỤ LỤC', en: 'ANNEX' },
  summaryOne: { vi: 'Chi phí của phương án tiền lương “{{label}}”', en: 'Cost of the wage position “{{label}}”' },
  summarySeveral: { vi: 'So sánh chi phí của các phương án tiền lương', en: 'Comparison of the cost of the wage positions' },
  fileTitle: { vi: 'Chi phí phương án tiền lương - {{label}}', en: 'Cost of wage positions - {{label}}' },
  basis: {
    vi: '“{{label}}”: {{headcount}} người lao động, vùng {{region}}, thời hạn {{months}} tháng từ {{start}} đến {{end}}.',
    en: '“{{label}}”: {{headcount}} workers, region {{region}}, a term of {{months}} months from {{start}} to {{end}}.',
  },
  total: {
    vi: 'Chi phí tăng thêm cả thời hạn {{cost}} (tiền lương {{wages}}, đóng góp {{contributions}}); bình quân {{year}} mỗi năm, {{worker}} mỗi người mỗi tháng.',
    en: 'Added cost over the term {{cost}} (pay {{wages}}, contributions {{contributions}}); on average {{year}} a year, {{worker}} per worker a month.',
  },
  share: {
    vi: '“{{label}}” có chi phí tăng thêm {{cost}} mỗi năm, bằng {{share}} của “{{reference}}”.',
    en: '“{{label}}” costs {{cost}} more a year, {{share}} of “{{reference}}”.',
  },
  comparison: { vi: 'So sánh các phương án', en: 'Comparison of the positions' },
  changes: { vi: 'Các thay đổi và chi phí của từng thay đổi', en: 'The changes and what each adds' },
  years: { vi: 'Chi phí theo năm', en: 'Cost per year' },
  grades: { vi: 'Chi phí theo ngạch, nhóm chức danh', en: 'Cost per grade' },
  belowMinimum: { vi: 'Mức lương thấp hơn lương tối thiểu vùng', en: 'Wages below the regional minimum wage' },
  belowMinimumLaw: {
    vi: 'Mức lương theo công việc hoặc chức danh không được thấp hơn mức lương tối thiểu (Điều 90, Điều 91 Bộ luật Lao động 2019).',
    en: 'The wage for a job or title may not be below the minimum wage (Labour Code 2019 Art. 90, 91).',
  },
  method: { vi: 'Phương pháp và nguồn số liệu', en: 'Method and data sources' },
  methodMonths: {
    vi: 'Chi phí được tính theo từng tháng so với quỹ lương hiện hành của cùng các tháng; thay đổi có hiệu lực giữa tháng được tính theo số ngày còn lại của tháng.',
    en: 'The cost is computed month by month against the current payroll of the same months; a change from mid-month counts for the days of the month left.',
  },
  methodCompound: {
    vi: 'Các lần tăng lương được áp dụng nối tiếp: mỗi lần tăng tính trên mức lương sau lần tăng trước, làm tròn đến đồng.',
    en: 'Raises apply in sequence: each on the wage the one before left, rounded to the đồng.',
  },
  methodContributions: {
    vi: 'Đóng góp của người sử dụng lao động tính trên tiền lương và phụ cấp thường xuyên, trong mức trần; phụ cấp không thường xuyên, tiền thưởng không thường xuyên, tiền làm thêm giờ và làm đêm không tính đóng.',
    en: "The employer's contributions are on the wage and regular allowances, within their caps; irregular allowances and bonuses, overtime and night pay are outside the basis.",
  },
  methodRounding: {
    vi: 'Tiền lương và từng khoản đóng góp của mỗi người lao động mỗi tháng được làm tròn đến đồng.',
    en: "Each worker's monthly pay and each of their contributions is rounded to the đồng.",
  },
  employerSide: { vi: 'ĐẠI DIỆN BÊN NGƯỜI SỬ DỤNG LAO ĐỘNG', en: 'FOR THE EMPLOYER SIDE' },
  workerSide: { vi: 'ĐẠI DIỆN BÊN NGƯỜI LAO ĐỘNG', en: 'FOR THE WORKER SIDE' },
} satisfies Record<string, Bilingual>;

/** Some columns of a costing table as a table of the render model; "(Không có)" when it has no rows. */
function sheetTable(whole: CostingSheet, keys: readonly ColumnKey[], language: Language): ContentBlock {
  const sheet = pickColumns(whole, keys);
  if (sheet.rows.length === 0) return bodyParagraph(reportTexts.none[language]);
  const header: TableCell[] = sheet.columns.map((column) => ({ runs: [{ text: column.header, bold: true }], header: true, align: 'center' }));
  return {
    type: 'table',
    rows: [
      { cells: header },
      ...sheet.rows.map((row) => ({
        cells: sheet.columns.map(
          (column, index): TableCell => ({
            runs: [{ text: formatCostingCell(row[index] ?? null, column, language) }],
            align: column.kind === 'text' ? 'left' : 'right',
          }),
        ),
      })),
    ],
    widths: sheet.columns.map((column) => column.width),
  };
}

/** The costing of one position, or several compared with the first, as the render model. */
export function buildCostingDocument({ positions, language, date, place, organisations }: CostingDocumentInput): RenderDocument {
  const [first] = positions;
  if (!first) throw new RangeError('a costing annex needs at least one position');
  const say = (text: Bilingual, values: Record<string, string> = {}): string => fill(text[language], values);
  const money = (value: number): string => formatVnd(value, language);
  const sheets = new Map(costingSheets(positions, language).map((sheet) => [sheet.id, sheet]));
  const sheet = (id: CostingSheetId): CostingSheet => sheets.get(id) as CostingSheet;
  const several = positions.length > 1;
  const positionKey: ColumnKey[] = several ? ['position'] : [];

  const opening = positions.flatMap(({ label, scenario, costing }) => [
    bodyParagraph(
      say(texts.basis, {
        label,
        headcount: formatNumber(costing.headcount, language),
        region: scenario.region,
        months: String(costing.term.months),
        start: formatIsoDate(costing.term.start),
        end: formatIsoDate(costing.term.end),
      }),
    ),
    bulletItem(
      say(texts.total, {
        cost: money(costing.total.cost),
        wages: money(costing.total.wages),
        contributions: money(costing.total.contributions),
        year: money(costing.averageYear.cost),
        worker: money(costing.perWorkerMonth.cost),
      }),
    ),
  ]);
  const sections: SectionedDocument['sections'] = [];
  if (several) {
    const comparison = compareCostings(positions.map(({ label, costing }) => ({ label, costing })));
    sections.push({
      title: say(texts.comparison),
      blocks: [
        sheetTable(sheet('comparison'), ['position', 'averageYear', 'share', 'difference', 'cost'], language),
        ...comparison.positions.slice(1).map((position) =>
          bodyParagraph(
            say(texts.share, {
              label: position.label,
              cost: money(position.averageYear.cost),
              share: position.shareOfReference === null ? '—' : `${formatNumber(Math.round(position.shareOfReference * 100), language)}%`,
              reference: comparison.reference,
            }),
          ),
        ),
      ],
    });
  }
  sections.push(
    { title: say(texts.changes), blocks: [sheetTable(sheet('changes'), [...positionKey, 'number', 'change', 'cost'], language)] },
    {
      title: say(texts.years),
      blocks: [sheetTable(sheet('years'), [...positionKey, 'year', 'baselineWages', 'wages', 'contributions', 'cost', 'shareOfBaseline'], language)],
    },
    {
      title: say(texts.grades),
      blocks: [sheetTable(sheet('grades'), [...positionKey, 'grade', 'headcount', 'wages', 'contributions', 'cost', 'perWorkerMonth'], language)],
    },
    {
      title: say(texts.belowMinimum),
      blocks: [
        bodyParagraph(say(texts.belowMinimumLaw)),
        sheetTable(sheet('belowMinimum'), [...positionKey, 'grade', 'step', 'monthlyWage', 'minimum', 'fromMonth'], language),
      ],
    },
    {
      title: say(texts.method),
      blocks: [
        bulletItem(say(texts.methodMonths)),
        bulletItem(say(texts.methodCompound)),
        bulletItem(say(texts.methodContributions)),
        bulletItem(say(texts.methodRounding)),
        sheetTable(sheet('sources'), ['item', 'rate', 'cap', 'amount', 'inForce', 'source'], language),
      ],
    },
  );
  return buildSectionedDocument({
    language,
    title: say(texts.fileTitle, { label: positions.map((position) => position.label).join(', ') }),
    organisations: organisations ?? [],
    typeName: texts.typeName,
    summary: several ? say(texts.summarySeveral) : say(texts.summaryOne, { label: first.label }),
    place,
    date,
    opening,
    sections,
    signatures: [signatureOf(texts.employerSide, null, language), signatureOf(texts.workerSide, null, language)],
  });
}
