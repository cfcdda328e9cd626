import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { bargainingSides } from '#shared/negotiation/model';
import { suggestionRecordSchema } from '#shared/negotiation/suggestions';
import { variableValueSchema } from '#shared/templates/schema';

const markSchema = z.enum(['bold', 'italic', 'underline']);

/** A suggestion as its decider saw it: nothing is decided that changed since (decision 0024). */
const seenSuggestionSchema = z.object({
  id: z.string().min(1).max(64),
  /** The text it inserts, as shown to the decider. */
  inserted: z.string().max(100_000),
  /** The text it suggests deleting, as shown to the decider. */
  deleted: z.string().max(100_000),
  /** For a suggested formatting (decision 0028): the text it formats and the marks it adds and removes, as shown. */
  format: z.object({ text: z.string().max(100_000), added: z.array(markSchema).max(3), removed: z.array(markSchema).max(3) }).optional(),
});

export const decideSuggestionsInput = z.object({
  documentId: documentIdSchema,
  decision: z.enum(['accept', 'reject', 'withdraw']),
  /** One suggestion, those of an article or of an author, or all: as many as the interface showed. */
  suggestions: z.array(seenSuggestionSchema).min(1).max(1_000),
});

/** A value suggested for a variable (decision 0028): the other side accepts it, or it stays the value it was. */
export const suggestValueInput = z.object({ documentId: documentIdSchema, variableId: z.string().min(1).max(80), value: variableValueSchema });

export const setSuggestingRequiredInput = z.object({ documentId: documentIdSchema, required: z.boolean() });

/** Whether suggesting is required, and one side's request to change that, awaiting the other side. */
export const suggestingRequiredSchema = z.object({
  required: z.boolean(),
  request: z.object({ side: z.enum(bargainingSides), required: z.boolean(), byName: z.string(), at: z.iso.datetime() }).nullable(),
});
export type SuggestingRequired = z.infer<typeof suggestingRequiredSchema>;

/** The suggestion methods of the API contract (see contract.ts). */
export const suggestionMethods = {
  'suggestions/decide': { access: 'signedIn', input: decideSuggestionsInput, output: z.object({ decided: z.array(suggestionRecordSchema) }) },
  'suggestions/suggestValue': { access: 'signedIn', input: suggestValueInput, output: z.object({ suggestion: suggestionRecordSchema }) },
  'suggestions/setRequired': { access: 'signedIn', input: setSuggestingRequiredInput, output: suggestingRequiredSchema },
} as const;
