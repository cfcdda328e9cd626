/**
 * What a position costs: the costing of the document's values after it against the same costing of
 * the values before it, on the same workforce (the document's salary scale, or the headcount and
 * average wage a side entered) over the agreement's term. Both costings are measured against the
 * same baseline (the workforce as it is paid now, overtime and night hours at the rates before the
 * position), so their difference is the position's own cost, interactions included (a raise also
 * raises overtime pay). The settings hold every assumption (wageVariables.ts), so that a side can
 * see and change them in its scenarios; docs/costing.md (Positions and scenarios) explains.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '#shared/calendar/isoDate';
import { computeCost, CostingDataError, type CostFigures } from '#shared/costing/computeCost';
import type { CostingChange, CostingScenario } from '#shared/costing/scenario';
import { addMonths } from '#shared/costing/term';
import { wageVariables, type WageAssumption } from '#shared/costing/wageVariables';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { regionSchema, type VariableValue } from '#shared/templates/schema';
import type { Region } from '#shared/templates/variableTypes';

const isoDate = z.string().refine(isIsoDate, 'must be a real date written YYYY-MM-DD');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year is written MM-DD');

/** A side's changes to a wage variable's default assumptions (wageVariables.ts); what is absent keeps its default. */
export const assumptionOverrideSchema = z.strictObject({
  recipientsPercent: z.number().min(0).max(1000).optional(),
  grades: z.array(z.string().min(1).max(200)).max(500).nullable().optional(),
  quantity: z.number().min(0).max(744).optional(),
  paidOn: z.array(monthDay).max(24).optional(),
  regular: z.boolean().optional(),
});

/** The workforce a side enters when the document has no salary scale. */
export const enteredWorkforceSchema = z.strictObject({
  headcount: z.number().int().min(1).max(10_000_000),
  monthlyWage: z.number().int().min(0).max(10_000_000_000),
});

/** Every assumption of a costing of positions: the term, the hours of a month, the workforce without a scale, each wage variable's. */
export const costingSettingsSchema = z.strictObject({
  /** The first day costed; the agreement's effective date (`effective_date`) when null. */
  start: isoDate.nullable().default(null),
  /** The months costed; the agreement's term (`term_years`) when null. */
  termMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** Normal hours in a month, turning a monthly wage into an hourly one (Decree 145/2020/ND-CP Art. 55). */
  normalHoursPerMonth: z.number().min(1).max(744).default(208),
  /** Used only when the document has no salary scale (or one that pays nobody). */
  workforce: enteredWorkforceSchema.nullable().default(null),
  /** By wage variable id. */
  assumptions: z
    .record(z.string().min(1).max(80), assumptionOverrideSchema)
    .default({})
    .superRefine((assumptions, context) => {
      for (const id of Object.keys(assumptions))
        if (!Object.hasOwn(wageVariables, id)) context.addIssue({ code: 'custom', path: [id], message: 'is not a wage variable (docs/costing.md lists them)' });
    }),
});

export type CostingSettings = z.output<typeof costingSettingsSchema>;
export type CostingSettingsInput = z.input<typeof costingSettingsSchema>;

/** The settings every costing starts from: the defaults of wageVariables.ts, the agreement's own date and term. */
export const defaultCostingSettings: CostingSettings = costingSettingsSchema.parse({});

/** A wage variable's assumptions under the settings. */
export function assumptionOf(settings: CostingSettings, variableId: string): WageAssumption {
  const mapping = wageVariables[variableId];
  if (!mapping) throw new RangeError(`"${variableId}" is not a wage variable`);
  const override = settings.assumptions[variableId] ?? {};
  return {
    recipientsPercent: override.recipientsPercent ?? mapping.defaults.recipientsPercent,
    grades: override.grades === undefined ? mapping.defaults.grades : override.grades,
    quantity: override.quantity ?? mapping.defaults.quantity,
    paidOn: override.paidOn ?? mapping.defaults.paidOn,
    regular: override.regular ?? mapping.defaults.regular,
  };
}

type Values = Readonly<Record<string, VariableValue>>;

/** Where the costing's workforce comes from. */
export type WorkforceSource = 'scale' | 'entered';

/** The workforce costed: the scale's when it pays anyone, else the one the settings enter, else none. */
export function costingWorkforce(
  scaleWorkforce: readonly WorkforceGroup[],
  settings: CostingSettings,
): { groups: WorkforceGroup[]; source: WorkforceSource } | null {
  if (scaleWorkforce.some((group) => group.headcount > 0)) return { groups: [...scaleWorkforce], source: 'scale' };
  if (!settings.workforce) return null;
  const { headcount, monthlyWage } = settings.workforce;
  return { groups: [{ grade: 'all', step: null, headcount, monthlyWage, regularAllowances: 0, irregularAllowances: 0 }], source: 'entered' };
}

/** The term costed: the settings', else the agreement's effective date and term, else `fallbackStart` and a year. */
export function costingTerm(values: Values, settings: CostingSettings, fallbackStart: IsoDate): { start: IsoDate; termMonths: number } {
  const effective = values.effective_date;
  const start = settings.start ?? (typeof effective === 'string' && isIsoDate(effective) ? effective : fallbackStart);
  const years = Number(values.term_years);
  const termMonths = settings.termMonths ?? (Number.isInteger(years) && years >= 1 && years <= 10 ? years * 12 : 12);
  return { start, termMonths };
}

function regionOf(values: Values): Region {
  const parsed = regionSchema.safeParse(values.region);
  return parsed.success ? parsed.data : 'I';
}

function numberOf(values: Values, id: string): number | null {
  const value = values[id];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Which groups an assumption covers, as the engine's filter. */
function coverage(assumption: WageAssumption): Pick<CostingChange, 'grades'> {
  return assumption.grades && assumption.grades.length > 0 ? { grades: assumption.grades } : {};
}

/** The filter of one cell of the workforce (a grade without steps is one cell). */
function cellFilter(group: WorkforceGroup): Pick<CostingChange, 'grades' | 'steps'> {
  return group.step === null ? { grades: [group.grade] } : { grades: [group.grade], steps: [group.step] };
}

/** The days within the term's years that an amount paid on `paidOn` falls on. */
function paymentDays(paidOn: readonly string[], start: IsoDate, termMonths: number): IsoDate[] {
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(addMonths(start, termMonths).slice(0, 4));
  const days: IsoDate[] = [];
  for (let year = firstYear; year <= lastYear; year += 1)
    for (const day of paidOn) {
      const date = `${year}-${day}`;
      if (isIsoDate(date)) days.push(date);
    }
  return days;
}

interface ScenarioFrame {
  groups: readonly WorkforceGroup[];
  settings: CostingSettings;
  start: IsoDate;
  termMonths: number;
  region: Region;
}

/**
 * The changes a set of values makes to the workforce. `baseline` holds the values before the
 * position: overtime and night lines start at their rates, so that both costings of a position
 * share one baseline.
 */
export function changesOfValues(values: Values, baseline: Values, frame: ScenarioFrame): CostingChange[] {
  const { start, termMonths, groups, settings } = frame;
  const floors: CostingChange[] = [];
  const changes: CostingChange[] = [];
  for (const [id, mapping] of Object.entries(wageVariables)) {
    const value = numberOf(values, id);
    if (value === null) continue;
    const assumption = assumptionOf(settings, id);
    const share = assumption.recipientsPercent / 100;
    switch (mapping.effect.kind) {
      case 'raise':
        if (value !== 0) changes.push({ kind: 'percent', value, from: start, yearly: true });
        break;
      case 'floor':
        // Before the raise of the same day: a cell brought up to the floor is then raised like the others.
        for (const group of groups)
          if (group.monthlyWage < value) floors.push({ kind: 'wage', monthlyWage: Math.round(value), from: start, ...cellFilter(group) });
        break;
      case 'overtime':
      case 'night': {
        const oldRate = numberOf(baseline, id) ?? value;
        const hours = Math.min(744, assumption.quantity * share);
        if (hours === 0) break;
        const line = { oldRate, newRate: value, hours, from: start, ...coverage(assumption) };
        changes.push(mapping.effect.kind === 'overtime' ? { kind: 'overtime', day: mapping.effect.day, ...line } : { kind: 'night', ...line });
        break;
      }
      case 'monthly':
      case 'perUnit': {
        const amount = Math.round(value * share * assumption.quantity);
        if (amount !== 0) changes.push({ kind: 'allowance', amount, regular: assumption.regular, from: start, ...coverage(assumption) });
        break;
      }
      case 'occasions': {
        const amount = Math.round(value * share);
        if (amount === 0) break;
        for (const on of paymentDays(assumption.paidOn, start, termMonths))
          changes.push({ kind: 'bonus', amount, on, regular: assumption.regular, ...coverage(assumption) });
        break;
      }
      case 'wageMonths': {
        if (value === 0) break;
        const covered = assumption.grades ? new Set(assumption.grades) : null;
        for (const on of paymentDays(assumption.paidOn, start, termMonths))
          for (const group of groups) {
            if (covered && !covered.has(group.grade)) continue;
            const amount = Math.round(group.monthlyWage * value * share);
            if (amount > 0) changes.push({ kind: 'bonus', amount, on, regular: assumption.regular, ...cellFilter(group) });
          }
        break;
      }
    }
  }
  return [...floors, ...changes];
}

/** What a position costs, as the cards, the ledger and the exports show it. */
export interface PositionCost {
  /** Over the term. */
  total: CostFigures;
  /** A year on average over the term. */
  averageYear: CostFigures;
  perWorkerMonth: CostFigures;
  /** Each calendar year of the term (for the chart). */
  years: { year: number; cost: number }[];
  headcount: number;
  start: IsoDate;
  termMonths: number;
  workforce: WorkforceSource;
  /** The wage variables whose values the position changes. */
  variables: string[];
}

/** Why a position has no cost to show. */
export type NoCostReason = 'no_wage_change' | 'no_workforce' | 'before_data';

export type PositionCosting = { ok: true; cost: PositionCost } | { ok: false; reason: NoCostReason };

export interface CostingInput {
  /** The document's values before the position (the values it replaces laid over the current ones). */
  before: Values;
  /** The values with the position's. */
  after: Values;
  /** The workforce of the document's salary scales (workforceFromSalaryScale), empty without one. */
  scaleWorkforce: readonly WorkforceGroup[];
  settings: CostingSettings;
  /** The start when neither the settings nor the document give one (today in Vietnam). */
  fallbackStart: IsoDate;
}

function minus(a: CostFigures, b: CostFigures): CostFigures {
  const wages = a.wages - b.wages;
  const contributions = a.contributions - b.contributions;
  return { wages, contributions, cost: wages + contributions };
}

function scaled(figures: CostFigures, factor: number, over: number): CostFigures {
  const wages = over === 0 ? 0 : Math.round((figures.wages * factor) / over);
  const contributions = over === 0 ? 0 : Math.round((figures.contributions * factor) / over);
  return { wages, contributions, cost: wages + contributions };
}

/** The two scenarios of a position: the values before it and after it, on one workforce, term and baseline. */
export interface ScenarioPair {
  before: CostingScenario;
  after: CostingScenario;
  workforce: WorkforceSource;
  /** The wage variables whose values differ. */
  variables: string[];
}

/** The scenarios that cost going from `before` to `after`, or why there are none. */
export function scenarioPairOf(input: CostingInput): { ok: true; pair: ScenarioPair } | { ok: false; reason: NoCostReason } {
  const variables = Object.keys(wageVariables).filter((id) => numberOf(input.before, id) !== numberOf(input.after, id));
  if (variables.length === 0) return { ok: false, reason: 'no_wage_change' };
  const workforce = costingWorkforce(input.scaleWorkforce, input.settings);
  if (!workforce) return { ok: false, reason: 'no_workforce' };
  const { start, termMonths } = costingTerm(input.after, input.settings, input.fallbackStart);
  const frame: ScenarioFrame = { groups: workforce.groups, settings: input.settings, start, termMonths, region: regionOf(input.after) };
  const scenarioOf = (values: Values): CostingScenario => ({
    region: frame.region,
    start,
    termMonths,
    normalHoursPerMonth: input.settings.normalHoursPerMonth,
    workforce: workforce.groups,
    changes: changesOfValues(values, input.before, frame),
  });
  return { ok: true, pair: { before: scenarioOf(input.before), after: scenarioOf(input.after), workforce: workforce.source, variables } };
}

/** The cost of going from `before` to `after`. */
export function costOfValues(input: CostingInput): PositionCosting {
  const scenarios = scenarioPairOf(input);
  if (!scenarios.ok) return scenarios;
  const { pair } = scenarios;
  try {
    const after = computeCost(pair.after);
    const before = computeCost(pair.before);
    const total = minus(after.total, before.total);
    return {
      ok: true,
      cost: {
        total,
        averageYear: scaled(total, 12, pair.after.termMonths),
        perWorkerMonth: scaled(total, 1, after.headcount * pair.after.termMonths),
        years: after.years.map((year, index) => ({ year: year.year, cost: year.cost - (before.years[index]?.cost ?? 0) })),
        headcount: after.headcount,
        start: pair.after.start,
        termMonths: pair.after.termMonths,
        workforce: pair.workforce,
        variables: pair.variables,
      },
    };
  } catch (error) {
    if (error instanceof CostingDataError) return { ok: false, reason: 'before_data' };
    throw error;
  }
}

/** The values before a position and with it: what it replaces laid over the values now, then what it offers. */
export function positionValues(
  position: { values: Readonly<Record<string, VariableValue>>; previousValues: Readonly<Record<string, VariableValue>> },
  current: Values,
): { before: Values; after: Values } {
  const before = { ...current, ...position.previousValues };
  return { before, after: { ...before, ...position.values } };
}
