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

/** Whether two months cost alike: the same rates, caps and minimum wage. */
function sameData(a: MonthData, b: MonthData): boolean {
  return a.minimum === b.minimum && a.rates.every((rate, k) => rate.basisPoints === b.rates[k]?.basisPoints && a.caps[k] === b.caps[k]);
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

  // One worker's pay for a month at a state: wage, allowances, and the expected overtime or night
  // hours at their rates (each line's pay in whole đồng); the baseline's lines are at their old rates.
  const monthlyPay = (g: number, monthlyWage: number, regularAllowances: number, irregularAllowances: number, atOldRates: boolean): number => {
    let pay = monthlyWage + regularAllowances + irregularAllowances;
    for (let l = 0; l < lines.length; l += 1) {
      const line = lines[l] as Line;
      if (line.mask[g] !== 1) continue;
      const rate = atOldRates ? line.oldRate : (lineRate[l * groupCount + g] as number);
      pay += Math.round((monthlyWage * rate * line.hours) / (100 * hoursPerMonth));
    }
    return pay;
  };
  const basePay = groups.map((group, g) => monthlyPay(g, group.monthlyWage, group.regularAllowances, group.irregularAllowances, true));
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
  const kindTotals = new Float64Array(kindCount);
  const kindBaseline = new Float64Array(kindCount);
  const belowMinimum: BelowMinimum[] = [];
  const reportedWage = new Float64Array(groupCount).fill(Number.NaN);
  const reportedMinimum = new Float64Array(groupCount).fill(Number.NaN);
  const usedRates = new Set<ContributionRate>();
  const usedReferences = new Set<ReferenceLevel>();
  const usedMinimums = new Set<MinimumWageTable>();

  // Most months change nothing for most groups. A full month in which no change or payment
  // touches a group costs what the group's cached per-worker figures say (valid while its state
  // and the month's data stay the same); the month's totals are running sums of them over the
  // groups, corrected for the groups a change touches that month, which are costed day by day.
  // A group's grade and contribution totals take its cached figures times the number of such
  // months, added up when the cache changes (flushGroup) and at the end.
  const cachedPay = new Float64Array(groupCount);
  const cachedContributions = new Float64Array(groupCount);
  const cachedKinds = new Float64Array(groupCount * kindCount);
  const baseCachedContributions = new Float64Array(groupCount);
  const baseCachedKinds = new Float64Array(groupCount * kindCount);
  const workerKinds = new Float64Array(kindCount);
  const baseKinds = new Float64Array(kindCount);
  const touched = new Int32Array(groupCount);
  const flushedAt = new Int32Array(groupCount);
  let sumPay = 0;
  let sumContributions = 0;
  const sumBasePay = groups.reduce((sum, group, g) => sum + (basePay[g] as number) * group.headcount, 0);
  let sumBaseContributions = 0;
  let fullMonths = 0;
  let baseFlushedAt = 0;
  let previousData: MonthData | null = null;

  /**
   * A worker's contributions for a month, each kind rounded to the đồng, written into `out` at
   * `offset`. The basis is given as (monthly basis × days) over `days` days of which `activeDays`
   * are in the term, so the caps are prorated with it; for a full month pass 1 and 1.
   */
  const contributionsInto = (data: MonthData, basisDays: number, activeDays: number, days: number, out: Float64Array, offset: number): number => {
    let total = 0;
    for (let k = 0; k < kindCount; k += 1) {
      const capped = Math.min(basisDays, (data.caps[k] as number) * activeDays);
      const amount = Math.round(((data.rates[k] as ContributionRate).basisPoints * capped) / (10_000 * days));
      out[offset + k] = amount;
      total += amount;
    }
    return total;
  };
  const checkMinimum = (g: number, data: MonthData, month: TermMonth): void => {
    const current = wage[g] as number;
    if (current >= data.minimum || (current === reportedWage[g] && data.minimum === reportedMinimum[g])) return;
    reportedWage[g] = current;
    reportedMinimum[g] = data.minimum;
    const group = groups[g] as WorkforceGroup;
    belowMinimum.push({ grade: group.grade, step: group.step, monthlyWage: current, minimum: data.minimum, month: month.key });
  };
  const flushGroup = (g: number): void => {
    const months = fullMonths - (flushedAt[g] as number);
    flushedAt[g] = fullMonths;
    if (months === 0) return;
    const workers = (groups[g] as WorkforceGroup).headcount * months;
    const gi = groupGrade[g] as number;
    gradeWages[gi] = (gradeWages[gi] as number) + (cachedPay[g] as number) * workers;
    gradeContributions[gi] = (gradeContributions[gi] as number) + (cachedContributions[g] as number) * workers;
    for (let k = 0; k < kindCount; k += 1) kindTotals[k] = (kindTotals[k] as number) + (cachedKinds[g * kindCount + k] as number) * workers;
  };
  const flushBaseline = (): void => {
    const months = fullMonths - baseFlushedAt;
    baseFlushedAt = fullMonths;
    if (months === 0) return;
    for (let g = 0; g < groupCount; g += 1) {
      const workers = (groups[g] as WorkforceGroup).headcount * months;
      const gi = groupGrade[g] as number;
      gradeBaseWages[gi] = (gradeBaseWages[gi] as number) + (basePay[g] as number) * workers;
      gradeBaseContributions[gi] = (gradeBaseContributions[gi] as number) + (baseCachedContributions[g] as number) * workers;
      for (let k = 0; k < kindCount; k += 1) kindBaseline[k] = (kindBaseline[k] as number) + (baseCachedKinds[g * kindCount + k] as number) * workers;
    }
  };
  /** The group's full-month figures at its current state, and the running sums with them. */
  const refreshCache = (g: number, data: MonthData): void => {
    const headcount = (groups[g] as WorkforceGroup).headcount;
    sumPay -= (cachedPay[g] as number) * headcount;
    sumContributions -= (cachedContributions[g] as number) * headcount;
    cachedPay[g] = monthlyPay(g, wage[g] as number, regular[g] as number, irregular[g] as number, false);
    cachedContributions[g] = contributionsInto(data, (wage[g] as number) + (regular[g] as number), 1, 1, cachedKinds, g * kindCount);
    sumPay += (cachedPay[g] as number) * headcount;
    sumContributions += (cachedContributions[g] as number) * headcount;
  };

  // The month of a group a change or payment touches (or of every group in a partial month), day
  // by day: amounts are summed as (monthly amount × days) and divided by the month's days once, so
  // that integer sums stay exact and an unchanged group costs exactly its baseline.
  let slowPay = 0;
  let slowContributions = 0;
  const costDayByDay = (g: number, month: TermMonth, data: MonthData, monthSteps: readonly Step[], monthPayments: readonly Payment[]): void => {
    let payDays = 0;
    let basisDays = 0;
    let segmentStart = month.firstActive;
    for (let s = 0; s <= monthSteps.length; s += 1) {
      const step = monthSteps[s];
      if (step && step.mask[g] !== 1) continue;
      const until = step ? step.day : month.lastActive + 1;
      if (until > segmentStart) {
        const days = until - segmentStart;
        payDays += monthlyPay(g, wage[g] as number, regular[g] as number, irregular[g] as number, false) * days;
        basisDays += ((wage[g] as number) + (regular[g] as number)) * days;
        checkMinimum(g, data, month);
        segmentStart = until;
      }
      if (step) applyStep(step, g);
    }
    for (const payment of monthPayments) {
      if (payment.mask[g] !== 1) continue;
      payDays += payment.amount * month.days;
      if (payment.regular) basisDays += payment.amount * month.days;
    }
    slowPay = Math.round(payDays / month.days);
    slowContributions = contributionsInto(data, basisDays, month.lastActive - month.firstActive + 1, month.days, workerKinds, 0);
  };

  let nextStep = 0;
  for (const [m, month] of term.months.entries()) {
    const data = monthData(month, scenario.region);
    data.rates.forEach((rate) => usedRates.add(rate));
    usedReferences.add(data.reference);
    usedMinimums.add(data.minimumTable);
    const activeDays = month.lastActive - month.firstActive + 1;
    const isFull = activeDays === month.days;
    const monthStart = nextStep;
    while (nextStep < steps.length && (steps[nextStep] as Step).day <= month.lastActive) nextStep += 1;
    const monthSteps = steps.slice(monthStart, nextStep);
    const monthPayments = payments.filter((payment) => payment.day >= month.firstActive && payment.day <= month.lastActive);
    const stamp = m + 1;
    const touchedGroups: number[] = [];
    for (const { mask } of [...monthSteps, ...monthPayments]) {
      for (let g = 0; g < groupCount; g += 1) {
        if (mask[g] === 1 && touched[g] !== stamp) {
          touched[g] = stamp;
          touchedGroups.push(g);
        }
      }
    }

    if (!previousData || !sameData(previousData, data)) {
      // New rates, caps or minimum: every group's cached figures change.
      for (let g = 0; g < groupCount; g += 1) flushGroup(g);
      flushBaseline();
      sumBaseContributions = 0;
      for (let g = 0; g < groupCount; g += 1) {
        refreshCache(g, data);
        if (isFull && touched[g] !== stamp) checkMinimum(g, data, month);
        baseCachedContributions[g] = contributionsInto(data, baseBasis[g] as number, 1, 1, baseCachedKinds, g * kindCount);
        sumBaseContributions += (baseCachedContributions[g] as number) * (groups[g] as WorkforceGroup).headcount;
      }
      previousData = data;
    }

    const addDayByDay = (g: number): void => {
      const headcount = (groups[g] as WorkforceGroup).headcount;
      const gi = groupGrade[g] as number;
      monthWages[m] = (monthWages[m] as number) + slowPay * headcount;
      monthContributions[m] = (monthContributions[m] as number) + slowContributions * headcount;
      gradeWages[gi] = (gradeWages[gi] as number) + slowPay * headcount;
      gradeContributions[gi] = (gradeContributions[gi] as number) + slowContributions * headcount;
      for (let k = 0; k < kindCount; k += 1) kindTotals[k] = (kindTotals[k] as number) + (workerKinds[k] as number) * headcount;
    };
    if (isFull) {
      // Every group at its cached figures, then the touched ones corrected.
      monthWages[m] = sumPay;
      monthContributions[m] = sumContributions;
      monthBaseWages[m] = sumBasePay;
      monthBaseContributions[m] = sumBaseContributions;
      for (const g of touchedGroups) {
        const headcount = (groups[g] as WorkforceGroup).headcount;
        flushGroup(g);
        monthWages[m] = (monthWages[m] as number) - (cachedPay[g] as number) * headcount;
        monthContributions[m] = (monthContributions[m] as number) - (cachedContributions[g] as number) * headcount;
        costDayByDay(g, month, data, monthSteps, monthPayments);
        addDayByDay(g);
        refreshCache(g, data);
        // This month is counted already.
        flushedAt[g] = fullMonths + 1;
      }
      fullMonths += 1;
    } else {
      for (let g = 0; g < groupCount; g += 1) {
        const group = groups[g] as WorkforceGroup;
        const gi = groupGrade[g] as number;
        costDayByDay(g, month, data, monthSteps, monthPayments);
        addDayByDay(g);
        if (touched[g] === stamp) {
          flushGroup(g);
          refreshCache(g, data);
        }
        const basePayWorker = Math.round(((basePay[g] as number) * activeDays) / month.days);
        const baseContributions = contributionsInto(data, (baseBasis[g] as number) * activeDays, activeDays, month.days, baseKinds, 0);
        monthBaseWages[m] = (monthBaseWages[m] as number) + basePayWorker * group.headcount;
        monthBaseContributions[m] = (monthBaseContributions[m] as number) + baseContributions * group.headcount;
        gradeBaseWages[gi] = (gradeBaseWages[gi] as number) + basePayWorker * group.headcount;
        gradeBaseContributions[gi] = (gradeBaseContributions[gi] as number) + baseContributions * group.headcount;
        for (let k = 0; k < kindCount; k += 1) kindBaseline[k] = (kindBaseline[k] as number) + (baseKinds[k] as number) * group.headcount;
      }
    }
  }
  for (let g = 0; g < groupCount; g += 1) flushGroup(g);
  flushBaseline();

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
    contributionsByKind: contributionKinds.map((kind, k) => ({
      kind,
      increase: (kindTotals[k] as number) - (kindBaseline[k] as number),
      baseline: kindBaseline[k] as number,
    })),
    belowMinimum,
    sources: { rates: [...usedRates], referenceLevels: [...usedReferences], minimumWages: [...usedMinimums] },
  };
}
