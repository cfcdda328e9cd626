import type { ApiClient } from '#shared/api/client';
import type { ArticleElement, BodyBlock, InlineNode, TopLevelBlock } from '#shared/document/nodes';
import type { ValueChanges } from '#shared/negotiation/model';
import { BenchmarkError } from './benchmark';
import { legalText, seededRandom } from './agreementBody';

/**
 * A bargaining ledger for a generated agreement, built through the real API by the two sides:
 * every article gets five steps (positions, and agreements, disputes or requests to reopen), in
 * one of five courses taken in turn, so that a fifth of the articles end with an open position of
 * the employer that changes text and two values (the positions the benchmark accepts).
 */

/** How the bargaining over an article goes; the n-th article takes course (n - 1) mod 5. */
const courses = ['values', 'text', 'overtime', 'marks', 'reopen'] as const;
type Course = (typeof courses)[number];

function courseOf(articleNumber: number): Course {
  return courses[(articleNumber - 1) % courses.length] as Course;
}

/** Two variables an article shows as chips, and the sentence around them. */
interface ChipPair {
  ids: readonly [string, string];
  sentence: (first: InlineNode, second: InlineNode) => InlineNode[];
}

/** A pair the sides bargain over by values alone, and what they offer in turn: union, employer, union (rejected), union, employer (accepted). */
interface ValuePair extends ChipPair {
  offers: readonly (readonly [number, number])[];
}

const chip = (variableId: string): InlineNode => ({ type: 'variable', variableId, children: [{ text: '' }] });

/** The overtime rates (Labour Code 2019, Art. 98(1)): the values of the positions the benchmark accepts. */
const overtime = {
  ids: ['ot_rate_weekday', 'ot_rate_weekly_rest'],
  sentence: (weekday, weeklyRest) => [
    { text: 'Giờ làm thêm được trả lương ít nhất bằng ' },
    weekday,
    { text: ' vào ngày thường và ít nhất bằng ' },
    weeklyRest,
    { text: ' vào ngày nghỉ hằng tuần.' },
  ],
} as const satisfies ChipPair;

/** The pairs the "values" articles bargain over, in turn. */
const valuePairs: readonly ValuePair[] = [
  {
    ids: ['annual_leave_days', 'extra_tet_leave_days'],
    sentence: (annual, tet) => [
      { text: 'Người lao động được nghỉ hằng năm ' },
      annual,
      { text: ' và được nghỉ thêm ' },
      tet,
      { text: ' dịp Tết Nguyên đán, hưởng nguyên lương.' },
    ],
    offers: [
      [16, 4],
      [12, 2],
      [15, 3],
      [14, 3],
      [13, 3],
    ],
  },
  {
    ids: ['meal_allowance_per_shift', 'ot_meal_allowance'],
    sentence: (meal, overtimeMeal) => [
      { text: 'Giá trị bữa ăn giữa ca là ' },
      meal,
      { text: '; người làm thêm từ 02 giờ trở lên được hỗ trợ thêm ' },
      overtimeMeal,
      { text: '.' },
    ],
    offers: [
      [40_000, 35_000],
      [30_000, 25_000],
      [38_000, 32_000],
      [36_000, 30_000],
      [35_000, 30_000],
    ],
  },
  {
    ids: ['housing_allowance', 'travel_allowance'],
    sentence: (housing, travel) => [
      { text: 'Người lao động ở xa được hỗ trợ tiền nhà ở ' },
      housing,
      { text: ' và tiền đi lại ' },
      travel,
      { text: ' mỗi tháng.' },
    ],
    offers: [
      [800_000, 500_000],
      [500_000, 300_000],
      [700_000, 450_000],
      [650_000, 400_000],
      [600_000, 400_000],
    ],
  },
  {
    ids: ['ot_rate_holiday', 'night_premium_percent'],
    sentence: (holiday, night) => [
      { text: 'Làm thêm giờ vào ngày nghỉ lễ, tết được trả ít nhất bằng ' },
      holiday,
      { text: '; làm việc vào ban đêm được trả thêm ít nhất bằng ' },
      night,
      { text: '.' },
    ],
    offers: [
      [400, 50],
      [300, 30],
      [380, 45],
      [350, 40],
      [330, 35],
    ],
  },
];

/** The pairs of the "values" articles are taken in turn. */
function valuePairOf(articleNumber: number): ValuePair {
  return valuePairs[Math.floor((articleNumber - 1) / courses.length) % valuePairs.length] as ValuePair;
}

function pairOf(articleNumber: number): ChipPair | null {
  const course = courseOf(articleNumber);
  return course === 'overtime' ? overtime : course === 'values' ? valuePairOf(articleNumber) : null;
}

/** The document's values before bargaining: the built-in defaults of every variable shown. */
export const startingValues: ValueChanges = {
  ot_rate_weekday: 150,
  ot_rate_weekly_rest: 200,
  annual_leave_days: 12,
  extra_tet_leave_days: 2,
  meal_allowance_per_shift: 30_000,
  ot_meal_allowance: 25_000,
  housing_allowance: 500_000,
  travel_allowance: 300_000,
  ot_rate_holiday: 300,
  night_premium_percent: 30,
};

/** The body with a clause of two chips added to every article bargained over by values (articles numbered in order). */
export function withChips(blocks: readonly TopLevelBlock[]): TopLevelBlock[] {
  let articleNumber = 0;
  const addChips = (article: ArticleElement): ArticleElement => {
    articleNumber += 1;
    const pair = pairOf(articleNumber);
    if (!pair) return article;
    return { ...article, children: [...article.children, { type: 'clause', children: pair.sentence(chip(pair.ids[0]), chip(pair.ids[1])) }] };
  };
  return blocks.map((block) => {
    if (block.type === 'article') return addChips(block);
    if (block.type !== 'chapter') return block;
    return { ...block, children: block.children.map((child) => (child.type === 'article' ? addChips(child) : child)) };
  });
}

const hasChip = (block: ArticleElement['children'][number]): boolean =>
  'children' in block && block.children.some((child) => 'type' in child && child.type === 'variable');

/** The article with one of its plain-text blocks reworded (never its title, nor the block showing chips). */
function reworded(article: ArticleElement, random: () => number): ArticleElement {
  const plain = article.children.flatMap((block, index) => (index > 0 && !hasChip(block) ? [index] : []));
  const target = plain[Math.floor(random() * plain.length)];
  const text = legalText(random);
  return {
    ...article,
    children: article.children.map((block, index) =>
      index === target && (block.type === 'paragraph' || block.type === 'clause' || block.type === 'point') ? { ...block, children: [{ text }] } : block,
    ),
  };
}

/** The article reworded, with its clause of overtime rates said differently too. */
function overtimeReworded(article: ArticleElement, random: () => number, offer: number): ArticleElement {
  const base = reworded(article, random);
  const [weekday, weeklyRest] = overtime.ids.map(chip) as [InlineNode, InlineNode];
  const clause: BodyBlock = {
    type: 'clause',
    children: [
      { text: 'Giờ làm thêm vào ngày thường được trả ít nhất bằng ' },
      weekday,
      { text: ', vào ngày nghỉ hằng tuần ít nhất bằng ' },
      weeklyRest,
      { text: ` tiền lương giờ thực trả, chi trả cùng kỳ lương (phương án ${offer}).` },
    ],
  };
  return { ...base, children: base.children.map((block, index) => (index > 0 && hasChip(block) ? clause : block)) };
}

function newArticle(random: () => number, articleNumber: number): ArticleElement {
  return {
    type: 'article',
    clauseId: 'de-xuat-moi',
    children: [
      { type: 'article-title', children: [{ text: `Hỗ trợ bổ sung (sau Điều ${articleNumber})` }] },
      { type: 'paragraph', children: [{ text: legalText(random) }] },
    ],
  };
}

const employerReasons = [
  'Chi phí sản xuất tăng, doanh nghiệp chưa thể đáp ứng',
  'Đơn hàng giảm so với năm trước',
  'Cần giữ mặt bằng chung với các doanh nghiệp cùng ngành',
  'Đã có trong nội quy lao động',
];
const unionReasons = [
  'Bù đắp chi phí sinh hoạt tăng',
  'Người lao động đã kiến nghị tại hội nghị người lao động',
  'Mức hiện nay thấp hơn các doanh nghiệp trong khu công nghiệp',
  'Bảo đảm sức khỏe người lao động làm ca',
];

/** The table: the document and each side's API client (a participant token). */
export interface Sides {
  documentId: string;
  employer: ApiClient;
  union: ApiClient;
}

/** An open position of the employer that changes text and two values: accepted by the union when measured. */
export interface OpenOffer {
  clauseId: string;
  proposalId: string;
  article: ArticleElement;
  values: Readonly<Record<string, number>>;
}

/** Counts of what the ledger holds, to check the minutes and the state against. */
export interface LedgerShape {
  positions: number;
  entries: number;
  standing: Record<'agreed' | 'disputed' | 'open', number>;
}

/** Steps each course adds to an article's ledger, and how the article ends. */
const courseShape: Record<Course, { positions: number; standing: keyof LedgerShape['standing'] }> = {
  values: { positions: 5, standing: 'agreed' },
  text: { positions: 4, standing: 'disputed' },
  overtime: { positions: 5, standing: 'open' },
  marks: { positions: 3, standing: 'agreed' },
  reopen: { positions: 3, standing: 'agreed' },
};
export const entriesPerArticle = 5;

/** What the ledger of an agreement of `articleCount` articles holds once every article is bargained over. */
export function ledgerShape(articleCount: number): LedgerShape {
  const shape: LedgerShape = { positions: 0, entries: articleCount * entriesPerArticle, standing: { agreed: 0, disputed: 0, open: 0 } };
  for (let number = 1; number <= articleCount; number += 1) {
    const course = courseShape[courseOf(number)];
    shape.positions += course.positions;
    shape.standing[course.standing] += 1;
  }
  return shape;
}

const pairValues = (pair: ValuePair, offer: readonly [number, number]): Record<string, number> => ({ [pair.ids[0]]: offer[0], [pair.ids[1]]: offer[1] });

/**
 * Bargains over one article in five steps through the API, as its course says. `offerNumber`
 * numbers the overtime articles, so that each open offer carries values none before it had.
 */
export async function bargainOver(sides: Sides, article: ArticleElement, articleNumber: number, offerNumber: number): Promise<OpenOffer | null> {
  const { documentId, employer, union } = sides;
  const clauseId = article.clauseId;
  const random = seededRandom(articleNumber * 104_729 + 3);
  const pick = (items: readonly string[]): string => items[Math.floor(random() * items.length)] as string;
  const course = courseOf(articleNumber);
  switch (course) {
    case 'values': {
      // Offers and counters on two values; the union's third is rejected, the employer's last accepted.
      const pair = valuePairOf(articleNumber);
      const offer = (index: number) => pairValues(pair, pair.offers[index] as readonly [number, number]);
      const first = await union.call('proposals/create', { documentId, clauseId, kind: 'values', values: offer(0), rationale: pick(unionReasons) });
      const second = await employer.call('proposals/counter', {
        documentId,
        proposalId: first.id,
        kind: 'values',
        values: offer(1),
        rationale: pick(employerReasons),
      });
      const third = await union.call('proposals/counter', {
        documentId,
        proposalId: second.id,
        kind: 'values',
        values: offer(2),
        rationale: pick(unionReasons),
      });
      await employer.call('proposals/reject', { documentId, proposalId: third.id, reason: pick(employerReasons) });
      const fourth = await union.call('proposals/create', { documentId, clauseId, kind: 'values', values: offer(3), rationale: 'Đề xuất mức trung gian' });
      const fifth = await employer.call('proposals/counter', {
        documentId,
        proposalId: fourth.id,
        kind: 'values',
        values: offer(4),
        rationale: 'Mức tối đa doanh nghiệp có thể chi trả',
      });
      await union.call('proposals/accept', { documentId, proposalId: fifth.id });
      return null;
    }
    case 'text': {
      // Texts back and forth, the last rejected; a new article proposed and left open; the employer disputes.
      const first = await union.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(unionReasons),
      });
      const second = await employer.call('proposals/counter', {
        documentId,
        proposalId: first.id,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(employerReasons),
      });
      const third = await union.call('proposals/counter', {
        documentId,
        proposalId: second.id,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(unionReasons),
      });
      await employer.call('proposals/reject', { documentId, proposalId: third.id, reason: pick(employerReasons) });
      await union.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'insert_after',
        article: newArticle(random, articleNumber),
        rationale: 'Bổ sung điều khoản mới',
      });
      await employer.call('articles/dispute', { documentId, clauseId, position: pick(employerReasons) });
      return null;
    }
    case 'overtime': {
      // Text and rates back and forth; the employer's last position, text and both rates, stays open.
      const weekday = 160 + offerNumber;
      const weeklyRest = 210 + offerNumber;
      const first = await union.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'replace',
        article: reworded(article, random),
        values: { ot_rate_weekday: 200, ot_rate_weekly_rest: 300 },
        rationale: pick(unionReasons),
      });
      const second = await employer.call('proposals/counter', {
        documentId,
        proposalId: first.id,
        kind: 'values',
        values: { ot_rate_weekday: 155, ot_rate_weekly_rest: 200 },
        rationale: pick(employerReasons),
      });
      const third = await union.call('proposals/counter', {
        documentId,
        proposalId: second.id,
        kind: 'replace',
        article: reworded(article, random),
        values: { ot_rate_weekday: 180, ot_rate_weekly_rest: 250 },
        rationale: pick(unionReasons),
      });
      await employer.call('proposals/reject', { documentId, proposalId: third.id, reason: pick(employerReasons) });
      const fourth = await union.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(unionReasons),
      });
      const values = { ot_rate_weekday: weekday, ot_rate_weekly_rest: weeklyRest };
      const open = await employer.call('proposals/counter', {
        documentId,
        proposalId: fourth.id,
        kind: 'replace',
        article: overtimeReworded(article, random, offerNumber),
        values,
        rationale: 'Tăng dần theo lộ trình',
      });
      if (!open.article) throw new BenchmarkError(`the employer's position on ${clauseId} has no article`);
      return { clauseId, proposalId: open.id, article: open.article, values };
    }
    case 'marks': {
      // A deletion countered twice, the last counter rejected; both sides then agree on the text as it is.
      const first = await employer.call('proposals/create', { documentId, clauseId, kind: 'delete', rationale: 'Đã có trong nội quy lao động' });
      const second = await union.call('proposals/counter', {
        documentId,
        proposalId: first.id,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(unionReasons),
      });
      const third = await employer.call('proposals/counter', {
        documentId,
        proposalId: second.id,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(employerReasons),
      });
      await union.call('proposals/reject', { documentId, proposalId: third.id, reason: 'Giữ nguyên nội dung hiện hành' });
      await employer.call('articles/agree', { documentId, clauseId });
      await union.call('articles/agree', { documentId, clauseId });
      return null;
    }
    case 'reopen': {
      // A position withdrawn; a text countered and accepted; the employer asks to reopen, the union declines.
      const withdrawn = await employer.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(employerReasons),
      });
      await employer.call('proposals/withdraw', { documentId, proposalId: withdrawn.id });
      const first = await union.call('proposals/create', {
        documentId,
        clauseId,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(unionReasons),
      });
      const second = await employer.call('proposals/counter', {
        documentId,
        proposalId: first.id,
        kind: 'replace',
        article: reworded(article, random),
        rationale: pick(employerReasons),
      });
      await union.call('proposals/accept', { documentId, proposalId: second.id });
      await employer.call('articles/requestReopen', { documentId, clauseId, reason: pick(employerReasons) });
      await union.call('articles/answerReopen', { documentId, clauseId, accept: false, reason: 'Hai bên đã thống nhất, giữ nguyên' });
      return null;
    }
  }
}
