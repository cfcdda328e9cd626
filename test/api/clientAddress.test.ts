import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustedProxies } from '#main/http/clientAddress';

/** A request as far as clientAddressOf reads it: the peer's address and the headers. */
const requestFrom = (remoteAddress: string | undefined, forwardedFor?: string): IncomingMessage =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('the address a request is counted under', () => {
  const trusted = parseTrustedProxies('10.0.0.5, 10.0.0.6');

  it('is the peer, whatever it claims, when the peer is not a trusted proxy', () => {
    expect(clientAddressOf(requestFrom('198.51.100.7', '203.0.113.5'), trusted)).toBe('198.51.100.7');
    expect(clientAddressOf(requestFrom('::ffff:198.51.100.7'), trusted)).toBe('198.51.100.7');
  });

  it('is the nearest address X-Forwarded-For names that is not itself a trusted proxy, behind one', () => {
    // A client may write anything at the start of the header; the proxy appends what it saw.
    expect(clientAddressOf(requestFrom('::ffff:10.0.0.5', '1.2.3.4, 203.0.113.5'), trusted)).toBe('203.0.113.5');
    expect(clientAddressOf(requestFrom('10.0.0.5', '203.0.113.5, 10.0.0.6'), trusted)).toBe('203.0.113.5');
    expect(clientAddressOf(requestFrom('10.0.0.5', 'not an address, 203.0.113.8'), trusted)).toBe('203.0.113.8');
    // Nothing usable in the header: the proxy itself.
    expect(clientAddressOf(requestFrom('10.0.0.5', 'unknown'), trusted)).toBe('10.0.0.5');
    expect(clientAddressOf(requestFrom('10.0.0.5'), trusted)).toBe('10.0.0.5');
  });

  it('takes only IP addresses as trusted proxies', () => {
    expect([...parseTrustedProxies(undefined)]).toEqual([]);
    expect([...parseTrustedProxies('2001:db8::1')]).toEqual(['2001:db8::1']);
    expect(() => parseTrustedProxies('10.0.0.5,nginx.internal')).toThrow('lists IP addresses, not "nginx.internal"');
  });
});
