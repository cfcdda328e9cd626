import type { IsoDate } from '#shared/calendar/isoDate';
import type { DialogueCheck } from '#shared/dialogue/checks';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import type { ArticleTemplate, Bilingual, LegalCitation, VariableValue } from '#shared/templates/schema';
import type { VariableLookup } from '#shared/templates/variableValues';
import type { Region } from '#shared/templates/variableTypes';

/** How bad a finding is: less favourable than the law; probably wrong or depends on facts; a note. */
export type Severity = 'violation' | 'warning' | 'information';

export const severities: readonly Severity[] = ['violation', 'warning', 'information'];

/** One result of the compliance check, as a rule makes it. */
export interface RuleFinding {
  /** The rule of the table (shared/compliance/ruleTable.ts), for programs (e.g. `pay.ot_weekday`): never shown. */
  ruleId: string;
  severity: Severity;
  message: Bilingual;
  /** The provision the rule comes from. */
  citation: LegalCitation;
  /** The dated instrument whose figures were used (e.g. the minimum-wage decree in force). */
  source?: Bilingual;
  /** The article (Điều) concerned: where the value or the text appears. */
  clauseId?: string;
  /** Every article concerned, the first being `clauseId`. */
  clauseIds?: string[];
  /** The variable whose value was checked. */
  variableId?: string;
  /** What the law requires, readable. */
  expected: Bilingual;
  /** What the document says, when known. */
  actual?: Bilingual;
}

/** One result of the compliance check, as the check reports it: with its rule named for people. */
export interface Finding extends RuleFinding {
  /** The rule by its title and provision (shared/compliance/ruleNames.ts). */
  rule: Bilingual;
}

/** The facts of the enterprise a check may use when the document does not state them. */
export interface EnterpriseFacts {
  region?: Region;
  /** A value of the `sector` variable's options (e.g. `textile_garment_export`, `other`). */
  sector?: string;
  headcount?: number;
}

export interface CheckDocumentInput {
  kind: DocumentKind;
  blocks: readonly TopLevelBlock[];
  /** The document's variable values, by variable id. */
  variables: Readonly<Record<string, VariableValue>>;
  /** The language of the text (what the text patterns read); Vietnamese by default. */
  language?: Language;
  dates: {
    /**
     * The date to check against when the document states no effective date: the signing or
     * creation date, or today.
     */
    reference: IsoDate;
    /** The effective date, when known outside the text (the `effective_date` variable wins). */
    effective?: IsoDate;
    /**
     * Check against the law in force on this date instead, whatever the effective date: is an
     * agreement signed in 2025 still lawful under the 2026 minimum wage (LC Art. 82(2))?
     */
    asOf?: IsoDate;
  };
  enterprise?: EnterpriseFacts;
  /**
   * Whether the agreement is signed. The facts of its procedure (the workers' vote, Labour Code
   * Art. 76) are then due, and the check notes when they are missing; a draft is not checked for
   * facts that come later.
   */
  signed?: boolean;
  /** Variable definitions beyond the built-in library (user templates). */
  lookupVariable?: VariableLookup;
  /** Article templates beyond the built-in library (user templates), for section coverage. */
  lookupTemplate?: (templateId: string) => ArticleTemplate | undefined;
  /**
   * The checks of the workspace's dialogue records (shared/dialogue/checks.ts), which the rules
   * dialogue.* report: a document holds no dates of meetings, attendance or answers.
   */
  dialogueChecks?: readonly DialogueCheck[];
}
