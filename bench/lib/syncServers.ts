import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { documentMetaSchema } from '#shared/api/documents';
import { invitationSchema, redeemedInvitationSchema } from '#shared/api/invitations';
import type { Side } from '#shared/sides';
import { syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { runCli } from '#main/cli/runCli';
import { BenchmarkError } from './benchmark';
import { freeLoopbackPort, startChildServer, type ChildServer } from './childServer';
import type { Endpoint } from './syncClients';
import { repositoryRoot } from './traces';

const loopback = '127.0.0.1';

/** Runs `npm run cli -- --data FOLDER --json ...` in-process and parses what it prints. */
async function cli<T>(dataFolder: string, args: readonly string[], schema: z.ZodType<T>): Promise<T> {
  let printed = '';
  const code = await runCli(['--data', dataFolder, '--json', ...args], (text) => {
    printed += text;
  });
  if (code !== 0) throw new BenchmarkError(`npm run cli -- ${args.join(' ')} failed (exit ${code}): ${printed}`);
  return schema.parse(JSON.parse(printed));
}

/** A document of our server and one participant token per client. */
export interface PreparedRoom {
  documentId: string;
  tokens: string[];
}

/**
 * Creates a document and `clientCount` participants with the command line, before the server
 * starts, exactly as a host would. Sides alternate employer/union: both may edit.
 */
export async function prepareRoom(dataFolder: string, title: string, clientCount: number): Promise<PreparedRoom> {
  const document = await cli(dataFolder, ['documents', 'create', '--kind', 'enterprise_agreement', '--title', title], documentMetaSchema);
  const tokens: string[] = [];
  for (let index = 0; index < clientCount; index += 1) {
    const side: Side = index % 2 === 0 ? 'employer' : 'union';
    const invitation = await cli(dataFolder, ['invite', document.id, '--side', side], invitationSchema);
    const redeemed = await cli(dataFolder, ['redeem', invitation.code, '--name', `Bench client ${index + 1}`], redeemedInvitationSchema);
    tokens.push(redeemed.token);
  }
  return { documentId: document.id, tokens };
}

/** A host token for server mode's HTTP API, made by the command line (`admin-token`) as a host would. */
export async function createHostToken(dataFolder: string): Promise<string> {
  return (await cli(dataFolder, ['admin-token', '--label', 'benchmark'], z.object({ token: z.string() }))).token;
}

/** The endpoint of client `index` of a prepared room on our server. */
export function ourEndpoint(server: ChildServer, room: PreparedRoom, index: number): Endpoint {
  const token = room.tokens[index];
  if (token === undefined) throw new Error(`room has no token for client ${index}`);
  return { url: `ws://${loopback}:${server.port}${syncPath}`, room: room.documentId, params: { token, protocol: String(syncProtocolVersion) } };
}

/** Our server mode, `node --import tsx main/server.ts`, with its SQLite database in dataFolder. */
export function startOurServer(dataFolder: string): Promise<ChildServer> {
  const env = { ...process.env };
  delete env.THOA_UOC_DATA;
  return startChildServer({
    name: 'our server (main/server.ts)',
    command: process.execPath,
    // --no-build: serve the interface as it is; rebuilding it is not what this measures.
    args: ['--import', 'tsx', 'main/server.ts', '--host', loopback, '--port', '0', '--data', dataFolder, '--no-build'],
    cwd: repositoryRoot,
    env,
    listening: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
}

/** Where the installed @y/websocket-server keeps its stock server script. */
function referenceServerScript(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@y/websocket-server/package.json'))), 'src', 'server.js');
}

/**
 * The reference server, @y/websocket-server's own `src/server.js`, in memory: the variables
 * that would give it persistence (YPERSISTENCE: LevelDB) or an HTTP callback are removed, and
 * garbage collection is left at its default. It prints the port it was given, not the one it
 * got, so it is given a port that was free a moment ago (and retried if taken meanwhile).
 */
export async function startReferenceServer(): Promise<ChildServer> {
  const unwanted = new Set(['YPERSISTENCE', 'CALLBACK_URL', 'CALLBACK_OBJECTS', 'CALLBACK_TIMEOUT', 'GC']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !unwanted.has(name)));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freeLoopbackPort();
    try {
      const server = await startChildServer({
        name: 'reference server (@y/websocket-server)',
        command: process.execPath,
        args: [referenceServerScript()],
        cwd: repositoryRoot,
        env: { ...env, HOST: loopback, PORT: String(port) },
        listening: /running at '127\.0\.0\.1' on port (\d+)/,
      });
      if (/persist/i.test(server.output())) {
        await server.stop();
        throw new BenchmarkError(`the reference server was started with persistence: ${server.output()}`);
      }
      return server;
    } catch (error) {
      lastError = error;
      if (!(error instanceof BenchmarkError) || !/EADDRINUSE/.test(error.message)) throw error;
    }
  }
  throw lastError;
}

/** The endpoint of a room on the reference server (any name is a room; no authentication). */
export function referenceEndpoint(server: ChildServer, room: string): Endpoint {
  return { url: `ws://${loopback}:${server.port}`, room, params: {} };
}
