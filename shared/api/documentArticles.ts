import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';

/**
 * The articles of a document, by number and title, as it reads now: what a submission to a
 * dialogue is linked to (an article of the agreement or regulations in force). Whoever may see
 * the document may list them.
 */
export const documentArticleSchema = z.object({ clauseId: z.string(), number: z.number().int(), title: z.string() });
export type DocumentArticle = z.infer<typeof documentArticleSchema>;

export const documentArticleMethods = {
  'documents/articles': { access: 'signedIn', input: z.object({ documentId: documentIdSchema }), output: z.array(documentArticleSchema) },
} as const;
