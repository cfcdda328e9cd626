import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { exportedFileSchema } from '#shared/api/export';
import { bargainingScenarioSchema, scenarioNameSchema } from '#shared/costing/bargainingScenario';
import { costingSettingsSchema } from '#shared/costing/positionCost';
import { isWageVariable } from '#shared/costing/wageVariables';
import { valueChangesSchema } from '#shared/negotiation/model';

const idSchema = z.string().min(1).max(64);

export const costingScenariosInput = z.object({ documentId: documentIdSchema });

export const costingScenariosSchema = z.object({
  /** The caller's side's scenarios, published or not (none for a reviewer or the host). */
  own: z.array(bargainingScenarioSchema),
  /** Both sides' published scenarios, in the order they were published. */
  published: z.array(bargainingScenarioSchema),
});
export type CostingScenarios = z.infer<typeof costingScenariosSchema>;

export const saveScenarioInput = z.object({
  documentId: documentIdSchema,
  /** The side's unpublished scenario to save again; a new one when absent. */
  scenarioId: idSchema.optional(),
  name: scenarioNameSchema,
  /** The article it is about; the agreement as a whole when absent or null. */
  clauseId: z.string().min(1).max(64).nullable().default(null),
  settings: costingSettingsSchema.default(costingSettingsSchema.parse({})),
  /** The values it tries, laid over the document's: wage variables only (the others cost nothing), each a number not below 0. */
  values: valueChangesSchema.default({}).superRefine((values, context) => {
    for (const [id, value] of Object.entries(values)) {
      if (!isWageVariable(id)) context.addIssue({ code: 'custom', path: [id], message: 'is not a wage variable (docs/costing.md lists them)' });
      else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        context.addIssue({ code: 'custom', path: [id], message: 'must be a number, not below 0' });
    }
  }),
});

export const scenarioRefInput = z.object({ documentId: documentIdSchema, scenarioId: idSchema });

/** What a costing export holds: a position, an article's positions compared, or a scenario of the caller's side (or published). */
export const costingExportTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('position'), proposalId: idSchema }),
  z.object({ kind: z.literal('article'), clauseId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('scenario'), scenarioId: idSchema }),
]);
export type CostingExportTarget = z.infer<typeof costingExportTargetSchema>;

export const exportCostingInput = z.object({
  documentId: documentIdSchema,
  target: costingExportTargetSchema,
  /** A workbook for HR departments, or the official layout for the minutes' annex. */
  format: z.enum(['xlsx', 'docx', 'pdf']),
  language: z.enum(['vi', 'en']).optional(),
});

/** The costing methods of the API contract (see contract.ts); decision 0023. */
export const costingMethods = {
  'costing/scenarios': { access: 'signedIn', input: costingScenariosInput, output: costingScenariosSchema },
  'costing/saveScenario': { access: 'signedIn', input: saveScenarioInput, output: bargainingScenarioSchema },
  'costing/deleteScenario': { access: 'signedIn', input: scenarioRefInput, output: z.object({ deleted: z.boolean() }) },
  'costing/publishScenario': { access: 'signedIn', input: scenarioRefInput, output: bargainingScenarioSchema },
  'costing/export': { access: 'signedIn', input: exportCostingInput, output: exportedFileSchema },
} as const;
