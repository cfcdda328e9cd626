import type { ArticleElement, BodyBlock, ChapterElement, TopLevelBlock } from '#shared/document/nodes';

/**
 * A long collective labour agreement, generated deterministically: the same size always gives
 * the same text, ids and structure, so runs can be compared. Chapters follow the usual order of
 * an enterprise agreement (Labour Code 2019, Article 75: the content of collective bargaining);
 * each article has a title and a few body blocks (paragraphs, numbered clauses, lettered points)
 * of 150 to 250 characters of legal Vietnamese.
 */

const chapterTitles = [
  'NHỮNG QUY ĐỊNH CHUNG',
  'VIỆC LÀM VÀ BẢO ĐẢM VIỆC LÀM',
  'HỢP ĐỒNG LAO ĐỘNG',
  'THỜI GIỜ LÀM VIỆC, THỜI GIỜ NGHỈ NGƠI',
  'TIỀN LƯƠNG, PHỤ CẤP LƯƠNG, TIỀN THƯỞNG',
  'AN TOÀN, VỆ SINH LAO ĐỘNG',
  'BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ, BẢO HIỂM THẤT NGHIỆP',
  'PHÚC LỢI VÀ CHẾ ĐỘ ĐỐI VỚI LAO ĐỘNG NỮ',
  'ĐÀO TẠO, NÂNG CAO TRÌNH ĐỘ KỸ NĂNG NGHỀ',
  'ĐỐI THOẠI, GIẢI QUYẾT TRANH CHẤP VÀ ĐIỀU KHOẢN THI HÀNH',
];

const topics = [
  'Phạm vi áp dụng',
  'Đối tượng áp dụng',
  'Giải thích từ ngữ',
  'Bảo đảm việc làm',
  'Thời giờ làm việc bình thường',
  'Làm thêm giờ',
  'Nghỉ hằng năm',
  'Nghỉ lễ, tết',
  'Nghỉ việc riêng',
  'Mức lương tối thiểu',
  'Thang lương, bảng lương',
  'Phụ cấp độc hại',
  'Tiền thưởng cuối năm',
  'Trang bị phương tiện bảo hộ',
  'Khám sức khỏe định kỳ',
  'Tai nạn lao động',
  'Bồi dưỡng bằng hiện vật',
  'Bữa ăn giữa ca',
  'Hỗ trợ nhà ở',
  'Hỗ trợ đi lại',
  'Chế độ thai sản',
  'Nuôi con nhỏ',
  'Đào tạo nghề',
  'Nâng bậc lương',
  'Đối thoại định kỳ',
  'Xử lý kỷ luật lao động',
  'Trợ cấp thôi việc',
  'Giải quyết tranh chấp',
  'Hiệu lực thi hành',
  'Sửa đổi, bổ sung thỏa ước',
];

const subjects = [
  'Người sử dụng lao động',
  'Người lao động',
  'Tổ chức đại diện người lao động tại cơ sở',
  'Ban chấp hành công đoàn cơ sở',
  'Người lao động làm công việc nặng nhọc, độc hại',
  'Lao động nữ đang mang thai',
  'Người lao động cao tuổi',
  'Hai bên',
];

const actions = [
  'có trách nhiệm bảo đảm',
  'được hưởng nguyên lương trong thời gian',
  'phải thông báo bằng văn bản về',
  'cam kết thực hiện đầy đủ',
  'có quyền yêu cầu đối thoại về',
  'được bố trí thời gian hợp lý cho',
  'phối hợp xây dựng và công khai',
  'không được cắt giảm',
];

const objects = [
  'chế độ nghỉ ngơi theo quy định của Bộ luật Lao động năm 2019',
  'tiền lương làm thêm giờ vào ngày nghỉ hằng tuần',
  'các khoản phụ cấp lương ghi trong hợp đồng lao động',
  'điều kiện làm việc an toàn và vệ sinh lao động tại nơi làm việc',
  'kế hoạch đào tạo, bồi dưỡng nâng cao trình độ kỹ năng nghề',
  'quy chế dân chủ ở cơ sở và nội quy lao động',
  'mức hỗ trợ bữa ăn giữa ca không thấp hơn mức đã thỏa thuận',
  'việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp',
];

const conditions = [
  'trong thời hạn 15 ngày kể từ ngày có quyết định',
  'trừ trường hợp bất khả kháng theo quy định của pháp luật',
  'sau khi tham khảo ý kiến của tổ chức đại diện người lao động',
  'theo tiến độ đã được hai bên thống nhất trong biên bản',
  'nhưng không thấp hơn mức quy định tại Nghị định số 145/2020/NĐ-CP',
  'kể cả khi doanh nghiệp thay đổi cơ cấu, công nghệ',
  'và công bố công khai tại nơi làm việc trước khi thực hiện',
  'đối với người lao động có thời gian làm việc từ đủ 12 tháng',
];

/** A small seeded generator (mulberry32): the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One sentence or more of legal text, 150 to 250 characters, ending with a full stop. */
export function legalText(random: () => number): string {
  let text = '';
  while (text.length < 150) {
    const sentence = `${pick(random, subjects)} ${pick(random, actions)} ${pick(random, objects)}, ${pick(random, conditions)}.`;
    if (text !== '' && text.length + 1 + sentence.length > 250) break;
    text = text === '' ? sentence : `${text} ${sentence}`;
  }
  if (text.length < 150) text = `${text} Nội dung này được áp dụng thống nhất trong toàn doanh nghiệp.`;
  return text.length <= 250 ? text : `${text.slice(0, 249).trimEnd()}.`;
}

const bodyPatterns: readonly (readonly BodyBlock['type'][])[] = [
  ['paragraph', 'clause', 'clause', 'clause', 'paragraph'],
  ['clause', 'point', 'point', 'clause', 'clause'],
  ['paragraph', 'clause', 'point', 'point', 'point', 'clause'],
  ['clause', 'clause', 'paragraph', 'clause'],
];

function article(random: () => number, number: number): ArticleElement {
  const pattern = pick(random, bodyPatterns);
  return {
    type: 'article',
    clauseId: articleId(number),
    children: [
      { type: 'article-title', children: [{ text: `${pick(random, topics)} (${number})` }] },
      ...pattern.map((type) => ({ type, children: [{ text: legalText(random) }] }) as BodyBlock),
    ],
  };
}

/** The stable id of the n-th article (1-based) of a generated agreement. */
export function articleId(number: number): string {
  return `article-${number}`;
}

/**
 * An agreement of `articleCount` articles spread over chapters of `articlesPerChapter`, after a
 * one-paragraph preamble. 300 articles make about 1,800 blocks, some 150 printed pages.
 */
export function generateAgreement(articleCount: number, articlesPerChapter = 30): TopLevelBlock[] {
  const random = seededRandom(articleCount * 7919 + 17);
  const chapters: ChapterElement[] = [];
  for (let first = 1; first <= articleCount; first += articlesPerChapter) {
    const index = chapters.length;
    const last = Math.min(articleCount, first + articlesPerChapter - 1);
    const articles: ArticleElement[] = [];
    for (let number = first; number <= last; number += 1) articles.push(article(random, number));
    chapters.push({
      type: 'chapter',
      chapterId: `chapter-${index + 1}`,
      children: [{ type: 'chapter-title', children: [{ text: chapterTitles[index % chapterTitles.length] as string }] }, ...articles],
    });
  }
  const preamble: TopLevelBlock = {
    type: 'paragraph',
    children: [
      {
        text: 'Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019; căn cứ kết quả thương lượng tập thể giữa hai bên, hai bên thống nhất ký kết thỏa ước lao động tập thể với các điều khoản sau đây.',
      },
    ],
  };
  return [preamble, ...chapters];
}

/** Blocks that hold text (titles, paragraphs, clauses, points) in a body: its size in "blocks". */
export function countTextBlocks(blocks: readonly TopLevelBlock[]): number {
  let count = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') count += 1;
    else if (block.type === 'article') count += block.children.length;
    else count += 1 + block.children.slice(1).reduce((sum, child) => sum + (child.type === 'article' ? child.children.length : 1), 0);
  }
  return count;
}
