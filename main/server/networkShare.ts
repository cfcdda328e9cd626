import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

/** The machine's IPv4 addresses on local networks (what colleagues in the office can reach). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');

export type NetworkShare = ReturnType<typeof createNetworkShare>;

/**
 * Sharing the embedded server on the office network: by default it listens on 127.0.0.1 only;
 * when the host chooses one of the machine's LAN addresses, the same server also listens there, and
 * invitation links point to that address.
 */
export function createNetworkShare(options: { host: string; port: () => number; createServer: () => Server }) {
  const extraServers: Server[] = [];
  const shared = new Set<string>();
  const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  /** Where the main server itself is reachable from others (per its --host). */
  const ownUrls = (): string[] => {
    if (options.host === '0.0.0.0') return lanAddresses().map((address) => urlOf(address, options.port()));
    return isLoopback(options.host) ? [] : [urlOf(options.host, options.port())];
  };

  return {
    /** Where others can reach this server (empty while it listens on this machine only). */
    urls(): string[] {
      return [...new Set([...ownUrls(), ...shared])];
    },

    /** Listens also on one of the machine's LAN addresses (same port when free) and returns its URL. */
    async share(address: string): Promise<string> {
      if (!lanAddresses().includes(address)) throw new Error(`${address} is not one of this machine's network addresses`);
      const existing = this.urls().find((url) => url.startsWith(`http://${address}:`));
      if (existing) return existing;
      const server = options.createServer();
      const listen = (port: number) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, address, () => resolve((server.address() as AddressInfo).port));
        });
      const port = await listen(options.port()).catch(() => listen(0));
      extraServers.push(server);
      const url = urlOf(address, port);
      shared.add(url);
      return url;
    },

    async close(): Promise<void> {
      await Promise.all(
        extraServers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
