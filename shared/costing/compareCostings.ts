import type { CostFigures, CostingResult } from '#shared/costing/computeCost';

/**
 * Several positions' costings side by side ("this counter costs 1.45 billion ₫ a year, 62 % of
 * the union's proposal"). Positions may have different terms: they are compared on their average
 * year, and each one's total over its own term is kept beside it.
 */
export interface ComparedPosition {
  label: string;
  averageYear: CostFigures;
  total: CostFigures;
  termMonths: number;
  /** Cost a year as a fraction of the reference position's (0.62 for 62 %); null when the reference costs nothing. */
  shareOfReference: number | null;
  /** Cost a year minus the reference position's. */
  differenceFromReference: number;
}

export interface CostingComparison {
  /** The label of the position the others are measured against. */
  reference: string;
  positions: ComparedPosition[];
}

/** Compares positions with the one at `referenceIndex` (the first unless given); throws on an empty list or an index outside it. */
export function compareCostings(positions: readonly { label: string; costing: CostingResult }[], referenceIndex = 0): CostingComparison {
  const reference = positions[referenceIndex];
  if (!reference) throw new RangeError(`no position ${referenceIndex} among ${positions.length} to compare with`);
  const referenceCost = reference.costing.averageYear.cost;
  return {
    reference: reference.label,
    positions: positions.map(({ label, costing }) => ({
      label,
      averageYear: costing.averageYear,
      total: costing.total,
      termMonths: costing.term.months,
      shareOfReference: referenceCost === 0 ? null : costing.averageYear.cost / referenceCost,
      differenceFromReference: costing.averageYear.cost - referenceCost,
    })),
  };
}
