import { parseArgs } from 'node:util';
import { createJsonLogger, stderrDestination } from '#main/logger';
import { defaultDataFolder } from '#main/server/dataFolder';
import { lockDataFolder } from '#main/server/dataFolderLock';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { defaultRendererFolder, startServerMode, type RunningServer } from '#main/server/serverMode';
import { parseTrustedProxies } from '#main/http/clientAddress';
import { storeOption } from '#main/server/storeOption';
import { describeStoreLocation } from '#main/store/openStore';

export const serverUsage = `Usage: npm run server -- [--host ${defaultHost}] [--port ${defaultPort}] [--data FOLDER | --store postgres://…]

  --host   address to listen on (default ${defaultHost}; a LAN address lets others join)
  --port   TCP port (default ${defaultPort}; 0 picks a free one)
  --data   data folder holding thoa-uoc.sqlite (default: ${defaultDataFolder()})
  --store  a PostgreSQL database instead (hosted mode, docs/hosting.md); or THOA_UOC_STORE
  --relay  the Redis relaying between instances on that database (redis://…); or THOA_UOC_RELAY
  --trusted-proxy  load balancers (IP addresses, comma-separated) whose X-Forwarded-For names the
           client's address; or THOA_UOC_TRUSTED_PROXIES
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
      store: { type: 'string' },
      relay: { type: 'string' },
      'trusted-proxy': { type: 'string' },
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
  const store = storeOption(values.store ?? process.env.THOA_UOC_STORE);
  if (store && values.data) throw new Error('--data and --store name two places to store documents: give one');
  const relayUrl = values.relay ?? process.env.THOA_UOC_RELAY ?? '';
  if (relayUrl !== '' && !/^rediss?:\/\//.test(relayUrl)) throw new Error('--relay (or THOA_UOC_RELAY) must be a redis:// URL');
  if (relayUrl !== '' && !store) throw new Error('--relay joins instances sharing a PostgreSQL store: give --store too');
  const trustedProxies = parseTrustedProxies(values['trusted-proxy'] ?? process.env.THOA_UOC_TRUSTED_PROXIES);
  const logger = createJsonLogger(stderrDestination());
  // A file grown past the process's size limit (ulimit -f) is an I/O error that SQLite reports on
  // that write, and only the room concerned is dropped (S8); the signal's default would end them all.
  process.on('SIGXFSZ', () => logger.log('error', 'server.file_size_limit_reached'));
  // The folder is taken before anything reads or writes it (the interface build included): a second
  // server on it is refused here, with the holder's name, before it opens the database. Instances
  // on one PostgreSQL database share it by design and take no folder.
  const lock = store
    ? { release: async () => undefined }
    : await lockDataFolder(dataFolder, 'server', {
        logger,
        onLost: (error) => {
          logger.log('error', 'data_folder.lock_lost', { folder: dataFolder, error });
          stop(1);
        },
      });
  let server: RunningServer | undefined;
  try {
    if (!values['no-build']) ensureRendererBuilt(defaultRendererFolder, (line) => console.log(line));
    server = await startServerMode({
      host: values.host,
      port,
      dataFolder,
      logger,
      ...(store ? { store } : {}),
      ...(relayUrl !== '' ? { relayUrl } : {}),
      trustedProxies,
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
  console.log(`Thỏa Ước server mode: listening on ${server.url} (data: ${store ? describeStoreLocation(store) : dataFolder})`);
  console.log(`Open as host (create documents, invite people): ${server.hostUrl}`);
  console.log('Participants join with the invitation links the host creates. Stop with Ctrl+C.');

  let stopping = false;
  /** Closes the server, then gives the data folder up, and exits with `code`. */
  function stop(code: number): void {
    if (stopping) return;
    stopping = true;
    (async () => {
      await server?.close();
      await lock.release();
    })().then(
      () => process.exit(code),
      (error: unknown) => {
        logger.log('error', 'server.stop_failed', { error });
        process.exit(1);
      },
    );
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log('info', 'server.stopping', { signal });
      stop(0);
    });
  }
}
