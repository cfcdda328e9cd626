import type { ApiHandlers } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { lanAddresses, type NetworkShare } from '#main/server/networkShare';
import type { ServiceContext } from '#main/kernel/serviceContext';

/** network/status and network/share: where invitation links should point, and sharing on the LAN. */
export function createNetworkHandlers(context: ServiceContext, network: NetworkShare | undefined): Pick<ApiHandlers, 'network/status' | 'network/share'> {
  return {
    'network/status': async (_input, caller) => ({
      shareUrls: network?.urls() ?? [],
      addresses: caller.kind === 'admin' ? lanAddresses() : [],
    }),
    'network/share': async ({ address }) => {
      if (!network) throw new ApiError('conflict', 'this server cannot be shared from here; start it with --host instead', { reason: { key: 'network_share_unavailable' } });
      try {
        await network.share(address);
      } catch (error) {
        throw new ApiError('invalid_input', `address: ${(error as Error).message}`, { reason: { key: 'network_address_invalid' } });
      }
      await context.store.audit.record({ at: context.now(), actor: 'admin', action: 'network.shared', documentId: null, details: { address } });
      return { shareUrls: network.urls(), addresses: lanAddresses() };
    },
  };
}
