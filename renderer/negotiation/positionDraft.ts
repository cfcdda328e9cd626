import type { ArticleElement } from '#shared/document/nodes';
import type { ProposalKind, ValueChanges } from '#shared/negotiation/model';

/**
 * A position on one article as the proposal editor makes it, before it is on the table: what it
 * does to the article, the proposed article (replace, insert_after) and the new values it offers.
 */
export interface PositionDraft {
  clauseId: string;
  kind: ProposalKind;
  article?: ArticleElement;
  values: ValueChanges;
}

/** A package being prepared holds one position per article: a new one on an article replaces the old. */
export function withPosition(basket: readonly PositionDraft[], position: PositionDraft): PositionDraft[] {
  const index = basket.findIndex((item) => item.clauseId === position.clauseId);
  return index === -1 ? [...basket, position] : basket.map((item, at) => (at === index ? position : item));
}

/** A position as the API takes it (values only when it offers some). */
export function positionInput(position: PositionDraft): { clauseId: string; kind: ProposalKind; article?: ArticleElement; values?: ValueChanges } {
  return {
    clauseId: position.clauseId,
    kind: position.kind,
    ...(position.kind === 'replace' || position.kind === 'insert_after' ? { article: position.article } : {}),
    ...(position.kind !== 'delete' && Object.keys(position.values).length > 0 ? { values: position.values } : {}),
  };
}
