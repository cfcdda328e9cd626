import { parseArgs } from 'node:util';
import { createJsonLogger, stderrDestination } from '#main/logger';
import { defaultDataFolder } from '#main/server/dataFolder';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { defaultRendererFolder, startServerMode } from '#main/server/serverMode';

export const serverUsage = `Usage: npm run server -- [--host ${defaultHost}] [--port ${defaultPort}] [--data FOLDER]

  --host   address to listen on (default ${defaultHost}; a LAN address lets others join)
  --port   TCP port (default ${defaultPort}; 0 picks a free one)
  --data   data folder holding thoa-uoc.sqlite (default: ${defaultDataFolder()})
  --no-build  serve dist/renderer as it is, without rebuilding a stale interface first`;

/**
 * Server mode from the command line: builds the interface if needed, serves it with the API and
 * the sync sockets, prints where to open it, and shuts down cleanly on SIGINT or SIGTERM.
 */
export async function runServerMode(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: defaultHost },
      port: { type: 'string', default: String(defaultPort) },
      data: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(serverUsage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const dataFolder = values.data ?? defaultDataFolder();
  const logger = createJsonLogger(stderrDestination());
  if (!values['no-build']) ensureRendererBuilt(defaultRendererFolder, (line) => console.log(line));
  const server = await startServerMode({ host: values.host, port, dataFolder, logger });
  console.log(`Thỏa Ước server mode: listening on ${server.url} (data: ${dataFolder})`);
  console.log(`Open as host (create documents, invite people): ${server.hostUrl}`);
  console.log('Participants join with the invitation links the host creates. Stop with Ctrl+C.');

  const shutdown = (signal: string): void => {
    logger.log('info', 'server.stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.log('error', 'server.stop_failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
