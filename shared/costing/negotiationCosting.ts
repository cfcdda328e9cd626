/**
 * Costing in the negotiation: the workforce of a document's salary scales, the cost of a position
 * or a scenario against the document's values, and an article's positions compared ("this counter
 * costs 1,452,360,000 ₫ a year, 62 % of the union's proposal"). One implementation for both
 * screens, the server (publication, exports) and the benchmark.
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import type { PublishedCost } from '#shared/costing/bargainingScenario';
import { costOfValues, positionValues, type CostingSettings, type PositionCost, type PositionCosting } from '#shared/costing/positionCost';
import type { WorkforceGroup } from '#shared/costing/workforce';
import type { BargainingSide, Proposal } from '#shared/negotiation/model';
import type { SalaryScale } from '#shared/salaryScale/model';
import { workforceFromSalaryScale } from '#shared/salaryScale/workforce';
import type { VariableValue } from '#shared/templates/schema';

type Values = Readonly<Record<string, VariableValue>>;

/** Every scale's workforce: a document may hold several scales (one per group of jobs). */
export function documentWorkforce(scales: readonly SalaryScale[]): WorkforceGroup[] {
  return scales.flatMap(workforceFromSalaryScale);
}

/** What every costing of one document shares: its values now, its workforce, the settings, today. */
export interface CostingBasis {
  values: Values;
  workforce: readonly WorkforceGroup[];
  settings: CostingSettings;
  today: IsoDate;
}

/** The cost of a position: its values against those before it (what it replaced, over the values now). */
export function costOfPosition(position: Pick<Proposal, 'values' | 'previousValues'>, basis: CostingBasis): PositionCosting {
  const { before, after } = positionValues(position, basis.values);
  return costOfValues({ before, after, scaleWorkforce: basis.workforce, settings: basis.settings, fallbackStart: basis.today });
}

/** The cost of trying `values` over the document's values now (a scenario's what-if). */
export function costOfTrying(values: Values, basis: CostingBasis, settings: CostingSettings = basis.settings): PositionCosting {
  return costOfValues({ before: basis.values, after: { ...basis.values, ...values }, scaleWorkforce: basis.workforce, settings, fallbackStart: basis.today });
}

/** A scenario's figures as published: the cost, and the values it changes from the document's then. */
export function publishedCostOf(cost: PositionCost, values: Values, tried: Values): PublishedCost {
  return {
    total: cost.total,
    averageYear: cost.averageYear,
    perWorkerMonth: cost.perWorkerMonth,
    years: cost.years,
    headcount: cost.headcount,
    start: cost.start,
    termMonths: cost.termMonths,
    workforce: cost.workforce,
    changes: cost.variables.map((variableId) => ({ variableId, from: values[variableId] ?? null, to: tried[variableId] ?? null })),
  };
}

/** One position of an article's comparison. */
export interface ComparedPositionCost {
  role: 'union' | 'employer' | 'agreed';
  proposal: Proposal;
  cost: PositionCost;
  /** Its cost a year as a share of the union's position's (0.62), null when there is none to compare with or it costs nothing. */
  shareOfUnion: number | null;
}

/** The last position of a side on an article that changes wages (open or decided), if any. */
function lastOf(positions: readonly Proposal[], side: BargainingSide): Proposal | undefined {
  return positions.filter((proposal) => proposal.side === side && proposal.status !== 'withdrawn').at(-1);
}

/**
 * An article's wage positions compared: the union's last, the employer's last, and the one
 * accepted last (what was agreed), each with its cost and its share of the union's. `positions`
 * are the article's, oldest first; those with no cost to show are left out.
 */
export function compareArticlePositions(positions: readonly Proposal[], basis: CostingBasis): ComparedPositionCost[] {
  const costed = positions.flatMap((proposal) => {
    const result = costOfPosition(proposal, basis);
    return result.ok ? [{ proposal, cost: result.cost }] : [];
  });
  const proposals = costed.map((entry) => entry.proposal);
  const agreed = proposals.filter((proposal) => proposal.status === 'accepted').at(-1);
  const picks: { role: ComparedPositionCost['role']; proposal: Proposal | undefined }[] = [
    { role: 'union', proposal: lastOf(proposals, 'union') },
    { role: 'employer', proposal: lastOf(proposals, 'employer') },
    { role: 'agreed', proposal: agreed },
  ];
  const costOf = (proposal: Proposal): PositionCost => (costed.find((entry) => entry.proposal === proposal) as { cost: PositionCost }).cost;
  const union = picks[0]?.proposal;
  const unionYear = union ? costOf(union).averageYear.cost : 0;
  return picks.flatMap(({ role, proposal }) => {
    if (!proposal) return [];
    const cost = costOf(proposal);
    return [{ role, proposal, cost, shareOfUnion: unionYear > 0 ? cost.averageYear.cost / unionYear : null }];
  });
}
