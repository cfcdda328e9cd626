/**
 * The sentence that ends the server's refusal of an edit of an agreed article: the edit is not
 * lost but kept as its author's draft position. The interface recognises it to tell the author,
 * in their language, where the draft is.
 */
export const keptAsDraftSentence = 'Your change is kept as your draft proposal: see the negotiation panel';

/** Whether a refusal says the refused change was kept as a draft. */
export function isKeptAsDraft(reason: string): boolean {
  return reason.includes(keptAsDraftSentence);
}
