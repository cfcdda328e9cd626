import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '#shared/api/errors';
import type { ImportPreview } from '#shared/api/export';
import { plainText, type ArticleElement, type BodyBlock, type ChapterElement, type TopLevelBlock } from '#shared/document/nodes';
import { buildAgreementModel, type ExportedDocument } from '#shared/export/agreementModel';
import { inlineText } from '#shared/export/blockRender';
import { renderDocx } from '#main/export/docx';
import { importDocx } from '#main/import/docxImport';
import { openPackage } from '#main/import/docxPackage';
import { readWordBody } from '#main/import/wordDocument';
import { completeDocument, librarySources, sequentialIds } from './agreementFixture';
import { saveArtifact } from './fileTools';
import { irregularDocx } from './irregularDocx';
import { writeZip } from './zipFixtures';

/** A document's structure as text: chapter titles, and each article's title and blocks. */
interface Outline {
  preamble: string[];
  chapters: { title: string; articles: { title: string; blocks: string[] }[] }[];
}

function outlineOf(blocks: readonly TopLevelBlock[], text: (children: Parameters<typeof plainText>[0]) => string): Outline {
  const blockText = (block: BodyBlock): string[] =>
    block.type === 'bulleted-list'
      ? block.children.map((item) => `list-item:${text(item)}`)
      : block.type === 'table'
        ? [`table:${block.children.map((row) => row.children.map((cell) => text(cell)).join('|')).join('/')}`]
        : [`${block.type}:${text(block)}`];
  const article = (element: ArticleElement) => ({
    title: text(element.children[0] as ArticleElement['children'][number]),
    blocks: (element.children.slice(1) as BodyBlock[]).flatMap(blockText),
  });
  return {
    preamble: blocks.filter((block) => block.type === 'paragraph').map((block) => text(block)),
    chapters: blocks
      .filter((block): block is ChapterElement => block.type === 'chapter')
      .map((chapter) => ({
        title: text(chapter.children[0] as ChapterElement['children'][number]),
        articles: chapter.children.filter((child): child is ArticleElement => child.type === 'article').map(article),
      })),
  };
}

async function expectRefused(bytes: Buffer, message: RegExp): Promise<void> {
  const attempt = importDocx(bytes.toString('base64'), 'file.docx', sequentialIds());
  await expect(attempt).rejects.toBeInstanceOf(ApiError);
  await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
}

/** The letters of a text without its spacing, for comparing two readers (mammoth's raw text drops line breaks). */
const letters = (text: string): string => text.replace(/\s+/g, '');

describe('importing a .docx', () => {
  let source: ExportedDocument;
  let exported: Buffer;
  let preview: ImportPreview;

  beforeAll(async () => {
    source = completeDocument();
    // A bulleted list and a table as well, which the templates do not have.
    const chapter = source.blocks.find((block): block is ChapterElement => block.type === 'chapter');
    const article = chapter?.children[1] as ArticleElement;
    article.children.push(
      {
        type: 'bulleted-list',
        children: [
          { type: 'list-item', children: [{ text: 'Phòng Nhân sự;' }] },
          { type: 'list-item', children: [{ text: 'Phòng Kế toán.' }] },
        ],
      },
      {
        type: 'table',
        children: [
          {
            type: 'table-row',
            children: [
              { type: 'table-cell', header: true, children: [{ text: 'Bậc' }] },
              { type: 'table-cell', header: true, children: [{ text: 'Hệ số' }] },
            ],
          },
          {
            type: 'table-row',
            children: [
              { type: 'table-cell', children: [{ text: '1' }] },
              { type: 'table-cell', children: [{ text: '1,00' }] },
            ],
          },
        ],
      },
    );
    exported = await renderDocx(buildAgreementModel(source, { languageMode: 'vi', proposals: [], annex: false }, librarySources('enterprise_agreement')));
    preview = await importDocx(exported.toString('base64'), 'thoa-uoc.docx', sequentialIds('imported'));
  });

  it('gives back the same chapters, articles and text after an export (round trip)', () => {
    const context = { values: source.variables, lookupVariable: librarySources('enterprise_agreement').lookupVariable };
    const expected = outlineOf(source.blocks, (node) =>
      'children' in node && node.type !== 'variable' ? inlineText(node.children as Parameters<typeof inlineText>[0], 'vi', context) : plainText(node),
    );
    const actual = outlineOf(preview.content, plainText);
    expect(actual.chapters.map((chapter) => chapter.title)).toEqual(expected.chapters.map((chapter) => chapter.title));
    expect(actual.chapters.flatMap((chapter) => chapter.articles.map((article) => article.title))).toEqual(
      expected.chapters.flatMap((chapter) => chapter.articles.map((article) => article.title)),
    );
    expect(actual).toEqual(expected);
    expect(preview.report).toMatchObject({
      fileName: 'thoa-uoc.docx',
      chapters: expected.chapters.length,
      articles: expected.chapters.flatMap((chapter) => chapter.articles).length,
      tables: 1,
      issues: [],
    });
    expect(preview.suggestedTitle).toBe(source.title);
    expect(preview.suggestedKind).toBe('enterprise_agreement');
    expect(preview.language).toBe('vi');
  });

  it('gives every chapter and article a new stable id', () => {
    const ids = preview.content.flatMap((block) =>
      block.type === 'chapter'
        ? [block.chapterId, ...block.children.flatMap((child) => (child.type === 'article' ? [child.clauseId] : []))]
        : block.type === 'article'
          ? [block.clauseId]
          : [],
    );
    expect(ids.every((id) => id.startsWith('imported'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports skipped and repeated numbers, stray paragraphs, unrecognised headings and what it dropped', async () => {
    const bytes = await irregularDocx();
    saveArtifact('irregular.docx', bytes);
    const result = await importDocx(bytes.toString('base64'), 'irregular.docx', sequentialIds());
    const { report } = result;
    expect(report).toMatchObject({ chapters: 2, articles: 6, tables: 1 });
    const issues = report.issues.map((issue) => ({ code: issue.code, expected: issue.expected, found: issue.found }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'paragraph_outside_article', expected: undefined, found: undefined },
        { code: 'skipped_article_number', expected: '2', found: '3' },
        { code: 'repeated_article_number', expected: '4', found: '3' },
        { code: 'unrecognised_heading', expected: undefined, found: undefined },
        { code: 'automatic_numbering', expected: undefined, found: undefined },
        { code: 'chapter_number_out_of_order', expected: '2', found: 'III' },
        { code: 'empty_article', expected: undefined, found: undefined },
        { code: 'content_dropped', expected: undefined, found: undefined },
      ]),
    );
    expect(report.issues.find((issue) => issue.code === 'unrecognised_heading')?.excerpt).toBe('MỤC 2. NHỮNG ĐIỀU KHÁC');
    const outline = outlineOf(result.content, plainText);
    expect(outline.preamble).toEqual(['Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;']);
    // Marks are kept in body text (the ground is in italics), not in titles (bold by the layout).
    expect(result.content[0]).toEqual({ type: 'paragraph', children: [{ text: 'Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;', italic: true }] });
    const firstArticle = (result.content[1] as ChapterElement).children[1] as ArticleElement;
    expect(firstArticle.children[0]).toEqual({ type: 'article-title', children: [{ text: 'Phạm vi áp dụng' }] });
    expect(outline.chapters.map((chapter) => chapter.title)).toEqual(['QUY ĐỊNH CHUNG', 'ĐIỀU KHOẢN THI HÀNH']);
    const [first, second] = outline.chapters;
    expect(first?.articles.map((article) => article.title)).toEqual(['Phạm vi áp dụng', 'Đối tượng áp dụng', 'Điều khoản trùng số', 'Tiền lương']);
    // The stray paragraph goes to the chapter's first article; numbering markers become structure.
    expect(first?.articles[0]?.blocks).toEqual([
      'paragraph:Chương này quy định những vấn đề chung của Thỏa ước.',
      'clause:Thỏa ước áp dụng trong toàn Công ty.',
      'point:Tại trụ sở chính;',
      'point:Tại các chi nhánh.',
      'list-item:Kể cả người lao động thử việc.',
    ]);
    expect(first?.articles[3]?.blocks).toEqual([
      'table:Bậc|Mức lương/1|5.310.000 đồng',
      'clause:Tiền lương được trả bằng chuyển khoản.',
      'clause:Tiền lương được trả vào ngày 05 hằng tháng.',
    ]);
    expect(second?.articles.map((article) => article.title)).toEqual(['Điều trống', 'Hiệu lực']);
    // Nothing after the signature line is imported.
    expect(JSON.stringify(result.content)).not.toContain('Nguyễn Văn A');
    expect(result.suggestedTitle).toBe('Thỏa ước lao động tập thể Công ty Cổ phần Dệt Nam Định');
  });

  it('reads the same text as mammoth does, from the exported file and the hand-made one', async () => {
    for (const bytes of [exported, await irregularDocx()]) {
      const ours = readWordBody(openPackage(bytes))
        .blocks.flatMap((block) => (block.type === 'paragraph' ? block.runs.map((run) => run.text) : block.rows.flat(2).map((run) => run.text)))
        .join('');
      const theirs = (await mammoth.extractRawText({ buffer: bytes })).value;
      expect(letters(ours)).toBe(letters(theirs));
    }
  });

  it('refuses what is not a .docx with a clear message', async () => {
    await expectRefused(Buffer.alloc(0), /empty/);
    await expectRefused(Buffer.from('not a word file at all, just some text'), /not a \.docx/);
    await expectRefused(Buffer.from('PK'), /not a \.docx/);
    const random = Buffer.alloc(4096);
    for (let index = 0; index < random.length; index += 1) random[index] = (index * 7919 + 13) % 251;
    await expectRefused(random, /not a \.docx/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    await expectRefused(ole, /password-protected \(encrypted\) or is an old Word 97–2003 \.doc/);
    await expectRefused(
      writeZip([
        { name: 'hello.txt', data: Buffer.from('xin chào') },
        { name: 'data/readme.md', data: Buffer.from('# không phải Word') },
      ]),
      /not a Word document/,
    );
    await expectRefused(exported.subarray(0, Math.floor(exported.length / 2)), /damaged/);
    await expectRefused(
      writeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        {
          name: 'word/document.xml',
          data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
        },
      ]),
      /no text/,
    );
  });
});
