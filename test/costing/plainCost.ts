import { fromDayNumber, toDayNumber } from '#shared/calendar/isoDate';
import { minimumWageTableOn } from '#shared/compliance/data/minimumWages';
import { contributionKinds, contributionRatesOn, referenceLevelOn } from '#shared/costing/contributionRates';
import type { CostingChange, CostingScenario } from '#shared/costing/scenario';
import { addMonths, termOf } from '#shared/costing/term';
import type { WorkforceGroup } from '#shared/costing/workforce';

/**
 * The costing method of docs/costing.md done the plain way, to check the engine against: each
 * group on its own, each day of each month, no caching and no running sums. Slow and simple.
 */

interface DayEvent {
  day: number;
  change: CostingChange;
  line: number;
}

interface PlainResult {
  months: { month: string; wages: number; contributions: number; baselineWages: number; baselineContributions: number }[];
  grades: Map<string, { wages: number; contributions: number; baselineWages: number; baselineContributions: number }>;
  kinds: number[];
  baselineKinds: number[];
  belowMinimum: { grade: string; step: number | null; monthlyWage: number; minimum: number; month: string }[];
}

function applies(change: CostingChange, group: WorkforceGroup): boolean {
  return (!change.grades || change.grades.includes(group.grade)) && (!change.steps || (group.step !== null && change.steps.includes(group.step)));
}

export function plainCost(scenario: CostingScenario): PlainResult {
  const term = termOf(scenario.start, scenario.termMonths);
  const first = toDayNumber(term.start);
  const last = toDayNumber(term.end);
  const result: PlainResult = {
    months: term.months.map((month) => ({ month: month.key, wages: 0, contributions: 0, baselineWages: 0, baselineContributions: 0 })),
    grades: new Map(),
    kinds: contributionKinds.map(() => 0),
    baselineKinds: contributionKinds.map(() => 0),
    belowMinimum: [],
  };
  for (const group of scenario.workforce) {
    const changes = scenario.changes.filter((change) => applies(change, group));
    const lineChanges = changes.filter((change) => change.kind === 'overtime' || change.kind === 'night');
    const events: DayEvent[] = [];
    for (const change of changes) {
      if (change.kind === 'bonus') continue;
      const line = lineChanges.findIndex((candidate) => candidate === change);
      const count = (change.kind === 'percent' || change.kind === 'flat') && change.yearly ? (change.times ?? 1000) : 1;
      for (let year = 0; year < count; year += 1) {
        const day = toDayNumber(addMonths(change.from, 12 * year));
        if (day > last) break;
        events.push({ day: Math.max(day, first), change, line });
      }
    }
    let wage = group.monthlyWage;
    let regular = group.regularAllowances;
    let irregular = group.irregularAllowances;
    const rates = lineChanges.map((change) => change.oldRate);
    const oldRates = [...rates];
    const pay = (monthlyWage: number, lineRates: number[]): number =>
      lineRates.reduce(
        (sum, rate, l) => sum + Math.round((monthlyWage * rate * (lineChanges[l] as { hours: number }).hours) / (100 * scenario.normalHoursPerMonth)),
        0,
      );
    let reported = '';
    const grade = result.grades.get(group.grade) ?? { wages: 0, contributions: 0, baselineWages: 0, baselineContributions: 0 };
    result.grades.set(group.grade, grade);
    term.months.forEach((month, m) => {
      const date = fromDayNumber(month.firstActive);
      const ratesOn = contributionRatesOn(date);
      const reference = referenceLevelOn(date);
      const minimum = minimumWageTableOn(date)?.monthly[scenario.region];
      if (!ratesOn || !reference || minimum === undefined) throw new Error(`no data for ${month.key}`);
      let payDays = 0;
      let basisDays = 0;
      for (let day = month.firstActive; day <= month.lastActive; day += 1) {
        for (const event of events.filter((candidate) => candidate.day === day)) {
          const change = event.change;
          if (change.kind === 'percent') wage = Math.round((wage * (100 + change.value)) / 100);
          else if (change.kind === 'flat') wage += change.amount;
          else if (change.kind === 'wage') wage = change.monthlyWage;
          else if (change.kind === 'allowance' && change.regular) regular += change.amount;
          else if (change.kind === 'allowance') irregular += change.amount;
          else if (change.kind === 'overtime' || change.kind === 'night') rates[event.line] = change.newRate;
        }
        payDays += wage + regular + irregular + pay(wage, rates);
        basisDays += wage + regular;
        if (wage < minimum && reported !== `${wage}|${minimum}`) {
          reported = `${wage}|${minimum}`;
          result.belowMinimum.push({ grade: group.grade, step: group.step, monthlyWage: wage, minimum, month: month.key });
        }
      }
      for (const change of changes) {
        if (change.kind !== 'bonus') continue;
        const day = toDayNumber(change.on);
        if (day < month.firstActive || day > month.lastActive) continue;
        payDays += change.amount * month.days;
        if (change.regular) basisDays += change.amount * month.days;
      }
      const activeDays = month.lastActive - month.firstActive + 1;
      const contributions = (basis: number, totals: number[]): number =>
        ratesOn.reduce((sum, rate, k) => {
          const cap = rate.cap.multiple * (rate.cap.of === 'referenceLevel' ? reference.monthly : minimum) * activeDays;
          const amount = Math.round((rate.basisPoints * Math.min(basis, cap)) / (10_000 * month.days));
          totals[k] = (totals[k] as number) + amount * group.headcount;
          return sum + amount;
        }, 0);
      const workerPay = Math.round(payDays / month.days);
      const workerContributions = contributions(basisDays, result.kinds);
      const basePay = Math.round(
        ((group.monthlyWage + group.regularAllowances + group.irregularAllowances + pay(group.monthlyWage, oldRates)) * activeDays) / month.days,
      );
      const baseContributions = contributions((group.monthlyWage + group.regularAllowances) * activeDays, result.baselineKinds);
      const row = result.months[m] as PlainResult['months'][number];
      row.wages += workerPay * group.headcount;
      row.contributions += workerContributions * group.headcount;
      row.baselineWages += basePay * group.headcount;
      row.baselineContributions += baseContributions * group.headcount;
      grade.wages += workerPay * group.headcount;
      grade.contributions += workerContributions * group.headcount;
      grade.baselineWages += basePay * group.headcount;
      grade.baselineContributions += baseContributions * group.headcount;
    });
  }
  return result;
}
