import { z } from 'zod';
import { sides } from '#shared/sides';
import { documentIdSchema } from '#shared/api/documents';
import { singleLineNameSchema } from '#shared/text/textSchemas';

export const displayNameSchema = singleLineNameSchema({
  max: 80,
  empty: 'the display name must not be empty',
  tooLong: 'the display name must be at most 80 characters',
});

export const participantSchema = z.object({
  id: z.string(),
  documentId: documentIdSchema,
  displayName: z.string(),
  side: z.enum(sides),
  joinedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});

export type Participant = z.infer<typeof participantSchema>;

export const listParticipantsInput = z.object({ documentId: documentIdSchema });

export const revokeParticipantInput = z.object({ participantId: z.string().min(1) });
