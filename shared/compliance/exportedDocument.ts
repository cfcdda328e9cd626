/**
 * The file format of an exported document, as the command-line check reads it:
 * { format: "thoa-uoc-document", version: 1, kind, title, language, blocks, variables, dates? }.
 * Unknown top-level fields are ignored (an exporter may add its own); known ones are validated.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '#shared/calendar/isoDate';
import { documentBodySchema } from '#shared/document/nodeSchema';
import { documentKinds } from '#shared/documents/kinds';
import type { CheckDocumentInput } from '#shared/compliance/types';
import { regionSchema, variableDefinitionSchema, variableValueSchema } from '#shared/templates/schema';

export const exportedDocumentFormat = 'thoa-uoc-document';
export const exportedDocumentVersion = 1;

const isoDateSchema = z.string().refine(isIsoDate, 'must be a real date written YYYY-MM-DD');

export const exportedDocumentSchema = z.object({
  format: z.literal(exportedDocumentFormat),
  version: z.literal(exportedDocumentVersion),
  kind: z.enum(documentKinds),
  title: z.string().min(1).max(500),
  language: z.enum(['vi', 'en']),
  blocks: documentBodySchema,
  variables: z.record(z.string().min(1).max(80), variableValueSchema),
  /** When the document was created, signed (or issued) and took effect. */
  dates: z.object({ created: isoDateSchema.optional(), signed: isoDateSchema.optional(), effective: isoDateSchema.optional() }).strict().optional(),
  /** Facts of the enterprise the text may not state (the region of the minimum wage...). */
  enterprise: z
    .object({ region: regionSchema.optional(), sector: z.string().max(80).optional(), headcount: z.number().int().positive().optional() })
    .strict()
    .optional(),
  /** Definitions of the user-template variables the document uses (built-in ones need none). */
  variableDefinitions: z.array(variableDefinitionSchema).max(1000).optional(),
});

export type ExportedDocument = z.infer<typeof exportedDocumentSchema>;

/**
 * The check input of an exported document. The reference date is the signing date, else the
 * creation date, else `today`; `asOf` (the command line's --date) overrides the law's date. A
 * document with a signing date is checked as signed (its vote is then due).
 */
export function checkInputOf(document: ExportedDocument, options: { today: IsoDate; asOf?: IsoDate }): CheckDocumentInput {
  const definitions = new Map((document.variableDefinitions ?? []).map((definition) => [definition.id, definition]));
  return {
    kind: document.kind,
    blocks: document.blocks,
    variables: document.variables,
    language: document.language,
    dates: {
      reference: document.dates?.signed ?? document.dates?.created ?? options.today,
      ...(document.dates?.effective ? { effective: document.dates.effective } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
    },
    ...(document.enterprise ? { enterprise: document.enterprise } : {}),
    signed: document.dates?.signed !== undefined,
    ...(definitions.size > 0 ? { lookupVariable: (id: string) => definitions.get(id) } : {}),
  };
}
