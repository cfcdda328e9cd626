import { describe, expect, it } from 'vitest';
import { checkDocument } from '#shared/compliance/checkDocument';
import type { TopLevelBlock } from '#shared/document/nodes';
import { fold } from '#shared/compliance/text';
import { checkArticles, findingsOf, libraryDocument, type ArticleSpec } from './builders';

function withoutChapter(blocks: TopLevelBlock[], title: RegExp): TopLevelBlock[] {
  return blocks.filter(
    (block) =>
      !(
        block.type === 'chapter' &&
        block.children[0]?.type === 'chapter-title' &&
        title.test(fold(block.children[0].children.map((child) => ('text' in child ? child.text : '')).join('')))
      ),
  );
}

const sections = (findings: ReturnType<typeof checkDocument>) => findingsOf(findings, 'regs.required_sections').map((finding) => finding.citation);

/** Labour regulations written by hand (no templates): one article per Art. 118(2) item. */
const handWritten: ArticleSpec[] = [
  {
    title: 'Thời giờ làm việc, thời giờ nghỉ ngơi',
    body: [
      'Làm việc từ thứ Hai đến thứ Bảy; ngày nghỉ hằng tuần là Chủ nhật.',
      'Người lao động được nghỉ không hưởng lương 01 ngày khi anh, chị, em ruột kết hôn.',
    ],
  },
  { title: 'Trật tự tại nơi làm việc', body: ['Người lao động có mặt đúng giờ.'] },
  { title: 'An toàn, vệ sinh lao động', body: ['Người lao động sử dụng phương tiện bảo vệ cá nhân.'] },
  {
    title: 'Phòng, chống quấy rối tình dục tại nơi làm việc',
    body: [
      'Nghiêm cấm mọi hành vi quấy rối tình dục tại nơi làm việc.',
      'Quấy rối tình dục là hành vi có tính chất tình dục, gồm hành vi thể chất, lời nói và phi lời nói.',
      'Người bị quấy rối tiếp nhận phản ánh qua Tổ tiếp nhận; trong thời hạn 15 ngày làm việc Tổ xác minh và kết luận.',
      'Người quấy rối bị xử lý kỷ luật; người tố cáo sai sự thật cũng bị xử lý kỷ luật.',
      'Người quấy rối phải bồi thường thiệt hại cho nạn nhân; Người sử dụng lao động áp dụng biện pháp khắc phục hậu quả.',
      'Việc xử lý phải nhanh chóng, kịp thời, bảo vệ bí mật, danh dự của nạn nhân.',
    ],
  },
  { title: 'Bảo vệ tài sản, bí mật kinh doanh', body: ['Người lao động bảo quản tài sản.'] },
  { title: 'Tạm thời chuyển người lao động làm công việc khác', body: ['Khi đơn hàng tăng đột xuất.'] },
  { title: 'Hành vi vi phạm kỷ luật lao động và hình thức xử lý', body: ['Đi làm muộn: khiển trách.'] },
  { title: 'Trách nhiệm vật chất', body: ['Làm hư hỏng dụng cụ phải bồi thường.'] },
  { title: 'Người có thẩm quyền xử lý kỷ luật', body: ['Giám đốc.'] },
];

describe('labour regulations: required content (LC Art. 118(2); Decree 145 Art. 69(2), 85)', () => {
  it('regulations from the library cover every item', () => {
    const { blocks, variables } = libraryDocument('labour_regulations', 'vi');
    expect(sections(checkDocument({ kind: 'labour_regulations', blocks, variables, dates: { reference: '2027-01-01' } }))).toEqual([]);
  });

  it('without the harassment chapter they fail Art. 118(2)(d) and each element of Decree 145 Art. 85', () => {
    for (const language of ['vi', 'en'] as const) {
      const { blocks, variables } = libraryDocument('labour_regulations', language);
      const trimmed = withoutChapter(blocks, /quay roi|harass/);
      expect(trimmed.length).toBe(blocks.length - 1);
      const findings = checkDocument({ kind: 'labour_regulations', blocks: trimmed, variables, language, dates: { reference: '2027-01-01' } });
      expect(sections(findings)).toEqual([
        { law: 'LC2019', article: 118, clause: 2, point: 'd' },
        { law: 'D145', article: 85, clause: 1, point: 'a' },
        { law: 'D145', article: 85, clause: 1, point: 'b' },
        { law: 'D145', article: 85, clause: 1, point: 'c' },
        { law: 'D145', article: 85, clause: 1, point: 'd' },
        { law: 'D145', article: 85, clause: 1, point: 'đ' },
        { law: 'D145', article: 85, clause: 2 },
      ]);
      const [first] = findingsOf(findings, 'regs.required_sections');
      expect(first?.message.vi).toBe(
        'Nội quy lao động thiếu nội dung bắt buộc: Phòng, chống quấy rối tình dục tại nơi làm việc; trình tự, thủ tục xử lý hành vi quấy rối tình dục (khoản 2 Điều 118 Bộ luật Lao động 2019).',
      );
    }
  });

  it('an article from a template covers nothing once its text is emptied', () => {
    const { blocks, variables } = libraryDocument('labour_regulations', 'vi');
    const emptied = blocks.map((block) =>
      block.type !== 'chapter'
        ? block
        : {
            ...block,
            children: block.children.map((child) =>
              child.type === 'article' && child.templateId === 'regs.authority.competent_person'
                ? { ...child, children: [child.children[0], { type: 'clause' as const, children: [{ text: '' }] }] as typeof child.children }
                : child,
            ),
          },
    );
    expect(sections(checkDocument({ kind: 'labour_regulations', blocks: emptied, variables, dates: { reference: '2027-01-01' } }))).toEqual([
      { law: 'LC2019', article: 118, clause: 2, point: 'i' },
    ]);
  });

  it('hand-written regulations are read by their headings and text', () => {
    expect(findingsOf(checkArticles(handWritten, { kind: 'labour_regulations' }), 'regs.required_sections')).toEqual([]);
    const withoutLiability = handWritten.filter((spec) => spec.title !== 'Trách nhiệm vật chất');
    expect(sections(checkArticles(withoutLiability, { kind: 'labour_regulations' }))).toEqual([{ law: 'LC2019', article: 118, clause: 2, point: 'h' }]);
  });

  it('a harassment article without sanctions for false accusers misses Decree 145 Art. 85(1)(d) only', () => {
    const harassment = handWritten.map((spec) =>
      spec.title.startsWith('Phòng, chống') ? { ...spec, body: spec.body.filter((text) => !text.includes('sai sự thật')) } : spec,
    );
    const findings = checkArticles(harassment, { kind: 'labour_regulations' });
    expect(sections(findings)).toEqual([{ law: 'D145', article: 85, clause: 1, point: 'd' }]);
    expect(findingsOf(findings, 'regs.required_sections')[0]?.clauseId).toEqual(expect.any(String)); // points at the harassment article
  });

  it('collective agreements are not held to the Art. 118(2) list', () => {
    expect(findingsOf(checkArticles([{ title: 'Phạm vi', body: ['Thỏa ước.'] }]), 'regs.required_sections')).toEqual([]);
  });

  it('the regulations name the weekly rest day (LC Art. 111(2)) and state unpaid leave (Art. 115(2))', () => {
    expect(findingsOf(checkArticles(handWritten, { kind: 'labour_regulations' }), 'rest.weekly')).toEqual([]);
    const unnamed = handWritten.map((spec, index) => (index === 0 ? { ...spec, body: ['Làm việc 6 ngày mỗi tuần.'] } : spec));
    const findings = checkArticles(unnamed, { kind: 'labour_regulations' });
    expect(findingsOf(findings, 'rest.weekly')[0]?.citation).toEqual({ law: 'LC2019', article: 111, clause: 2 });
    expect(findingsOf(findings, 'leave.personal_unpaid', 'warning')).toHaveLength(1);
  });
});
