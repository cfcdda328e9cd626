import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ArticleElement } from '#shared/document/nodes';
import type { CostingExportTarget } from '#shared/api/costing';
import type { CostingBasis } from '#shared/costing/negotiationCosting';
import { defaultCostingSettings } from '#shared/costing/positionCost';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { vietnamDate } from '#shared/format/vietnamTime';
import type { Proposal } from '#shared/negotiation/model';
import type { PositionContext } from '#shared/negotiation/positionStates';
import type { VariableValue } from '#shared/templates/schema';
import type { Side } from '#shared/sides';
import type { DocumentVariables } from '../variables/documentVariables';
import { useNegotiation } from './negotiationStore';
import type { PositionDraft } from './positionDraft';

/** What the negotiation panel opens over the page. */
export type NegotiationDialogRequest =
  /** Write a position on an article: a new proposal, one put in the package, or a draft put on the table. */
  | { type: 'propose'; clauseId: string; initial?: PositionDraft; fromDraftId?: string; forPackage?: boolean }
  /** Answer an open position (the whole package, when it is one). */
  | { type: 'counter'; proposal: Proposal }
  /** Confirm accepting a position (every position of its package). */
  | { type: 'accept'; proposal: Proposal }
  /** Every step of an article's negotiation. */
  | { type: 'ledger'; clauseId: string };

/** What the cards, the ledger and the dialogs of the negotiation share. */
export interface NegotiationView {
  positions: PositionContext;
  proposals: readonly Proposal[];
  /** "Điều 5. Tiền lương", or a removed article named as such. */
  articleLabel(clauseId: string): string;
  /** Its number in the document (removed articles last): packages list their articles in this order. */
  articleNumber(clauseId: string): number;
  side: Side;
  participantId: string;
  /** Runs an action, showing its error in the panel (and rethrowing it, for forms to stay open). */
  run(work: () => Promise<unknown>): Promise<void>;
  open(request: NegotiationDialogRequest): void;
  /** Decisions on a position (on its whole package, when it is one); each rejects when it fails. */
  accept(proposal: Proposal): Promise<void>;
  reject(proposal: Proposal, reason: string): Promise<void>;
  withdraw(proposal: Proposal): Promise<void>;
  /** What positions are costed on: the values now, the salary scale's workforce, the default assumptions, today. */
  costing: CostingBasis;
  /** Downloads a costing as the workbook or the annex. */
  exportCosting(target: CostingExportTarget, format: 'xlsx' | 'docx' | 'pdf'): Promise<void>;
}

export const NegotiationViewContext = createContext<NegotiationView | null>(null);

export function useNegotiationView(): NegotiationView {
  const view = useContext(NegotiationViewContext);
  if (!view) throw new Error('useNegotiationView outside the negotiation panel');
  return view;
}

/** The document's values now, followed live. */
export function useDocumentValues(variables: DocumentVariables | null): Readonly<Record<string, VariableValue>> {
  const [values, setValues] = useState<Record<string, VariableValue>>(() => (variables ? (variables.values.toJSON() as Record<string, VariableValue>) : {}));
  useEffect(() => {
    if (!variables) return;
    const update = () => setValues(variables.values.toJSON() as Record<string, VariableValue>);
    update();
    variables.values.observe(update);
    return () => variables.values.unobserve(update);
  }, [variables]);
  return values;
}

/** The comparisons' view of the negotiation: positions by id, articles now, values now. */
export function usePositionContext(
  proposals: readonly Proposal[],
  articles: ReadonlyMap<string, { article: ArticleElement }>,
  values: Readonly<Record<string, VariableValue>>,
): PositionContext {
  return useMemo(() => {
    const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
    return { proposal: (id) => byId.get(id), article: (clauseId) => articles.get(clauseId)?.article ?? null, values };
  }, [proposals, articles, values]);
}

const noWorkforce: WorkforceGroup[] = [];

/**
 * What every cost on screen is computed from: the document's values now (`useDocumentValues`), its
 * salary scales' workforce, the default assumptions and today. A value or the scale changed, here
 * or on the other screen: every cost follows.
 */
export function useCostingBasis(values: Readonly<Record<string, VariableValue>>): CostingBasis {
  const workforce = useNegotiation()?.workforce ?? noWorkforce;
  return useMemo(() => ({ values, workforce, settings: defaultCostingSettings, today: vietnamDate(Date.now()) }), [values, workforce]);
}
