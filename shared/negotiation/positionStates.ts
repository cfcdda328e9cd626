import { articleText } from '#shared/document/articles';
import type { ArticleElement } from '#shared/document/nodes';
import type { Proposal } from '#shared/negotiation/model';
import { articleLines, linesOfStoredText, type RedlineSide } from '#shared/negotiation/positionRedline';
import type { VariableValue } from '#shared/templates/schema';

/**
 * What a position offers and what it is compared with, as redline sides. A position is a whole
 * offer: accepting it leaves its article with its text and with its values over those of the
 * document when it was made. A counter-position is read against the offer it answers; a first
 * position against the text it was made on.
 */

/** What the comparisons read from the negotiation: the positions, the articles now, the values now. */
export interface PositionContext {
  proposal(id: string): Proposal | undefined;
  article(clauseId: string): ArticleElement | null;
  values: Readonly<Record<string, VariableValue>>;
}

type Values = Readonly<Record<string, VariableValue>>;

/** The text a position was made on: the article now if unchanged since (its blocks and markers kept), else the stored text. */
function baseSide(proposal: Proposal, context: PositionContext, values: Values): RedlineSide {
  const current = context.article(proposal.clauseId);
  if (current && articleText(current) === proposal.baseText) return { lines: articleLines(current), isMarked: true, values };
  return { lines: linesOfStoredText(proposal.baseText), isMarked: false, values };
}

/** The document's values when a position was made, as far as it recorded them (those it changes). */
function valuesWhenMade(proposal: Proposal, context: PositionContext): Values {
  return { ...context.values, ...proposal.previousValues };
}

/** What accepting the position would leave: its article (none for a deletion) and its values. */
export function offeredSide(proposal: Proposal, context: PositionContext): RedlineSide {
  const values = { ...valuesWhenMade(proposal, context), ...proposal.values };
  switch (proposal.kind) {
    case 'replace':
    case 'insert_after':
      return { lines: proposal.article ? articleLines(proposal.article) : null, isMarked: true, values };
    case 'delete':
      return { lines: null, isMarked: true, values };
    case 'values':
      return baseSide(proposal, context, values);
  }
}

/** The position a counter-position answers, if it is still known. */
export function answeredPosition(proposal: Proposal, context: PositionContext): Proposal | undefined {
  return proposal.answers === null ? undefined : context.proposal(proposal.answers);
}

/**
 * What a position is compared with: the offer it answers (a new article with a new article, a
 * text with a text), or else the text it was made on (nothing, for a new article).
 */
export function comparedSide(proposal: Proposal, context: PositionContext): RedlineSide {
  const answered = answeredPosition(proposal, context);
  const isNewArticle = proposal.kind === 'insert_after';
  if (answered && (answered.kind === 'insert_after') === isNewArticle && answered.kind !== 'delete') return offeredSide(answered, context);
  const values = answered ? offeredSide(answered, context).values : valuesWhenMade(proposal, context);
  return isNewArticle ? { lines: null, isMarked: true, values } : baseSide(proposal, context, values);
}

/** The variables whose values a position (or the one it answers) offers: those a comparison lists. */
export function offeredVariables(proposal: Proposal, context: PositionContext): string[] {
  const answered = answeredPosition(proposal, context);
  return [...new Set([...Object.keys(answered?.values ?? {}), ...Object.keys(proposal.values)])];
}

/** The article as it is now, with the document's values: what accepting a position changes. */
export function currentSide(proposal: Proposal, context: PositionContext): RedlineSide {
  const current = proposal.kind === 'insert_after' ? null : context.article(proposal.clauseId);
  return { lines: current ? articleLines(current) : null, isMarked: true, values: context.values };
}

/** What the article becomes if the position is accepted now: its text (the current one, for new values) and values. */
export function acceptedSide(proposal: Proposal, context: PositionContext): RedlineSide {
  const values = { ...context.values, ...proposal.values };
  if (proposal.kind === 'values') return { ...currentSide(proposal, context), values };
  return { ...offeredSide(proposal, context), values };
}

/** A position not on the table yet (a draft, an item of a package being prepared). */
export interface UnsentPosition {
  clauseId: string;
  kind: Proposal['kind'];
  article?: ArticleElement | null;
  values: Readonly<Record<string, VariableValue>>;
}

/** An unsent position against the article now: what putting it on the table would propose. */
export function unsentSides(position: UnsentPosition, context: PositionContext): { before: RedlineSide; after: RedlineSide } {
  const current = context.article(position.clauseId);
  const before: RedlineSide = { lines: position.kind === 'insert_after' || !current ? null : articleLines(current), isMarked: true, values: context.values };
  const values = { ...context.values, ...position.values };
  const lines = position.kind === 'delete' ? null : position.kind === 'values' ? before.lines : position.article ? articleLines(position.article) : null;
  return { before, after: { lines, isMarked: true, values } };
}
