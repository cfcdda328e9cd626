import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from './childServer';

/** A PostgreSQL cluster started for a test run in a temporary folder, on 127.0.0.1. */
export interface ThrowawayPostgres {
  /** Connects as the superuser `postgres` to the database `postgres`. */
  url: string;
  /** Stops the server at once (an outage: connections drop, nothing is written), keeping its data. */
  kill(): void;
  /** Starts it again after kill(), on the same port, with the data it had. */
  start(): void;
  stop(): void;
}

/** Debian's PostgreSQL binaries (the newest installed), or null. */
function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((entry) => existsSync(join(root, entry, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/**
 * Starts a cluster (initdb, then pg_ctl) that lives until stop(); throws, saying why, when it
 * cannot. PostgreSQL refuses to run as root: as root, it runs as the `postgres` user Debian's
 * package creates.
 */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-postgres-'));
  chmodSync(folder, 0o777);
  const data = join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', folder]);
  const run = (command: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  const port = await freeLoopbackPort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  // Durability is not what the tests measure: fsync off makes them faster, unless `durable` (a
  // benchmark measures what a real deployment does). Sockets stay in the folder.
  const fsync = options.durable ? 'on' : 'off';
  let running = false;
  const start = (): void => {
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(folder, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=${fsync} -c max_connections=200`,
      'start',
    ]);
    running = true;
  };
  const kill = (): void => {
    if (running) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    running = false;
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kill,
    start,
    stop() {
      try {
        kill();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** Runs one statement as the server's superuser (`adminUrl`), on a connection of its own. */
async function asAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database `name` on the server at `adminUrl`; returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the database `name` of the server at `adminUrl`, closing its connections. */
export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
