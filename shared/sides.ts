/** The three parties to a document: the two bargaining sides and the labour-authority reviewer. */
export const sides = ['employer', 'union', 'reviewer'] as const;

export type Side = (typeof sides)[number];

/** Reviewers read and check; they never change the text (they are not a bargaining party). */
export function isReadOnlySide(side: Side): boolean {
  return side === 'reviewer';
}
