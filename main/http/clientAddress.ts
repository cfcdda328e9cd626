import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** An address as the socket gives it, IPv4 addresses that IPv6 sockets map (`::ffff:10.0.0.5`) written plainly. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The address a request came from: the connection's peer, unless that peer is a proxy the
 * operator trusts (hosted mode behind a load balancer), in which case the nearest address of
 * X-Forwarded-For that is not itself a trusted proxy. The header of anyone else is ignored, so a
 * client cannot choose the address it is counted under (the limits on guessing invitation codes).
 */
export function clientAddressOf(request: IncomingMessage, trustedProxies: ReadonlySet<string>): string | undefined {
  const peer = request.socket.remoteAddress === undefined ? undefined : plainAddress(request.socket.remoteAddress);
  if (peer === undefined || !trustedProxies.has(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => plainAddress(entry.trim()))
    .filter((entry) => isIP(entry) !== 0);
  for (const address of forwarded.reverse()) if (!trustedProxies.has(address)) return address;
  return peer;
}

/** The trusted proxies an operator lists (`--trusted-proxy 10.0.0.5,10.0.0.6`); throws on anything but IP addresses. */
export function parseTrustedProxies(value: string | undefined): Set<string> {
  const addresses = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const address of addresses)
    if (isIP(address) === 0) throw new Error(`--trusted-proxy (or THOA_UOC_TRUSTED_PROXIES) lists IP addresses, not "${address}"`);
  return new Set(addresses.map(plainAddress));
}
