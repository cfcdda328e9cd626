import { describe, expect, it } from 'vitest';
import type { ArticleElement, ChapterElement } from '#shared/document/nodes';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { renderHtml } from '#shared/export/html';
import { formatOfficialDate, formatPlaceAndDate } from '#shared/export/officialFrame';
import type { ContentBlock, ParallelBlock, RenderBlock, Run } from '#shared/export/renderModel';
import { completeDocument, librarySources } from './agreementFixture';

const text = (runs: readonly Run[]) => runs.map((run) => run.text).join('');
const contentBlocks = (blocks: readonly RenderBlock[]): ContentBlock[] => blocks.flatMap((block) => (block.type === 'parallel' ? [] : [block]));

function firstChapter(blocks: readonly unknown[]): ChapterElement {
  const chapter = blocks.find((block): block is ChapterElement => (block as { type?: string }).type === 'chapter');
  if (!chapter) throw new Error('no chapter');
  return chapter;
}

describe('official date and place (Decree 30/2020 Appendix I)', () => {
  it('puts a leading 0 on days below 10 and on January and February only', () => {
    expect(formatOfficialDate('2027-01-05', 'vi')).toBe('ngày 05 tháng 01 năm 2027');
    expect(formatOfficialDate('2027-02-28', 'vi')).toBe('ngày 28 tháng 02 năm 2027');
    expect(formatOfficialDate('2027-03-09', 'vi')).toBe('ngày 09 tháng 3 năm 2027');
    expect(formatOfficialDate('2027-12-15', 'vi')).toBe('ngày 15 tháng 12 năm 2027');
    expect(formatOfficialDate('2027-01-05', 'en')).toBe('5 January 2027');
  });

  it('leaves blanks to fill in without a date or place', () => {
    expect(formatOfficialDate(null, 'vi')).toBe('ngày … tháng … năm …');
    expect(formatOfficialDate('2027-02-30', 'vi')).toBe('ngày … tháng … năm …');
    expect(formatPlaceAndDate('TP. Hồ Chí Minh', '2027-01-05', 'vi')).toBe('TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027');
    expect(formatPlaceAndDate(null, null, 'vi')).toBe('…………, ngày … tháng … năm …');
  });
});

describe('render model of an agreement', () => {
  const document = completeDocument();
  const sources = librarySources('enterprise_agreement');
  const model = buildAgreementModel(document, { languageMode: 'vi', proposals: [], annex: true, date: '2027-01-05' }, sources);
  const blocks = contentBlocks(model.blocks);

  it('has the official frame: both parties in capitals and bold, national title, motto, place and date, type name', () => {
    expect(model.organisations).toEqual([
      { text: 'CÔNG TY TNHH MAY SÀI GÒN', bold: true },
      { text: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY SÀI GÒN', bold: true },
    ]);
    expect(model.nationalTitle.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(model.motto.text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(model.placeAndDate).toBe('TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027');
    expect(model.typeName.text).toBe('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
    expect(model.summary).toBe('Công ty TNHH May Sài Gòn 2027–2029');
  });

  it('ends each legal ground with ";" and the last with "."', () => {
    const grounds = blocks
      .filter((block) => block.type === 'paragraph' && block.role === 'ground')
      .map((block) => (block.type === 'paragraph' ? text(block.runs) : ''));
    expect(grounds.length).toBeGreaterThan(2);
    expect(grounds.slice(0, -1).every((ground) => ground.endsWith(';'))).toBe(true);
    expect(grounds.at(-1)?.endsWith('.')).toBe(true);
    expect(grounds.every((ground) => ground.startsWith('Căn cứ'))).toBe(true);
  });

  it('numbers chapters in Roman numerals, articles continuously, clauses and points from their position', () => {
    const chapters = blocks.filter((block) => block.type === 'heading');
    expect(chapters.slice(0, 3).map((block) => (block.type === 'heading' ? block.label : ''))).toEqual(['Chương I', 'Chương II', 'Chương III']);
    const articles = blocks.filter((block) => block.type === 'article').map((block) => (block.type === 'article' ? block.label : ''));
    expect(articles.slice(0, 3)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(articles.at(-1)).toBe(`Điều ${articles.length}.`);
    const markers = blocks
      .filter((block) => block.type === 'clause' || block.type === 'point')
      .map((block) => (block.type === 'clause' || block.type === 'point' ? block.marker.text : ''));
    expect(markers.slice(0, 3)).toEqual(['1.', '2.', '3.']);
    expect(markers).toContain('a)');
    expect(markers).toContain('đ)');
  });

  it('writes variable chips as their values, formatted the Vietnamese way', () => {
    const body = blocks.map((block) => ('runs' in block ? text(block.runs) : '')).join('\n');
    expect(body).toContain('Công ty TNHH May Sài Gòn');
    expect(body).toMatch(/\d{1,3}(\.\d{3})+\s₫/u);
    expect(body).not.toContain('{{');
  });

  it('has both signature blocks and the annex of values', () => {
    expect(model.signatures.map((signature) => signature.titleLines.map((line) => line.text.replace(/\n/g, ' ')))).toEqual([
      ['ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG', 'TỔNG GIÁM ĐỐC'],
      ['ĐẠI DIỆN TẬP THỂ NGƯỜI LAO ĐỘNG', 'TM. BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ', 'CHỦ TỊCH'],
    ]);
    expect(model.signatures.map((signature) => signature.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(model.recipients).toBeNull();
    const [annex] = model.annexes;
    expect(annex?.heading.text).toBe('Phụ lục');
    const table = annex?.blocks[0];
    expect(table?.type).toBe('table');
    if (table?.type === 'table') {
      expect(table.rows[1]?.cells.map((cell) => text(cell.runs))).toEqual(['1', 'Tên doanh nghiệp', 'Công ty TNHH May Sài Gòn']);
      expect(table.rows.some((row) => text(row.cells[2]?.runs ?? []) === '05/01/2027')).toBe(true);
    }
  });

  it('leaves the procedural facts the lifecycle has not recorded as blanks to fill by hand, and no date without one; recorded facts read as values', () => {
    const draft = buildAgreementModel(document, { languageMode: 'vi', proposals: [], annex: true }, sources);
    expect(draft.placeAndDate).toBe('TP. Hồ Chí Minh, ngày … tháng … năm …');
    const clauses = (built: typeof draft) => contentBlocks(built.blocks).map((block) => ('runs' in block ? text(block.runs) : ''));
    expect(clauses(draft)).toContain(
      'Doanh nghiệp có 100 người lao động. Dự thảo Thỏa ước được lấy ý kiến toàn bộ người lao động của doanh nghiệp ngày …………: tại thời điểm lấy ý kiến, doanh nghiệp có ………… lao động, trong đó ………… biểu quyết tán thành, đạt trên 50% tổng số người lao động của doanh nghiệp theo khoản 1 Điều 76 Bộ luật Lao động.',
    );
    // Unrecorded facts are not values of the document: the annex does not list them.
    const annexLabels = (built: typeof draft) =>
      built.annexes[0]?.blocks[0]?.type === 'table' ? built.annexes[0].blocks[0].rows.map((row) => text(row.cells[1]?.runs ?? [])) : [];
    expect(annexLabels(draft)).not.toContain('Số người lao động biểu quyết tán thành');
    const voted = buildAgreementModel(
      { ...document, variables: { ...document.variables, vote_date: '2027-01-22', vote_total_workers: 100, vote_in_favour: 51 } },
      { languageMode: 'vi', proposals: [], annex: true },
      sources,
    );
    expect(clauses(voted).find((clause) => clause.startsWith('Doanh nghiệp có'))).toContain(
      'ngày 22/01/2027: tại thời điểm lấy ý kiến, doanh nghiệp có 100 người lao động, trong đó 51 người biểu quyết tán thành',
    );
    expect(annexLabels(voted)).toContain('Số người lao động biểu quyết tán thành');
  });

  it('gives labour regulations one signature, the employer’s, and the recipients', () => {
    const regulations = buildAgreementModel(
      completeDocument('labour_regulations', 'vi', 'Nội quy lao động'),
      { languageMode: 'vi', proposals: [], annex: false },
      librarySources('labour_regulations'),
    );
    expect(regulations.typeName.text).toBe('NỘI QUY LAO ĐỘNG');
    expect(regulations.summary).toBeNull();
    expect(regulations.organisations).toEqual([{ text: 'CÔNG TY TNHH MAY SÀI GÒN', bold: true }]);
    expect(regulations.signatures).toHaveLength(1);
    expect(regulations.recipients?.label).toBe('Nơi nhận:');
    expect(regulations.recipients?.lines.at(-1)).toBe('- Lưu: VT.');
  });
});

describe('bilingual and English exports', () => {
  it('takes the other language from the template while the article still reads as the template, else says so', () => {
    const document = completeDocument();
    const chapter = firstChapter(document.blocks);
    const edited = chapter.children[2] as ArticleElement;
    edited.children = [edited.children[0] as ArticleElement['children'][number], { type: 'paragraph', children: [{ text: 'Nội dung đã sửa, khác với mẫu.' }] }];
    const model = buildAgreementModel(document, { languageMode: 'both', proposals: [], annex: false }, librarySources('enterprise_agreement'));
    expect(model.nationalTitle).toEqual({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', translation: 'SOCIALIST REPUBLIC OF VIETNAM' });
    const parallels = model.blocks.filter((block): block is ParallelBlock => block.type === 'parallel');
    const articleColumns = parallels.filter((block) => block.columns[0].blocks[0]?.type === 'article');
    const [first, second] = articleColumns;
    expect(first?.columns[1].blocks[0]).toMatchObject({ type: 'article', label: 'Article 1.', title: [{ text: 'Parties to the agreement' }] });
    expect(second?.columns[1].blocks.map((block) => (block.type === 'paragraph' ? text(block.runs) : block.type))).toEqual(['article', '(no translation)']);
    const chapterHeading = parallels.find((block) => block.columns[0].blocks[0]?.type === 'heading');
    expect(chapterHeading?.columns[1].blocks[0]).toMatchObject({ label: 'Chapter I', title: [{ text: 'GENERAL PROVISIONS' }] });
  });

  it('renders an English export with English frame texts and values formatted in English', () => {
    const model = buildAgreementModel(
      completeDocument(),
      { languageMode: 'en', proposals: [], annex: false, date: '2027-01-05' },
      librarySources('enterprise_agreement'),
    );
    expect(model.typeName.text).toBe('COLLECTIVE LABOUR AGREEMENT');
    expect(model.placeAndDate).toBe('TP. Hồ Chí Minh, 5 January 2027');
    const blocks = contentBlocks(model.blocks);
    expect(blocks.find((block) => block.type === 'article')).toMatchObject({ label: 'Article 1.', title: [{ text: 'Parties to the agreement' }] });
    const body = blocks.map((block) => ('runs' in block ? text(block.runs) : '')).join('\n');
    expect(body).toMatch(/\d{1,3}(,\d{3})+/);
    expect(model.signatures[0]?.titleLines[0]?.text).toBe('ON BEHALF OF THE EMPLOYER');
  });
});

describe('redline of open proposals', () => {
  const document = completeDocument();
  const chapter = firstChapter(document.blocks);
  const target = chapter.children[2] as ArticleElement;
  const deleted = chapter.children[3] as ArticleElement;
  const proposed: ArticleElement = {
    ...target,
    children: [
      { type: 'article-title', children: [{ text: 'Mục đích' }] },
      { type: 'clause', children: [{ text: 'Một khoản mới hoàn toàn.' }] },
      ...target.children.slice(2),
    ],
  };
  const newArticle: ArticleElement = {
    type: 'article',
    clauseId: 'proposed-new',
    children: [
      { type: 'article-title', children: [{ text: 'Bảo mật thông tin' }] },
      { type: 'paragraph', children: [{ text: 'Hai bên giữ bí mật thông tin.' }] },
    ],
  };
  const model = buildAgreementModel(
    document,
    {
      languageMode: 'vi',
      annex: false,
      proposals: [
        { clauseId: target.clauseId, kind: 'replace', article: proposed, side: 'union', authorName: 'Trần Thị Bình', rationale: 'Rõ hơn.' },
        { clauseId: target.clauseId, kind: 'insert_after', article: newArticle, side: 'employer' },
        { clauseId: deleted.clauseId, kind: 'delete', article: null, side: 'employer' },
      ],
    },
    librarySources('enterprise_agreement'),
  );
  const blocks = contentBlocks(model.blocks);

  it('marks word-level insertions and deletions, and says whose proposal it is and why', () => {
    const index = blocks.findIndex((block) => block.type === 'article' && block.label === 'Điều 2.');
    const heading = blocks[index];
    expect(heading?.type === 'article' && heading.title.some((run) => run.change === 'deleted')).toBe(true);
    const clause = blocks[index + 1];
    expect(clause?.type).toBe('clause');
    if (clause?.type === 'clause') {
      expect(clause.runs.some((run) => run.change === 'inserted' && run.text.includes('Một khoản mới'))).toBe(true);
      expect(clause.runs.some((run) => run.change === 'deleted')).toBe(true);
    }
    const notes = blocks
      .filter((block) => block.type === 'paragraph' && block.role === 'note')
      .map((block) => (block.type === 'paragraph' ? text(block.runs) : ''));
    expect(notes[0]).toContain('phần đề xuất thêm được gạch chân');
    expect(notes.some((note) => note.includes('Trần Thị Bình') && note.includes('Lý do: Rõ hơn.'))).toBe(true);
  });

  it('shows a proposed new article as inserted after its article ("Điều 2a.") and a deleted one struck through', () => {
    const inserted = blocks.find((block) => block.type === 'article' && block.label === 'Điều 2a.');
    expect(inserted?.change).toBe('inserted');
    const struck = blocks.find((block) => block.type === 'article' && block.label === 'Điều 3.');
    expect(struck?.change).toBe('deleted');
    expect(blocks.find((block) => block.type === 'article' && block.label === 'Điều 4.')?.change).toBeUndefined();
  });

  it('draws insertions underlined in colour and deletions struck through in the HTML', () => {
    const html = renderHtml(model);
    expect(html).toContain('<span class="ins">');
    expect(html).toContain('<span class="del">');
    expect(html).toMatch(/\.ins \{ text-decoration: underline; color: #[0-9A-F]{6}; \}/);
    expect(html).toMatch(/\.del \{ text-decoration: line-through;/);
  });
});

describe('print HTML', () => {
  it('sets A4 with the decree’s margins and numbers pages in the top margin from page 2', () => {
    const html = renderHtml(
      buildAgreementModel(completeDocument(), { languageMode: 'vi', proposals: [], annex: true }, librarySources('enterprise_agreement')),
    );
    expect(html).toContain('@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;');
    expect(html).toContain('@top-center { content: counter(page);');
    expect(html).toContain('@page :first { @top-center { content: none; } }');
    expect(html).toContain('@page annex1 { counter-increment: annexpage1 1;');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes the document’s text', () => {
    const document = completeDocument();
    document.title = 'Thỏa ước <b>&</b>';
    const html = renderHtml(buildAgreementModel(document, { languageMode: 'vi', proposals: [], annex: false }, librarySources('enterprise_agreement')));
    expect(html).toContain('<title>Thỏa ước &lt;b&gt;&amp;&lt;/b&gt;</title>');
  });
});
