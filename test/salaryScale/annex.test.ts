import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { addSalaryScale } from '#shared/salaryScale/yjsSalaryScale';
import { closeApi, inProcessTransportUnderTest, startApi, type ApiFixture } from '../helpers/apiTransports';
import { openTable } from '../lifecycle/lifecycleFixture';
import { saveArtifact, zipPart } from '../export/fileTools';

/** The text of each table row of a WordprocessingML part after a marker, cells joined by " | ". */
function tableRowsAfter(xml: string, marker: string): string[] {
  const from = xml.indexOf(marker);
  const table = xml.slice(xml.indexOf('<w:tbl>', from), xml.indexOf('</w:tbl>', from));
  return [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
      .map((cell) => [...(cell[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((part) => part[1] ?? '\n').join(''))
      .join(' | '),
  );
}

describe('the salary scale as an annex of the exported agreement', () => {
  let api: ApiFixture;
  let admin: ApiClient;
  beforeEach(async () => {
    ({ api, admin } = await startApi(inProcessTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  it('shows each step in the official layout, formatted vi-VN, without internal identifiers', async () => {
    const { documentId, union } = await openTable(api, admin);
    await api.withRoom(documentId, (room) =>
      room.change(null, (doc) => {
        let next = 0;
        addSalaryScale(
          doc,
          {
            title: 'Thang lương khối sản xuất',
            grades: [
              {
                title: 'Công nhân may',
                code: 'CN.1',
                steps: [
                  {
                    step: 1,
                    monthlyWage: 5_600_000,
                    headcount: 120,
                    allowances: [
                      { name: 'Phụ cấp độc hại', amount: 300_000, regular: true },
                      { name: 'Xăng xe', amount: 150_000, regular: false },
                    ],
                  },
                  { step: 2, monthlyWage: 5_900_000, headcount: 1_250, allowances: [] },
                ],
              },
            ],
          },
          () => `noi-bo-${(next += 1)}`,
        );
      }),
    );
    const exported = await union.client.call('documents/exportDocx', { documentId, annex: true, salaryScaleAnnex: true });
    const bytes = Buffer.from(exported.fileBase64, 'base64');
    saveArtifact('salary-scale-annex.docx', bytes);
    const xml = zipPart(bytes, 'word/document.xml');
    // Two annexes: numbered, the salary scale second.
    expect(xml).toContain('>Phụ lục I</w:t>');
    expect(xml).toContain('>Phụ lục II</w:t>');
    expect(xml.indexOf('THANG LƯƠNG, BẢNG LƯƠNG')).toBeGreaterThan(xml.indexOf('>Phụ lục II</w:t>'));
    expect(tableRowsAfter(xml, 'Thang lương khối sản xuất')).toEqual([
      'STT | Ngạch, chức danh | Bậc | Mức lương (đồng/tháng) | Phụ cấp (đồng/tháng) | Số người',
      '1 | Công nhân may (CN.1) | 1 | 5.600.000 | Phụ cấp độc hại: 300.000\nXăng xe: 150.000 (không thường xuyên) | 120',
      '2 |  | 2 | 5.900.000 |  | 1.250',
    ]);
    expect(xml).not.toMatch(/noi-bo-|step:|grade:|scale:/);

    // Not asked for: no salary scale annex, and the values annex alone is "Phụ lục".
    const plain = zipPart(
      Buffer.from((await union.client.call('documents/exportDocx', { documentId, annex: true })).fileBase64, 'base64'),
      'word/document.xml',
    );
    expect(plain).not.toContain('THANG LƯƠNG, BẢNG LƯƠNG');
    expect(plain).toContain('>Phụ lục</w:t>');
  });
});
