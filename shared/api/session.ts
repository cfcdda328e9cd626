import { z } from 'zod';
import { documentMetaSchema } from '#shared/api/documents';
import { participantSchema } from '#shared/api/participants';
import { authoritySchema } from '#shared/api/access';

export const sessionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin') }),
  z.object({
    kind: z.literal('participant'),
    participant: participantSchema,
    document: documentMetaSchema,
  }),
  /** A reviewer of a labour authority: their queue (review/queue) holds what every workspace sent it. */
  z.object({
    kind: z.literal('authorityReviewer'),
    authority: authoritySchema,
    reviewer: z.object({ id: z.string(), displayName: z.string() }),
  }),
]);

export type Session = z.infer<typeof sessionSchema>;
