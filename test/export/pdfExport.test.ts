import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { completeDocument } from './agreementFixture';
import { pdfInfo, pdfText, pdfWords, renderPages, saveArtifact } from './fileTools';

// The PDF is printed by headless Chromium (server mode) from the HTML of shared/export/html.ts and
// read back with poppler. Decree 30/2020: A4, page numbers centred in the top margin, none on page 1.

const topMarginPt = (20 / 25.4) * 72;

describe('PDF export in Chromium', () => {
  let harness: Harness;
  let union: ApiClient;
  let documentId: string;
  let path: string;

  beforeAll(async () => {
    harness = await startHarness();
    const source = completeDocument('enterprise_agreement', 'vi');
    const created = await harness.server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: source.title, content: [...source.blocks], variables: source.variables, language: 'vi' },
      { kind: 'admin' },
    );
    documentId = created.id;
    const seat = await joinAs(harness.server, documentId, 'union', 'Trần Thị Bình');
    union = createApiClient(createHttpTransport({ baseUrl: harness.server.url, token: seat.token, fetch }));
    // A draft printed for the day it is to be signed (a signed agreement is dated by its record).
    const file = await union.call('documents/exportPdf', { documentId, annex: true, date: '2027-01-05' });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027–2029.pdf');
    path = saveArtifact('agreement.pdf', Buffer.from(file.fileBase64, 'base64'));
    await renderPages(path, 'agreement-page', 3);
  }, 120_000);

  afterAll(() => harness?.dispose());

  it('is an A4 document of many pages', async () => {
    const info = await pdfInfo(path);
    expect(Number(info.Pages)).toBeGreaterThan(10);
    const [width, height] = (info['Page size'] ?? '').split(' x ').map((size) => Number.parseFloat(size));
    // A4 is 595.28 × 841.89 points; Chromium rounds to whole pixels at 96 dpi.
    expect(Math.abs((width ?? 0) - 595.28)).toBeLessThan(1);
    expect(Math.abs((height ?? 0) - 841.89)).toBeLessThan(1);
    expect(info['Page size']).toContain('(A4)');
  });

  it('opens with the national title, the motto, place and date and the type name on page 1', async () => {
    const first = await pdfText(path, 1);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027');
    expect(first).toContain('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
    expect(first).toContain('Chương I');
  });

  it('has no page number on page 1 and a centred number in the top margin of pages 2 and 3', async () => {
    const first = await pdfWords(path, 1);
    expect(first.words.filter((word) => word.yMax < topMarginPt)).toEqual([]);
    for (const pageNumber of [2, 3]) {
      const page = await pdfWords(path, pageNumber);
      const inMargin = page.words.filter((word) => word.yMax < topMarginPt);
      expect(inMargin.map((word) => word.text)).toEqual([String(pageNumber)]);
      const [number] = inMargin;
      // Centred on the text width (30 mm left, 15 mm right margin).
      const centre = ((30 + (210 - 45) / 2) / 25.4) * 72;
      expect(Math.abs(((number?.xMin ?? 0) + (number?.xMax ?? 0)) / 2 - centre)).toBeLessThan(6);
    }
  });

  it('has every article heading, in order, and both signature blocks before the annex', async () => {
    const text = await pdfText(path);
    const numbers = [...text.matchAll(/^Điều (\d+)\. /gm)].map((match) => Number(match[1]));
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    const employer = text.indexOf('NGƯỜI SỬ DỤNG LAO ĐỘNG\nTỔNG GIÁM ĐỐC');
    const chair = text.indexOf('CHỦ TỊCH');
    const annex = text.indexOf('Phụ lục');
    expect(employer).toBeGreaterThan(text.indexOf(`Điều ${numbers.length}. `));
    expect(chair).toBeGreaterThan(0);
    expect(annex).toBeGreaterThan(chair);
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Trần Thị Bình');
  });

  it('paginates the annex on its own: no number on its first page, 2 on the next', async () => {
    const pages = Number((await pdfInfo(path)).Pages);
    let annexPage = 0;
    for (let page = pages; page >= 1 && annexPage === 0; page -= 1) if ((await pdfText(path, page)).startsWith('Phụ lục')) annexPage = page;
    expect(annexPage).toBeGreaterThan(1);
    expect((await pdfWords(path, annexPage)).words.filter((word) => word.yMax < topMarginPt)).toEqual([]);
    if (annexPage < pages) {
      expect((await pdfWords(path, annexPage + 1)).words.filter((word) => word.yMax < topMarginPt).map((word) => word.text)).toEqual(['2']);
    }
  });

  it('prints the bilingual version and the labour regulations the same way', async () => {
    const both = await union.call('documents/exportPdf', { documentId, languageMode: 'both' });
    expect(both.fileName).toBe('Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027–2029 (song ngữ).pdf');
    const bothPath = saveArtifact('agreement-bilingual.pdf', Buffer.from(both.fileBase64, 'base64'));
    await renderPages(bothPath, 'agreement-bilingual-page', 2);
    const first = await pdfText(bothPath, 1);
    expect(first).toContain('SOCIALIST REPUBLIC OF VIETNAM');
    expect(first).toContain('Article 1. Parties to the agreement');

    const regulations = completeDocument('labour_regulations', 'vi', 'Nội quy lao động Công ty TNHH May Sài Gòn');
    const created = await harness.server.handlers['documents/create'](
      { kind: 'labour_regulations', title: regulations.title, content: [...regulations.blocks], variables: regulations.variables, language: 'vi' },
      { kind: 'admin' },
    );
    const host = createApiClient(
      createHttpTransport({ baseUrl: harness.server.url, token: await harness.server.authentication.createAdminToken('pdf test'), fetch }),
    );
    const file = await host.call('documents/exportPdf', { documentId: created.id });
    const regulationsPath = saveArtifact('regulations.pdf', Buffer.from(file.fileBase64, 'base64'));
    await renderPages(regulationsPath, 'regulations-page', 2);
    const text = await pdfText(regulationsPath);
    expect(text).toContain('NỘI QUY LAO ĐỘNG');
    expect(text).toContain('Nơi nhận:');
    expect(text).not.toContain('CHỦ TỊCH');
  }, 120_000);
});
