import { describe, expect, it } from 'vitest';
import { plainText } from '#shared/document/nodes';
import { recogniseStructure } from '#shared/import/recognise';
import type { SourceBlock } from '#shared/import/sourceText';
import { sequentialIds } from './agreementFixture';

const line = (text: string, look: { bold?: boolean; center?: boolean } = {}): SourceBlock => ({
  type: 'paragraph',
  runs: [{ text, ...(look.bold ? { bold: true } : {}) }],
  alignment: look.center ? 'center' : null,
  numbering: null,
});

describe('recognising the structure of a file', () => {
  it('leaves out a header written as plain paragraphs, and keeps prose that starts with "Điều 76"', () => {
    const result = recogniseStructure(
      [
        line('CÔNG TY CỔ PHẦN ABC', { bold: true }),
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
        line('Độc lập - Tự do - Hạnh phúc', { bold: true }),
        line('Hà Nội, ngày 05 tháng 01 năm 2027'),
        line('NỘI QUY LAO ĐỘNG', { bold: true, center: true }),
        line('Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;'),
        line('Chương I. QUY ĐỊNH CHUNG', { bold: true, center: true }),
        line('Điều 1. Phạm vi', { bold: true }),
        line('Điều 76 Bộ luật Lao động quy định việc lấy ý kiến người lao động.'),
      ],
      sequentialIds(),
    );
    expect(result.suggestedKind).toBe('labour_regulations');
    expect(result.suggestedTitle).toBe('Nội quy lao động');
    expect(result.blocks.map((block) => (block.type === 'paragraph' ? plainText(block) : block.type))).toEqual([
      'Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;',
      'chapter',
    ]);
    expect(result.report).toMatchObject({ chapters: 1, articles: 1, preambleParagraphs: 1, issues: [] });
    const chapter = result.blocks[1];
    expect(chapter?.type === 'chapter' && plainText(chapter.children[0] as Parameters<typeof plainText>[0])).toBe('QUY ĐỊNH CHUNG');
    expect(chapter?.type === 'chapter' && chapter.children[1]?.type === 'article' && chapter.children[1].children.length).toBe(2);
  });

  it('reads English chapters and articles, and guesses the language', () => {
    const result = recogniseStructure(
      [
        line('COLLECTIVE LABOUR AGREEMENT', { bold: true }),
        line('Chapter I', { bold: true }),
        line('GENERAL PROVISIONS', { bold: true }),
        line('Article 1. Scope', { bold: true }),
        line('1. This Agreement applies to all workers.'),
        line('a) including probationers;'),
        line('Article 2. Term', { bold: true }),
        line('The Agreement lasts three years.'),
      ],
      sequentialIds(),
    );
    expect(result.language).toBe('en');
    expect(result.suggestedKind).toBe('enterprise_agreement');
    expect(result.report).toMatchObject({ chapters: 1, articles: 2, clauses: 1, points: 1, issues: [] });
  });
});
