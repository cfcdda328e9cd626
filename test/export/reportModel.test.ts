import { describe, expect, it } from 'vitest';
import { buildSectionedDocument } from '#shared/export/reportModel';
import { renderHtml } from '#shared/export/html';
import { renderDocx } from '#main/export/docx';
import { zipPart } from './fileTools';

// Other documents in the same layout (the bargaining minutes here) are a builder to the render model.

describe('a sectioned document in the official layout', () => {
  const minutes = buildSectionedDocument({
    language: 'vi',
    title: 'Biên bản phiên thương lượng',
    organisations: [
      { name: 'Công ty TNHH May Sài Gòn', isIssuer: false },
      { name: 'Công đoàn cơ sở Công ty TNHH May Sài Gòn', isIssuer: true },
    ],
    typeName: { vi: 'BIÊN BẢN', en: 'MINUTES' },
    summary: 'Phiên thương lượng tập thể lần thứ hai',
    place: 'TP. Hồ Chí Minh',
    date: '2027-02-03',
    sections: [
      { title: 'Thành phần tham dự', blocks: [{ type: 'bullet', runs: [{ text: 'Bên người sử dụng lao động: Ông Nguyễn Văn An, Tổng Giám đốc.' }] }] },
      {
        title: 'Kết quả thương lượng',
        blocks: [
          { type: 'paragraph', role: 'body', runs: [{ text: 'Hai bên đã thống nhất các điều sau:' }] },
          {
            type: 'table',
            rows: [
              {
                cells: [
                  { runs: [{ text: 'Điều' }], header: true },
                  { runs: [{ text: 'Tình trạng' }], header: true },
                ],
              },
              { cells: [{ runs: [{ text: 'Điều 5' }] }, { runs: [{ text: 'Đã thống nhất' }] }] },
            ],
          },
        ],
      },
    ],
    signatures: [
      { titleLines: [{ text: 'THƯ KÝ' }], hint: null, name: 'Lê Thị Mai' },
      { titleLines: [{ text: 'CHỦ TRÌ' }], hint: null, name: 'Trần Thị Bình' },
    ],
  });

  it('has the frame, numbered sections and the signatures', () => {
    expect(minutes.placeAndDate).toBe('TP. Hồ Chí Minh, ngày 03 tháng 02 năm 2027');
    expect(minutes.organisations).toEqual([
      { text: 'CÔNG TY TNHH MAY SÀI GÒN', bold: false },
      { text: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY SÀI GÒN', bold: true },
    ]);
    expect(
      minutes.blocks.filter((block) => block.type === 'heading').map((block) => (block.type === 'heading' ? `${block.label} ${block.title[0]?.text}` : '')),
    ).toEqual(['I. THÀNH PHẦN THAM DỰ', 'II. KẾT QUẢ THƯƠNG LƯỢNG']);
  });

  it('renders to HTML and DOCX like an agreement', async () => {
    const html = renderHtml(minutes);
    expect(html).toContain('<p class="heading section">I. THÀNH PHẦN THAM DỰ</p>');
    expect(html).toContain('BIÊN BẢN');
    const xml = zipPart(await renderDocx(minutes), 'word/document.xml');
    expect(xml).toContain('II.</w:t>');
    expect(xml).toContain('Đã thống nhất');
    expect(xml).toContain('Trần Thị Bình');
  });
});
