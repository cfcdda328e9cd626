/**
 * The built-in clause-template library: typed variables, article templates, document outlines and
 * the requirements of the law (Labour Code Art. 67, 118(2); Decree 145/2020 Art. 85) that an
 * outline must cover. The data lives in ./data as JSON and is validated with the zod schemas once.
 *
 * A `{{variable_id}}` placeholder renders as formatVariableValue (variableValues.ts) writes it: money
 * with ₫, percent with %, counts of days, hours or months followed by the variable's unit ("12 ngày
 * làm việc"), a region as "vùng I", an enum as its option label. So the text around a placeholder
 * never repeats the unit: "được nghỉ {{annual_leave_days}} hưởng nguyên lương".
 */
import { z } from 'zod';
import type { DocumentKind } from '#shared/documents/kinds';
import {
  articleTemplateSchema,
  documentOutlineSchema,
  requirementSchema,
  variableDefinitionSchema,
  type ArticleTemplate,
  type DocumentOutline,
  type LegalCitation,
  type Requirement,
  type VariableDefinition,
} from '#shared/templates/schema';
import variablesData from './data/variables.json';
import outlinesData from './data/outlines.json';
import requirementsData from './data/requirements.json';
import claGeneral from './data/templates/cla-general.json';
import claEmploymentContracts from './data/templates/cla-employment-contracts.json';
import claEmploymentTermination from './data/templates/cla-employment-termination.json';
import claWorkingHours from './data/templates/cla-working-hours.json';
import claLeave from './data/templates/cla-leave.json';
import claWagesPay from './data/templates/cla-wages-pay.json';
import claWagesBenefits from './data/templates/cla-wages-benefits.json';
import claOsh from './data/templates/cla-osh.json';
import claWelfare from './data/templates/cla-welfare.json';
import claWomen from './data/templates/cla-women.json';
import claUnionRelations from './data/templates/cla-union-relations.json';
import claImplementationSector from './data/templates/cla-implementation-sector.json';
import regsGeneralTimeOrderOsh from './data/templates/regs-general-time-order-osh.json';
import regsHarassmentAssetsTransfer from './data/templates/regs-harassment-assets-transfer.json';
import regsDisciplineLiabilityFinal from './data/templates/regs-discipline-liability-final.json';

export interface TemplateLibrary {
  variables: VariableDefinition[];
  templates: ArticleTemplate[];
  outlines: DocumentOutline[];
  requirements: Requirement[];
}

/** The data files as imported, before validation; template files keyed by their file name. */
export interface RawTemplateData {
  variables: unknown;
  templates: Record<string, unknown>;
  outlines: unknown;
  requirements: unknown;
}

export const rawTemplateData: RawTemplateData = {
  variables: variablesData,
  templates: {
    'cla-general.json': claGeneral,
    'cla-employment-contracts.json': claEmploymentContracts,
    'cla-employment-termination.json': claEmploymentTermination,
    'cla-working-hours.json': claWorkingHours,
    'cla-leave.json': claLeave,
    'cla-wages-pay.json': claWagesPay,
    'cla-wages-benefits.json': claWagesBenefits,
    'cla-osh.json': claOsh,
    'cla-welfare.json': claWelfare,
    'cla-women.json': claWomen,
    'cla-union-relations.json': claUnionRelations,
    'cla-implementation-sector.json': claImplementationSector,
    'regs-general-time-order-osh.json': regsGeneralTimeOrderOsh,
    'regs-harassment-assets-transfer.json': regsHarassmentAssetsTransfer,
    'regs-discipline-liability-final.json': regsDisciplineLiabilityFinal,
  },
  outlines: outlinesData,
  requirements: requirementsData,
};

/** Validates raw data with the schemas; throws a ZodError naming the first bad entry. */
export function parseTemplateLibrary(raw: RawTemplateData): TemplateLibrary {
  return {
    variables: z.array(variableDefinitionSchema).parse(raw.variables),
    templates: Object.values(raw.templates).flatMap((file) => z.array(articleTemplateSchema).parse(file)),
    outlines: z.array(documentOutlineSchema).parse(raw.outlines),
    requirements: z.array(requirementSchema).parse(raw.requirements),
  };
}

let parsed: TemplateLibrary | undefined;

/** The built-in library, parsed once. */
export function templateLibrary(): TemplateLibrary {
  parsed ??= parseTemplateLibrary(rawTemplateData);
  return parsed;
}

/** The templates that apply to a kind of document, in library order. */
export function templatesForKind(kind: DocumentKind, library: TemplateLibrary = templateLibrary()): ArticleTemplate[] {
  return library.templates.filter((template) => template.kinds.includes(kind));
}

/** The suggested outline of a kind of document. */
export function outlineForKind(kind: DocumentKind, library: TemplateLibrary = templateLibrary()): DocumentOutline | undefined {
  return library.outlines.find((outline) => outline.kinds.includes(kind));
}

export function findTemplate(id: string, library: TemplateLibrary = templateLibrary()): ArticleTemplate | undefined {
  return library.templates.find((template) => template.id === id);
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variable ids of the `{{...}}` placeholders in a text, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1] ?? '');
}

/** Whether a citation in an article (`cited`) is, or is inside, the provision `required` names. */
export function citationCovers(required: LegalCitation, cited: LegalCitation): boolean {
  return (
    required.law === cited.law &&
    required.article === cited.article &&
    (required.clause === undefined || required.clause === cited.clause) &&
    (required.point === undefined || required.point === cited.point)
  );
}

/**
 * The requirements an outline really covers: a chapter lists the requirement in `covers` and one
 * of the chapter's articles cites one of the requirement's `implementedBy` provisions.
 */
export function coveredRequirements(outline: DocumentOutline, library: TemplateLibrary = templateLibrary()): Set<string> {
  const templates = new Map(library.templates.map((template) => [template.id, template]));
  const requirements = new Map(library.requirements.map((requirement) => [requirement.id, requirement]));
  const covered = new Set<string>();
  for (const chapter of outline.chapters) {
    const citations = chapter.articles.flatMap((id) => templates.get(id)?.legalBasis ?? []);
    for (const id of chapter.covers) {
      const requirement = requirements.get(id);
      if (requirement?.implementedBy.some((required) => citations.some((cited) => citationCovers(required, cited)))) covered.add(id);
    }
  }
  return covered;
}
