import { afterEach, describe, expect, it } from 'vitest';
import { closeCodes } from '#shared/sync/protocol';
import { startCluster, type Cluster } from '../helpers/cluster';
import type { TestDatabase } from '../helpers/postgres';
import { connectSyncedClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../bench/lib/throwawayPostgres';
import { Typist, typedIn } from '../helpers/typist';
import { waitFor } from '../helpers/waitFor';

describe('hosted mode under failures (three instances, stock clients)', () => {
  let cluster: Cluster | null = null;
  let postgres: ThrowawayPostgres | null = null;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.dispose();
    cluster = null;
    postgres?.stop();
    postgres = null;
  });

  /** Three instances on the test run's PostgreSQL, or on `database`. */
  async function start(database?: TestDatabase): Promise<Cluster> {
    cluster = await startCluster(3, database);
    return cluster;
  }

  async function documentWithSeat(cluster: Cluster): Promise<{ documentId: string; token: string }> {
    const host = cluster.client(0);
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước', variables: {} });
    const invitation = await host.call('invitations/create', { documentId: document.id, side: 'union' });
    const redeemed = await cluster.client(0, null).call('invitations/redeem', { code: invitation.code, displayName: 'Anh Minh' });
    return { documentId: document.id, token: redeemed.token };
  }

  it('S26 an instance killed mid-burst: every letter acknowledged as stored is there once its client reconnects to another instance, and then every letter is', async () => {
    const cluster = await start();
    const { documentId, token } = await documentWithSeat(cluster);
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
    await textMatches(
      reader,
      (text) => typedIn(text, [...'abcdefghij']) === typist.sent.join(''),
      'every letter, the unacknowledged ones resent, on the third instance',
      15_000,
    );
  });

  it('S26 Redis restarted mid-burst: nothing acknowledged is lost, and clients on different instances converge once it is back', async () => {
    const cluster = await start();
    const { documentId, token } = await documentWithSeat(cluster);
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

  it('S26 a rolling restart of every instance under typing loses nothing', async () => {
    const cluster = await start();
    const { documentId, token } = await documentWithSeat(cluster);
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

  it('S26 PostgreSQL unreachable: writes are refused with a close code and a reason, nothing is acknowledged that is not stored, and service resumes once it is back', async () => {
    const server = await startThrowawayPostgres();
    postgres = server;
    const cluster = await start({ url: server.url, drop: () => Promise.resolve() });
    const { documentId, token } = await documentWithSeat(cluster);
    const typist = new Typist(await connectSyncedClient(cluster.instances[0]?.url ?? '', documentId, token, clients));
    const reader = await connectSyncedClient(cluster.instances[1]?.url ?? '', documentId, token, clients);
    await typist.type('pqrst', 20);
    await waitFor(() => typist.acknowledged === 20, 'the first letters to be stored');

    server.kill();
    await typist.type('pqrst', 20, 20);
    await waitFor(() => typist.closes.some((close) => close.code === closeCodes.storageFailure), 'the instance to refuse what it cannot store');
    expect(typist.closes.find((close) => close.code === closeCodes.storageFailure)?.reason).toMatch(/could not (store|read|be loaded)/);
    expect(typist.acknowledged).toBe(20);
    await expect(
      cluster.client(2).call('documents/create', { kind: 'enterprise_agreement', title: 'Trong lúc mất kết nối', variables: {} }),
    ).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/cannot reach its database/) as unknown });

    server.start();
    await textMatches(
      reader,
      (text) => typedIn(text, [...'pqrst']) === typist.sent.join(''),
      'the letters typed during the outage, on the other instance',
      30_000,
    );
    await waitFor(async () => (await cluster.client(2).call('documents/list', {})).some((document) => document.id === documentId), 'the API to answer again', {
      timeoutMs: 15_000,
    });
  }, 120_000);
});
