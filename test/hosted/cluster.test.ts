import { createClient, RESP_TYPES } from '@redis/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { Side } from '#shared/sides';
import { openStore } from '#main/store/openStore';
import { decodeBatch } from '#main/sync/relay';
import { startCluster, type Cluster } from '../helpers/cluster';
import { connectSyncedClient, presenceMatches, textMatches, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

/** One seat: a participant's token, joined through instance `via`. */
async function join(
  cluster: Cluster,
  host: ApiClient,
  documentId: string,
  side: Side,
  name: string,
  via: number,
): Promise<{ token: string; participantId: string }> {
  const invitation = await host.call('invitations/create', { documentId, side });
  const redeemed = await cluster.client(via, null).call('invitations/redeem', { code: invitation.code, displayName: name });
  return { token: redeemed.token, participantId: redeemed.participant.id };
}

describe('hosted mode: three instances on one PostgreSQL and one Redis', () => {
  let cluster: Cluster;
  const clients: SyncClient[] = [];
  beforeEach(async () => {
    cluster = await startCluster(3);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster.dispose();
  });

  it('S24 clients on different instances co-edit one document and converge; a late joiner on a third instance gets everything', async () => {
    const host = cluster.client(0);
    const document = await host.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước lao động tập thể Công ty Dệt may Nam Định 2027',
      variables: {},
    });
    const employer = await join(cluster, host, document.id, 'employer', 'Chị Lan', 0);
    const union = await join(cluster, host, document.id, 'union', 'Anh Minh', 1);
    const late = await join(cluster, host, document.id, 'union', 'Chị Hoa', 2);
    const onFirst = await connectSyncedClient(cluster.instances[0]?.url ?? '', document.id, employer.token, clients);
    const onSecond = await connectSyncedClient(cluster.instances[1]?.url ?? '', document.id, union.token, clients);

    // Both type at once, word by word, each on their own instance.
    const employerWords = ['Lương ', 'tháng ', 'mười ', 'ba '];
    const unionWords = ['tăng ', 'bảy ', 'phần ', 'trăm '];
    for (let index = 0; index < employerWords.length; index += 1) {
      onFirst.text.insert(0, employerWords[index] ?? '');
      onSecond.text.insert(onSecond.text.length, unionWords[index] ?? '');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const typed = [...employerWords, ...unionWords];
    const hasEverything = (text: string): boolean => typed.every((word) => text.includes(word.trim()));
    await textMatches(onFirst, hasEverything, 'the first instance’s client to have every word', 15_000);
    await textMatches(onSecond, hasEverything, 'the second instance’s client to have every word', 15_000);
    expect(onFirst.text.toString()).toBe(onSecond.text.toString());

    // Presence crosses instances too, with the names each instance stamped.
    onSecond.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await presenceMatches(
      onFirst,
      (states) => [...states.values()].some((state) => (state.participant as { name?: string } | undefined)?.name === 'Anh Minh'),
      'the union member’s presence on the first instance',
      10_000,
    );

    const lateClient = await connectSyncedClient(cluster.instances[2]?.url ?? '', document.id, late.token, clients);
    expect(lateClient.text.toString()).toBe(onFirst.text.toString());

    // What the API reads on any instance is the same text.
    const [fromFirst, fromThird] = await Promise.all([
      cluster.client(0).call('versions/attribution', { documentId: document.id }),
      cluster.client(2).call('versions/attribution', { documentId: document.id }),
    ]);
    expect(fromThird.articles.map((article) => article.totalChars)).toEqual(fromFirst.articles.map((article) => article.totalChars));
  });

  it('S27 a participant revoked through one instance is disconnected on all of them at once', async () => {
    const host = cluster.client(0);
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước', variables: {} });
    const member = await join(cluster, host, document.id, 'union', 'Anh Minh', 0);
    const onSecond = await connectSyncedClient(cluster.instances[1]?.url ?? '', document.id, member.token, clients);
    const onThird = await connectSyncedClient(cluster.instances[2]?.url ?? '', document.id, member.token, clients);
    const closes: number[] = [];
    for (const client of [onSecond, onThird]) client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    await host.call('participants/revoke', { participantId: member.participantId });
    await waitFor(() => closes.filter((code) => code === 4401).length === 2, 'both sockets to be closed as unauthorized', { timeoutMs: 10_000 });
  });

  it('S25 only what the log holds goes on the shared stream, never a reply meant for one client (sync step 2)', async () => {
    const host = cluster.client(0);
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước', variables: {} });
    const employer = await join(cluster, host, document.id, 'employer', 'Chị Lan', 0);
    const union = await join(cluster, host, document.id, 'union', 'Anh Minh', 1);
    const late = await join(cluster, host, document.id, 'union', 'Chị Hoa', 2);
    const keeper = await join(cluster, host, document.id, 'union', 'Anh Tú', 1);
    const onFirst = await connectSyncedClient(cluster.instances[0]?.url ?? '', document.id, employer.token, clients);
    const onSecond = await connectSyncedClient(cluster.instances[1]?.url ?? '', document.id, union.token, clients);
    // Someone stays on the second instance, so that its copy is not closed (and the log not folded) while the union member is away.
    await connectSyncedClient(cluster.instances[1]?.url ?? '', document.id, keeper.token, clients);
    onFirst.text.insert(0, 'Lương tháng mười ba. ');
    await textMatches(onSecond, (text) => text.startsWith('Lương tháng mười ba.'), 'the first words on the second instance');

    // The union member goes offline and types; meanwhile the employer types more. On reconnecting,
    // each side's sync step 2 carries what the other lacks: only the socket it answers may see it.
    onSecond.provider.disconnect();
    onSecond.text.insert(onSecond.text.length, 'Thưởng Tết. ');
    onFirst.text.insert(0, 'Điều 5. ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    onSecond.provider.connect();
    const converged = (text: string): boolean => text.includes('Thưởng Tết.') && text.startsWith('Điều 5.');
    await textMatches(onSecond, converged, 'the union member to catch up');
    await textMatches(onFirst, converged, 'the employer to get the offline words');
    const lateClient = await connectSyncedClient(cluster.instances[2]?.url ?? '', document.id, late.token, clients);
    expect(lateClient.text.toString()).toBe(onFirst.text.toString());

    // Every entry of the document's stream is a batch the log holds, byte for byte, with its numbers.
    const store = await openStore({ kind: 'postgres', url: cluster.database.url });
    const redis = createClient({ url: cluster.redis.url }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    await redis.connect();
    try {
      const checkpointSeq = await store.updates.checkpointSeq(document.id);
      const log = await store.updates.updatesAfter(document.id, checkpointSeq);
      const entries = (await redis.xRange(`thoa-uoc:doc:${document.id}:log`, '-', '+')) as { message: Record<string, Buffer> }[];
      const published = entries.map((entry) => decodeBatch('', entry.message.batch ?? Buffer.alloc(0)));
      const compared = published
        .flatMap((batch) => batch.updates.map((update, index) => ({ seq: batch.first + index, bytes: update.bytes })))
        .filter(({ seq }) => seq > checkpointSeq);
      // The three edits: the first words, the offline words, the words typed meanwhile.
      expect(compared.length).toBeGreaterThanOrEqual(3);
      for (const { seq, bytes } of compared) expect(Buffer.from(bytes).equals(Buffer.from(log.tail[seq - checkpointSeq - 1] ?? []))).toBe(true);
      expect(new Set(compared.map(({ seq }) => seq)).size).toBe(compared.length);
    } finally {
      await redis.quit();
      await store.close();
    }
  });
});
