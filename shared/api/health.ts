import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  protocolVersion: z.number().int(),
  uptimeSeconds: z.number(),
  openDocuments: z.number().int(),
  connections: z.number().int(),
});

export type Health = z.infer<typeof healthSchema>;
