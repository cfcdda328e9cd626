/**
 * The rule table as implemented: every rule the checker applies, each with the provision of the
 * law it applies, grouped by module. docs/compliance.md describes it for people, with its sources.
 */
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import { agreementRules } from '#shared/compliance/rules/agreement';
import { disciplineRules } from '#shared/compliance/rules/discipline';
import { employmentRules } from '#shared/compliance/rules/employment';
import { leaveRules } from '#shared/compliance/rules/leave';
import { overtimeRules } from '#shared/compliance/rules/overtime';
import { payRules } from '#shared/compliance/rules/pay';
import { regulationRules } from '#shared/compliance/rules/regulations';
import { restRules } from '#shared/compliance/rules/rest';
import { wageRules } from '#shared/compliance/rules/wages';
import { womenRules } from '#shared/compliance/rules/women';
import { workingTimeRules } from '#shared/compliance/rules/workingTime';

export const ruleTable: readonly RuleDefinition[] = [
  ...workingTimeRules,
  ...overtimeRules,
  ...restRules,
  ...payRules,
  ...leaveRules,
  ...employmentRules,
  ...wageRules,
  ...womenRules,
  ...disciplineRules,
  ...agreementRules,
  ...regulationRules,
];

/**
 * Rules of the law not checked on a document, and why: they concern individuals,
 * workflow dates or facts a document does not hold (the lifecycle uses shared/calendar for dates).
 */
export const rulesNotImplemented: Readonly<Record<string, string>> = {
  'retirement.age': 'concerns individual workers (birth dates), not the text of an agreement',
  'wage.scale_consult': 'a process (consultation and publication before applying the wage scale), not content',
  'cla.renewal_window': 'a workflow timer on the expiry date (shared/calendar computes the dates)',
  'cla.bargaining_clock': 'workflow timers from the bargaining request (shared/calendar computes the dates)',
};

/** Rules checked only in part on a document, and what is left to the lifecycle or to people. */
export const rulesPartlyImplemented: Readonly<Record<string, string>> = {
  'wage.min_regional_prev': 'not a separate rule: the Decree 74/2024 table of wage.min_regional, used for dates up to 31 Dec 2025',
  'discipline.principles': 'only the 5-working-day notice of the disciplinary meeting; the rest is procedure',
  'discipline.dismissal_grounds': 'only the absence thresholds; other grounds cannot be told from free text reliably',
  'regs.procedure': 'the time limits written in the text; the dates themselves belong to the lifecycle',
  'cla.filing': 'the time limit written in the text; the filing date belongs to the lifecycle',
  'ot.300h_notice': 'a note (or a warning when the clause omits the notice) where more than 200 hours are allowed',
};
