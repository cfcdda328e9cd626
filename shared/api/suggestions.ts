import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { suggestedBlockTypes } from '#shared/document/elementRules';
import { bargainingSides } from '#shared/negotiation/model';
import { suggestionRecordSchema } from '#shared/negotiation/suggestions';

/** A suggestion as its decider saw it: nothing is decided that changed since (decision 0024). */
const seenSuggestionSchema = z.object({
  id: z.string().min(1).max(64),
  /** The text it inserts, as shown to the decider. */
  inserted: z.string().max(100_000),
  /** The text it suggests deleting, as shown to the decider. */
  deleted: z.string().max(100_000),
  /** The blocks it adds, moves or suggests deleting, as shown to the decider (decision 0027); none when absent. */
  blocks: z
    .array(z.object({ change: z.enum(['insert', 'delete']), type: z.enum(suggestedBlockTypes), text: z.string().max(100_000) }))
    .max(1_000)
    .optional(),
});

export const decideSuggestionsInput = z.object({
  documentId: documentIdSchema,
  decision: z.enum(['accept', 'reject', 'withdraw']),
  /** One suggestion, those of an article or of an author, or all: as many as the interface showed. */
  suggestions: z.array(seenSuggestionSchema).min(1).max(1_000),
});

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
  'suggestions/setRequired': { access: 'signedIn', input: setSuggestingRequiredInput, output: suggestingRequiredSchema },
} as const;
