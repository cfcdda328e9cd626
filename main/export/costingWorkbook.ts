import ExcelJS from 'exceljs';
import type { ColumnKind, CostingSheet } from '#shared/export/costingTables';

/**
 * Writes the costing tables (shared/export/costingTables.ts) as an .xlsx workbook for HR
 * departments: one sheet per table, numbers stored as numbers with Excel formats (đồng in the
 * Vietnamese currency format, shares as percentages), the header row bold and frozen.
 */

/** Whole đồng with digit grouping and the ₫ sign of the vi-VN locale (LCID 0x42A). */
export const vndNumberFormat = '#,##0 [$₫-42A]';
const numberFormats: Record<ColumnKind, string | undefined> = { money: vndNumberFormat, percent: '0.00%', count: '#,##0', text: undefined };

export async function writeCostingWorkbook(sheets: readonly CostingSheet[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Thỏa Ước';
  workbook.title = title;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      width: column.width,
      style: numberFormats[column.kind] ? { numFmt: numberFormats[column.kind] } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
