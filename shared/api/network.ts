import { z } from 'zod';

export const networkStatusSchema = z.object({
  /** Addresses where others can reach this server, for invitation links (empty: this machine only). */
  shareUrls: z.array(z.string()),
  /** The machine's network addresses the host may share on (given to the host only). */
  addresses: z.array(z.string()),
});

export type NetworkStatus = z.infer<typeof networkStatusSchema>;

export const shareOnNetworkInput = z.object({ address: z.string().min(1).max(64) });

/** Sharing the desktop app's embedded server on the office network (see main/server/networkShare.ts). */
export const networkMethods = {
  'network/status': { access: 'signedIn', input: z.object({}), output: networkStatusSchema },
  'network/share': { access: 'admin', input: shareOnNetworkInput, output: networkStatusSchema },
} as const;
