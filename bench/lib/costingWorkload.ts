import type { CostingChange, CostingScenario } from '#shared/costing/scenario';
import type { WorkforceGroup } from '#shared/costing/workforce';

/**
 * The costing benchmark's workload (issue 16): 5,000 workers in 60 grades of 5 steps each, region
 * I, a 36-month term from 1 January 2026, and a package of 5 changes (a yearly raise, a flat raise
 * for some grades, a regular allowance, a one-off bonus, an overtime rate). Deterministic, so that
 * runs compare; `raise` is the value being typed.
 */
export const costingWorkforceSize = { workers: 5_000, grades: 60, steps: 5 } as const;

export function costingWorkforce(): WorkforceGroup[] {
  const cells = costingWorkforceSize.grades * costingWorkforceSize.steps;
  const groups: WorkforceGroup[] = [];
  for (let cell = 0; cell < cells; cell += 1) {
    const grade = Math.floor(cell / costingWorkforceSize.steps);
    const step = (cell % costingWorkforceSize.steps) + 1;
    // 5,000 workers over 300 cells: 16 or 17 each.
    const headcount = Math.floor(((cell + 1) * costingWorkforceSize.workers) / cells) - Math.floor((cell * costingWorkforceSize.workers) / cells);
    groups.push({
      grade: `G${String(grade + 1).padStart(2, '0')}`,
      step,
      headcount,
      // From just above region I's minimum to about 60 million ₫: the top grades pass the caps.
      monthlyWage: 5_400_000 + grade * 900_000 + step * 150_000,
      regularAllowances: 300_000 + (grade % 4) * 100_000,
      irregularAllowances: (grade % 3) * 200_000,
    });
  }
  return groups;
}

export function costingPackage(raise: number): CostingChange[] {
  return [
    { kind: 'percent', value: raise, from: '2026-01-01', yearly: true },
    { kind: 'flat', amount: 350_000, from: '2026-07-01', grades: ['G01', 'G02', 'G03', 'G04', 'G05', 'G06', 'G07', 'G08', 'G09', 'G10'] },
    { kind: 'allowance', amount: 200_000, regular: true, from: '2027-01-01' },
    { kind: 'bonus', amount: 4_000_000, on: '2026-01-25', regular: false },
    { kind: 'overtime', day: 'weekday', oldRate: 150, newRate: 175, hours: 16, from: '2026-04-01', steps: [1, 2] },
  ];
}

export function costingScenario(raise: number, workforce: WorkforceGroup[] = costingWorkforce()): CostingScenario {
  return { region: 'I', start: '2026-01-01', termMonths: 36, normalHoursPerMonth: 208, workforce, changes: costingPackage(raise) };
}
