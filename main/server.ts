import { parseArgs } from 'node:util';
import { createStreamLogger } from '#main/logger';
import { defaultDataFolder } from '#main/server/dataFolder';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { startServerMode } from '#main/server/serverMode';

const usage = `Usage: npm run server -- [--host 127.0.0.1] [--port ${defaultPort}] [--data FOLDER]

  --host   address to listen on (default 127.0.0.1; use a LAN address to let others join)
  --port   TCP port (default ${defaultPort}; 0 picks a free one)
  --data   data folder holding thoa-uoc.sqlite (default: ${defaultDataFolder()})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: defaultHost },
      port: { type: 'string', default: String(defaultPort) },
      data: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const dataFolder = values.data ?? defaultDataFolder();
  const logger = createStreamLogger();
  const server = await startServerMode({ host: values.host, port, dataFolder, logger });
  console.log(`Thỏa Ước server mode: listening on ${server.url} (data: ${dataFolder})`);

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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
