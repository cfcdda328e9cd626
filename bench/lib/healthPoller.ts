import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { BenchmarkError } from './benchmark';

/** What a health poller saw: how many answers, and how long the slowest took. */
export interface HealthPolls {
  count: number;
  maxMs: number;
}

export interface HealthPoller {
  /** Stops after the call under way has answered. */
  stop(): Promise<HealthPolls>;
}

/**
 * The server's event loop answers `health/get` between whatever else it does: a call that waits
 * long shows a stall. Calls go one after another, `gapMs` apart (so the poller itself adds little
 * load); a stall that starts between two calls is seen shorter by at most the gap.
 */
export function startHealthPoller(baseUrl: string, gapMs = 5): HealthPoller {
  const api = createApiClient(createHttpTransport({ baseUrl, fetch }));
  let isStopping = false;
  // Kept until stop() rather than thrown: nobody awaits the loop before then.
  let failure: unknown = null;
  const polls: HealthPolls = { count: 0, maxMs: 0 };
  const loop = (async () => {
    try {
      while (!isStopping) {
        const started = performance.now();
        await api.call('health/get', {});
        polls.count += 1;
        polls.maxMs = Math.max(polls.maxMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
    } catch (error) {
      failure = error;
    }
  })();
  return {
    async stop() {
      isStopping = true;
      await loop;
      if (failure !== null) throw failure;
      if (polls.count === 0) throw new BenchmarkError('the health poller got no answer');
      return polls;
    },
  };
}
