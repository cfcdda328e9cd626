/**
 * How a rule of the table is written: what it checks, the statutory floor or cap, the provision it
 * comes from, and how the document shows it — limits on variable values, limits on numbers written
 * in the text, and, where neither fits, a function.
 */
import type { DocumentKind } from '#shared/documents/kinds';
import type { Unit } from '#shared/compliance/quantities';
import type { RuleContext } from '#shared/compliance/ruleContext';
import type { RuleFinding, Severity } from '#shared/compliance/types';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';

/** Which documents a rule or a check reads. */
export type Applicability = 'all' | 'agreements' | 'regulations' | readonly DocumentKind[];

/** The words between the number before and the number after the one read; `before` and `after` both include it. */
export interface Surroundings {
  text: string;
  before: string;
  after: string;
}

/**
 * A limit depending on the words around the number (e.g. 12 months for finance offences, else 6);
 * null when the number is not one the rule limits.
 */
export type Limit = number | ((around: string, context: RuleContext, parts: Surroundings) => number | null);

/** A floor or cap on a variable's value (read by id; other variables naming the same rule use the loosest limit of the same unit). */
export interface VariableLimit {
  variableId: string;
  what?: Bilingual;
  atLeast?: number;
  atMost?: number;
  unit: Unit;
  citation?: LegalCitation;
  severity?: Severity;
  /** Said after the message, e.g. why a longer notice restricts the worker. */
  note?: Bilingual;
}

/** A floor or cap on numbers written in the text (not in chips): for documents not built from the library. */
export interface TextLimit {
  what?: Bilingual;
  citation?: LegalCitation;
  appliesTo?: Applicability;
  /** Tested on the folded article title, lead-in clause and sentence: what the sentence is about. */
  topic?: RegExp;
  /** Tested on the folded part of the sentence (between ";", or "," with `commas`) holding the number. */
  where?: RegExp;
  /** A part matching this is skipped. */
  unless?: RegExp;
  /** Finds the numbers in a part; the first capture group that matched is the number. */
  value: RegExp;
  /** Multiplies the number read (1.5 "lần" → 150%). */
  scale?: number;
  unit: Unit;
  atLeast?: Limit;
  atMost?: Limit;
  commas?: boolean;
  severity?: Severity;
  note?: Bilingual;
}

/** One rule of the compliance check as implemented (the rule table of docs/compliance.md), with the provision it applies. */
export interface RuleDefinition {
  id: string;
  what: Bilingual;
  /** The statutory floor or cap, readable (shown in the rule table and in findings). */
  floor: Bilingual;
  citation: LegalCitation;
  appliesTo: Applicability;
  variables?: readonly VariableLimit[];
  text?: readonly TextLimit[];
  check?: (context: RuleContext) => RuleFinding[];
}

/** Whether a rule or check reads a kind of document. */
export function applies(applicability: Applicability | undefined, context: RuleContext): boolean {
  if (applicability === undefined || applicability === 'all') return true;
  if (applicability === 'agreements') return context.isAgreement;
  if (applicability === 'regulations') return !context.isAgreement;
  return applicability.includes(context.kind);
}
