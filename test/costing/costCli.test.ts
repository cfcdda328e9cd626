import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '#main/cli/runCli';
import { vndNumberFormat } from '#main/export/costingWorkbook';
import { docxBodyText, pdfText } from '../export/fileTools';
import { createTempFolder } from '../helpers/tempFolder';

// `npm run cli -- cost` as people run it: a child process reading scenario files, no server.

const run = promisify(execFile);

/** Runs `node --import tsx main/cli.ts ARGS` and returns its exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

/** The same command through runCli in this process: what main/cli.ts runs, without starting Node again. */
async function cliInProcess(...args: string[]): Promise<{ code: number; stdout: string }> {
  const printed: string[] = [];
  const code = await runCli(args, (text) => printed.push(text));
  return { code, stdout: printed.join('\n') };
}

const workforce = [
  { grade: 'A1', headcount: 200, monthlyWage: 7_000_000 },
  { grade: 'C', step: 1, headcount: 10, monthlyWage: 5_000_000 },
];

// The example, and an employer's counter.
const union = {
  name: 'Công đoàn',
  region: 'I',
  start: '2026-01-01',
  termMonths: 12,
  workforce,
  changes: [
    { kind: 'percent', value: 7, from: '2026-01-01' },
    { kind: 'flat', amount: 400_000, from: '2026-07-01', grades: ['A1'] },
    { kind: 'bonus', amount: 5_000_000, on: '2026-01-20', regular: false },
  ],
};
const employer = {
  name: 'Người sử dụng lao động',
  region: 'I',
  start: '2026-01-01',
  termMonths: 12,
  workforce,
  changes: [{ kind: 'percent', value: 4, from: '2026-01-01' }],
};

// Each child process starts Node and the command line again: seconds each on a busy machine.
const childTimeout = 120_000;

describe('npm run cli -- cost', () => {
  let folder: { path: string; remove: () => void };
  const file = (name: string): string => join(folder.path, name);

  beforeAll(() => {
    folder = createTempFolder('thoa-uoc-cost-');
    writeFileSync(file('union.json'), JSON.stringify(union));
    writeFileSync(file('employer.json'), JSON.stringify(employer));
  });
  afterAll(() => folder.remove());

  it(
    'prints the cost as a vi-VN table, and the figures with --json',
    async () => {
      const printed = await cli('cost', file('union.json'));
      expect(printed.code).toBe(0);
      // A1: 490,000 × 200 × 12 + 400,000 × 200 × 6 = 1,656,000,000; C: 350,000 × 10 × 12 = 42,000,000;
      // bonus 5,000,000 × 210 = 1,050,000,000. Wages 2,748,000,000; contributions 23.5 % of
      // 1,698,000,000 = 399,030,000; cost 3,147,030,000.
      expect(printed.stdout).toContain('Tổng chi phí tăng thêm cả thời hạn: 3.147.030.000\u00a0₫');
      // The raise alone: 1,176,000,000 + 42,000,000 = 1,218,000,000, + 23.5 % = 1,504,230,000.
      expect(printed.stdout).toMatch(/Tăng lương 7% từ 01\/01\/2026 +1\.504\.230\.000\u00a0₫/);

      const json = await cli('cost', file('union.json'), '--json');
      expect(json.code).toBe(0);
      const value = JSON.parse(json.stdout) as Record<string, unknown>;
      expect(value).toMatchObject({
        total: { wages: 2_748_000_000, contributions: 399_030_000, cost: 3_147_030_000 },
        years: [{ year: 2026, months: 12, wages: 2_748_000_000, contributions: 399_030_000, cost: 3_147_030_000 }],
        // Step C1's 5,000,000 is below 2026's 5,310,000, but the 7 % raise on 1 January makes it 5,350,000.
        belowMinimum: [],
      });
    },
    childTimeout,
  );

  it('lists wages below the regional minimum wage in the output', async () => {
    writeFileSync(file('low.json'), JSON.stringify({ ...employer, changes: [] }));
    const json = JSON.parse((await cliInProcess('cost', file('low.json'), '--json')).stdout) as { belowMinimum: unknown };
    expect(json.belowMinimum).toEqual([{ grade: 'C', step: 1, monthlyWage: 5_000_000, minimum: 5_310_000, month: '2026-01' }]);
  });

  it(
    'compares several files with the first, and writes the workbook and the annex',
    async () => {
      const printed = await cli(
        'cost',
        file('union.json'),
        file('employer.json'),
        '--xlsx',
        file('cost.xlsx'),
        '--docx',
        file('cost.docx'),
        '--pdf',
        file('cost.pdf'),
        '--json',
      );
      expect(printed.code).toBe(0);
      // Employer: (280,000 × 200 + 200,000 × 10) × 12 = 696,000,000, + 23.5 % = 859,560,000, which
      // is 27.31 % of the union's 3,147,030,000.
      const value = JSON.parse(printed.stdout) as { comparison: { positions: { label: string; shareOfReference: number }[] } };
      expect(value.comparison.positions.map((position) => position.label)).toEqual(['Công đoàn', 'Người sử dụng lao động']);
      expect(value.comparison.positions[1]?.shareOfReference).toBeCloseTo(859_560_000 / 3_147_030_000, 12);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('cost.xlsx'));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'So sánh',
        'Theo năm',
        'Theo tháng',
        'Theo ngạch',
        'Các thay đổi',
        'Dưới lương tối thiểu',
        'Nguồn số liệu',
      ]);
      const comparison = workbook.getWorksheet('So sánh');
      expect(comparison?.getRow(3).getCell(1).value).toBe('Người sử dụng lao động');
      const averageYear = comparison?.getRow(3).getCell(2);
      // A number, not text, in the vi-VN money format.
      expect({ value: averageYear?.value, format: averageYear?.numFmt }).toEqual({ value: 859_560_000, format: vndNumberFormat });
      const years = workbook.getWorksheet('Theo năm');
      expect(years?.getRow(1).values).toContain('Tổng chi phí tăng thêm');
      const sources = workbook.getWorksheet('Nguồn số liệu');
      const sourceTexts: string[] = [];
      sources?.eachRow((row) => sourceTexts.push(String(row.getCell(6).value)));
      expect(sourceTexts).toEqual(
        expect.arrayContaining(['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Luật Việc làm số 74/2025/QH15', 'Nghị định 293/2025/NĐ-CP (từ 01/01/2026)']),
      );

      const text = docxBodyText(readFileSync(file('cost.docx')));
      expect(text).toContain('PHỤ LỤC');
      expect(text).toContain('So sánh chi phí của các phương án tiền lương');
      expect(text).toContain('“Người sử dụng lao động” có chi phí tăng thêm 859.560.000\u00a0₫ mỗi năm, bằng 27% của “Công đoàn”.');
      expect(text).toContain('Luật Công đoàn số 50/2024/QH15');
      // The same annex printed by Chromium.
      expect(await pdfText(file('cost.pdf'), 1)).toContain('So sánh chi phí của các phương án tiền lương');
    },
    childTimeout,
  );

  it(
    'refuses a file it cannot cost with a message naming the field, and exit code 2',
    async () => {
      writeFileSync(file('bad.json'), JSON.stringify({ ...union, changes: [union.changes[0], { kind: 'flat', amount: 400_000, from: '2026-13-01' }] }));
      writeFileSync(file('broken.json'), '{ "region": "I", ');
      writeFileSync(file('early.json'), JSON.stringify({ ...union, start: '2024-01-01' }));
      // As people run it, then the other refusals in process (the same runCli, faster).
      const bad = await cli('cost', file('bad.json'));
      const [broken, missing, early, none] = [
        await cliInProcess('cost', file('broken.json')),
        await cliInProcess('cost', file('missing.json')),
        await cliInProcess('cost', file('early.json')),
        await cliInProcess('cost'),
      ];
      expect(bad).toEqual({ code: 2, stdout: expect.stringContaining('changes[1].from: must be a real date written YYYY-MM-DD') });
      expect(broken).toEqual({ code: 2, stdout: expect.stringContaining('broken.json is not valid JSON') });
      expect(missing).toEqual({ code: 2, stdout: expect.stringContaining('missing.json: no such file') });
      expect(early).toEqual({ code: 2, stdout: expect.stringContaining('start: the term reaches 2024-01') });
      expect(none).toEqual({ code: 2, stdout: expect.stringContaining('cost needs at least one scenario FILE') });
      // Nothing was written for a refused file.
      expect(await cliInProcess('cost', file('bad.json'), '--xlsx', file('bad.xlsx'))).toMatchObject({ code: 2 });
      expect(() => readFileSync(file('bad.xlsx'))).toThrow(/ENOENT/);
    },
    childTimeout,
  );
});
