import { z } from 'zod';
import { hasVisibleCharacter, invisibleTextProblem, problemOfFreeText, problemOfSingleLineName } from '#shared/text/safeText';

/**
 * The schemas of text people type into the API, built on the rules of safeText.ts: normalised to
 * NFC, trimmed, bounded, and refused (with the reason, under the field's name) when they hold what
 * they may not. Nothing is silently removed from what a person typed.
 */

export interface TextFieldRules {
  /** The most characters, counted after trimming. */
  max: number;
  /** The message when the field is left empty; without one, an empty text is accepted. */
  empty?: string;
  /** The message when the text is longer than `max` (default: zod's). */
  tooLong?: string;
}

function boundedText(rules: TextFieldRules) {
  const trimmed = z.string().normalize('NFC').trim();
  return (rules.empty === undefined ? trimmed : trimmed.min(1, rules.empty)).max(rules.max, rules.tooLong);
}

/** A name (a title, a display name, a version's name): one line of visible text, see problemOfSingleLineName. */
export function singleLineNameSchema(rules: TextFieldRules) {
  return boundedText(rules).superRefine((text, context) => {
    const problem = text === '' ? null : problemOfSingleLineName(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * Free text (a comment, a rationale, a finding, a reason): several lines, but only characters a
 * document can hold (problemOfFreeText), and something visible unless it is left empty.
 */
export function freeTextSchema(rules: TextFieldRules) {
  return boundedText(rules).superRefine((text, context) => {
    if (text === '') return;
    const problem = problemOfFreeText(text) ?? (hasVisibleCharacter(text) ? null : (rules.empty ?? invisibleTextProblem));
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/** A refinement for text kept exactly as sent (a document's body, a variable's value): only characters a document can hold. */
export function refuseXmlIllegal(text: string, context: z.RefinementCtx): void {
  const problem = problemOfFreeText(text);
  if (problem) context.addIssue({ code: 'custom', message: problem });
}
