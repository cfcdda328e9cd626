import { createClient } from '@redis/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '#main/logger';
import { createRedisRelay, readableCursor } from '#main/sync/redisRelay';
import type { Relay, RelayedBatch } from '#main/sync/relay';
import { startThrowawayRedis, type ThrowawayRedis } from '../../bench/lib/throwawayRedis';
import { waitFor } from '../helpers/waitFor';

const batch = (first: number, byte: number): Omit<RelayedBatch, 'origin'> => ({
  first,
  last: first,
  updates: [{ bytes: new Uint8Array([byte]), participantId: 'p1' }],
});

describe('the Redis relay between instances (a real Redis)', () => {
  let redis: ThrowawayRedis;
  let publisher: Relay;
  let follower: Relay;
  const logger = createMemoryLogger();
  let raw: ReturnType<typeof createClient>;

  beforeEach(async () => {
    redis = await startThrowawayRedis();
    publisher = await createRedisRelay({ url: redis.url, logger });
    follower = await createRedisRelay({ url: redis.url, logger });
    raw = createClient({ url: redis.url });
    await raw.connect();
  });
  afterEach(async () => {
    await Promise.all([publisher.close(), follower.close(), raw.quit()]);
    await redis.stop();
  });

  /** Follows `documentId` on the follower instance; returns the batches it hears of. */
  async function follow(documentId: string): Promise<RelayedBatch[]> {
    const heard: RelayedBatch[] = [];
    await follower.follow(documentId, { batch: (relayed) => heard.push(relayed), awareness: () => undefined });
    return heard;
  }

  it('S25 a damaged or foreign entry in a document’s stream is skipped with a log line; the batches after it still arrive', async () => {
    const heard = await follow('doc-a');
    await raw.xAdd('thoa-uoc:doc:doc-a:log', '*', { origin: 'elsewhere', batch: 'not a batch' });
    await raw.xAdd('thoa-uoc:doc:doc-a:log', '*', { something: 'else' });
    publisher.publishBatch('doc-a', batch(1, 7));
    await waitFor(() => heard.length === 1, 'the batch after the damaged entries');
    expect(heard[0]).toMatchObject({ origin: publisher.instanceId, first: 1, last: 1 });
    expect(logger.lines.filter((line) => line.event === 'relay.bad_entry')).toHaveLength(2);
  });

  it('S25 a document whose stream Redis refuses to read (a key of another type) is set aside: the other documents’ batches still arrive', async () => {
    const heardA = await follow('doc-a');
    const heardB = await follow('doc-b');
    await raw.set('thoa-uoc:doc:doc-a:log', 'a string, not a stream');
    publisher.publishBatch('doc-b', batch(1, 1));
    await waitFor(() => heardB.length === 1, 'doc-b’s first batch despite doc-a’s key');
    publisher.publishBatch('doc-b', batch(2, 2));
    await waitFor(() => heardB.length === 2, 'doc-b’s second batch');
    expect(heardA).toEqual([]);
    expect(logger.lines.some((line) => line.event === 'relay.stream_unreadable' && line.fields.document === 'doc-a')).toBe(true);
  });

  it('S25 an instance that begins to follow a document whose key is of another type still follows the others', async () => {
    await raw.set('thoa-uoc:doc:doc-c:log', 'a string, not a stream');
    const heardC = await follow('doc-c');
    const heardD = await follow('doc-d');
    publisher.publishBatch('doc-d', batch(1, 4));
    await waitFor(() => heardD.length === 1, 'doc-d’s batch');
    expect(heardC).toEqual([]);
  });

  it('S25 a cursor that is not a stream id never reaches XREAD: the stream is read from its start instead', () => {
    const invalid: string[] = [];
    expect(readableCursor('1733500000000-3', () => invalid.push('1'))).toBe('1733500000000-3');
    expect(readableCursor('1733500000000-I', () => invalid.push('2'))).toBe('0-0');
    expect(readableCursor('$', () => invalid.push('3'))).toBe('0-0');
    expect(invalid).toEqual(['2', '3']);
  });
});
