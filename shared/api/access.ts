import { z } from 'zod';
import { displayNameSchema } from '#shared/api/participants';
import { singleLineNameSchema } from '#shared/text/textSchemas';

/** A labour authority of the deployment, as the hosts choose it when they send a document. */
export const authoritySchema = z.object({ id: z.string(), name: z.string() });

export type Authority = z.infer<typeof authoritySchema>;

/** A workspace, as its host sees it. */
export const workspaceSchema = z.object({ id: z.string(), name: z.string() });

/** A name the operator gives a workspace or an authority. */
export const deploymentNameSchema = singleLineNameSchema({ max: 200, empty: 'the name must not be empty', tooLong: 'the name must be at most 200 characters' });

export const redeemAccessInput = z.object({
  code: z.string().trim().min(1, 'the invitation code must not be empty').max(64),
  displayName: displayNameSchema,
});

/** What an operator's invitation made its bearer: a host of a workspace, or a reviewer of an authority. */
export const redeemedAccessSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('host'),
    /** Bearer token for the API; shown once, stored only as a hash. */
    token: z.string(),
    workspace: workspaceSchema,
  }),
  z.object({
    kind: z.literal('authorityReviewer'),
    token: z.string(),
    authority: authoritySchema,
    reviewer: z.object({ id: z.string(), displayName: z.string() }),
  }),
]);

export type RedeemedAccess = z.infer<typeof redeemedAccessSchema>;

/**
 * Workspaces and authorities (decision 0019): the authorities a document may be sent to, and the
 * operator's invitations redeemed for a host's or a reviewer's token. The operator creates
 * workspaces and authorities on the command line only: the API has no method for it.
 */
export const accessMethods = {
  'authorities/list': { access: 'signedIn', input: z.object({}), output: z.array(authoritySchema) },
  'access/redeem': { access: 'public', input: redeemAccessInput, output: redeemedAccessSchema },
} as const;
