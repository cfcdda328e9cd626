/**
 * Which variables of an agreement are wage variables, and how a value of each becomes a costing
 * change (shared/costing/scenario.ts). Each mapping carries its assumptions (who receives an
 * allowance, the hours expected, the days a gift is paid) as defaults the parties see and may
 * change in their scenario settings (positionCost.ts); docs/costing.md (Positions and scenarios)
 * gives the table and the reasons.
 */
/** How a variable's value enters the costing. */
export type WageEffect =
  /** A percentage raise of every wage, each year of the term from its start. */
  | { kind: 'raise' }
  /** The lowest wage paid: every cell of the scale below it is raised to it at the start. */
  | { kind: 'floor' }
  /** An overtime rate (percent of the hourly wage) paid on the expected hours of that kind of day. */
  | { kind: 'overtime'; day: 'weekday' | 'restDay' | 'holiday' }
  /** A premium over the hourly wage (percent) paid on the expected night hours. */
  | { kind: 'night' }
  /** An amount a month per recipient (× quantity: years of service for a per-year allowance). */
  | { kind: 'monthly' }
  /** An amount per shift or meal, × the expected number a month. */
  | { kind: 'perUnit' }
  /** An amount paid once on each of the days in `paidOn`, every year of the term. */
  | { kind: 'occasions' }
  /** A number of months of each worker's wage, paid on the days in `paidOn`. */
  | { kind: 'wageMonths' };

/** What the parties may change about a variable's costing. */
export interface WageAssumption {
  /** Of the workers of the grades it covers, how many in 100 receive it (for a per-child gift: children per 100 workers). */
  recipientsPercent: number;
  /** The grades it covers; null: every grade. */
  grades: string[] | null;
  /** Hours a month (overtime, night work), shifts or meals a month, years of service; 1 where it does not apply. */
  quantity: number;
  /** The days of each year an amount is paid, "MM-DD". */
  paidOn: string[];
  /** Paid regularly with the wage: it then enters the social-insurance basis (Circular 10/2020/TT-BLĐTBXH Art. 3). */
  regular: boolean;
}

export interface WageVariable {
  effect: WageEffect;
  /** What `quantity` counts, for the settings form; null where it is not used. */
  quantityUnit: 'hours' | 'shifts' | 'meals' | 'years' | null;
  defaults: WageAssumption;
}

const everyone = { recipientsPercent: 100, grades: null, quantity: 1, paidOn: [], regular: false } satisfies WageAssumption;

function variable(effect: WageEffect, quantityUnit: WageVariable['quantityUnit'], defaults: Partial<WageAssumption> = {}): WageVariable {
  return { effect, quantityUnit, defaults: { ...everyone, ...defaults } };
}

/**
 * The wage variables of variables.json, by id. The defaults are a mid-sized factory's (a month of
 * 26 shifts; overtime well under the 40 hours a month of Decree 145/2020 Art. 60); a side that
 * knows better says so in its scenario settings. Variables not listed (leave days, notice periods,
 * severance rates) are not costed.
 */
export const wageVariables: Readonly<Record<string, WageVariable>> = {
  annual_raise_percent: variable({ kind: 'raise' }, null),
  lowest_wage: variable({ kind: 'floor' }, null),
  ot_rate_weekday: variable({ kind: 'overtime', day: 'weekday' }, 'hours', { quantity: 12 }),
  ot_rate_weekly_rest: variable({ kind: 'overtime', day: 'restDay' }, 'hours', { quantity: 8 }),
  ot_rate_holiday: variable({ kind: 'overtime', day: 'holiday' }, 'hours', { quantity: 1 }),
  night_premium_percent: variable({ kind: 'night' }, 'hours', { recipientsPercent: 30, quantity: 208 }),
  night_ot_extra_percent: variable({ kind: 'night' }, 'hours', { recipientsPercent: 30, quantity: 4 }),
  responsibility_allowance: variable({ kind: 'monthly' }, null, { recipientsPercent: 10, regular: true }),
  hazardous_allowance: variable({ kind: 'monthly' }, null, { recipientsPercent: 20, regular: true }),
  seniority_allowance_per_year: variable({ kind: 'monthly' }, 'years', { quantity: 3, regular: true }),
  housing_allowance: variable({ kind: 'monthly' }, null),
  travel_allowance: variable({ kind: 'monthly' }, null),
  attendance_bonus: variable({ kind: 'monthly' }, null, { recipientsPercent: 90 }),
  childcare_support_per_child: variable({ kind: 'monthly' }, null, { recipientsPercent: 20 }),
  union_officer_allowance: variable({ kind: 'monthly' }, null, { recipientsPercent: 2 }),
  meal_allowance_per_shift: variable({ kind: 'perUnit' }, 'shifts', { quantity: 26 }),
  ot_meal_allowance: variable({ kind: 'perUnit' }, 'meals', { quantity: 4 }),
  in_kind_allowance_per_shift: variable({ kind: 'perUnit' }, 'shifts', { recipientsPercent: 20, quantity: 26 }),
  thirteenth_month_salary_months: variable({ kind: 'wageMonths' }, null, { paidOn: ['12-31'] }),
  gift_tet: variable({ kind: 'occasions' }, null, { paidOn: ['01-25'] }),
  public_holiday_bonus: variable({ kind: 'occasions' }, null, { paidOn: ['01-01', '04-30', '09-02'] }),
  gift_womens_day: variable({ kind: 'occasions' }, null, { recipientsPercent: 60, paidOn: ['03-08', '10-20'] }),
  gift_children_day: variable({ kind: 'occasions' }, null, { recipientsPercent: 50, paidOn: ['06-01', '09-15'] }),
  excursion_budget_per_worker: variable({ kind: 'occasions' }, null, { paidOn: ['06-15'] }),
  supplementary_insurance_premium: variable({ kind: 'occasions' }, null, { paidOn: ['01-15'] }),
  gift_wedding: variable({ kind: 'occasions' }, null, { recipientsPercent: 3, paidOn: ['07-01'] }),
  gift_childbirth: variable({ kind: 'occasions' }, null, { recipientsPercent: 5, paidOn: ['07-01'] }),
  condolence_family: variable({ kind: 'occasions' }, null, { recipientsPercent: 2, paidOn: ['07-01'] }),
  sick_visit_support: variable({ kind: 'occasions' }, null, { recipientsPercent: 5, paidOn: ['07-01'] }),
  retirement_gift: variable({ kind: 'occasions' }, null, { recipientsPercent: 1, paidOn: ['07-01'] }),
};

/** Whether a variable's value changes what wages cost. */
export function isWageVariable(variableId: string): boolean {
  return Object.hasOwn(wageVariables, variableId);
}

/** Whether a set of values changes a wage variable. */
export function touchesWages(values: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(values).some(isWageVariable);
}
