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
import type { SuggestionPosition } from '#shared/negotiation/suggestionPositions';
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

/** What a position costs is measured on: the values it sets and those they change (a proposal, a side's suggestions). */
export type HeldValues = Pick<Proposal, 'values' | 'previousValues'>;

/** The cost of a position: its values against those before it (what it replaced, over the values now). */
export function costOfPosition(position: HeldValues, basis: CostingBasis): PositionCosting {
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

/**
 * A position on an article as its cost is compared: a formal proposal, or one side's pending
 * suggestions there, which are that side's current position (decision 0029).
 */
export type ArticlePosition = { kind: 'proposal'; proposal: Proposal } | { kind: 'suggestions'; suggestions: SuggestionPosition };

/** The values a position sets and those they change, as a proposal carries them. */
export function heldValues(position: ArticlePosition): HeldValues {
  return position.kind === 'proposal' ? position.proposal : position.suggestions;
}

/** Who holds a position. */
function sideOf(position: ArticlePosition): BargainingSide {
  return position.kind === 'proposal' ? position.proposal.side : position.suggestions.side;
}

/** When a position was taken: a proposal's making, the latest of a side's suggestions. */
export function takenAt(position: ArticlePosition): string {
  return position.kind === 'proposal' ? position.proposal.createdAt : position.suggestions.latestAt;
}

/** An article's positions, oldest first: its proposals, and each side's pending suggestions on it. */
export function articlePositions(clauseId: string, proposals: readonly Proposal[], suggestions: readonly SuggestionPosition[]): ArticlePosition[] {
  return [
    ...proposals.filter((proposal) => proposal.clauseId === clauseId).map((proposal): ArticlePosition => ({ kind: 'proposal', proposal })),
    ...suggestions.filter((position) => position.clauseId === clauseId).map((position): ArticlePosition => ({ kind: 'suggestions', suggestions: position })),
  ].sort((a, b) => Date.parse(takenAt(a)) - Date.parse(takenAt(b)));
}

/** One position of an article's comparison. */
export interface ComparedPositionCost {
  role: 'union' | 'employer' | 'agreed';
  position: ArticlePosition;
  cost: PositionCost;
  /** Its cost a year as a share of the union's position's (0.62), null when there is none to compare with or it costs nothing. */
  shareOfUnion: number | null;
}

const isAccepted = (position: ArticlePosition): boolean => position.kind === 'proposal' && position.proposal.status === 'accepted';

/** A side's last position on an article that changes wages (open or decided, never withdrawn), if any. */
function lastOf(positions: readonly ArticlePosition[], side: BargainingSide): ArticlePosition | undefined {
  return positions.filter((position) => sideOf(position) === side && !(position.kind === 'proposal' && position.proposal.status === 'withdrawn')).at(-1);
}

/**
 * An article's wage positions compared: the union's last, the employer's last (a side's pending
 * suggestions are its position when they are its latest), and the proposal accepted last (what
 * was agreed), each with its cost and its share of the union's. `positions` are the article's,
 * oldest first (`articlePositions`); those with no cost to show are left out.
 */
export function compareArticlePositions(positions: readonly ArticlePosition[], basis: CostingBasis): ComparedPositionCost[] {
  const costed = positions.flatMap((position) => {
    const result = costOfPosition(heldValues(position), basis);
    return result.ok ? [{ position, cost: result.cost }] : [];
  });
  const withCost = costed.map((entry) => entry.position);
  const picks: { role: ComparedPositionCost['role']; position: ArticlePosition | undefined }[] = [
    { role: 'union', position: lastOf(withCost, 'union') },
    { role: 'employer', position: lastOf(withCost, 'employer') },
    { role: 'agreed', position: withCost.filter(isAccepted).at(-1) },
  ];
  const costOf = (position: ArticlePosition): PositionCost => (costed.find((entry) => entry.position === position) as { cost: PositionCost }).cost;
  const union = picks[0]?.position;
  const unionYear = union ? costOf(union).averageYear.cost : 0;
  return picks.flatMap(({ role, position }) => {
    if (!position) return [];
    const cost = costOf(position);
    return [{ role, position, cost, shareOfUnion: unionYear > 0 ? cost.averageYear.cost / unionYear : null }];
  });
}
