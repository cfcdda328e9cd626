import { afterEach, describe, expect, it } from 'vitest';
import { lanAddresses } from '#main/server/networkShare';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';

describe('sharing the embedded server on the office network', () => {
  let harness: Harness;
  afterEach(async () => harness.dispose());

  it('listens on 127.0.0.1 only until the host shares it on a LAN address, which invitation links then use', async () => {
    harness = await startHarness();
    const host = { kind: 'admin' } as const;
    const document = await createDocument(harness.server);
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh');
    const unionCaller = { kind: 'participant', participantId: union.participant.id, documentId: document.id, side: 'union' } as const;

    expect(await harness.server.handlers['network/status']({}, host)).toEqual({ shareUrls: [], addresses: lanAddresses() });
    // Participants learn where to send people, never which addresses the machine has.
    expect((await harness.server.handlers['network/status']({}, unionCaller)).addresses).toEqual([]);
    await expect(harness.server.handlers['network/share']({ address: '203.0.113.77' }, host)).rejects.toThrow(/not one of this machine's network addresses/);

    // This machine has a LAN address in CI and here; the test needs one to share on.
    const [address] = lanAddresses();
    expect(address, 'a non-loopback IPv4 address on this machine').toBeDefined();
    const shared = await harness.server.handlers['network/share']({ address: address ?? '' }, host);
    expect(shared.shareUrls).toHaveLength(1);
    const [url] = shared.shareUrls;
    expect(url).toMatch(new RegExp(`^http://${(address ?? '').replaceAll('.', '\\.')}:\\d+$`));
    const health = await fetch(`${url}/api/health/get`);
    expect(health.status).toBe(200);
    expect((await harness.server.handlers['network/status']({}, unionCaller)).shareUrls).toEqual(shared.shareUrls);
  });
});
