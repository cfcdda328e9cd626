import { z } from 'zod';
import { sides } from '#shared/sides';
import { documentIdSchema, documentMetaSchema } from '#shared/api/documents';
import { displayNameSchema, participantSchema } from '#shared/api/participants';

const maxValidityHours = 24 * 30;

/** How long an invitation lasts unless its creator says otherwise: a week. */
export const defaultValidityHours = 24 * 7;

export const createInvitationInput = z.object({
  documentId: documentIdSchema,
  side: z.enum(sides),
  validForHours: z.number().int().min(1).max(maxValidityHours).default(defaultValidityHours),
});

export const invitationSchema = z.object({
  id: z.string(),
  documentId: documentIdSchema,
  side: z.enum(sides),
  /** The one-time code, shown once to whoever creates the invitation. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
});

export type Invitation = z.infer<typeof invitationSchema>;

export const redeemInvitationInput = z.object({
  code: z.string().trim().min(1, 'the invitation code must not be empty').max(64),
  displayName: displayNameSchema,
});

export const redeemedInvitationSchema = z.object({
  /** Bearer token for the API and the sync socket; shown once, stored only as a hash. */
  token: z.string(),
  participant: participantSchema,
  document: documentMetaSchema,
});

export type RedeemedInvitation = z.infer<typeof redeemedInvitationSchema>;
