/**
 * The salary scale (thang lương, bảng lương; Labour Code 2019 Art. 93) of a document: one or
 * several scales, each a table of grades (ngạch, chức danh) and their steps (bậc), with the
 * monthly wage of each step in whole đồng, its allowances and how many workers it pays.
 *
 * In the shared Y.Doc a scale is stored flat, one plain value per scale, grade and step in the
 * `salaryScale` map (yjsSalaryScale.ts), so that two people editing different cells merge; each
 * value is checked here, by the sync server on every write and by the interface as people type.
 * A problem is a key (ScaleProblem): the interface words it in its language (decision 0016), the
 * server refuses with its English words.
 */
import { z } from 'zod';
import { problemOfSingleLineName } from '#shared/text/safeText';

/** What can be wrong with a value of the scale: the interface words each key in both languages. */
export const scaleProblems = [
  'wage_whole',
  'amount_whole',
  'money_too_large',
  'headcount_whole',
  'headcount_too_large',
  'step_number',
  'text_empty',
  'text_too_long',
  'text_unsafe',
  'too_many_allowances',
  'unknown_field',
  'not_an_entry',
] as const;

export type ScaleProblem = (typeof scaleProblems)[number];

/** The English words of each problem: the server's refusals, logs and the command line. */
export const scaleProblemWords: Readonly<Record<ScaleProblem, string>> = {
  wage_whole: 'a wage must be a whole number of đồng, not negative',
  amount_whole: 'an allowance must be a whole number of đồng, not negative',
  money_too_large: 'an amount may not exceed 1,000,000,000 đồng a month',
  headcount_whole: 'a headcount must be a whole number of people, not negative',
  headcount_too_large: 'a headcount may not exceed 1,000,000 people',
  step_number: 'a step (bậc) is a whole number from 1 to 99',
  text_empty: 'a name or title may not be empty',
  text_too_long: 'a name is at most 200 characters, a code at most 40',
  text_unsafe: 'a name is one line of visible text, without characters no document can hold',
  too_many_allowances: 'a step has at most 20 allowances',
  unknown_field: 'the scale has no such field',
  not_an_entry: 'the salary scale holds only its scales, grades and steps, as plain values',
};

/** Most đồng a month in one wage or allowance: keeps every total of a scale an exact integer. */
export const maxMonthlyAmount = 1_000_000_000;
export const maxHeadcount = 1_000_000;
export const maxStep = 99;
export const maxAllowancesPerStep = 20;
const maxNameLength = 200;
const maxCodeLength = 40;

function name(maxLength: number) {
  return z
    .string({ error: 'text_unsafe' })
    .max(maxLength, { error: 'text_too_long' })
    .superRefine((text, context) => {
      if (text.trim() === '') context.addIssue({ code: 'custom', message: 'text_empty' });
      else if (text !== text.trim() || text !== text.normalize('NFC') || problemOfSingleLineName(text) !== null)
        context.addIssue({ code: 'custom', message: 'text_unsafe' });
    });
}

function money(problem: 'wage_whole' | 'amount_whole') {
  return z.number({ error: problem }).int({ error: problem }).min(0, { error: problem }).max(maxMonthlyAmount, { error: 'money_too_large' });
}

const headcountSchema = z
  .number({ error: 'headcount_whole' })
  .int({ error: 'headcount_whole' })
  .min(0, { error: 'headcount_whole' })
  .max(maxHeadcount, { error: 'headcount_too_large' });

/** A position among its siblings (scales in the document, grades in their scale): any finite number, smaller first. */
const orderSchema = z.number({ error: 'not_an_entry' }).refine(Number.isFinite, { error: 'not_an_entry' });

/** The id of a scale or grade as a step or grade refers to it. */
const idSchema = z.string({ error: 'not_an_entry' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'not_an_entry' });

export const allowanceSchema = z.strictObject(
  {
    name: name(maxNameLength),
    /** Đồng a month (an irregular allowance: its monthly average). */
    amount: money('amount_whole'),
    /** Paid regularly each month: it then enters the social-insurance basis. */
    regular: z.boolean({ error: 'not_an_entry' }),
  },
  { error: unknownOr('not_an_entry') },
);

export type Allowance = z.infer<typeof allowanceSchema>;

export const scaleEntrySchema = z.strictObject({ title: name(maxNameLength), order: orderSchema }, { error: unknownOr('not_an_entry') });

export const gradeEntrySchema = z.strictObject(
  {
    scale: idSchema,
    title: name(maxNameLength),
    /** The code as people type it (A1, KS.2...); absent when the grade has none. */
    code: name(maxCodeLength).optional(),
    order: orderSchema,
  },
  { error: unknownOr('not_an_entry') },
);

export const stepEntrySchema = z.strictObject(
  {
    grade: idSchema,
    step: z.number({ error: 'step_number' }).int({ error: 'step_number' }).min(1, { error: 'step_number' }).max(maxStep, { error: 'step_number' }),
    /** Wage for normal hours and normal work, đồng a month (LC Art. 90), before allowances. */
    monthlyWage: money('wage_whole'),
    headcount: headcountSchema,
    allowances: z.array(allowanceSchema, { error: 'not_an_entry' }).max(maxAllowancesPerStep, { error: 'too_many_allowances' }),
  },
  { error: unknownOr('not_an_entry') },
);

export type ScaleEntry = z.infer<typeof scaleEntrySchema>;
export type GradeEntry = z.infer<typeof gradeEntrySchema>;
export type StepEntry = z.infer<typeof stepEntrySchema>;

/** Zod reports unknown keys of a strict object as `unrecognized_keys`: that is an unknown field; anything else the object's own problem. */
function unknownOr(problem: ScaleProblem) {
  return (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? 'unknown_field' : problem);
}

/** The kinds of entry in the map, by the prefix of their key (`scale:…`, `grade:…`, `step:…`). */
export type EntryKind = 'scale' | 'grade' | 'step';

const entrySchemas = { scale: scaleEntrySchema, grade: gradeEntrySchema, step: stepEntrySchema } as const;

/** The key of an entry in the map. */
export function entryKey(kind: EntryKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and id of an entry's key, or null when no entry has such a key. */
export function parseEntryKey(key: string): { kind: EntryKind; id: string } | null {
  const match = /^(scale|grade|step):([A-Za-z0-9_-]{1,64})$/.exec(key);
  return match ? { kind: match[1] as EntryKind, id: match[2] as string } : null;
}

/** A problem found in a value, and where: the field (`monthlyWage`, `allowances.0.amount`…), or '' for the value as a whole. */
export interface EntryProblem {
  problem: ScaleProblem;
  field: string;
}

function isScaleProblem(message: string): message is ScaleProblem {
  return (scaleProblems as readonly string[]).includes(message);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Why a value cannot be written under a key of the map, or null when it can. */
export function entryProblem(key: string, value: unknown): EntryProblem | null {
  const parsed = parseEntryKey(key);
  // A shared type (a nested Y.Map) or any object but a plain one is no entry, whatever fields it shows.
  if (!parsed || !isPlainObject(value)) return { problem: 'not_an_entry', field: '' };
  const result = entrySchemas[parsed.kind].safeParse(value);
  if (result.success) return null;
  const [issue] = result.error.issues;
  const message = issue?.message ?? '';
  return { problem: isScaleProblem(message) ? message : 'not_an_entry', field: (issue?.path ?? []).join('.') };
}

/** The English sentence of a problem, naming the field: for refusals and logs. */
export function describeEntryProblem(key: string, found: EntryProblem): string {
  return `the salary scale entry "${key}"${found.field ? `, field "${found.field}"` : ''}: ${scaleProblemWords[found.problem]}`;
}

/** A grade as read: its entry, its id and its steps in order. */
export interface SalaryGrade {
  id: string;
  title: string;
  code?: string;
  steps: SalaryStep[];
}

export interface SalaryStep {
  id: string;
  step: number;
  monthlyWage: number;
  headcount: number;
  allowances: Allowance[];
}

/** One salary scale as read from the document: its grades in order, each with its steps by number. */
export interface SalaryScale {
  id: string;
  title: string;
  grades: SalaryGrade[];
}
