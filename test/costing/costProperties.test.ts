import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCost, type CostingResult } from '#shared/costing/computeCost';
import type { CostingChange, CostingScenario } from '#shared/costing/scenario';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { plainCost } from './plainCost';

// Properties of the engine over random workforces and changes, in the term the data covers.

const grades = ['A', 'B', 'C', 'D'];
const dateArbitrary = fc
  .date({ min: new Date('2025-09-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const filtersArbitrary = fc.record(
  { grades: fc.uniqueArray(fc.constantFrom(...grades), { minLength: 1 }), steps: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1 }) },
  { requiredKeys: [] },
);

const groupArbitrary: fc.Arbitrary<WorkforceGroup> = fc.record({
  grade: fc.constantFrom(...grades),
  step: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  headcount: fc.integer({ min: 0, max: 500 }),
  monthlyWage: fc.integer({ min: 3_000_000, max: 120_000_000 }),
  regularAllowances: fc.integer({ min: 0, max: 3_000_000 }),
  irregularAllowances: fc.integer({ min: 0, max: 3_000_000 }),
});

const changeArbitrary: fc.Arbitrary<CostingChange> = fc
  .oneof(
    fc.record({
      kind: fc.constant('percent' as const),
      value: fc.double({ min: -20, max: 30, noNaN: true }),
      from: dateArbitrary,
      yearly: fc.boolean(),
      filters: filtersArbitrary,
    }),
    fc.record({ kind: fc.constant('flat' as const), amount: fc.integer({ min: -500_000, max: 2_000_000 }), from: dateArbitrary, filters: filtersArbitrary }),
    fc.record({
      kind: fc.constant('wage' as const),
      monthlyWage: fc.integer({ min: 4_000_000, max: 90_000_000 }),
      from: dateArbitrary,
      filters: filtersArbitrary,
    }),
    fc.record({
      kind: fc.constant('allowance' as const),
      amount: fc.integer({ min: 0, max: 2_000_000 }),
      regular: fc.boolean(),
      from: dateArbitrary,
      filters: filtersArbitrary,
    }),
    fc.record({
      kind: fc.constant('bonus' as const),
      amount: fc.integer({ min: 0, max: 20_000_000 }),
      regular: fc.boolean(),
      on: dateArbitrary,
      filters: filtersArbitrary,
    }),
    fc.record({
      kind: fc.constant('overtime' as const),
      day: fc.constantFrom('weekday' as const, 'restDay' as const, 'holiday' as const),
      oldRate: fc.integer({ min: 150, max: 300 }),
      newRate: fc.integer({ min: 150, max: 400 }),
      hours: fc.double({ min: 0, max: 40, noNaN: true }),
      from: dateArbitrary,
      filters: filtersArbitrary,
    }),
    fc.record({
      kind: fc.constant('night' as const),
      oldRate: fc.integer({ min: 30, max: 50 }),
      newRate: fc.integer({ min: 30, max: 60 }),
      hours: fc.integer({ min: 0, max: 80 }),
      from: dateArbitrary,
      filters: filtersArbitrary,
    }),
  )
  .map(({ filters, ...change }) => ({ ...change, ...filters }) as CostingChange);

const termArbitrary = fc.record({
  region: fc.constantFrom('I' as const, 'II' as const, 'III' as const, 'IV' as const),
  start: fc
    .date({ min: new Date('2025-07-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  termMonths: fc.integer({ min: 1, max: 36 }),
  normalHoursPerMonth: fc.constantFrom(208, 176),
});

function costed(
  term: Pick<CostingScenario, 'region' | 'start' | 'termMonths' | 'normalHoursPerMonth'>,
  workforce: WorkforceGroup[],
  changes: CostingChange[],
): CostingResult {
  const scenario: CostingScenario = { ...term, workforce, changes };
  return computeCost(scenario);
}

/** The figures that must add up: total, baseline, each month and each year. */
function additiveFigures(result: CostingResult) {
  return {
    total: result.total,
    baseline: result.baseline,
    months: result.months.map(({ month, wages, contributions, baseline }) => ({ month, wages, contributions, baseline: baseline.cost })),
    years: result.years.map(({ year, wages, contributions, baseline }) => ({ year, wages, contributions, baseline: baseline.cost })),
    byKind: result.contributionsByKind,
  };
}

function addFigures(a: ReturnType<typeof additiveFigures>, b: ReturnType<typeof additiveFigures>): ReturnType<typeof additiveFigures> {
  // Adds every number but the year; keeps the labels (month, year, kind) as they are.
  const add = <T extends object>(x: T, y: T): T =>
    Object.fromEntries(
      Object.entries(x).map(([key, value]) => [key, typeof value === 'number' && key !== 'year' ? value + ((y as Record<string, number>)[key] ?? 0) : value]),
    ) as T;
  return {
    total: add(a.total, b.total),
    baseline: add(a.baseline, b.baseline),
    months: a.months.map((month, index) => add(month, b.months[index] as typeof month)),
    years: a.years.map((year, index) => add(year, b.years[index] as typeof year)),
    byKind: a.byKind.map((kind, index) => add(kind, b.byKind[index] as typeof kind)),
  };
}

describe('properties of the costing engine', () => {
  it('gives what the plain day-by-day computation gives, month by month, per grade and per contribution', () => {
    fc.assert(
      fc.property(
        termArbitrary,
        fc.array(groupArbitrary, { minLength: 1, maxLength: 5 }),
        fc.array(changeArbitrary, { maxLength: 6 }),
        (term, workforce, changes) => {
          const result = costed(term, workforce, changes);
          const plain = plainCost({ ...term, workforce, changes });
          expect(
            result.months.map(({ month, wages, contributions, baseline }) => ({
              month,
              wages: wages + baseline.wages,
              contributions: contributions + baseline.contributions,
              baselineWages: baseline.wages,
              baselineContributions: baseline.contributions,
            })),
          ).toEqual(plain.months);
          expect(
            result.grades.map(({ grade, wages, contributions, baseline }) => [
              grade,
              {
                wages: wages + baseline.wages,
                contributions: contributions + baseline.contributions,
                baselineWages: baseline.wages,
                baselineContributions: baseline.contributions,
              },
            ]),
          ).toEqual([...plain.grades.entries()]);
          expect(result.contributionsByKind.map((kind) => [kind.increase + kind.baseline, kind.baseline])).toEqual(
            plain.kinds.map((total, k) => [total, plain.baselineKinds[k]]),
          );
          const order = (entries: { grade: string; step: number | null; month: string }[]) =>
            [...entries].sort((a, b) => `${a.grade}|${a.step}|${a.month}`.localeCompare(`${b.grade}|${b.step}|${b.month}`));
          expect(order(result.belowMinimum)).toEqual(order(plain.belowMinimum));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the cost of two disjoint workforces is the sum of their costs, to the đồng (also a group split by headcount)', () => {
    fc.assert(
      fc.property(
        termArbitrary,
        fc.array(groupArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(groupArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(changeArbitrary, { maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        (term, first, second, changes, split) => {
          const whole = additiveFigures(costed(term, [...first, ...second], changes));
          expect(whole).toEqual(addFigures(additiveFigures(costed(term, first, changes)), additiveFigures(costed(term, second, changes))));
          // One group's workers in two groups alike: the same cost.
          const [group, ...rest] = first as [WorkforceGroup, ...WorkforceGroup[]];
          const part = Math.min(split, group.headcount);
          const halves = [{ ...group, headcount: part }, { ...group, headcount: group.headcount - part }, ...rest];
          expect(additiveFigures(costed(term, halves, changes))).toEqual(additiveFigures(costed(term, first, changes)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('changes that change nothing cost nothing', () => {
    const noChange = fc.oneof(
      fc.record({ kind: fc.constant('percent' as const), value: fc.constant(0), from: dateArbitrary, yearly: fc.boolean() }),
      fc.record({ kind: fc.constant('flat' as const), amount: fc.constant(0), from: dateArbitrary }),
      fc.record({ kind: fc.constant('allowance' as const), amount: fc.constant(0), regular: fc.boolean(), from: dateArbitrary }),
      fc.record({ kind: fc.constant('bonus' as const), amount: fc.constant(0), regular: fc.boolean(), on: dateArbitrary }),
      fc.integer({ min: 150, max: 400 }).chain((rate) =>
        fc.record({
          kind: fc.constant('overtime' as const),
          day: fc.constant('weekday' as const),
          oldRate: fc.constant(rate),
          newRate: fc.constant(rate),
          hours: fc.double({ min: 0, max: 40, noNaN: true }),
          from: dateArbitrary,
        }),
      ),
    ) as fc.Arbitrary<CostingChange>;
    fc.assert(
      fc.property(termArbitrary, fc.array(groupArbitrary, { minLength: 1, maxLength: 6 }), fc.array(noChange, { maxLength: 5 }), (term, workforce, changes) => {
        const result = costed(term, workforce, changes);
        expect(result.total).toEqual({ wages: 0, contributions: 0, cost: 0 });
        expect(result.months.every((month) => month.cost === 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a raise repeated yearly costs what the same raises listed one by one, in sequence, cost', () => {
    fc.assert(
      fc.property(
        termArbitrary,
        fc.array(groupArbitrary, { minLength: 1, maxLength: 6 }),
        fc.double({ min: -10, max: 15, noNaN: true }),
        dateArbitrary,
        fc.integer({ min: 1, max: 4 }),
        (term, workforce, value, from, times) => {
          const yearly = costed(term, workforce, [{ kind: 'percent', value, from, yearly: true, times }]);
          const year = Number(from.slice(0, 4));
          const oneByOne: CostingChange[] = Array.from({ length: times }, (_, index) => ({
            kind: 'percent',
            value,
            // 29 February falls on 28 February in the years without it, as addMonths does.
            from: `${year + index}${from.slice(4) === '-02-29' && (year + index) % 4 !== 0 ? '-02-28' : from.slice(4)}`,
          }));
          expect(additiveFigures(yearly)).toEqual(additiveFigures(costed(term, workforce, oneByOne)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('compounded raises each apply to the wage the one before left, in whole đồng', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 15, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 3_000_000, max: 90_000_000 }),
        (raises, wage) => {
          const changes: CostingChange[] = raises.map((value) => ({ kind: 'percent', value, from: '2026-01-01' }));
          const result = costed(
            { region: 'I', start: '2026-01-01', termMonths: 1, normalHoursPerMonth: 208 },
            [{ grade: 'A', step: null, headcount: 1, monthlyWage: wage, regularAllowances: 0, irregularAllowances: 0 }],
            changes,
          );
          const expected = raises.reduce((current, value) => Math.round((current * (100 + value)) / 100), wage);
          expect(result.total.wages).toBe(expected - wage);
        },
      ),
    );
  });
});
