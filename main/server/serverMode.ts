import type { AddressInfo } from 'node:net';
import { createHttpServer } from '#main/http/httpServer';
import type { Logger } from '#main/logger';
import { createApiHandlers } from '#main/services/apiHandlers';
import { openServices } from '#main/server/services';
import { createSyncServer } from '#main/sync/syncServer';

export interface ServerModeOptions {
  host: string;
  port: number;
  dataFolder: string;
  logger: Logger;
  maxFrameBytes?: number;
  pingIntervalMs?: number;
}

export type RunningServer = Awaited<ReturnType<typeof startServerMode>>;

/** Starts the main/ services without Electron: HTTP API, sync sockets, (later) the renderer. */
export async function startServerMode(options: ServerModeOptions) {
  const { context, authentication } = openServices(options.dataFolder, options.logger);
  const sync = createSyncServer({ context, authentication, maxFrameBytes: options.maxFrameBytes, pingIntervalMs: options.pingIntervalMs });
  const handlers = createApiHandlers(context, () => sync.stats());
  const http = createHttpServer({ handlers, authentication, sync, logger: options.logger });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    context,
    authentication,
    handlers,
    sync,
    /** Stops accepting, stores what is pending, checkpoints open documents, closes the database. */
    close(): Promise<void> {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await sync.close();
        http.closeAllConnections();
        await stopped;
        context.store.close();
      })();
      return closing;
    },
  };
}
