import { createHash } from 'node:crypto';
import { canonicalText } from '#shared/versions/canonicalText';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import type { DocumentText } from '#shared/versions/snapshotContent';

/** SHA-256 (hex) of a text's canonical form: what a signed version stores and `verify` recomputes. */
export function contentHashOf(text: DocumentText): string {
  return createHash('sha256').update(canonicalText(text), 'utf8').digest('hex');
}

/**
 * SHA-256 of the negotiated text: the text and its values without the procedural facts (the
 * vote's figures, the signing date), which the lifecycle record fills in after the vote. The
 * agreement is signed on the text the workers voted on (Art. 76(1)): this is what must not change.
 */
export function negotiatedTextHashOf(text: DocumentText): string {
  const variables = Object.fromEntries(Object.entries(text.variables).filter(([id]) => !isProceduralFact(id)));
  return contentHashOf({ ...text, variables });
}
