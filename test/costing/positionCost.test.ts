import { describe, expect, it } from 'vitest';
import { costingSettingsSchema, costOfValues, defaultCostingSettings, positionValues, type CostingSettingsInput } from '#shared/costing/positionCost';
import { isWageVariable, touchesWages, wageVariables } from '#shared/costing/wageVariables';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { builtInVariables } from '#shared/templates/builtInVariables';
import type { VariableValue } from '#shared/templates/schema';

// Worked by hand. 100 workers at 10,000,000 ₫ a month in region I over 2026 (12 months). The
// employer's contributions are 23.5 % of the insurance basis below its caps (see
// computeCost.test.ts); an hour is a 208th of the monthly wage.
const workers = (headcount: number, monthlyWage: number, grade = 'A1', step: number | null = 1): WorkforceGroup => ({
  grade,
  step,
  headcount,
  monthlyWage,
  regularAllowances: 0,
  irregularAllowances: 0,
});
const hundred = [workers(100, 10_000_000)];
const term = { effective_date: '2026-01-01', term_years: '1', region: 'I' };

function cost(before: Record<string, VariableValue>, after: Record<string, VariableValue>, settings: CostingSettingsInput = {}, scale = hundred) {
  const result = costOfValues({
    before: { ...term, ...before },
    after: { ...term, ...after },
    scaleWorkforce: scale,
    settings: costingSettingsSchema.parse(settings),
    fallbackStart: '2026-01-01',
  });
  if (!result.ok) throw new Error(`no cost: ${result.reason}`);
  return result.cost;
}

describe('the cost of a position on each wage variable', () => {
  it('annual_raise_percent: 5 % to 7 % a year costs 2 % of the wages and its contributions', () => {
    const result = cost({ annual_raise_percent: 5 }, { annual_raise_percent: 7 });
    // 2 % of 10,000,000 = 200,000 × 100 × 12 = 240,000,000; contributions 23.5 % = 56,400,000.
    expect(result.total).toEqual({ wages: 240_000_000, contributions: 56_400_000, cost: 296_400_000 });
    expect(result.averageYear.cost).toBe(296_400_000);
    // Per worker and month: 296,400,000 / 1,200 = 247,000.
    expect(result.perWorkerMonth.cost).toBe(247_000);
    expect(result.years).toEqual([{ year: 2026, cost: 296_400_000 }]);
    expect(result).toMatchObject({ headcount: 100, start: '2026-01-01', termMonths: 12, workforce: 'scale', variables: ['annual_raise_percent'] });
  });

  it('annual_raise_percent compounds over a two-year term: the second year raises the raised wage', () => {
    const result = cost({ annual_raise_percent: 0, term_years: '2' }, { annual_raise_percent: 10, term_years: '2' });
    // 2026: 1,000,000 × 1,200 = 1,200,000,000; 2027: 11,000,000 × 1.1 − 10,000,000 = 2,100,000 × 1,200 = 2,520,000,000.
    expect(result.years).toEqual([
      { year: 2026, cost: Math.round(1_200_000_000 * 1.235) },
      { year: 2027, cost: Math.round(2_520_000_000 * 1.235) },
    ]);
  });

  it('lowest_wage: only the cells below the new floor are raised, to it', () => {
    const scale = [workers(50, 5_500_000, 'A1', 1), workers(50, 10_000_000, 'A1', 2)];
    const result = cost({ lowest_wage: 5_800_000 }, { lowest_wage: 6_000_000 }, {}, scale);
    // Before: 5,500,000 → 5,800,000; after: → 6,000,000. 200,000 × 50 × 12 = 120,000,000; contributions 28,200,000.
    expect(result.total).toEqual({ wages: 120_000_000, contributions: 28_200_000, cost: 148_200_000 });
  });

  it('ot_rate_weekday: 150 % to 200 % on 12 expected hours a month, outside the insurance basis', () => {
    const result = cost({ ot_rate_weekday: 150 }, { ot_rate_weekday: 200 });
    // 10,000,000 × 200 % × 12 / 208 = 1,153,846 (rounded); at 150 %: 865,385. 288,461 × 1,200 = 346,153,200.
    expect(result.total).toEqual({ wages: 346_153_200, contributions: 0, cost: 346_153_200 });
  });

  it('ot_rate_weekly_rest and ot_rate_holiday: their own expected hours (8 and 1 a month)', () => {
    // 10,000,000 × 100 % × 8 / 208 = 384,615.38 → 384,615 more a worker a month (300 % vs 200 %: 1,153,846 − 769,231).
    expect(cost({ ot_rate_weekly_rest: 200 }, { ot_rate_weekly_rest: 300 }).total.wages).toBe((1_153_846 - 769_231) * 1_200);
    // 10,000,000 × 400 % × 1 / 208 = 192,308; at 300 %: 144,231. 48,077 × 1,200.
    expect(cost({ ot_rate_holiday: 300 }, { ot_rate_holiday: 400 }).total.wages).toBe((192_308 - 144_231) * 1_200);
  });

  it('night_premium_percent: 30 % to 35 % for the 30 in 100 who work 208 night hours a month', () => {
    const result = cost({ night_premium_percent: 30 }, { night_premium_percent: 35 });
    // Hours on average: 208 × 0.3 = 62.4. 10,000,000 × 35 % × 62.4 / 208 = 1,050,000; at 30 %: 900,000. 150,000 × 1,200.
    expect(result.total).toEqual({ wages: 180_000_000, contributions: 0, cost: 180_000_000 });
  });

  it('night_ot_extra_percent: 20 % to 30 % on 4 night overtime hours for 30 in 100', () => {
    // Hours: 4 × 0.3 = 1.2. 10,000,000 × 30 % × 1.2 / 208 = 17,308; at 20 %: 11,538. 5,770 × 1,200.
    expect(cost({ night_ot_extra_percent: 20 }, { night_ot_extra_percent: 30 }).total.wages).toBe(5_770 * 1_200);
  });

  it('responsibility_allowance: a regular allowance for 10 in 100 workers enters the insurance basis', () => {
    const result = cost({ responsibility_allowance: 500_000 }, { responsibility_allowance: 700_000 });
    // 200,000 × 10 % = 20,000 a worker on average × 1,200 = 24,000,000; contributions 23.5 % = 5,640,000.
    expect(result.total).toEqual({ wages: 24_000_000, contributions: 5_640_000, cost: 29_640_000 });
  });

  it('hazardous_allowance: 20 in 100 by default, and the share a side sets in its settings', () => {
    // 100,000 × 20 % = 20,000 × 1,200 = 24,000,000 (+ 23.5 %).
    expect(cost({ hazardous_allowance: 300_000 }, { hazardous_allowance: 400_000 }).total.wages).toBe(24_000_000);
    const settings = { assumptions: { hazardous_allowance: { recipientsPercent: 50 } } };
    expect(cost({ hazardous_allowance: 300_000 }, { hazardous_allowance: 400_000 }, settings).total.wages).toBe(60_000_000);
  });

  it('an allowance given to some grades only costs only their workers', () => {
    const scale = [workers(60, 10_000_000, 'A1'), workers(40, 12_000_000, 'B1')];
    const settings = { assumptions: { housing_allowance: { grades: ['B1'] } } };
    // 100,000 × 40 × 12 = 48,000,000, not in the basis.
    expect(cost({ housing_allowance: 500_000 }, { housing_allowance: 600_000 }, settings, scale).total).toEqual({
      wages: 48_000_000,
      contributions: 0,
      cost: 48_000_000,
    });
  });

  it('housing_allowance, travel_allowance and attendance_bonus: support outside the insurance basis', () => {
    expect(cost({ housing_allowance: 500_000 }, { housing_allowance: 600_000 }).total).toEqual({ wages: 120_000_000, contributions: 0, cost: 120_000_000 });
    expect(cost({ travel_allowance: 300_000 }, { travel_allowance: 400_000 }).total.cost).toBe(120_000_000);
    // 90 in 100 qualify for the attendance bonus: 100,000 × 0.9 × 1,200.
    expect(cost({ attendance_bonus: 300_000 }, { attendance_bonus: 400_000 }).total.cost).toBe(108_000_000);
  });

  it('seniority_allowance_per_year: a monthly amount for each of 3 years of service on average, in the basis', () => {
    // 10,000 × 3 = 30,000 × 1,200 = 36,000,000; contributions 8,460,000.
    expect(cost({ seniority_allowance_per_year: 50_000 }, { seniority_allowance_per_year: 60_000 }).total).toEqual({
      wages: 36_000_000,
      contributions: 8_460_000,
      cost: 44_460_000,
    });
  });

  it('meal_allowance_per_shift: the amount of a meal × 26 shifts a month', () => {
    // 5,000 × 26 = 130,000 × 1,200 = 156,000,000.
    expect(cost({ meal_allowance_per_shift: 30_000 }, { meal_allowance_per_shift: 35_000 }).total.cost).toBe(156_000_000);
    // 31 shifts a month where a side says so: 5,000 × 31 × 1,200.
    const settings = { assumptions: { meal_allowance_per_shift: { quantity: 31 } } };
    expect(cost({ meal_allowance_per_shift: 30_000 }, { meal_allowance_per_shift: 35_000 }, settings).total.cost).toBe(186_000_000);
  });

  it('gift_tet: paid once a year, on the day in the settings, outside the insurance basis', () => {
    // 500,000 more × 100 workers, on 25 January 2026 (the next one falls after the term).
    const result = cost({ gift_tet: 500_000 }, { gift_tet: 1_000_000 });
    expect(result.total).toEqual({ wages: 50_000_000, contributions: 0, cost: 50_000_000 });
  });

  it('public_holiday_bonus: paid on each of the three holidays', () => {
    // 100,000 × 100 × 3.
    expect(cost({ public_holiday_bonus: 200_000 }, { public_holiday_bonus: 300_000 }).total.cost).toBe(30_000_000);
  });

  it('thirteenth_month_salary_months: half a month more of each worker’s wage at the end of the year', () => {
    const scale = [workers(60, 10_000_000, 'A1'), workers(40, 12_000_000, 'B1')];
    // 0.5 × (60 × 10,000,000 + 40 × 12,000,000) = 540,000,000.
    expect(cost({ thirteenth_month_salary_months: 1 }, { thirteenth_month_salary_months: 1.5 }, {}, scale).total.cost).toBe(540_000_000);
  });

  it('a new allowance (no value before) costs its whole amount', () => {
    expect(cost({}, { travel_allowance: 100_000 }).total.cost).toBe(120_000_000);
  });

  it('every wage variable of the mapping is a variable of the catalogue with a number value', () => {
    const types = new Map(builtInVariables().map((variable) => [variable.id, variable.type]));
    for (const id of Object.keys(wageVariables)) expect(['percent', 'money', 'months']).toContain(types.get(id));
  });
});

describe('what a costing needs', () => {
  it('a position that changes no wage variable has no cost to show', () => {
    const result = costOfValues({
      before: { ...term, annual_leave_days: 12 },
      after: { ...term, annual_leave_days: 14 },
      scaleWorkforce: hundred,
      settings: defaultCostingSettings,
      fallbackStart: '2026-01-01',
    });
    expect(result).toEqual({ ok: false, reason: 'no_wage_change' });
    expect(touchesWages({ annual_leave_days: 14 })).toBe(false);
    expect(isWageVariable('annual_raise_percent')).toBe(true);
  });

  it('without a salary scale it says so, and costs the headcount and average wage a side entered', () => {
    const input = {
      before: { ...term, annual_raise_percent: 5 },
      after: { ...term, annual_raise_percent: 7 },
      scaleWorkforce: [],
      fallbackStart: '2026-01-01',
    };
    expect(costOfValues({ ...input, settings: defaultCostingSettings })).toEqual({ ok: false, reason: 'no_workforce' });
    const entered = costOfValues({ ...input, settings: costingSettingsSchema.parse({ workforce: { headcount: 100, monthlyWage: 10_000_000 } }) });
    expect(entered.ok && entered.cost).toMatchObject({ workforce: 'entered', total: { cost: 296_400_000 } });
  });

  it('a term before the dated data begins is said, not guessed', () => {
    const result = costOfValues({
      before: { effective_date: '2020-01-01', annual_raise_percent: 5 },
      after: { effective_date: '2020-01-01', annual_raise_percent: 7 },
      scaleWorkforce: hundred,
      settings: defaultCostingSettings,
      fallbackStart: '2026-01-01',
    });
    expect(result).toEqual({ ok: false, reason: 'before_data' });
  });

  it('a position is costed against the values it replaced, over the values now', () => {
    const { before, after } = positionValues(
      { values: { annual_raise_percent: 7 }, previousValues: { annual_raise_percent: 5 } },
      { annual_raise_percent: 6, gift_tet: 1 },
    );
    expect(before).toEqual({ annual_raise_percent: 5, gift_tet: 1 });
    expect(after).toEqual({ annual_raise_percent: 7, gift_tet: 1 });
  });

  it('settings naming no wage variable, or a day that is no day, are refused with the field', () => {
    const unknown = costingSettingsSchema.safeParse({ assumptions: { annual_leave_days: { quantity: 1 } } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.path).toEqual(['assumptions', 'annual_leave_days']);
    const day = costingSettingsSchema.safeParse({ assumptions: { gift_tet: { paidOn: ['13-01'] } } });
    expect(day.error?.issues[0]?.path).toEqual(['assumptions', 'gift_tet', 'paidOn', 0]);
  });
});
