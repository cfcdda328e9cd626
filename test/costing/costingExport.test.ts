import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { changeCosts } from '#shared/costing/changeCosts';
import { computeCost } from '#shared/costing/computeCost';
import { buildCostingDocument } from '#shared/export/costingModel';
import { costingSheets, type CostedPosition } from '#shared/export/costingTables';
import { writeCostingWorkbook } from '#main/export/costingWorkbook';
import { issueWorkforce, scenario } from './scenarioFixtures';

// The costing of one position as tables, as a workbook and as the annex's render model.

function position(): CostedPosition {
  const costed = scenario({
    ...issueWorkforce,
    changes: [
      { kind: 'percent', value: 7, from: '2026-01-01' },
      { kind: 'flat', amount: 400_000, from: '2026-07-01', grades: ['A1'] },
      { kind: 'bonus', amount: 5_000_000, on: '2026-01-20' },
    ],
  });
  return { label: 'Công đoàn', scenario: costed, costing: computeCost(costed), changeCosts: changeCosts(costed) };
}

describe('the costing exports', () => {
  it('what each change adds, in the order listed, sums to the total', () => {
    const { costing, changeCosts: shares } = position();
    // 7 %: 490,000 × 2,400 = 1,176,000,000; the flat raise: 480,000,000; the bonus: 1,000,000,000.
    expect(shares.map((share) => share.wages)).toEqual([1_176_000_000, 480_000_000, 1_000_000_000]);
    expect(shares.reduce((sum, share) => sum + share.cost, 0)).toBe(costing.total.cost);
  });

  it('one position: no comparison and no position column; the workbook keeps numbers as numbers', async () => {
    const sheets = costingSheets([position()], 'vi');
    expect(sheets.map((sheet) => sheet.id)).toEqual(['years', 'months', 'grades', 'changes', 'belowMinimum', 'sources']);
    expect(sheets.every((sheet) => sheet.columns[0]?.key !== 'position')).toBe(true);
    const workbook = new ExcelJS.Workbook();
    // exceljs's typings take the bytes as an ArrayBuffer.
    await workbook.xlsx.load(new Uint8Array(await writeCostingWorkbook(sheets, 'Công đoàn')).buffer);
    const years = workbook.getWorksheet('Theo năm');
    // 2026, then the whole term; the total added cost is a number: 2,656,000,000 + 23.5 % of 1,656,000,000.
    expect(years?.getRow(2).getCell(1).value).toBe('2026');
    expect(years?.getRow(3).getCell(1).value).toBe('Cả thời hạn');
    expect(years?.getRow(3).getCell(7).value).toBe(2_656_000_000 + 389_160_000);
    expect(years?.getRow(3).getCell(8).numFmt).toBe('0.00%');
    expect(workbook.getWorksheet('Các thay đổi')?.getRow(2).getCell(2).value).toBe('Tăng lương 7% từ 01/01/2026');
  });

  it('the annex: the sections of one position, in English when asked', () => {
    const titles = (language: 'vi' | 'en') =>
      buildCostingDocument({ positions: [position()], language, date: '2026-03-02', place: 'Hưng Yên' }).blocks.flatMap((block) =>
        block.type === 'heading' ? [block.title.map((run) => run.text).join('')] : [],
      );
    expect(titles('vi')).toEqual([
      'CÁC THAY ĐỔI VÀ CHI PHÍ CỦA TỪNG THAY ĐỔI',
      'CHI PHÍ THEO NĂM',
      'CHI PHÍ THEO NGẠCH, NHÓM CHỨC DANH',
      'MỨC LƯƠNG THẤP HƠN LƯƠNG TỐI THIỂU VÙNG',
      'PHƯƠNG PHÁP VÀ NGUỒN SỐ LIỆU',
    ]);
    expect(titles('en')[0]).toBe('THE CHANGES AND WHAT EACH ADDS');
    const model = buildCostingDocument({ positions: [position()], language: 'vi', date: '2026-03-02', place: 'Hưng Yên' });
    expect({ typeName: model.typeName.text, summary: model.summary, placeAndDate: model.placeAndDate }).toEqual({
      typeName: 'PHỤ LỤC',
      summary: 'Chi phí của phương án tiền lương “Công đoàn”',
      placeAndDate: 'Hưng Yên, ngày 02 tháng 3 năm 2026',
    });
    expect(() => buildCostingDocument({ positions: [], language: 'vi', date: null, place: null })).toThrow(RangeError);
  });
});
