import { createClient, ErrorReply, RESP_TYPES } from '@redis/client';
import type { Logger } from '#main/logger';
import { randomId } from '#main/secrets';
import { decodeBatch, encodeBatch, type ClusterEvent, type FollowHandlers, type Relay } from '#main/sync/relay';

/** A Redis stream entry's id: milliseconds and a sequence number. */
const streamIdPattern = /^\d{1,20}-\d{1,20}$/;

/**
 * The cursor a document's stream is read from: `cursor` if it is a stream id, else the stream's
 * start (its entries are batches the copy may already hold: applying them again changes nothing).
 * Checked before every XREAD, which one malformed id would make fail for every document read with it.
 */
export function readableCursor(cursor: string, onInvalid: () => void): string {
  if (streamIdPattern.test(cursor)) return cursor;
  onInvalid();
  return '0-0';
}

/** Entries kept per document's stream (approximately): enough for an instance that blinked; one that missed more reads the log. */
const streamLength = 1000;
/** Entries read at once from the streams. */
const readCount = 100;

export interface RedisRelayOptions {
  url: string;
  logger: Logger;
  /** Prefix of every key and channel (default `thoa-uoc`), so that several deployments may share a Redis. */
  prefix?: string;
}

/**
 * The relay over Redis: a stream per document for stored batches (XADD after the store commits,
 * followed with XREAD from a cursor per document), pub/sub for presence (coalesced) and for
 * events. Redis may lose what it holds (a restart): nothing is lost with it, as every batch is in
 * the log, which instances read when they find a gap (and check now and then).
 */
export async function createRedisRelay(options: RedisRelayOptions): Promise<Relay> {
  const { logger } = options;
  const prefix = options.prefix ?? 'thoa-uoc';
  const instanceId = randomId();
  const streamKey = (documentId: string): string => `${prefix}:doc:${documentId}:log`;
  const presenceChannel = (documentId: string): string => `${prefix}:doc:${documentId}:presence`;
  const eventsChannel = `${prefix}:events`;

  const reconnectStrategy = (retries: number): number => Math.min(100 * 2 ** retries, 2_000);
  const commands = createClient({ url: options.url, socket: { reconnectStrategy } }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const reader = commands.duplicate();
  const subscriber = commands.duplicate();
  for (const [name, client] of [
    ['commands', commands],
    ['reader', reader],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: unknown) => logger.log('warn', 'relay.redis_error', { connection: name, error }));
  }
  await Promise.all([commands.connect(), reader.connect(), subscriber.connect()]);

  /**
   * The documents followed: where each one's stream was read up to, who hears of it, and whether
   * Redis refuses to read its stream (a key of another type, say): such a stream is set aside, so
   * that the others are still read, and its document relies on the log check until it is followed again.
   */
  const followed = new Map<string, { cursor: string; handlers: FollowHandlers; unreadable: boolean }>();
  const eventListeners = new Set<(event: ClusterEvent) => void>();
  let running = true;
  let readerId: number | null = null;

  /** Wakes the blocking read so that it reads the documents followed now. */
  const interruptRead = async (): Promise<void> => {
    if (readerId === null) return;
    try {
      await commands.clientUnblock(readerId, 'TIMEOUT');
    } catch (error) {
      logger.log('warn', 'relay.unblock_failed', { error });
    }
  };

  async function readLoop(): Promise<void> {
    while (running) {
      const streams = [...followed].filter(([, follow]) => !follow.unreadable);
      for (const [documentId, follow] of streams) {
        follow.cursor = readableCursor(follow.cursor, () => logger.log('error', 'relay.bad_cursor', { document: documentId, cursor: follow.cursor }));
      }
      if (streams.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      try {
        readerId ??= Number(await reader.clientId());
        const replies = await reader.xRead(
          streams.map(([documentId, follow]) => ({ key: streamKey(documentId), id: follow.cursor })),
          { BLOCK: 1_000, COUNT: readCount },
        );
        for (const stream of (replies ?? []) as { name: Buffer | string; messages: { id: Buffer | string; message: Record<string, Buffer> }[] }[]) {
          const documentId = String(stream.name).slice(`${prefix}:doc:`.length, -':log'.length);
          const follow = followed.get(documentId);
          if (!follow) continue;
          for (const entry of stream.messages) {
            follow.cursor = String(entry.id);
            const origin = entry.message.origin?.toString();
            if (origin === instanceId) continue;
            try {
              follow.handlers.batch(decodeBatch(origin ?? '', entry.message.batch ?? Buffer.alloc(0)));
            } catch (error) {
              // A damaged entry is skipped (the log has the batch): the ones after it still come.
              logger.log('error', 'relay.bad_entry', { document: documentId, entry: follow.cursor, error });
            }
          }
        }
      } catch (error) {
        if (!running) return;
        readerId = null;
        if (error instanceof ErrorReply) {
          await setAsideUnreadable(streams.map(([documentId]) => documentId));
        } else {
          logger.log('warn', 'relay.read_failed', { error });
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }
  }

  /** Reads each stream alone, without waiting, and sets aside those Redis refuses: the others are read on. */
  async function setAsideUnreadable(documentIds: string[]): Promise<void> {
    for (const documentId of documentIds) {
      const follow = followed.get(documentId);
      if (!follow) continue;
      try {
        await commands.xRead({ key: streamKey(documentId), id: follow.cursor }, { COUNT: 1 });
      } catch (error) {
        // Not an answer from Redis (the connection is down): the whole read is tried again later.
        if (!(error instanceof ErrorReply)) return;
        follow.unreadable = true;
        logger.log('error', 'relay.stream_unreadable', { document: documentId, error });
      }
    }
  }
  const reading = readLoop();

  await subscriber.subscribe(
    eventsChannel,
    (message: Buffer) => {
      try {
        const { origin, event } = JSON.parse(message.toString()) as { origin: string; event: ClusterEvent };
        if (origin === instanceId) return;
        for (const listener of eventListeners) listener(event);
      } catch (error) {
        logger.log('error', 'relay.bad_event', { error });
      }
    },
    true,
  );

  return {
    instanceId,

    async follow(documentId, handlers) {
      // The stream's end now: what is added after it reaches this document.
      let cursor = '0-0';
      let unreadable = false;
      try {
        const [last] = (await commands.xRevRange(streamKey(documentId), '+', '-', { COUNT: 1 })) as { id: Buffer | string }[];
        if (last) cursor = String(last.id);
      } catch (error) {
        if (!(error instanceof ErrorReply)) throw error;
        unreadable = true;
        logger.log('error', 'relay.stream_unreadable', { document: documentId, error });
      }
      followed.set(documentId, { cursor, handlers, unreadable });
      await subscriber.subscribe(
        presenceChannel(documentId),
        (message: Buffer) => {
          const separator = message.indexOf(':'.charCodeAt(0));
          if (separator < 0 || message.subarray(0, separator).toString() === instanceId) return;
          handlers.awareness(new Uint8Array(message.subarray(separator + 1)));
        },
        true,
      );
      await interruptRead();
      return () => {
        followed.delete(documentId);
        void subscriber.unsubscribe(presenceChannel(documentId)).catch(() => undefined);
        void interruptRead();
      };
    },

    publishBatch(documentId, batch) {
      commands
        .xAdd(
          streamKey(documentId),
          '*',
          { origin: instanceId, batch: Buffer.from(encodeBatch(batch)) },
          { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: streamLength } },
        )
        .catch((error: unknown) => logger.log('warn', 'relay.publish_failed', { what: 'batch', document: documentId, error }));
    },

    publishAwareness(documentId, update) {
      const message = Buffer.concat([Buffer.from(`${instanceId}:`), update]);
      commands
        .publish(presenceChannel(documentId), message)
        .catch((error: unknown) => logger.log('warn', 'relay.publish_failed', { what: 'awareness', error }));
    },

    publishEvent(event) {
      commands
        .publish(eventsChannel, JSON.stringify({ origin: instanceId, event }))
        .catch((error: unknown) => logger.log('warn', 'relay.publish_failed', { what: 'event', error }));
    },

    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },

    async close() {
      running = false;
      await interruptRead();
      await reading;
      await Promise.allSettled([commands.quit(), reader.quit(), subscriber.quit()]);
    },
  };
}
