/**
 * The workforce a wage proposal is costed on: groups of workers paid alike, one per cell of the
 * salary scale (grade and step) or one per line of a scenario file. Money is in whole đồng a month.
 * The salary scale produces it, the costing engine reads it, and the command line accepts it.
 */
export interface WorkforceGroup {
  /** The grade (ngạch, nhóm chức danh) as the scale or the payroll names it. */
  grade: string;
  /** The step (bậc) within the grade, or null where the payroll does not distinguish steps. */
  step: number | null;
  headcount: number;
  /** Wage for normal hours and normal work (LC Art. 90), before allowances. */
  monthlyWage: number;
  /** Allowances paid regularly each month: they enter the social-insurance basis. */
  regularAllowances: number;
  /** Allowances paid irregularly (averaged per month): outside the social-insurance basis. */
  irregularAllowances: number;
}
