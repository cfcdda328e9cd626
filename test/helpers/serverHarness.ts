import { createMemoryLogger } from '#main/logger';
import { startServerMode, testRendererFolder, type RunningServer, type ServerModeOptions } from '#main/server/serverMode';
import type { Side } from '#shared/sides';
import type { DocumentKind } from '#shared/documents/kinds';
import { createTempFolder } from './tempFolder';

export interface Harness {
  server: RunningServer;
  dataFolder: string;
  logger: ReturnType<typeof createMemoryLogger>;
  /** Starts the server again on the same data folder (after stop()), on the given port if any. */
  restart(options?: { port?: number }): Promise<RunningServer>;
  stop(): Promise<void>;
  /** Stops the server and deletes the data folder. */
  dispose(): Promise<void>;
}

export type HarnessOptions = Pick<
  ServerModeOptions,
  'maxFrameBytes' | 'pingIntervalMs' | 'connectionLimits' | 'maxConnectionsPerParticipant' | 'now' | 'versioning' | 'redemptionLimits' | 'trustedProxies'
> & { dataFolder?: string };

/** A real server on 127.0.0.1, port 0, over a fresh data folder, serving the test build of the interface. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { dataFolder, ...serverOptions } = options;
  const folder = dataFolder ? { path: dataFolder, remove: () => {} } : createTempFolder();
  const logger = createMemoryLogger();
  const start = (port = 0) =>
    startServerMode({ host: '127.0.0.1', port, dataFolder: folder.path, logger, rendererFolder: testRendererFolder, ...serverOptions });
  const harness: Harness = {
    server: await start(),
    dataFolder: folder.path,
    logger,
    async restart(restartOptions = {}) {
      harness.server = await start(restartOptions.port);
      return harness.server;
    },
    stop: () => harness.server.close(),
    async dispose() {
      await harness.server.close();
      folder.remove();
    },
  };
  return harness;
}

/** Calls the API as the host, straight through the handlers. */
export async function createDocument(server: RunningServer, title = 'Thỏa ước lao động tập thể 2027', kind: DocumentKind = 'enterprise_agreement') {
  return server.handlers['documents/create']({ kind, title, variables: {}, language: 'vi' }, { kind: 'admin' });
}

/** Invites and redeems in one go: a participant token for a side. */
export async function joinAs(server: RunningServer, documentId: string, side: Side, displayName: string) {
  const invitation = await server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' });
  return server.handlers['invitations/redeem']({ code: invitation.code, displayName }, { kind: 'anonymous' });
}
