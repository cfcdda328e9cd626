import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { importPreviewInput } from '#shared/api/export';
import { suggestedBlockTypes } from '#shared/document/elementRules';
import { bargainingSides } from '#shared/negotiation/model';
import { markSchema, suggestionRecordSchema } from '#shared/negotiation/suggestions';
import { variableValueSchema } from '#shared/templates/schema';

/** A suggestion as its decider saw it: nothing is decided that changed since (decision 0024). */
const seenSuggestionSchema = z.object({
  id: z.string().min(1).max(64),
  /** The text it inserts, as shown to the decider. */
  inserted: z.string().max(100_000),
  /** The text it suggests deleting, as shown to the decider. */
  deleted: z.string().max(100_000),
  /** For a suggested formatting (decision 0028): the text it formats and the marks it adds and removes, as shown. */
  format: z.object({ text: z.string().max(100_000), added: z.array(markSchema).max(3), removed: z.array(markSchema).max(3) }).optional(),
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

/** A value suggested for a variable (decision 0028): the other side accepts it, or it stays the value it was. */
export const suggestValueInput = z.object({ documentId: documentIdSchema, variableId: z.string().min(1).max(80), value: variableValueSchema });

export const setSuggestingRequiredInput = z.object({ documentId: documentIdSchema, required: z.boolean() });

/** Whether suggesting is required, and one side's request to change that, awaiting the other side. */
export const suggestingRequiredSchema = z.object({
  required: z.boolean(),
  request: z.object({ side: z.enum(bargainingSides), required: z.boolean(), byName: z.string(), at: z.iso.datetime() }).nullable(),
});
export type SuggestingRequired = z.infer<typeof suggestingRequiredSchema>;

/** A party's Word file whose tracked changes become the caller's suggestions (decision 0030). */
export const importWordSuggestionsInput = z.object({
  documentId: documentIdSchema,
  /** The .docx file, base64-encoded (at most maxImportBytes once decoded). */
  fileBase64: importPreviewInput.shape.fileBase64,
  fileName: importPreviewInput.shape.fileName,
});

/** Why a paragraph's tracked changes were not made suggestions. */
export const wordSkipReasons = [
  /** No block of the document (in the article the file names) reads as the paragraph did before its changes. */
  'no_match',
  /** Several blocks do. */
  'ambiguous_match',
  /** In a table or a text box. */
  'in_table',
  /** In a header or footer. */
  'in_header',
  /** A formatting change (w:rPrChange, w:pPrChange). */
  'formatting',
  /** Moved text (w:moveFrom, w:moveTo). */
  'moved',
  /** A Word comment. */
  'comment',
  /** A paragraph inserted or deleted whole (its paragraph mark is a change). */
  'paragraph_mark',
  /** A change outside the block's text (in "Điều 3." or a clause's number). */
  'outside_text',
  /** A change inside a variable's value, which is changed as a value, not as text. */
  'in_variable',
  /** A deletion of text someone already suggests deleting. */
  'already_suggested',
] as const;
export type WordSkipReason = (typeof wordSkipReasons)[number];

export const wordSuggestionsReportSchema = z.object({
  fileName: z.string(),
  /** Suggestions made, all the caller's. */
  made: z.number().int().nonnegative(),
  /** Paragraphs whose changes became suggestions. */
  paragraphs: z.number().int().nonnegative(),
  skipped: z.array(
    z.object({
      /** The paragraph of the file's body, from 1; 0 for one in a header or footer. */
      paragraph: z.number().int().nonnegative(),
      /** The start of its text. */
      excerpt: z.string(),
      reason: z.enum(wordSkipReasons),
      /** Who made the changes in Word (w:author), as the file says: shown, never taken as the author. */
      authors: z.array(z.string()),
    }),
  ),
});
export type WordSuggestionsReport = z.infer<typeof wordSuggestionsReportSchema>;

/** The suggestion methods of the API contract (see contract.ts). */
export const suggestionMethods = {
  'suggestions/decide': { access: 'signedIn', input: decideSuggestionsInput, output: z.object({ decided: z.array(suggestionRecordSchema) }) },
  'suggestions/suggestValue': { access: 'signedIn', input: suggestValueInput, output: z.object({ suggestion: suggestionRecordSchema }) },
  'suggestions/setRequired': { access: 'signedIn', input: setSuggestingRequiredInput, output: suggestingRequiredSchema },
  'suggestions/importWord': { access: 'signedIn', input: importWordSuggestionsInput, output: wordSuggestionsReportSchema },
} as const;
