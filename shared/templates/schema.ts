import { z } from 'zod';
import { documentKinds } from '#shared/documents/kinds';
import { regions, variableTypes } from '#shared/templates/variableTypes';

/** Text in both interface languages. */
export const bilingualSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

export type Bilingual = z.infer<typeof bilingualSchema>;

const idSchema = z.string().regex(/^[a-z][a-z0-9_.-]{1,79}$/, 'ids are lowercase letters, digits, "_", "-" or "." (2 to 80 characters)');

/** A value of a variable: numbers for quantities, ISO dates (YYYY-MM-DD), "HH:MM" times, strings. */
export const variableValueSchema = z.union([z.number(), z.string()]);

export type VariableValue = z.infer<typeof variableValueSchema>;

export const variableDefinitionSchema = z
  .object({
    id: idSchema,
    type: z.enum(variableTypes),
    label: bilingualSchema,
    /** Shown with the value where it helps ("per month", "of the hourly wage"...). */
    unit: bilingualSchema.optional(),
    /**
     * The value a new document starts with. A procedural fact (the vote, the signing:
     * shared/lifecycle/proceduralFacts.ts) has none: only the lifecycle record gives it a value.
     * Nor has a built-in text (a name, an address): until typed, it reads as its label in the
     * document's language.
     */
    default: variableValueSchema.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** For enum variables: the allowed values and how each reads. */
    options: z.array(z.object({ value: z.string(), label: bilingualSchema }).strict()).optional(),
    /** The compliance rule (its id in shared/compliance/ruleTable.ts) this value is checked against. */
    rule: z.string().optional(),
    help: bilingualSchema.optional(),
  })
  .strict();

export type VariableDefinition = z.infer<typeof variableDefinitionSchema>;

/** One body block of a clause template; `{{variable_id}}` marks where a variable chip goes. */
export const templateBlockSchema = z
  .object({
    type: z.enum(['paragraph', 'clause', 'point']),
    text: bilingualSchema,
  })
  .strict();

export type TemplateBlock = z.infer<typeof templateBlockSchema>;

/** A citation of the law a clause implements, e.g. { law: 'LC2019', article: 98, clause: 1, point: 'a' }. */
export const legalCitationSchema = z
  .object({
    law: z.enum(['LC2019', 'D145', 'D293', 'D135', 'D30', 'TUL2024', 'SIL2024', 'OSH2015']),
    article: z.number().int().positive(),
    clause: z.number().int().positive().optional(),
    point: z.string().optional(),
  })
  .strict();

export type LegalCitation = z.infer<typeof legalCitationSchema>;

/** Negotiation playbook levels: the statutory minimum, what is common, more favourable to workers. */
export const wordingLevels = ['floor', 'common', 'favourable'] as const;

export const alternativeWordingSchema = z
  .object({
    id: idSchema,
    level: z.enum(wordingLevels),
    label: bilingualSchema,
    body: z.array(templateBlockSchema).min(1),
    /**
     * The values this wording proposes for its variables (a "floor" wording proposes exactly the
     * statutory figures), so that negotiated numbers stay variables; choosing the wording may
     * offer to apply them to the document.
     */
    values: z.record(idSchema, variableValueSchema).optional(),
  })
  .strict();

export type AlternativeWording = z.infer<typeof alternativeWordingSchema>;

export const articleTemplateSchema = z
  .object({
    id: idSchema,
    version: z.number().int().positive(),
    kinds: z.array(z.enum(documentKinds)).min(1),
    title: bilingualSchema,
    body: z.array(templateBlockSchema).min(1),
    topics: z.array(idSchema).min(1),
    legalBasis: z.array(legalCitationSchema).min(1),
    /** Preselected by the new-document wizard. */
    recommended: z.boolean(),
    alternatives: z.array(alternativeWordingSchema).default([]),
  })
  .strict();

export type ArticleTemplate = z.infer<typeof articleTemplateSchema>;

/**
 * A requirement of the law that an outline must cover (an Art. 67 bargaining topic, an
 * Art. 118(2) item, a Decree 145 Art. 85(1) element): `source` is where the law requires it;
 * an article citing any of `implementedBy` shows that a chapter really covers it.
 */
export const requirementSchema = z
  .object({
    id: idSchema,
    label: bilingualSchema,
    source: legalCitationSchema,
    implementedBy: z.array(legalCitationSchema).min(1),
  })
  .strict();

export type Requirement = z.infer<typeof requirementSchema>;

export const outlineChapterSchema = z
  .object({
    id: idSchema,
    title: bilingualSchema,
    articles: z.array(idSchema).min(1),
    /** Ids of the requirements this chapter covers. */
    covers: z.array(idSchema).default([]),
  })
  .strict();

export const documentOutlineSchema = z
  .object({
    id: idSchema,
    kinds: z.array(z.enum(documentKinds)).min(1),
    title: bilingualSchema,
    legalGrounds: z.array(bilingualSchema).min(1),
    chapters: z.array(outlineChapterSchema).min(1),
  })
  .strict();

export type DocumentOutline = z.infer<typeof documentOutlineSchema>;

export const regionSchema = z.enum(regions);
