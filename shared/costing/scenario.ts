/**
 * A costing scenario: a workforce, a term and the changes a wage position makes to it, as the
 * command line reads it from JSON and the negotiation view builds it. The fields are documented in
 * docs/costing.md (Scenario format). Money is whole đồng; rates are percentages.
 */
import { z } from 'zod';
import { isIsoDate } from '#shared/calendar/isoDate';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { describeValue, formatPath, problemsFromIssues, valueAt, type PackProblem } from '#shared/templates/packProblems';
import { regionSchema } from '#shared/templates/schema';

/** Whole đồng, at most ten billion (a month's wage or allowance of one worker, far above any real one). */
const maxMoney = 10_000_000_000;

const isoDate = z.string().refine(isIsoDate, 'must be a real date written YYYY-MM-DD');
const money = z.number().int().min(0).max(maxMoney);
const signedMoney = z.number().int().min(-maxMoney).max(maxMoney);
const hours = z.number().min(0).max(744);
/** A pay rate in percent of the hourly wage (150 = 150 %). */
const rate = z.number().min(0).max(10_000);

/** Which groups a change touches: every group when both are absent, else those of the grades and steps listed. */
const filters = {
  grades: z.array(z.string().min(1)).min(1).optional(),
  steps: z.array(z.number().int().min(1)).min(1).optional(),
};

/** A raise repeated on each anniversary of `from` within the term (`times` applications in all, else every year). */
const repetition = {
  yearly: z.boolean().optional(),
  times: z.number().int().min(1).max(100).optional(),
};

const percentChange = z.strictObject({
  kind: z.literal('percent'),
  value: z.number().gt(-100).max(1000),
  from: isoDate,
  ...filters,
  ...repetition,
});

const flatChange = z.strictObject({ kind: z.literal('flat'), amount: signedMoney, from: isoDate, ...filters, ...repetition });

const wageChange = z.strictObject({ kind: z.literal('wage'), monthlyWage: money, from: isoDate, ...filters });

const allowanceChange = z.strictObject({ kind: z.literal('allowance'), amount: signedMoney, regular: z.boolean(), from: isoDate, ...filters });

const bonusChange = z.strictObject({ kind: z.literal('bonus'), amount: money, on: isoDate, regular: z.boolean().default(false), ...filters });

const overtimeChange = z.strictObject({
  kind: z.literal('overtime'),
  day: z.enum(['weekday', 'restDay', 'holiday']),
  oldRate: rate,
  newRate: rate,
  hours,
  from: isoDate,
  ...filters,
});

const nightChange = z.strictObject({ kind: z.literal('night'), oldRate: rate, newRate: rate, hours, from: isoDate, ...filters });

const changeSchema = z
  .discriminatedUnion('kind', [percentChange, flatChange, wageChange, allowanceChange, bonusChange, overtimeChange, nightChange])
  .superRefine((change, context) => {
    if ('times' in change && change.times !== undefined && change.yearly !== true) {
      context.addIssue({ code: 'custom', path: ['times'], message: 'counts yearly repetitions: give "yearly": true with it' });
    }
  });

const workforceGroupSchema = z
  .strictObject({
    grade: z.string().min(1).max(200),
    step: z.number().int().min(1).max(1000).nullable().optional(),
    headcount: z.number().int().min(0).max(10_000_000),
    monthlyWage: money,
    regularAllowances: money.optional(),
    irregularAllowances: money.optional(),
  })
  .transform(
    (group): WorkforceGroup => ({
      grade: group.grade,
      step: group.step ?? null,
      headcount: group.headcount,
      monthlyWage: group.monthlyWage,
      regularAllowances: group.regularAllowances ?? 0,
      irregularAllowances: group.irregularAllowances ?? 0,
    }),
  );

export const costingScenarioSchema = z.strictObject({
  /** A label for the position (shown in comparisons and exports). */
  name: z.string().min(1).max(200).optional(),
  region: regionSchema,
  start: isoDate,
  termMonths: z.number().int().min(1).max(120),
  /** Normal working hours in a month, to turn a monthly wage into an hourly one (Decree 145/2020/ND-CP Art. 55): 26 days of 8 hours unless given. */
  normalHoursPerMonth: z.number().min(1).max(744).default(208),
  workforce: z.array(workforceGroupSchema).min(1).max(100_000),
  changes: z.array(changeSchema).max(500).default([]),
});

export type CostingScenario = z.output<typeof costingScenarioSchema>;
/** A scenario as written, before defaults are filled in. */
export type CostingScenarioInput = z.input<typeof costingScenarioSchema>;
export type CostingChange = CostingScenario['changes'][number];
export type ChangeKind = CostingChange['kind'];
export const changeKinds: readonly ChangeKind[] = ['percent', 'flat', 'wage', 'allowance', 'bonus', 'overtime', 'night'];

/** One thing wrong with a scenario: where (`changes[1].from`) and what, in English (the command line's language). */
export type ScenarioProblem = Pick<PackProblem, 'path'> & { message: string };

export type ScenarioParse = { ok: true; scenario: CostingScenario } | { ok: false; problems: ScenarioProblem[] };

/** Reads a scenario, or says what is wrong with it, field by field. */
export function parseScenario(input: unknown): ScenarioParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '(the scenario)', message: `must be an object {...}, found ${describeValue(input).en}` }] };
  }
  const parsed = costingScenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const problems = parsed.error.issues.flatMap((issue): ScenarioProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field (docs/costing.md lists the fields)' }));
    }
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
      // A change of no known kind: say which kinds there are rather than zod's own words.
      const found = describeValue(valueAt(input, issue.path)).en;
      return [{ path: formatPath(issue.path), message: `is ${found}; expected one of: ${changeKinds.join(', ')}` }];
    }
    return problemsFromIssues([issue], input).map((problem) => ({ path: problem.path, message: problem.message.en }));
  });
  return { ok: false, problems };
}

/** The problems as lines, `path: message`, the first `limit` and how many more. */
export function scenarioProblemLines(problems: readonly ScenarioProblem[], limit = 10): string[] {
  const shown = problems.slice(0, limit).map((problem) => `${problem.path}: ${problem.message}`);
  return problems.length > limit ? [...shown, `… and ${problems.length - limit} more`] : shown;
}
