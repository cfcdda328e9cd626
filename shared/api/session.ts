import { z } from 'zod';
import { documentMetaSchema } from '#shared/api/documents';
import { participantSchema } from '#shared/api/participants';

export const sessionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin') }),
  z.object({
    kind: z.literal('participant'),
    participant: participantSchema,
    document: documentMetaSchema,
  }),
]);

export type Session = z.infer<typeof sessionSchema>;
