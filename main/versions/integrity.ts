import { createHash } from 'node:crypto';
import { canonicalText } from '#shared/versions/canonicalText';
import type { DocumentText } from '#shared/versions/snapshotContent';

/** SHA-256 (hex) of a text's canonical form: what a signed version stores and `verify` recomputes. */
export function contentHashOf(text: DocumentText): string {
  return createHash('sha256').update(canonicalText(text), 'utf8').digest('hex');
}
