import { describe, expect, it } from 'vitest';
import { articleText } from '#shared/document/articles';
import type { ArticleElement, InlineNode } from '#shared/document/nodes';
import { createDiffBudget } from '#shared/document/sequenceDiff';
import type { Proposal } from '#shared/negotiation/model';
import { articleLines, redlineSides, valueChanges, type ChipReading, type PositionRedline } from '#shared/negotiation/positionRedline';
import { acceptedSide, comparedSide, currentSide, offeredSide, offeredVariables, type PositionContext } from '#shared/negotiation/positionStates';
import { builtInVariables } from '#shared/templates/builtInVariables';

// Redlines of positions as the negotiation panel, the ledger and the accept confirmation show
// them: chips read as their formatted values, a counter read against the offer it answers.

const chip = (variableId: string): InlineNode => ({ type: 'variable', variableId, children: [{ text: '' }] });

/** The overtime pay article: a clause, then a point showing the weekday rate. */
function overtimeArticle(extra?: string): ArticleElement {
  return {
    type: 'article',
    clauseId: 'ot',
    children: [
      { type: 'article-title', children: [{ text: 'Tiền lương làm thêm giờ' }] },
      { type: 'clause', children: [{ text: 'Người lao động làm thêm giờ được trả lương như sau:' }] },
      { type: 'point', children: [{ text: 'Vào ngày thường, ít nhất bằng ' }, chip('ot_rate_weekday'), { text: ';' }] },
      ...(extra ? [{ type: 'clause' as const, children: [{ text: extra }] }] : []),
    ],
  };
}

const definitions = new Map(builtInVariables().map((definition) => [definition.id, definition]));
const reading: ChipReading = { lookup: (id) => definitions.get(id), language: 'vi', labelLanguage: 'vi' };

/** What a reader sees of a redline: deleted parts in [-…-], inserted in {+…+}, chips in ⟦…⟧. */
function shown(redline: PositionRedline): string {
  return redline.segments
    .map((segment) => {
      const text = segment.parts.map((part) => ('chip' in part ? `⟦${part.chip}⟧` : part.text)).join('');
      return segment.kind === 'deleted' ? `[-${text}-]` : segment.kind === 'inserted' ? `{+${text}+}` : text;
    })
    .join('');
}

function position(overrides: Partial<Proposal> & Pick<Proposal, 'id' | 'kind'>): Proposal {
  return {
    clauseId: 'ot',
    side: 'union',
    authorId: 'p-union',
    authorName: 'Anh Minh',
    rationale: 'Vì sao',
    article: null,
    values: {},
    previousValues: {},
    baseText: articleText(overtimeArticle()),
    status: 'open',
    createdAt: '2027-01-04T03:00:00.000Z',
    answers: null,
    supersededBy: null,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    reason: null,
    packageId: null,
    ...overrides,
  };
}

function contextOf(proposals: Proposal[], current: ArticleElement | null, values: Record<string, number>): PositionContext {
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  return { proposal: (id) => byId.get(id), article: (clauseId) => (clauseId === 'ot' ? current : null), values };
}

describe('a redline of positions', () => {
  it('shows a changed value as the old chip struck through and the new one inserted, never the variable id', () => {
    const union = position({
      id: 'u1',
      kind: 'replace',
      article: overtimeArticle('Công ty trả thêm tiền ăn ca khi làm thêm từ 2 giờ.'),
      values: { ot_rate_weekday: 200 },
      previousValues: { ot_rate_weekday: 150 },
    });
    const context = contextOf([union], overtimeArticle(), { ot_rate_weekday: 150 });
    const redline = redlineSides(comparedSide(union, context), offeredSide(union, context), reading, createDiffBudget());
    expect(shown(redline)).toBe(
      'Tiền lương làm thêm giờ\n1. Người lao động làm thêm giờ được trả lương như sau:\na) Vào ngày thường, ít nhất bằng [-⟦150%⟧-]{+⟦200%⟧+};{+\n2. Công ty trả thêm tiền ăn ca khi làm thêm từ 2 giờ.+}',
    );
    expect(JSON.stringify(redline)).not.toMatch(/ot_rate_weekday|\{\{/);
    const chipPart = redline.segments.flatMap((segment) => segment.parts).find((part) => 'chip' in part);
    expect(chipPart).toEqual({ chip: '150%', label: 'Tiền lương làm thêm giờ vào ngày thường', isMissing: false });
    expect(valueChanges(offeredVariables(union, context), comparedSide(union, context).values, offeredSide(union, context).values, reading)).toEqual([
      { label: 'Tiền lương làm thêm giờ vào ngày thường', before: '150%', after: '200%' },
    ]);
  });

  it('reads a counter against the offer it answers, not against the current text', () => {
    const offered = overtimeArticle('Công ty trả thêm tiền ăn ca khi làm thêm từ 2 giờ.');
    const union = position({
      id: 'u1',
      kind: 'replace',
      article: offered,
      values: { ot_rate_weekday: 200 },
      previousValues: { ot_rate_weekday: 150 },
      status: 'superseded',
      supersededBy: 'e1',
    });
    const employer = position({
      id: 'e1',
      side: 'employer',
      kind: 'replace',
      article: offered,
      values: { ot_rate_weekday: 180 },
      previousValues: { ot_rate_weekday: 150 },
      answers: 'u1',
    });
    const context = contextOf([union, employer], overtimeArticle(), { ot_rate_weekday: 150 });
    // Only the rate differs from the union's offer: its added clause is common ground.
    expect(shown(redlineSides(comparedSide(employer, context), offeredSide(employer, context), reading, createDiffBudget()))).toBe(
      'Tiền lương làm thêm giờ\n1. Người lao động làm thêm giờ được trả lương như sau:\na) Vào ngày thường, ít nhất bằng [-⟦200%⟧-]{+⟦180%⟧+};\n2. Công ty trả thêm tiền ăn ca khi làm thêm từ 2 giờ.',
    );
    expect(valueChanges(offeredVariables(employer, context), comparedSide(employer, context).values, offeredSide(employer, context).values, reading)).toEqual([
      { label: 'Tiền lương làm thêm giờ vào ngày thường', before: '200%', after: '180%' },
    ]);
    // Accepting it now changes the current text and value: what the confirmation shows.
    expect(shown(redlineSides(currentSide(employer, context), acceptedSide(employer, context), reading, createDiffBudget()))).toContain(
      '[-⟦150%⟧-]{+⟦180%⟧+};{+\n2. Công ty',
    );
  });

  it('a counter that leaves out a value the answered offer changed takes it back to the value of the document', () => {
    const union = position({ id: 'u1', kind: 'values', values: { ot_rate_weekday: 200 }, previousValues: { ot_rate_weekday: 150 }, status: 'superseded' });
    const employer = position({
      id: 'e1',
      side: 'employer',
      kind: 'values',
      values: { ot_rate_holiday: 320 },
      previousValues: { ot_rate_holiday: 300 },
      answers: 'u1',
    });
    const context = contextOf([union, employer], overtimeArticle(), { ot_rate_weekday: 150, ot_rate_holiday: 300 });
    expect(valueChanges(offeredVariables(employer, context), comparedSide(employer, context).values, offeredSide(employer, context).values, reading)).toEqual([
      { label: 'Tiền lương làm thêm giờ vào ngày thường', before: '200%', after: '150%' },
      { label: 'Tiền lương làm thêm giờ vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương', before: '300%', after: '320%' },
    ]);
  });

  it('once the text has moved on, reads a position against the text it was made on (without markers on either side)', () => {
    const union = position({ id: 'u1', kind: 'values', values: { ot_rate_weekday: 200 }, previousValues: { ot_rate_weekday: 150 }, status: 'accepted' });
    // The article was later reworded; the position still reads against its own text.
    const context = contextOf([union], overtimeArticle('Một khoản thêm sau đó.'), { ot_rate_weekday: 200 });
    expect(shown(redlineSides(comparedSide(union, context), offeredSide(union, context), reading, createDiffBudget()))).toBe(
      'Tiền lương làm thêm giờ\nNgười lao động làm thêm giờ được trả lương như sau:\nVào ngày thường, ít nhất bằng [-⟦150%⟧-]{+⟦200%⟧+};',
    );
  });

  it('shows a new article wholly inserted and a removed one wholly struck through', () => {
    const added = position({ id: 'u1', kind: 'insert_after', article: { ...overtimeArticle(), clauseId: 'new' } });
    const removed = position({ id: 'u2', kind: 'delete' });
    const context = contextOf([added, removed], overtimeArticle(), { ot_rate_weekday: 150 });
    const insertion = redlineSides(comparedSide(added, context), offeredSide(added, context), reading, createDiffBudget());
    expect(insertion.segments.map((segment) => segment.kind)).toEqual(['inserted']);
    expect(shown(insertion)).toContain('⟦150%⟧');
    const deletion = redlineSides(currentSide(removed, context), acceptedSide(removed, context), reading, createDiffBudget());
    expect(deletion.segments.map((segment) => segment.kind)).toEqual(['deleted']);
  });

  it('names an unset variable by its label and an unknown one by neither id nor braces', () => {
    const article: ArticleElement = {
      type: 'article',
      clauseId: 'x',
      children: [
        { type: 'article-title', children: [{ text: 'T' }] },
        { type: 'paragraph', children: [chip('ot_rate_weekday'), { text: ' và ' }, chip('made_up_variable')] },
      ],
    };
    const side = { lines: articleLines(article), isMarked: true, values: {} };
    const text = shown(redlineSides(side, side, reading, createDiffBudget()));
    expect(text).toBe('T\n⟦‹Tiền lương làm thêm giờ vào ngày thường›⟧ và ⟦‹…›⟧');
  });

  it('keeps text in the Private Use Area apart from chips', () => {
    const article = (text: string): ArticleElement => ({
      type: 'article',
      clauseId: 'x',
      children: [
        { type: 'article-title', children: [{ text }] },
        { type: 'paragraph', children: [chip('ot_rate_weekday')] },
      ],
    });
    const redline = redlineSides(
      { lines: articleLines(article('\ue000 a')), isMarked: true, values: { ot_rate_weekday: 150 } },
      { lines: articleLines(article('\ue000 b')), isMarked: true, values: { ot_rate_weekday: 150 } },
      reading,
      createDiffBudget(),
    );
    expect(shown(redline)).toBe('\ue000 [-a-]{+b+}\n⟦150%⟧');
  });
});
