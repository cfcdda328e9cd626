/**
 * A side's costing scenario in a negotiation: its assumptions (positionCost.ts settings) and a
 * what-if set of values, costed against the document's values. It is its side's alone, under the
 * rules of internal notes (never on the other side's socket, in its exports or its API answers; a
 * reviewer sees none), until the side publishes it: from then on it is fixed, both sides read it
 * with the figures it had when published, and the minutes record it (decision 0023).
 */
import { z } from 'zod';
import { costingSettingsSchema } from '#shared/costing/positionCost';
import { bargainingSides, valueChangesSchema } from '#shared/negotiation/model';
import { variableValueSchema } from '#shared/templates/schema';
import { singleLineNameSchema } from '#shared/text/textSchemas';

const at = z.iso.datetime();
const figures = z.object({ wages: z.number(), contributions: z.number(), cost: z.number() });

/** What a published scenario cost when it was published, as both sides and the minutes read it. */
export const publishedCostSchema = z.object({
  total: figures,
  averageYear: figures,
  perWorkerMonth: figures,
  years: z.array(z.object({ year: z.number().int(), cost: z.number() })),
  headcount: z.number().int(),
  start: z.iso.date(),
  termMonths: z.number().int(),
  workforce: z.enum(['scale', 'entered']),
  /** The wage variables it changes, from the document's value then to the scenario's. */
  changes: z.array(z.object({ variableId: z.string(), from: variableValueSchema.nullable(), to: variableValueSchema.nullable() })),
});
export type PublishedCost = z.infer<typeof publishedCostSchema>;

export const scenarioNameSchema = singleLineNameSchema({ max: 200, empty: 'a scenario needs a name', tooLong: 'a scenario name is at most 200 characters' });

export const bargainingScenarioSchema = z.object({
  id: z.string(),
  side: z.enum(bargainingSides),
  name: z.string(),
  /** The article it is about, or null for the agreement as a whole. */
  clauseId: z.string().nullable(),
  settings: costingSettingsSchema,
  /** The values it tries, by variable id, laid over the document's. */
  values: valueChangesSchema,
  authorName: z.string(),
  createdAt: at,
  updatedAt: at,
  published: z.object({ at, byName: z.string(), cost: publishedCostSchema }).nullable(),
});
export type BargainingScenario = z.infer<typeof bargainingScenarioSchema>;
