import { describe, expect, it } from 'vitest';
import { articlePositions, compareArticlePositions, type CostingBasis } from '#shared/costing/negotiationCosting';
import { defaultCostingSettings } from '#shared/costing/positionCost';
import type { Proposal } from '#shared/negotiation/model';
import type { SuggestionPosition } from '#shared/negotiation/suggestionPositions';
import type { VariableValue } from '#shared/templates/schema';

// Decision 0029: a side's pending suggestions on an article are its current position there, so an
// article's wage positions are compared with them too, not with its formal proposals alone.

// 100 workers at 10,000,000 ₫ a month over 2026: each point of yearly raise costs 100,000 × 100 ×
// 12 = 120,000,000 ₫ of wages and 23.5 % of it in contributions, 148,200,000 ₫ a year.
const basis: CostingBasis = {
  values: { effective_date: '2026-01-01', term_years: '1', region: 'I', annual_raise_percent: 5 },
  workforce: [{ grade: 'A1', step: 1, headcount: 100, monthlyWage: 10_000_000, regularAllowances: 0, irregularAllowances: 0 }],
  settings: defaultCostingSettings,
  today: '2026-01-01',
};
const perPoint = 148_200_000;

function proposal(id: string, side: Proposal['side'], raise: number, createdAt: string, status: Proposal['status'] = 'open'): Proposal {
  return {
    id,
    clauseId: 'wage',
    kind: 'values',
    side,
    authorId: side,
    authorName: side === 'union' ? 'Anh Minh' : 'Chị Lan',
    rationale: '',
    article: null,
    values: { annual_raise_percent: raise },
    previousValues: { annual_raise_percent: 5 },
    baseText: '',
    status,
    createdAt,
    answers: null,
    supersededBy: null,
    decidedAt: status === 'open' ? null : createdAt,
    decidedById: null,
    decidedByName: null,
    reason: null,
    packageId: null,
  };
}

function suggested(side: SuggestionPosition['side'], values: Record<string, VariableValue>, latestAt: string, clauseId = 'wage'): SuggestionPosition {
  return {
    clauseId,
    side,
    authorNames: [side === 'union' ? 'Anh Minh' : 'Chị Lan'],
    latestAt,
    ids: [`${side}-${latestAt}`],
    values,
    previousValues: { annual_raise_percent: 5 },
  };
}

const summary = (proposals: Proposal[], suggestions: SuggestionPosition[]) =>
  compareArticlePositions(articlePositions('wage', proposals, suggestions), basis).map((entry) => ({
    role: entry.role,
    kind: entry.position.kind,
    year: entry.cost.averageYear.cost,
    share: entry.shareOfUnion,
  }));

describe("an article's wage positions compared, suggestions included", () => {
  it("takes a side's pending suggestions when they are its latest position", () => {
    const proposals = [proposal('p1', 'union', 8, '2026-01-05T02:00:00.000Z'), proposal('p2', 'employer', 6, '2026-01-06T02:00:00.000Z')];
    // The union then suggests 7 % right in the text: that is its position now.
    expect(summary(proposals, [suggested('union', { annual_raise_percent: 7 }, '2026-01-07T02:00:00.000Z')])).toEqual([
      { role: 'union', kind: 'suggestions', year: 2 * perPoint, share: 1 },
      { role: 'employer', kind: 'proposal', year: perPoint, share: 0.5 },
    ]);
    // A suggestion older than the side's latest proposal is not its position.
    expect(summary(proposals, [suggested('union', { annual_raise_percent: 7 }, '2026-01-04T02:00:00.000Z')])).toEqual([
      { role: 'union', kind: 'proposal', year: 3 * perPoint, share: 1 },
      { role: 'employer', kind: 'proposal', year: perPoint, share: 1 / 3 },
    ]);
  });

  it('compares a negotiation made of suggestions alone; what was agreed stays the accepted proposal', () => {
    expect(
      summary(
        [proposal('p0', 'employer', 6, '2026-01-02T02:00:00.000Z', 'accepted')],
        [
          suggested('employer', { annual_raise_percent: 5.5 }, '2026-01-08T02:00:00.000Z'),
          suggested('union', { annual_raise_percent: 7 }, '2026-01-09T02:00:00.000Z'),
        ],
      ),
    ).toEqual([
      { role: 'union', kind: 'suggestions', year: 2 * perPoint, share: 1 },
      { role: 'employer', kind: 'suggestions', year: 0.5 * perPoint, share: 0.25 },
      { role: 'agreed', kind: 'proposal', year: perPoint, share: 0.5 },
    ]);
  });

  it("leaves out other articles' suggestions and positions with nothing to cost", () => {
    expect(
      summary(
        [proposal('p1', 'union', 8, '2026-01-05T02:00:00.000Z')],
        [suggested('union', { annual_raise_percent: 9 }, '2026-01-07T02:00:00.000Z', 'meals'), suggested('employer', {}, '2026-01-07T02:00:00.000Z')],
      ),
    ).toEqual([{ role: 'union', kind: 'proposal', year: 3 * perPoint, share: 1 }]);
  });
});
