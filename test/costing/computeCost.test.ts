import { describe, expect, it } from 'vitest';
import { computeCost, CostingDataError } from '#shared/costing/computeCost';
import { compareCostings } from '#shared/costing/compareCostings';
import { issueWorkforce, scenario } from './scenarioFixtures';

// Worked examples, computed by hand in the comments. Region I in 2026: minimum wage 5,310,000 ₫
// (Decree 293/2025); the employer's rates are 14 + 3 + 0.5 + 3 + 2 = 22.5 % capped at
// 20 × 2,340,000 = 46,800,000 ₫, and 1 % (unemployment) capped at 20 × 5,310,000 = 106,200,000 ₫:
// 23.5 % in all below the first cap.

describe('the costing engine, worked examples', () => {
  it('a percentage raise over a year, with contributions', () => {
    const result = computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'percent', value: 7, from: '2026-01-01' }] }));
    // 7 % of 7,000,000 = 490,000 a worker a month; × 200 × 12 = 1,176,000,000.
    // Contributions: 23.5 % of it = 276,360,000; cost 1,452,360,000.
    expect(result.total).toEqual({ wages: 1_176_000_000, contributions: 276_360_000, cost: 1_452_360_000 });
    // Baseline: 7,000,000 × 200 × 12 = 16,800,000,000, contributions 23.5 % = 3,948,000,000.
    expect(result.baseline).toEqual({ wages: 16_800_000_000, contributions: 3_948_000_000, cost: 20_748_000_000 });
    // Per worker and month: 1,452,360,000 / 2,400 = 605,150 (490,000 + 115,150).
    expect(result.perWorkerMonth).toEqual({ wages: 490_000, contributions: 115_150, cost: 605_150 });
    expect(result.years).toEqual([{ year: 2026, months: 12, ...result.total, baseline: result.baseline }]);
    expect(result.belowMinimum).toEqual([]);
  });

  it('a flat raise from 1 July costs half a year in its first year, and a full year in the next', () => {
    const result = computeCost(
      scenario({ ...issueWorkforce, termMonths: 24, changes: [{ kind: 'flat', amount: 400_000, from: '2026-07-01', grades: ['A1'] }] }),
    );
    // 2026: 400,000 × 200 × 6 = 480,000,000, contributions 23.5 % = 112,800,000.
    // 2027: 400,000 × 200 × 12 = 960,000,000, contributions 225,600,000.
    expect(result.years.map(({ year, months, wages, contributions }) => ({ year, months, wages, contributions }))).toEqual([
      { year: 2026, months: 12, wages: 480_000_000, contributions: 112_800_000 },
      { year: 2027, months: 12, wages: 960_000_000, contributions: 225_600_000 },
    ]);
    expect(result.months.slice(0, 7).map((month) => month.wages)).toEqual([0, 0, 0, 0, 0, 0, 80_000_000]);
    // Average year: (480 + 960) million × 12 / 24 = 720,000,000 of wages.
    expect(result.averageYear.wages).toBe(720_000_000);
  });

  it('a change dated mid-month counts from its day, pro rata of the calendar days', () => {
    const result = computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'percent', value: 7, from: '2026-07-16' }] }));
    // July has 31 days: 15 at 7,000,000 and 16 at 7,490,000: (105,000,000 + 119,840,000) / 31
    // = 7,252,903.23 → 7,252,903 a worker, 252,903 more; × 200 = 50,580,600.
    expect(result.months.find((month) => month.month === '2026-07')?.wages).toBe(50_580_600);
    // August to December: 490,000 × 200 × 5 = 490,000,000.
    expect(result.total.wages).toBe(50_580_600 + 490_000_000);
  });

  it('a raise repeated each year compounds: 3 % a year costs 3 %, 6.09 % and 9.27 % of the base payroll', () => {
    const result = computeCost(
      scenario({
        region: 'I',
        start: '2026-01-01',
        termMonths: 36,
        workforce: [{ grade: 'B', headcount: 100, monthlyWage: 10_000_000 }],
        changes: [{ kind: 'percent', value: 3, from: '2026-01-01', yearly: true }],
      }),
    );
    // Base payroll 10,000,000 × 100 × 12 = 12,000,000,000 a year. Wages: 10,300,000, then
    // 10,609,000, then 10,927,270: increases of 300,000, 609,000 and 927,270 a worker a month.
    expect(result.years.map((year) => year.wages)).toEqual([360_000_000, 730_800_000, 1_112_724_000]);
    expect(result.years.map((year) => year.wages / year.baseline.wages)).toEqual([0.03, 0.0609, 0.092727]);
  });

  it('a one-off bonus is paid once, without contributions when irregular and with them when regular', () => {
    const irregular = computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'bonus', amount: 5_000_000, on: '2026-01-20', regular: false }] }));
    // 5,000,000 × 200 = 1,000,000,000, in January only, no contributions.
    expect(irregular.total).toEqual({ wages: 1_000_000_000, contributions: 0, cost: 1_000_000_000 });
    expect(irregular.months.filter((month) => month.wages !== 0).map((month) => month.month)).toEqual(['2026-01']);
    const regular = computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'bonus', amount: 5_000_000, on: '2026-01-20', regular: true }] }));
    // January's basis 12,000,000 is under the cap: 23.5 % of 5,000,000 × 200 = 235,000,000.
    expect(regular.total).toEqual({ wages: 1_000_000_000, contributions: 235_000_000, cost: 1_235_000_000 });
  });

  it('a wage above the cap: only unemployment insurance, capped higher, grows with the raise', () => {
    const result = computeCost(
      scenario({
        region: 'I',
        start: '2026-01-01',
        termMonths: 12,
        workforce: [{ grade: 'Giám đốc', headcount: 1, monthlyWage: 60_000_000 }],
        changes: [{ kind: 'percent', value: 10, from: '2026-01-01' }],
      }),
    );
    // Baseline a month: 22.5 % × 46,800,000 = 10,530,000 and 1 % × 60,000,000 = 600,000.
    expect(result.baseline.contributions).toBe(11_130_000 * 12);
    // The raise to 66,000,000: the capped 22.5 % does not move; 1 % of 6,000,000 = 60,000 a month.
    expect(result.total).toEqual({ wages: 6_000_000 * 12, contributions: 60_000 * 12, cost: 6_060_000 * 12 });
    expect(result.contributionsByKind.filter((kind) => kind.increase !== 0)).toEqual([{ kind: 'unemployment', increase: 720_000, baseline: 7_200_000 }]);
  });

  it('lists a group below the regional minimum wage with the minimum and the first month', () => {
    const result = computeCost(
      scenario({
        region: 'I',
        start: '2025-10-01',
        termMonths: 12,
        workforce: [
          { grade: 'C', step: 1, headcount: 10, monthlyWage: 5_000_000 },
          { grade: 'C', step: 2, headcount: 10, monthlyWage: 5_400_000 },
        ],
        changes: [{ kind: 'flat', amount: 400_000, from: '2026-04-01', steps: [1] }],
      }),
    );
    // 5,000,000 is above 2025's 4,960,000 (Decree 74/2024) and below 2026's 5,310,000 (Decree
    // 293/2025) until the raise to 5,400,000 on 1 April 2026. Step 2 is above both.
    expect(result.belowMinimum).toEqual([{ grade: 'C', step: 1, monthlyWage: 5_000_000, minimum: 5_310_000, month: '2026-01' }]);
    expect(result.sources.minimumWages.map((table) => table.id)).toEqual(['D74/2024', 'D293/2025']);
  });

  it('overtime and night rates: the pay for the expected hours moves with the rate, without contributions', () => {
    const result = computeCost(
      scenario({
        region: 'II',
        start: '2026-01-01',
        termMonths: 12,
        workforce: [{ grade: 'Công nhân', headcount: 50, monthlyWage: 6_240_000 }],
        changes: [
          { kind: 'overtime', day: 'weekday', oldRate: 150, newRate: 200, hours: 20, from: '2026-01-01' },
          { kind: 'night', oldRate: 30, newRate: 40, hours: 40, from: '2026-01-01' },
        ],
      }),
    );
    // Hourly wage 6,240,000 / 208 = 30,000. Overtime: 30,000 × 50 % × 20 = 300,000 more a
    // month; night: 30,000 × 10 % × 40 = 120,000 more. (300,000 + 120,000) × 50 × 12 = 252,000,000.
    expect(result.total).toEqual({ wages: 252_000_000, contributions: 0, cost: 252_000_000 });
    // The baseline pays the hours at the old rates: 900,000 + 360,000 a worker a month besides the wage.
    expect(result.baseline.wages).toBe((6_240_000 + 900_000 + 360_000) * 50 * 12);
  });

  it('an allowance enters the contribution basis only when it is regular', () => {
    const cost = (regular: boolean) =>
      computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'allowance', amount: 500_000, regular, from: '2026-01-01' }] })).total;
    // 500,000 × 200 × 12 = 1,200,000,000; regular: 23.5 % = 282,000,000 more.
    expect(cost(true)).toEqual({ wages: 1_200_000_000, contributions: 282_000_000, cost: 1_482_000_000 });
    expect(cost(false)).toEqual({ wages: 1_200_000_000, contributions: 0, cost: 1_200_000_000 });
  });

  it('changes per grade and step, a cell set to a new wage, and the cost per grade', () => {
    const result = computeCost(
      scenario({
        region: 'I',
        start: '2026-01-01',
        termMonths: 12,
        workforce: [
          { grade: 'A', step: 1, headcount: 10, monthlyWage: 6_000_000 },
          { grade: 'A', step: 2, headcount: 10, monthlyWage: 6_500_000 },
          { grade: 'B', step: 1, headcount: 5, monthlyWage: 8_000_000 },
        ],
        changes: [
          { kind: 'wage', monthlyWage: 6_300_000, from: '2026-01-01', grades: ['A'], steps: [1] },
          { kind: 'percent', value: 5, from: '2026-01-01', grades: ['B'] },
        ],
      }),
    );
    // A: only step 1, 300,000 × 10 × 12 = 36,000,000. B: 400,000 × 5 × 12 = 24,000,000.
    expect(result.grades.map(({ grade, headcount, wages }) => ({ grade, headcount, wages }))).toEqual([
      { grade: 'A', headcount: 20, wages: 36_000_000 },
      { grade: 'B', headcount: 5, wages: 24_000_000 },
    ]);
    expect(result.total.wages).toBe(60_000_000);
  });

  it('a term that starts mid-month costs the first and last months pro rata', () => {
    const result = computeCost(
      scenario({ ...issueWorkforce, start: '2026-01-16', termMonths: 1, changes: [{ kind: 'flat', amount: 310_000, from: '2026-01-01' }] }),
    );
    // 16 Jan – 15 Feb: 16 of January's 31 days and 15 of February's 28.
    // 310,000 × 16 / 31 = 160,000; 310,000 × 15 / 28 = 166,071.43 → 166,071; × 200.
    expect(result.term).toEqual({ start: '2026-01-16', end: '2026-02-15', months: 1 });
    expect(result.months.map((month) => month.wages)).toEqual([160_000 * 200, 166_071 * 200]);
  });

  it('refuses a term the dated data does not cover', () => {
    expect(() => computeCost(scenario({ ...issueWorkforce, start: '2025-01-01' }))).toThrow(CostingDataError);
    expect(() => computeCost(scenario({ ...issueWorkforce, start: '2025-01-01' }))).toThrow(/2025-01.*2025-07-01/);
  });
});

describe('comparing positions', () => {
  it('says what a counter costs a year as a share of the proposal', () => {
    const union = computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'percent', value: 10, from: '2026-01-01' }] }));
    const employer = computeCost(scenario({ ...issueWorkforce, changes: [{ kind: 'percent', value: 6.2, from: '2026-01-01' }] }));
    const comparison = compareCostings([
      { label: 'Công đoàn', costing: union },
      { label: 'Người sử dụng lao động', costing: employer },
    ]);
    // Union: 700,000 × 2,400 = 1,680,000,000 + 23.5 % = 2,074,800,000. Employer: 434,000 ×
    // 2,400 = 1,041,600,000 + 23.5 % = 1,286,376,000, which is 62 % of it.
    expect(comparison.reference).toBe('Công đoàn');
    expect(
      comparison.positions.map(({ label, averageYear, shareOfReference, differenceFromReference }) => ({
        label,
        cost: averageYear.cost,
        shareOfReference,
        differenceFromReference,
      })),
    ).toEqual([
      { label: 'Công đoàn', cost: 2_074_800_000, shareOfReference: 1, differenceFromReference: 0 },
      { label: 'Người sử dụng lao động', cost: 1_286_376_000, shareOfReference: 0.62, differenceFromReference: -788_424_000 },
    ]);
    expect(compareCostings([{ label: 'x', costing: computeCost(scenario(issueWorkforce)) }]).positions[0]?.shareOfReference).toBeNull();
    expect(() => compareCostings([], 0)).toThrow(RangeError);
  });
});
