/**
 * The workforce a salary scale pays, for the costing engine (shared/costing): one group per step
 * that pays anyone, its allowances split into the regular ones (in the social-insurance basis) and
 * the others. A grade is named by its code where it has one (as payrolls name it), else its title.
 */
import type { WorkforceGroup } from '#shared/costing/workforce';
import type { SalaryScale } from '#shared/salaryScale/model';

export function workforceFromSalaryScale(scale: SalaryScale): WorkforceGroup[] {
  return scale.grades.flatMap((grade) =>
    grade.steps
      .filter((step) => step.headcount > 0)
      .map((step) => ({
        grade: grade.code ?? grade.title,
        step: step.step,
        headcount: step.headcount,
        monthlyWage: step.monthlyWage,
        regularAllowances: step.allowances.filter((allowance) => allowance.regular).reduce((sum, allowance) => sum + allowance.amount, 0),
        irregularAllowances: step.allowances.filter((allowance) => !allowance.regular).reduce((sum, allowance) => sum + allowance.amount, 0),
      })),
  );
}
