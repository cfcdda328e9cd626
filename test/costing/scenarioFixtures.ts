import { parseScenario, scenarioProblemLines, type CostingScenario, type CostingScenarioInput } from '#shared/costing/scenario';

/** A scenario as the command line would read it (defaults filled in); fails the test on a problem. */
export function scenario(input: CostingScenarioInput): CostingScenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`the fixture is not a valid scenario: ${scenarioProblemLines(parsed.problems).join('; ')}`);
  return parsed.scenario;
}

/** 200 workers of grade A1 at 7,000,000 ₫ in region I, over 2026: the issue's example workforce. */
export const issueWorkforce: CostingScenarioInput = {
  region: 'I',
  start: '2026-01-01',
  termMonths: 12,
  workforce: [{ grade: 'A1', headcount: 200, monthlyWage: 7_000_000 }],
};
