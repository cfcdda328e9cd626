/**
 * What a rule sees: the indexed document, its variables with their definitions (read by the
 * `rule` field of variables.json, or by id), the facts of the enterprise, and the date the law is
 * taken at. Also the one way findings are made, so that every finding has the same shape.
 */
import { isIsoDate, type IsoDate } from '#shared/calendar/isoDate';
import type { DialogueCheck } from '#shared/dialogue/checks';
import { isCollectiveAgreement, type DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { indexDocument, type DocumentIndex, type IndexedArticle } from '#shared/compliance/documentIndex';
import type { CheckDocumentInput, RuleFinding, Severity } from '#shared/compliance/types';
import { builtInVariables } from '#shared/templates/builtInVariables';
import { findTemplate } from '#shared/templates/library';
import type { ArticleTemplate, Bilingual, LegalCitation, VariableDefinition, VariableValue } from '#shared/templates/schema';
import { regions, type Region } from '#shared/templates/variableTypes';

/** A variable of the document: its value, its definition and the articles showing it. */
export interface VariableFact {
  id: string;
  value: VariableValue;
  /** The value as a number (numbers, and enums whose options are numbers such as "30"). */
  number?: number;
  definition?: VariableDefinition;
  /** Whether the text shows it as a chip. */
  shown: boolean;
  clauseIds: string[];
}

/** Where the date the law is taken at came from. */
export type LegalDateSource = 'dates.asOf' | 'effective_date' | 'dates.effective' | 'dates.reference';

export interface FindingDraft {
  ruleId: string;
  severity: Severity;
  citation: LegalCitation;
  message: Bilingual;
  expected: Bilingual;
  actual?: Bilingual;
  source?: Bilingual;
  clauseIds?: readonly string[];
  variableId?: string;
}

export interface RuleContext {
  kind: DocumentKind;
  isAgreement: boolean;
  language: Language;
  index: DocumentIndex;
  /** The date whose law applies: the effective date, else the reference date. */
  legalDate: IsoDate;
  legalDateSource: LegalDateSource;
  region?: Region;
  sector?: string;
  headcount?: number;
  /** Whether the agreement is signed: the facts of its procedure are then due (CheckDocumentInput.signed). */
  signed: boolean;
  /**
   * A variable by id. Terms count only when the text shows them; `facts` (region, headcount, the
   * vote...) are read from the document's values even when no chip shows them.
   */
  variable(id: string): VariableFact | undefined;
  /** The variables shown in the text whose definition names a rule (variables.json `rule`). */
  variablesWithRule(ruleId: string): VariableFact[];
  template(templateId: string): ArticleTemplate | undefined;
  /** The articles in document order. */
  articles: IndexedArticle[];
  finding(draft: FindingDraft): RuleFinding;
  /** The checks of the workspace's dialogue records (CheckDocumentInput.dialogueChecks); none when not given. */
  dialogueChecks: readonly DialogueCheck[];
}

/** Variables read as facts of the enterprise or of the signing, whether or not a chip shows them. */
export const factVariableIds = new Set([
  'region',
  'sector',
  'headcount',
  'effective_date',
  'term_years',
  'vote_total_workers',
  'vote_in_favour',
  'sector_vote_consulted',
  'sector_vote_in_favour',
]);

function numberOf(value: VariableValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
}

/** Builds the context of one check. */
export function createRuleContext(input: CheckDocumentInput): RuleContext {
  const builtIn = new Map(builtInVariables().map((definition) => [definition.id, definition]));
  const lookup = (id: string) => builtIn.get(id) ?? input.lookupVariable?.(id);
  const index = indexDocument(input.blocks);
  const facts = new Map<string, VariableFact>();
  for (const [id, value] of Object.entries(input.variables)) {
    const shown = index.variablesShown.has(id);
    if (!shown && !factVariableIds.has(id)) continue;
    const definition = lookup(id);
    const number = numberOf(value);
    facts.set(id, {
      id,
      value,
      shown,
      clauseIds: index.variableArticles.get(id) ?? [],
      ...(definition ? { definition } : {}),
      ...(number === undefined ? {} : { number }),
    });
  }
  const effective = facts.get('effective_date')?.value;
  const [legalDate, legalDateSource]: [IsoDate, LegalDateSource] =
    input.dates.asOf && isIsoDate(input.dates.asOf)
      ? [input.dates.asOf, 'dates.asOf']
      : typeof effective === 'string' && isIsoDate(effective)
        ? [effective, 'effective_date']
        : input.dates.effective && isIsoDate(input.dates.effective)
          ? [input.dates.effective, 'dates.effective']
          : [input.dates.reference, 'dates.reference'];
  const regionValue = facts.get('region')?.value;
  const region = typeof regionValue === 'string' && (regions as readonly string[]).includes(regionValue) ? (regionValue as Region) : input.enterprise?.region;
  const sectorValue = facts.get('sector')?.value;
  const sector = typeof sectorValue === 'string' ? sectorValue : input.enterprise?.sector;
  const headcount = facts.get('headcount')?.number ?? input.enterprise?.headcount;
  const order = new Map(index.articles.map((article, position) => [article.clauseId, position]));
  return {
    kind: input.kind,
    isAgreement: isCollectiveAgreement(input.kind),
    language: input.language ?? 'vi',
    index,
    legalDate,
    legalDateSource,
    ...(region ? { region } : {}),
    ...(sector ? { sector } : {}),
    ...(headcount === undefined ? {} : { headcount }),
    signed: input.signed ?? false,
    dialogueChecks: input.dialogueChecks ?? [],
    variable: (id) => facts.get(id),
    variablesWithRule: (ruleId) => [...facts.values()].filter((fact) => fact.shown && fact.definition?.rule === ruleId),
    template: (templateId) => findTemplate(templateId) ?? input.lookupTemplate?.(templateId),
    articles: index.articles,
    finding: (draft) => {
      const clauseIds = [...new Set(draft.clauseIds ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      return {
        ruleId: draft.ruleId,
        severity: draft.severity,
        message: draft.message,
        citation: draft.citation,
        ...(draft.source ? { source: draft.source } : {}),
        ...(clauseIds[0] ? { clauseId: clauseIds[0], clauseIds } : {}),
        ...(draft.variableId ? { variableId: draft.variableId } : {}),
        expected: draft.expected,
        ...(draft.actual ? { actual: draft.actual } : {}),
      };
    },
  };
}
