import { builtInWorkspaceId, hostWorkspaceOf, type Caller } from '#shared/api/caller';
import type { ApiHandlers } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { lanAddresses, type NetworkShare } from '#main/server/networkShare';
import type { ServiceContext } from '#main/kernel/serviceContext';

/** The machine's own host (of the built-in workspace): a workspace's host in a hosted deployment does not run the machine. */
const runsTheMachine = (caller: Caller): boolean => caller.kind === 'admin' && hostWorkspaceOf(caller) === builtInWorkspaceId;

/** network/status and network/share: where invitation links should point, and sharing on the LAN. */
export function createNetworkHandlers(context: ServiceContext, network: NetworkShare | undefined): Pick<ApiHandlers, 'network/status' | 'network/share'> {
  return {
    'network/status': async (_input, caller) => ({
      shareUrls: network?.urls() ?? [],
      addresses: runsTheMachine(caller) ? lanAddresses() : [],
    }),
    'network/share': async ({ address }, caller) => {
      if (!runsTheMachine(caller))
        throw new ApiError('forbidden', 'only the host of the machine shares it on a network; a workspace’s host does not run the server');
      if (!network)
        throw new ApiError('conflict', 'this server cannot be shared from here; start it with --host instead', {
          reason: { key: 'network_share_unavailable' },
        });
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
