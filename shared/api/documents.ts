import { z } from 'zod';
import { documentBodySchema } from '#shared/document/nodeSchema';
import { documentKinds } from '#shared/documents/kinds';
import { refuseXmlIllegal, singleLineNameSchema } from '#shared/text/textSchemas';
import { lifecycleStates } from '#shared/documents/lifecycleStates';

/** Public document ids: lowercase letters and digits, as used in sync URLs. */
export const documentIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, 'a document id is 8 to 40 lowercase letters or digits');

export const documentTitleSchema = singleLineNameSchema({
  max: 300,
  empty: 'the title must not be empty',
  tooLong: 'the title must be at most 300 characters',
});

/** A variable's value as people type it (party names, places): NFC, and only characters a document can hold. */
const variableValueInput = z.union([z.number(), z.string().normalize('NFC').superRefine(refuseXmlIllegal)]);

export const documentMetaSchema = z.object({
  id: documentIdSchema,
  kind: z.enum(documentKinds),
  title: z.string(),
  lifecycleState: z.enum(lifecycleStates),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});

export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const listDocumentsInput = z.object({
  includeArchived: z.boolean().default(false),
});

export const createDocumentInput = z.object({
  kind: z.enum(documentKinds),
  title: documentTitleSchema,
  /** The initial body (from a template or an import); a blank outline when omitted. */
  content: documentBodySchema.optional(),
  /** Initial values of the document's variables (validated against their definitions). */
  variables: z.record(z.string().max(80), variableValueInput).default({}),
  /** The language the text is written in: variables are formatted in it. */
  language: z.enum(['vi', 'en']).default('vi'),
});

export type CreateDocument = z.infer<typeof createDocumentInput>;

export const documentRefInput = z.object({ documentId: documentIdSchema });

export const renameDocumentInput = z.object({
  documentId: documentIdSchema,
  title: documentTitleSchema,
});
