import { describe, expect, it } from 'vitest';
import type { TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestions } from '#shared/document/suggestionMarks';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { wordDate } from '#shared/export/trackedChanges';
import { renderDocx } from '#main/export/docx';
import { article, chapter, paragraph } from '../editor/builders';
import { librarySources } from './agreementFixture';
import { zipPart } from './fileTools';

// Decision 0030: the model's seam from suggestion marks to tracked runs, and the .docx writer's w:ins/w:del.

/** A body with a bold insertion in an article, a deletion in the preamble, and an insertion no record names. */
const marked: TopLevelBlock[] = [
  paragraph({ text: 'Hai bên thỏa thuận ' }, { text: 'nhanh chóng ', suggestDelete: 'xoa-1' }, { text: 'như sau.' }),
  chapter(
    'chuong-1',
    'QUY ĐỊNH CHUNG',
    article(
      'dieu-1',
      'Tiền lương',
      paragraph(
        { text: 'Lương tăng ' },
        { text: '7%', bold: true, suggestInsert: 'them-1' },
        { text: ' mỗi năm.' },
        { text: ' lạc', suggestInsert: 'khong-ro' },
      ),
    ),
  ),
];

const authors = new Map([
  ['xoa-1', { author: 'Chị Lan (Người sử dụng lao động)', date: '2027-02-01T08:00:00Z' }],
  ['them-1', { author: 'Anh Minh (Tổ chức đại diện người lao động)', date: '2027-02-01T09:30:05Z' }],
]);

const exported = (trackedChanges: boolean) =>
  buildAgreementModel(
    { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể', language: 'vi', blocks: withoutPendingSuggestions(marked), variables: {} },
    { languageMode: 'vi', proposals: [], annex: false, ...(trackedChanges ? { trackedSuggestions: { blocks: marked, authors } } : {}) },
    librarySources('enterprise_agreement'),
  );

describe('pending suggestions as Word tracked changes', () => {
  it('writes w:ins and w:del with author, date and unique ids, keeping the run’s formatting; an insertion no record names stays out', async () => {
    const xml = zipPart(await renderDocx(exported(true)), 'word/document.xml');
    const revisions = [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:\1>/g)];
    expect(revisions.map((match) => [match[1], match[3], match[4]])).toEqual([
      ['del', 'Chị Lan (Người sử dụng lao động)', '2027-02-01T08:00:00Z'],
      ['ins', 'Anh Minh (Tổ chức đại diện người lao động)', '2027-02-01T09:30:05Z'],
    ]);
    expect(revisions[0]?.[5]).toContain('<w:delText xml:space="preserve">nhanh chóng </w:delText>');
    expect(revisions[1]?.[5]).toMatch(/^<w:r><w:rPr><w:b\/>.*<w:t xml:space="preserve">7%<\/w:t><\/w:r>$/);
    expect(new Set(revisions.map((match) => match[2])).size).toBe(2);
    expect(xml).not.toContain('lạc');
  });

  it('without the option, the same body is the accepted text with no revision', async () => {
    const xml = zipPart(await renderDocx(exported(false)), 'word/document.xml');
    expect(xml).not.toMatch(/<w:(ins|del) /);
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Hai bên thỏa thuận nhanh chóng như sau.');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Lương tăng  mỗi năm.');
  });

  it('dates as Word writes them: UTC with a Z, without the milliseconds the server records', () => {
    expect(wordDate('2027-02-01T09:30:05.123Z')).toBe('2027-02-01T09:30:05Z');
  });
});
