import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import type { TopLevelBlock } from '#shared/document/nodes';
import { documentFromOutline, proposedValues, variablesUsed } from '#shared/templates/instantiate';
import { outlineForKind, templatesForKind, type TemplateLibrary } from '#shared/templates/library';
import type { ArticleTemplate, DocumentOutline, VariableValue } from '#shared/templates/schema';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';

/** The enterprise facts the wizard asks for (Labour Code Art. 91 region, headcount, sector for the overtime cap...). */
export function enterpriseFactIds(kind: DocumentKind): string[] {
  const common = ['enterprise_name', 'enterprise_address', 'region', 'headcount', 'sector'];
  return kind === 'enterprise_agreement' || kind === 'labour_regulations' ? common : ['sector_name', ...common];
}

/** The parties and their representatives (Art. 76(4): the legal representatives sign). */
export function partyFactIds(kind: DocumentKind): string[] {
  const employer = ['employer_representative', 'employer_representative_title'];
  if (!isCollectiveAgreement(kind)) return [...employer, 'union_name', 'signing_place', 'effective_date'];
  const sides = kind === 'enterprise_agreement' ? ['union_name', 'union_representative'] : ['employer_side_name', 'worker_side_name', 'union_representative'];
  return [...employer, ...sides, 'signing_place', 'effective_date', 'term_years'];
}

export interface WizardChoices {
  kind: DocumentKind;
  language: Language;
  facts: Record<string, VariableValue>;
  chosen: ReadonlySet<string>;
  wordings: Readonly<Record<string, string>>;
}

/** The outline's templates, chapter by chapter, with the recommended ones to preselect. */
export function outlineChoices(
  kind: DocumentKind,
  library: TemplateLibrary,
): { outline: DocumentOutline; byId: Map<string, ArticleTemplate>; recommended: Set<string> } | null {
  const outline = outlineForKind(kind, library);
  if (!outline) return null;
  const byId = new Map(templatesForKind(kind, library).map((template) => [template.id, template]));
  const recommended = new Set(outline.chapters.flatMap((chapter) => chapter.articles).filter((id) => byId.get(id)?.recommended));
  return { outline, byId, recommended };
}

/**
 * What the wizard sends to documents/create: the structured body, and a value for every variable
 * it uses (the facts entered, else the chosen wording's proposal, else the variable's default) —
 * except the procedural facts (the vote, the signing), which only the lifecycle record fills.
 */
export function buildDocument(
  choices: WizardChoices,
  library: TemplateLibrary,
  newId: () => string,
): { content: TopLevelBlock[]; variables: Record<string, VariableValue> } | null {
  const model = outlineChoices(choices.kind, library);
  if (!model) return null;
  const content = documentFromOutline(model.outline, model.byId, choices.chosen, { language: choices.language, newId, wordings: choices.wordings });
  const definitions = new Map(library.variables.map((variable) => [variable.id, variable]));
  const proposals = proposedValues(
    [...choices.chosen].flatMap((id) => model.byId.get(id) ?? []),
    choices.wordings,
  );
  const variables: Record<string, VariableValue> = {};
  for (const id of new Set([...variablesUsed(content), ...Object.keys(choices.facts)])) {
    if (isProceduralFact(id)) continue;
    const value = choices.facts[id] ?? proposals[id] ?? definitions.get(id)?.default;
    if (value !== undefined && definitions.has(id)) variables[id] = value;
  }
  return { content, variables };
}
