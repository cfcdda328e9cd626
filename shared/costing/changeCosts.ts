import { computeCost, type CostFigures } from '#shared/costing/computeCost';
import type { CostingScenario } from '#shared/costing/scenario';

/**
 * What each change adds over the term, taken in the order listed: the cost of the first k changes
 * minus that of the first k − 1. Raises compound, so a change's share depends on what comes before
 * it; the shares add up to the scenario's total.
 */
export function changeCosts(scenario: CostingScenario): CostFigures[] {
  const shares: CostFigures[] = [];
  let before: CostFigures = { wages: 0, contributions: 0, cost: 0 };
  for (let count = 1; count <= scenario.changes.length; count += 1) {
    const { total } = computeCost({ ...scenario, changes: scenario.changes.slice(0, count) });
    shares.push({ wages: total.wages - before.wages, contributions: total.contributions - before.contributions, cost: total.cost - before.cost });
    before = total;
  }
  return shares;
}
