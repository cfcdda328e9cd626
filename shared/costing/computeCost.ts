/**
 * The costing engine: what a wage position costs the employer over the term, month by month, as
 * the increase over the baseline payroll (the workforce as it is, for the same months). One
 * implementation for the negotiation view, the server and the command line. The method is
 * docs/costing.md's (Method); decision 0020 says why it is done this way.
 *
 * Money is whole đồng. Each worker's monthly pay and each of their monthly contributions is
 * rounded to the đồng (half up) before it is multiplied by the headcount, so a workforce's cost is
 * exactly the sum of its parts' costs, whatever way it is split.
 */
import { fromDayNumber, toDayNumber, type IsoDate } from '#shared/calendar/isoDate';
import { minimumWageTableOn, type MinimumWageTable } from '#shared/compliance/data/minimumWages';
import {
  contributionDataFrom,
  contributionKinds,
  contributionRatesOn,
  referenceLevelOn,
  type ContributionKind,
  type ContributionRate,
  type ReferenceLevel,
} from '#shared/costing/contributionRates';
import type { CostingChange, CostingScenario } from '#shared/costing/scenario';
import { addMonths, termOf, type TermMonth } from '#shared/costing/term';
import type { WorkforceGroup } from '#shared/costing/workforce';

/** What the employer pays: to the workers (wages, allowances, bonuses, overtime and night pay) and in contributions on them. */
export interface CostFigures {
  wages: number;
  contributions: number;
  /** wages + contributions. */
  cost: number;
}

/** A period's increase over the baseline (the figures themselves) and the baseline payroll. */
export interface PeriodCost extends CostFigures {
  baseline: CostFigures;
}

export interface MonthCost extends PeriodCost {
  /** "2026-07". */
  month: string;
}

export interface YearCost extends PeriodCost {
  year: number;
  /** Calendar months of the term in the year (a partial month counts as one). */
  months: number;
}

export interface GradeCost extends PeriodCost {
  grade: string;
  headcount: number;
}

export interface ContributionCost {
  kind: ContributionKind;
  increase: number;
  baseline: number;
}

/** A group whose wage, after the changes in force, is below the regional minimum wage of that month (LC Art. 90, 91). */
export interface BelowMinimum {
  grade: string;
  step: number | null;
  monthlyWage: number;
  minimum: number;
  /** The first month it is so, "2026-01". */
  month: string;
}

export interface CostingResult {
  term: { start: IsoDate; end: IsoDate; months: number };
  headcount: number;
  /** The increase over the term. */
  total: CostFigures;
  /** The baseline payroll over the term. */
  baseline: CostFigures;
  /** The increase per year on average over the term (total × 12 / months). */
  averageYear: CostFigures;
  /** The increase per worker and month on average. */
  perWorkerMonth: CostFigures;
  years: YearCost[];
  months: MonthCost[];
  grades: GradeCost[];
  contributionsByKind: ContributionCost[];
  belowMinimum: BelowMinimum[];
  /** The dated data the costing used: rates, reference levels and minimum-wage tables, once each. */
  sources: { rates: ContributionRate[]; referenceLevels: ReferenceLevel[]; minimumWages: MinimumWageTable[] };
}

/** A scenario the data cannot cost: a month before the dated data begins. */
export class CostingDataError extends Error {
  readonly path = 'start';
}

type StepKind = 'percent' | 'flat' | 'wage' | 'regular' | 'irregular' | 'line';

/** One change taking effect on one day, for the groups of its mask. */
interface Step {
  day: number;
  kind: StepKind;
  value: number;
  /** For 'line': which overtime or night line switches to its new rate. */
  line: number;
  mask: Uint8Array;
}

/** Hours paid at a rate (overtime or night work): their pay moves with the wage and the rate. */
interface Line {
  mask: Uint8Array;
  oldRate: number;
  hours: number;
}

interface Payment {
  day: number;
  amount: number;
  regular: boolean;
  mask: Uint8Array;
}

function matchMask(change: CostingChange, groups: readonly WorkforceGroup[]): Uint8Array {
  const grades = change.grades ? new Set(change.grades) : null;
  const steps = change.steps ? new Set(change.steps) : null;
  const mask = new Uint8Array(groups.length);
  groups.forEach((group, index) => {
    mask[index] = (grades === null || grades.has(group.grade)) && (steps === null || (group.step !== null && steps.has(group.step))) ? 1 : 0;
  });
  return mask;
}

/** The days a raise takes effect: `from`, then each anniversary while in the term when it repeats yearly. */
function raiseDays(from: IsoDate, yearly: boolean | undefined, times: number | undefined, lastDay: number): number[] {
  const count = yearly ? (times ?? Number.POSITIVE_INFINITY) : 1;
  const days: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const day = toDayNumber(addMonths(from, 12 * index));
    if (day > lastDay) break;
    days.push(day);
  }
  return days;
}

function planOf(changes: readonly CostingChange[], groups: readonly WorkforceGroup[], firstDay: number, lastDay: number) {
  const steps: Step[] = [];
  const lines: Line[] = [];
  const payments: Payment[] = [];
  // A change dated before the term is in force from its first day.
  const add = (day: number, kind: StepKind, value: number, mask: Uint8Array, line = -1): void => {
    if (day <= lastDay) steps.push({ day: Math.max(day, firstDay), kind, value, line, mask });
  };
  for (const change of changes) {
    const mask = matchMask(change, groups);
    switch (change.kind) {
      case 'percent':
      case 'flat':
        for (const day of raiseDays(change.from, change.yearly, change.times, lastDay))
          add(day, change.kind, change.kind === 'percent' ? change.value : change.amount, mask);
        break;
      case 'wage':
        add(toDayNumber(change.from), 'wage', change.monthlyWage, mask);
        break;
      case 'allowance':
        add(toDayNumber(change.from), change.regular ? 'regular' : 'irregular', change.amount, mask);
        break;
      case 'bonus': {
        const day = toDayNumber(change.on);
        if (day >= firstDay && day <= lastDay) payments.push({ day, amount: change.amount, regular: change.regular, mask });
        break;
      }
      case 'overtime':
      case 'night':
        lines.push({ mask, oldRate: change.oldRate, hours: change.hours });
        add(toDayNumber(change.from), 'line', change.newRate, mask, lines.length - 1);
        break;
    }
  }
  // Stable: changes on the same day apply in the order they are listed.
  steps.sort((a, b) => a.day - b.day);
  return { steps, lines, payments };
}

interface MonthData {
  rates: readonly ContributionRate[];
  /** Each contribution's cap on the monthly basis, in the order of contributionKinds. */
  caps: number[];
  minimum: number;
  reference: ReferenceLevel;
  minimumTable: MinimumWageTable;
}

function monthData(month: TermMonth, region: CostingScenario['region']): MonthData {
  const date = fromDayNumber(month.firstActive);
  const rates = contributionRatesOn(date);
  const reference = referenceLevelOn(date);
  const minimumTable = minimumWageTableOn(date);
  if (!rates || !reference || !minimumTable) {
    throw new CostingDataError(
      `the term reaches ${month.key}, before the contribution and minimum-wage data begins (${contributionDataFrom}); start the term later`,
    );
  }
  const minimum = minimumTable.monthly[region];
  const caps = rates.map((rate) => rate.cap.multiple * (rate.cap.of === 'referenceLevel' ? reference.monthly : minimum));
  return { rates, caps, minimum, reference, minimumTable };
}

function figures(wages: number, contributions: number): CostFigures {
  return { wages, contributions, cost: wages + contributions };
}

function period(wages: number, contributions: number, baselineWages: number, baselineContributions: number): PeriodCost {
  return { ...figures(wages - baselineWages, contributions - baselineContributions), baseline: figures(baselineWages, baselineContributions) };
}

/** The cost of a scenario's changes over its term. Throws CostingDataError when the data does not cover the term. */
export function computeCost(scenario: CostingScenario): CostingResult {
  const groups = scenario.workforce;
  const groupCount = groups.length;
  const term = termOf(scenario.start, scenario.termMonths);
  const firstDay = toDayNumber(term.start);
  const lastDay = toDayNumber(term.end);
  const { steps, lines, payments } = planOf(scenario.changes, groups, firstDay, lastDay);
  const hoursPerMonth = scenario.normalHoursPerMonth;
  const kindCount = contributionKinds.length;

  // Each group's state as the changes leave it: wage, allowances, and the rate of each line.
  const wage = new Float64Array(groupCount);
  const regular = new Float64Array(groupCount);
  const irregular = new Float64Array(groupCount);
  const lineRate = new Float64Array(lines.length * groupCount);
  groups.forEach((group, g) => {
    wage[g] = group.monthlyWage;
    regular[g] = group.regularAllowances;
    irregular[g] = group.irregularAllowances;
    lines.forEach((line, l) => {
      lineRate[l * groupCount + g] = line.oldRate;
    });
  });

  // Overtime or night pay of one worker for a month's expected hours, in whole đồng.
  const linesPay = (g: number, monthlyWage: number, rateOf: (l: number) => number): number => {
    let pay = 0;
    for (let l = 0; l < lines.length; l += 1) {
      const line = lines[l] as Line;
      if (line.mask[g] === 1) pay += Math.round((monthlyWage * rateOf(l) * line.hours) / (100 * hoursPerMonth));
    }
    return pay;
  };
  const basePay = groups.map(
    (group, g) => group.monthlyWage + group.regularAllowances + group.irregularAllowances + linesPay(g, group.monthlyWage, (l) => (lines[l] as Line).oldRate),
  );
  const baseBasis = groups.map((group) => group.monthlyWage + group.regularAllowances);

  const monthCount = term.months.length;
  const monthWages = new Float64Array(monthCount);
  const monthContributions = new Float64Array(monthCount);
  const monthBaseWages = new Float64Array(monthCount);
  const monthBaseContributions = new Float64Array(monthCount);
  const gradeIndex = new Map<string, number>();
  const groupGrade = groups.map((group) => {
    let index = gradeIndex.get(group.grade);
    if (index === undefined) {
      index = gradeIndex.size;
      gradeIndex.set(group.grade, index);
    }
    return index;
  });
  const gradeWages = new Float64Array(gradeIndex.size);
  const gradeContributions = new Float64Array(gradeIndex.size);
  const gradeBaseWages = new Float64Array(gradeIndex.size);
  const gradeBaseContributions = new Float64Array(gradeIndex.size);
  const kindIncrease = new Float64Array(kindCount);
  const kindBaseline = new Float64Array(kindCount);
  const belowMinimum: BelowMinimum[] = [];
  const reportedWage = new Float64Array(groupCount).fill(Number.NaN);
  const reportedMinimum = new Float64Array(groupCount).fill(Number.NaN);
  const usedRates = new Set<ContributionRate>();
  const usedReferences = new Set<ReferenceLevel>();
  const usedMinimums = new Set<MinimumWageTable>();

  let nextStep = 0;
  term.months.forEach((month, m) => {
    const data = monthData(month, scenario.region);
    data.rates.forEach((rate) => usedRates.add(rate));
    usedReferences.add(data.reference);
    usedMinimums.add(data.minimumTable);
    const activeDays = month.lastActive - month.firstActive + 1;
    const monthStart = nextStep;
    while (nextStep < steps.length && (steps[nextStep] as Step).day <= month.lastActive) nextStep += 1;
    const monthPayments = payments.filter((payment) => payment.day >= month.firstActive && payment.day <= month.lastActive);

    // Amounts are summed as (monthly amount × days) and divided by the month's days once, so that
    // integer sums stay exact and an unchanged group costs exactly its baseline.
    const contributionsOf = (basisDays: number, kindTotals: Float64Array | null): number => {
      let total = 0;
      for (let k = 0; k < kindCount; k += 1) {
        const capped = Math.min(basisDays, (data.caps[k] as number) * activeDays);
        const amount = Math.round(((data.rates[k] as ContributionRate).basisPoints * capped) / (10_000 * month.days));
        total += amount;
        if (kindTotals) kindTotals[k] = amount;
      }
      return total;
    };
    const workerKinds = new Float64Array(kindCount);
    const baseKinds = new Float64Array(kindCount);

    for (let g = 0; g < groupCount; g += 1) {
      const group = groups[g] as WorkforceGroup;
      const headcount = group.headcount;
      let payDays = 0;
      let basisDays = 0;
      let segmentStart = month.firstActive;
      const closeSegment = (until: number): void => {
        if (until <= segmentStart) return;
        const days = until - segmentStart;
        const current = wage[g] as number;
        payDays += (current + (regular[g] as number) + (irregular[g] as number) + linesPay(g, current, (l) => lineRate[l * groupCount + g] as number)) * days;
        basisDays += (current + (regular[g] as number)) * days;
        if (current < data.minimum && (current !== reportedWage[g] || data.minimum !== reportedMinimum[g])) {
          reportedWage[g] = current;
          reportedMinimum[g] = data.minimum;
          belowMinimum.push({ grade: group.grade, step: group.step, monthlyWage: current, minimum: data.minimum, month: month.key });
        }
        segmentStart = until;
      };
      for (let s = monthStart; s < nextStep; s += 1) {
        const step = steps[s] as Step;
        if (step.mask[g] !== 1) continue;
        closeSegment(step.day);
        applyStep(step, g);
      }
      closeSegment(month.lastActive + 1);
      for (const payment of monthPayments) {
        if (payment.mask[g] !== 1) continue;
        payDays += payment.amount * month.days;
        if (payment.regular) basisDays += payment.amount * month.days;
      }

      const pay = Math.round(payDays / month.days);
      const contributions = contributionsOf(basisDays, workerKinds);
      const basePayWorker = Math.round(((basePay[g] as number) * activeDays) / month.days);
      const baseContributions = contributionsOf((baseBasis[g] as number) * activeDays, baseKinds);
      for (let k = 0; k < kindCount; k += 1) {
        kindIncrease[k] = (kindIncrease[k] as number) + ((workerKinds[k] as number) - (baseKinds[k] as number)) * headcount;
        kindBaseline[k] = (kindBaseline[k] as number) + (baseKinds[k] as number) * headcount;
      }
      const gi = groupGrade[g] as number;
      monthWages[m] = (monthWages[m] as number) + pay * headcount;
      monthContributions[m] = (monthContributions[m] as number) + contributions * headcount;
      monthBaseWages[m] = (monthBaseWages[m] as number) + basePayWorker * headcount;
      monthBaseContributions[m] = (monthBaseContributions[m] as number) + baseContributions * headcount;
      gradeWages[gi] = (gradeWages[gi] as number) + pay * headcount;
      gradeContributions[gi] = (gradeContributions[gi] as number) + contributions * headcount;
      gradeBaseWages[gi] = (gradeBaseWages[gi] as number) + basePayWorker * headcount;
      gradeBaseContributions[gi] = (gradeBaseContributions[gi] as number) + baseContributions * headcount;
    }
  });

  function applyStep(step: Step, g: number): void {
    switch (step.kind) {
      case 'percent':
        // The new wage is a whole đồng amount, and the base of the next raise.
        wage[g] = Math.round(((wage[g] as number) * (100 + step.value)) / 100);
        break;
      case 'flat':
        wage[g] = (wage[g] as number) + step.value;
        break;
      case 'wage':
        wage[g] = step.value;
        break;
      case 'regular':
        regular[g] = (regular[g] as number) + step.value;
        break;
      case 'irregular':
        irregular[g] = (irregular[g] as number) + step.value;
        break;
      case 'line':
        lineRate[step.line * groupCount + g] = step.value;
        break;
    }
  }

  const months: MonthCost[] = term.months.map((month, m) => ({
    month: month.key,
    ...period(monthWages[m] as number, monthContributions[m] as number, monthBaseWages[m] as number, monthBaseContributions[m] as number),
  }));
  const years: YearCost[] = [];
  for (const [m, month] of term.months.entries()) {
    const last = years.at(-1);
    if (last?.year !== month.year) {
      years.push({ year: month.year, months: 1, ...(months[m] as MonthCost) });
      continue;
    }
    const cost = months[m] as MonthCost;
    years[years.length - 1] = {
      year: month.year,
      months: last.months + 1,
      ...figures(last.wages + cost.wages, last.contributions + cost.contributions),
      baseline: figures(last.baseline.wages + cost.baseline.wages, last.baseline.contributions + cost.baseline.contributions),
    };
  }
  const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);
  const total = period(sum(monthWages), sum(monthContributions), sum(monthBaseWages), sum(monthBaseContributions));
  const headcount = groups.reduce((count, group) => count + group.headcount, 0);
  const average = (value: number, over: number): number => (over === 0 ? 0 : Math.round(value / over));
  return {
    term: { start: term.start, end: term.end, months: scenario.termMonths },
    headcount,
    total: figures(total.wages, total.contributions),
    baseline: total.baseline,
    averageYear: figures(average(total.wages * 12, scenario.termMonths), average(total.contributions * 12, scenario.termMonths)),
    perWorkerMonth: figures(average(total.wages, headcount * scenario.termMonths), average(total.contributions, headcount * scenario.termMonths)),
    years,
    months,
    grades: [...gradeIndex.entries()].map(([grade, gi]) => ({
      grade,
      headcount: groups.reduce((count, group, g) => (groupGrade[g] === gi ? count + group.headcount : count), 0),
      ...period(gradeWages[gi] as number, gradeContributions[gi] as number, gradeBaseWages[gi] as number, gradeBaseContributions[gi] as number),
    })),
    contributionsByKind: contributionKinds.map((kind, k) => ({ kind, increase: kindIncrease[k] as number, baseline: kindBaseline[k] as number })),
    belowMinimum,
    sources: { rates: [...usedRates], referenceLevels: [...usedReferences], minimumWages: [...usedMinimums] },
  };
}
