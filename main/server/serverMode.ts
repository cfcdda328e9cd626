import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHttpServer } from '#main/http/httpServer';
import { createStaticFiles } from '#main/http/staticFiles';
import { randomToken } from '#main/secrets';
import type { Logger } from '#main/logger';
import { createApiHandlers } from '#main/wiring/apiHandlers';
import { createChromiumPrinter, type PdfPrinter } from '#main/export/pdf';
import { createFileWorkers } from '#main/export/fileWorkers';
import { createNetworkShare } from '#main/server/networkShare';
import { openServices } from '#main/server/services';
import type { VersioningOptions } from '#main/kernel/serviceContext';
import type { ConnectionLimits } from '#main/sync/syncConnection';
import { createRedisRelay } from '#main/sync/redisRelay';
import { createSyncServer } from '#main/sync/syncServer';
import type { StoreLocation } from '#main/store/port';
import type { AttemptLimits } from '#main/store/records';

export interface ServerModeOptions {
  host: string;
  port: number;
  dataFolder: string;
  logger: Logger;
  maxFrameBytes?: number;
  pingIntervalMs?: number;
  connectionLimits?: ConnectionLimits;
  maxConnectionsPerParticipant?: number;
  /** The services' clock (default Date.now). */
  now?: () => number;
  /** The built renderer to serve (default dist/renderer of this checkout). */
  rendererFolder?: string;
  migrationsFolder?: string;
  appVersion?: string;
  /** Prints exports to PDF (the desktop app passes Electron's); default headless Chromium. */
  printPdf?: PdfPrinter;
  /** When automatic versions are made (default: after 3 minutes without edits, or on leaving). */
  versioning?: VersioningOptions;
  /** The limits on guessing invitation codes (default defaultRedemptionLimits). */
  redemptionLimits?: AttemptLimits;
  /** Where documents are stored (default: the SQLite file of the data folder). */
  store?: StoreLocation;
  /** The Redis that relays between the instances sharing a PostgreSQL store (hosted mode). */
  relayUrl?: string;
  /** Load balancers whose X-Forwarded-For names the client's address (hosted mode). */
  trustedProxies?: ReadonlySet<string>;
}

/** Where `npm run build` puts the renderer. */
export const defaultRendererFolder = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** Where the tests' build of the renderer goes (see RendererMode): never served to people. */
export const testRendererFolder = fileURLToPath(new URL('../../dist/renderer-test/', import.meta.url));

export type RunningServer = Awaited<ReturnType<typeof startServerMode>>;

/** Starts the main/ services without Electron: the HTTP API, the sync sockets and the renderer. */
export async function startServerMode(options: ServerModeOptions) {
  const sessionHostToken = randomToken();
  const { context, authentication } = await openServices(options.dataFolder, options.logger, {
    now: options.now,
    sessionHostToken,
    migrationsFolder: options.migrationsFolder,
    appVersion: options.appVersion,
    versioning: options.versioning,
    redemptionLimits: options.redemptionLimits,
    store: options.store,
  });
  const relay = options.relayUrl ? await createRedisRelay({ url: options.relayUrl, logger: options.logger }) : undefined;
  const sync = createSyncServer({
    context,
    authentication,
    ...(relay ? { relay } : {}),
    maxFrameBytes: options.maxFrameBytes,
    pingIntervalMs: options.pingIntervalMs,
    connectionLimits: options.connectionLimits,
    maxConnectionsPerParticipant: options.maxConnectionsPerParticipant,
  });
  // Chromium starts at the first PDF export only, and stops with the server.
  const chromium = options.printPdf ? null : createChromiumPrinter();
  // Likewise the worker thread that writes and reads .docx files.
  const fileWorkers = createFileWorkers();
  const serveStatic = createStaticFiles(options.rendererFolder ?? defaultRendererFolder);
  // The same server may also listen on a LAN address the host chooses (network/share).
  const createServer = () => createHttpServer({ handlers, authentication, sync, logger: options.logger, serveStatic, trustedProxies: options.trustedProxies });
  const network = createNetworkShare({ host: options.host, port: () => (http.address() as AddressInfo).port, createServer });
  const handlers = createApiHandlers(context, sync, {
    openDocument: (documentId) => sync.room(documentId)?.doc,
    printPdf: options.printPdf ?? chromium?.print,
    fileWorkers,
    network,
  });
  const http = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    // The port is taken (EADDRINUSE): close what was opened, so the caller may try another port.
    await sync.close();
    await relay?.close();
    await fileWorkers.close();
    await context.store.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;

  const url = `http://${hostForUrl}:${port}`;
  return {
    url,
    /** Opens the interface as the host of this server; valid until the process stops. */
    hostUrl: `${url}/#/host/${sessionHostToken}`,
    port,
    context,
    authentication,
    handlers,
    sync,
    /** Stops accepting, stores what is pending, checkpoints open documents, stops the helpers (Chromium, the file worker), closes the database. */
    close(): Promise<void> {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await sync.close();
        await relay?.close();
        http.closeAllConnections();
        await network.close();
        await stopped;
        await chromium?.close();
        await fileWorkers.close();
        await context.store.close();
      })();
      return closing;
    },
  };
}
