import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { ApiError } from '#shared/api/errors';
import { createHttpTransport } from '#shared/api/httpTransport';
import { salaryScaleRootName } from '#shared/salaryScale/yjsSalaryScale';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { storedDoc } from '../helpers/storedState';

// Importing a salary scale from a payroll export over server mode's HTTP API: CSV and XLSX files
// built here, rows it cannot read reported by row and reason, malformed files refused, nothing written.

async function workbook(rows: (string | number | null)[][], sheetName = 'Bảng lương'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const base64 = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');

describe('salaryScale/importPreview', () => {
  let harness: Harness;
  let employer: ApiClient;
  let reviewer: ApiClient;
  let documentId: string;
  const client = (token?: string) => createApiClient(createHttpTransport({ baseUrl: harness.server.url, token, fetch }));

  beforeAll(async () => {
    harness = await startHarness();
    documentId = (await createDocument(harness.server)).id;
    employer = client((await joinAs(harness.server, documentId, 'employer', 'Chị Lan')).token);
    reviewer = client((await joinAs(harness.server, documentId, 'reviewer', 'Ông Tuấn')).token);
  });
  afterAll(() => harness.dispose());

  const preview = (fileBase64: string, fileName: string, caller = employer) => caller.call('salaryScale/importPreview', { documentId, fileBase64, fileName });
  const refused = async (fileBase64: string, fileName: string, reason: string) => {
    const error = await preview(fileBase64, fileName).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).reason).toEqual({ key: reason });
    return error as ApiError;
  };

  it('reads an XLSX payroll of one row per worker into grades and steps, and reports the rows it could not read', async () => {
    const file = await workbook([
      ['CÔNG TY MAY SÔNG HỒNG — BẢNG LƯƠNG THÁNG 01/2027'],
      [],
      ['STT', 'Họ và tên', 'Mã ngạch', 'Chức danh', 'Bậc', 'Mức lương', 'Phụ cấp độc hại', 'Phụ cấp xăng xe (không thường xuyên)', 'Tổng lương'],
      [1, 'Nguyễn Thị A', 'CN.1', 'Công nhân may', 1, 5_600_000, 300_000, 200_000, 6_100_000],
      [2, 'Trần Văn B', 'CN.1', 'Công nhân may', 1, 5_600_000, 300_000, 200_000, 6_100_000],
      [3, 'Lê Thị C', 'CN.1', 'Công nhân may', 2, '5.900.000', 300_000, 200_000, 6_400_000],
      [4, 'Phạm Văn D', 'TT', 'Tổ trưởng', 1, 7_200_000.5, null, null, 7_200_000],
      [5, 'Hoàng Thị E', null, null, 1, 6_000_000, null, null, 6_000_000],
      [6, 'Vũ Văn F', 'TT', 'Tổ trưởng', 'Bậc 1', 7_200_000, null, null, 7_200_000],
      [7, 'Đỗ Thị G', 'CN.1', 'Công nhân may', 1, 5_700_000, 300_000, 200_000, 6_200_000],
      [8, 'Bùi Văn H', 'TT', 'Tổ trưởng', 2, -1, null, null, 0],
      [9, 'Ngô Thị I', 'TT', 'Tổ trưởng', 120, 8_000_000, null, null, 0],
    ]);
    const result = await preview(file, 'Bảng lương tháng 01-2027.xlsx');
    expect(result.format).toBe('xlsx');
    expect(result.headingRow).toBe(3);
    expect(result.countedRows).toBe(true);
    expect(result.columns).toEqual([
      { column: 3, heading: 'Mã ngạch', field: 'code' },
      { column: 4, heading: 'Chức danh', field: 'grade' },
      { column: 5, heading: 'Bậc', field: 'step' },
      { column: 6, heading: 'Mức lương', field: 'wage' },
      { column: 7, heading: 'Phụ cấp độc hại', field: 'allowance', regular: true },
      { column: 8, heading: 'Phụ cấp xăng xe (không thường xuyên)', field: 'allowance', regular: false },
    ]);
    const allowances = [
      { name: 'Phụ cấp độc hại', amount: 300_000, regular: true },
      { name: 'Phụ cấp xăng xe (không thường xuyên)', amount: 200_000, regular: false },
    ];
    expect(result.scale).toEqual({
      title: 'Bảng lương tháng 01-2027',
      grades: [
        {
          title: 'Công nhân may',
          code: 'CN.1',
          steps: [
            { step: 1, monthlyWage: 5_600_000, headcount: 2, allowances },
            { step: 2, monthlyWage: 5_900_000, headcount: 1, allowances },
          ],
        },
        { title: 'Tổ trưởng', code: 'TT', steps: [{ step: 1, monthlyWage: 7_200_000, headcount: 1, allowances: [] }] },
      ],
    });
    expect(result.skipped).toEqual([
      { row: 7, problem: 'wage_invalid', column: 6 },
      { row: 8, problem: 'grade_missing', column: 4 },
      { row: 10, problem: 'step_differs' },
      { row: 11, problem: 'wage_invalid', column: 6 },
      { row: 12, problem: 'step_invalid', column: 5 },
    ]);
    expect(result.rowsRead).toBe(4);
  });

  it('reads a CSV with semicolons and a headcount column in English, and numbers steps by wage where the file has none', async () => {
    const csv =
      '\uFEFFGrade;Monthly wage;Headcount;Meal allowance\r\nWelder;"7,500,000";12;500000\r\nWelder;7000000;8;500000\r\nDriver;6.800.000 ₫;x;\r\n;;;\r\n';
    const result = await preview(base64(csv), 'payroll.csv');
    expect(result.format).toBe('csv');
    expect(result.countedRows).toBe(false);
    expect(result.columns.map((column) => column.field)).toEqual(['grade', 'wage', 'headcount', 'allowance']);
    expect(result.scale.grades).toEqual([
      {
        title: 'Welder',
        steps: [
          { step: 1, monthlyWage: 7_000_000, headcount: 8, allowances: [{ name: 'Meal allowance', amount: 500_000, regular: true }] },
          { step: 2, monthlyWage: 7_500_000, headcount: 12, allowances: [{ name: 'Meal allowance', amount: 500_000, regular: true }] },
        ],
      },
    ]);
    expect(result.skipped).toEqual([{ row: 4, problem: 'headcount_invalid', column: 3 }]);
  });

  it('refuses a malformed file with its reason, and a reviewer; and writes nothing into the document', async () => {
    await refused('', 'luong.csv', 'scale_file_empty');
    await refused(base64('\n\n;;\n'), 'luong.csv', 'scale_file_empty');
    await refused(base64(Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96])), 'luong.csv', 'scale_file_not_table');
    await refused(base64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])), 'luong.xls', 'scale_file_not_table');
    await refused(base64(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])), 'luong.xlsx', 'scale_file_damaged');
    const noWage = await refused(
      await workbook([
        ['Họ tên', 'Chức danh', 'Số người'],
        ['A', 'Thợ hàn', 3],
      ]),
      'ds.xlsx',
      'scale_file_no_wage_column',
    );
    expect(noWage.code).toBe('invalid_input');
    await refused(base64('Họ tên,Lương\nNguyễn A,6000000\n'), 'luong.csv', 'scale_file_no_grade_column');
    const tooLarge = await refused(base64(Buffer.alloc(8 * 1024 * 1024 + 1, 0x41)), 'luong.csv', 'scale_file_too_large');
    expect(tooLarge.code).toBe('payload_too_large');

    const byReviewer = await preview(base64('Ngạch,Lương\nA1,6000000\n'), 'luong.csv', reviewer).then(
      () => null,
      (thrown: unknown) => thrown as ApiError,
    );
    expect([byReviewer?.code, byReviewer?.reason]).toEqual(['forbidden', { key: 'scale_import_sides_only' }]);

    expect((await storedDoc(harness.server.context.store.updates, documentId)).getMap(salaryScaleRootName).size).toBe(0);
  });
});
