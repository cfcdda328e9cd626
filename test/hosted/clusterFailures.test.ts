import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageType } from '#shared/sync/protocol';
import { encodeStoredMarker, readStoredMarker } from '../../renderer/collab/storedAcks';
import { startCluster, type Cluster } from '../helpers/cluster';
import { connectClient, connectSyncedClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

/**
 * A person typing one letter at a time through a stock client, asking after each letter for the
 * server's confirmation that everything sent so far is stored (S12): which letters were
 * acknowledged is known at any moment.
 */
class Typist {
  readonly sent: string[] = [];
  /** How many letters the server confirmed as stored. */
  acknowledged = 0;

  constructor(public client: SyncClient) {
    this.listen();
  }

  /** The same document (with whatever it has not sent), now connected through another instance. */
  reconnect(serverUrl: string, documentId: string, token: string): SyncClient {
    this.client.provider.destroy();
    this.client = connectClient(serverUrl, documentId, token, this.client.doc);
    this.listen();
    return this.client;
  }

  private listen(): void {
    this.client.provider.messageHandlers[messageType.storedAck] = (_encoder, decoder: decoding.Decoder) => {
      this.acknowledged = Math.max(this.acknowledged, readStoredMarker(decoder));
    };
  }

  /** Types `count` letters of `alphabet`, one per turn, each followed by a marker. */
  async type(alphabet: string, count: number, pauseMs = 5): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      const letter = alphabet[index % alphabet.length] as string;
      this.client.text.insert(this.client.text.length, letter);
      this.sent.push(letter);
      const ws = this.client.provider.ws;
      if (ws && ws.readyState === ws.OPEN) ws.send(encodeStoredMarker(this.sent.length));
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/** The letters a typist sent, in order, as they appear in `text` (its own run of them). */
const typedIn = (text: string, letters: readonly string[]): string => [...text].filter((letter) => letters.includes(letter)).join('');

describe('hosted mode under failures (three instances, stock clients)', () => {
  let cluster: Cluster;
  const clients: SyncClient[] = [];
  beforeEach(async () => {
    cluster = await startCluster(3);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster.dispose();
  });

  async function documentWithSeat(): Promise<{ documentId: string; token: string }> {
    const host = cluster.client(0);
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước', variables: {} });
    const invitation = await host.call('invitations/create', { documentId: document.id, side: 'union' });
    const redeemed = await cluster.client(0, null).call('invitations/redeem', { code: invitation.code, displayName: 'Anh Minh' });
    return { documentId: document.id, token: redeemed.token };
  }

  it('an instance killed mid-burst: every letter acknowledged as stored is there once its client reconnects to another instance, and then every letter is', async () => {
    const { documentId, token } = await documentWithSeat();
    const typist = new Typist(await connectSyncedClient(cluster.instances[0]?.url ?? '', documentId, token, clients));
    const typing = typist.type('abcdefghij', 300, 2);
    await waitFor(() => typist.acknowledged >= 40, 'some letters to be acknowledged', { timeoutMs: 15_000 });
    await cluster.kill(0);
    await typing;
    const acknowledged = typist.sent.slice(0, typist.acknowledged).join('');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    // Read on a third instance before the typist comes back: what was acknowledged is stored.
    const reader = await connectSyncedClient(cluster.instances[2]?.url ?? '', documentId, token, clients);
    expect(typedIn(reader.text.toString(), [...'abcdefghij']).startsWith(acknowledged)).toBe(true);

    clients.push(typist.reconnect(cluster.instances[1]?.url ?? '', documentId, token));
    await synced(typist.client);
    await textMatches(reader, (text) => typedIn(text, [...'abcdefghij']) === typist.sent.join(''), 'every letter, the unacknowledged ones resent, on the third instance', 15_000);
  });

  it('Redis restarted mid-burst: nothing acknowledged is lost, and clients on different instances converge once it is back', async () => {
    const { documentId, token } = await documentWithSeat();
    const first = new Typist(await connectSyncedClient(cluster.instances[0]?.url ?? '', documentId, token, clients));
    const second = new Typist(await connectSyncedClient(cluster.instances[1]?.url ?? '', documentId, token, clients));
    const typing = Promise.all([first.type('abcde', 150, 3), second.type('vwxyz', 150, 3)]);
    await waitFor(() => first.acknowledged >= 20 && second.acknowledged >= 20, 'both to have letters acknowledged', { timeoutMs: 15_000 });
    await cluster.redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster.redis.start();
    await typing;
    const everything = (text: string): boolean => typedIn(text, [...'abcde']) === first.sent.join('') && typedIn(text, [...'vwxyz']) === second.sent.join('');
    await textMatches(first.client, everything, 'the first instance’s client to have both bursts', 20_000);
    await textMatches(second.client, everything, 'the second instance’s client to have both bursts', 20_000);
    expect(first.client.text.toString()).toBe(second.client.text.toString());
  });

  it('a rolling restart of every instance under typing loses nothing', async () => {
    const { documentId, token } = await documentWithSeat();
    const typist = new Typist(await connectSyncedClient(cluster.instances[0]?.url ?? '', documentId, token, clients));
    let on = 0;
    let typing = true;
    const burst = (async () => {
      while (typing) await typist.type('klmno', 10, 10);
    })();
    for (const index of [0, 1, 2]) {
      await cluster.stop(index);
      // The client of the instance that went reconnects to the next one, as a load balancer would send it.
      if (on === index) {
        on = (index + 1) % 3;
        clients.push(typist.reconnect(cluster.instances[on]?.url ?? '', documentId, token));
      }
      await cluster.restart(index);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    typing = false;
    await burst;
    const check = await connectSyncedClient(cluster.instances[1]?.url ?? '', documentId, token, clients);
    await textMatches(check, (text) => typedIn(text, [...'klmno']) === typist.sent.join(''), 'every letter typed during the restarts', 20_000);
    expect(typist.sent.length).toBeGreaterThan(30);
  });
});
