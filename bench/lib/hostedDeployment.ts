import { z } from 'zod';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import type { Side } from '#shared/sides';
import { syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { runCli } from '#main/cli/runCli';
import { BenchmarkError } from './benchmark';
import { startChildServer, type ChildServer } from './childServer';
import type { Endpoint } from './syncClients';
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from './throwawayPostgres';
import { startThrowawayRedis, type ThrowawayRedis } from './throwawayRedis';
import { repositoryRoot } from './traces';

const loopback = '127.0.0.1';

/** A PostgreSQL server and a Redis started for the benchmark on loopback (never the system services). */
export interface HostedServers {
  postgres: ThrowawayPostgres;
  redis: ThrowawayRedis;
  /** A new empty database on the PostgreSQL server; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startHostedServers(): Promise<HostedServers> {
  let postgres: ThrowawayPostgres;
  let redis: ThrowawayRedis;
  try {
    // Durable, as a deployment runs it: every commit is flushed to disk.
    postgres = await startThrowawayPostgres({ durable: true });
  } catch (error) {
    throw new BenchmarkError(`the cluster benchmark needs PostgreSQL (apt-get install -y postgresql): ${(error as Error).message}`);
  }
  try {
    redis = await startThrowawayRedis();
  } catch (error) {
    postgres.stop();
    throw new BenchmarkError(`the cluster benchmark needs Redis (apt-get install -y redis-server): ${(error as Error).message}`);
  }
  return {
    postgres,
    redis,
    createDatabase: (name) => createDatabase(postgres.url, name),
    async stop() {
      await redis.stop();
      postgres.stop();
    },
  };
}

/** One server instance of hosted mode (`main/server.ts --store … [--relay …]`) in its own process. */
export function startHostedInstance(name: string, storeUrl: string, relayUrl?: string): Promise<ChildServer> {
  const relay = relayUrl ? ['--relay', relayUrl] : [];
  return startChildServer({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', 'main/server.ts', '--host', loopback, '--port', '0', '--store', storeUrl, ...relay, '--no-build'],
    cwd: repositoryRoot,
    env: { ...process.env },
    listening: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
}

/** A host token on a hosted database, made by the command line as an operator would. */
export async function hostToken(storeUrl: string): Promise<string> {
  let printed = '';
  const code = await runCli(['admin-token', '--store', storeUrl, '--label', 'benchmark', '--json'], (text) => {
    printed += text;
  });
  if (code !== 0) throw new BenchmarkError(`npm run cli -- admin-token --store … failed (exit ${code}): ${printed}`);
  return z.object({ token: z.string() }).parse(JSON.parse(printed)).token;
}

/** A document and one participant token per seat (sides alternating employer, union). */
export interface PreparedDocument {
  documentId: string;
  tokens: string[];
}

/** Creates `count` documents with `seats` participants each through the API of `server`, ten at a time. */
export async function prepareDocuments(server: ChildServer, token: string, count: number, seats: number): Promise<PreparedDocument[]> {
  const host: ApiClient = createApiClient(createHttpTransport({ baseUrl: `http://${loopback}:${server.port}`, token, fetch }));
  const anonymous: ApiClient = createApiClient(createHttpTransport({ baseUrl: `http://${loopback}:${server.port}`, fetch }));
  const prepareOne = async (index: number): Promise<PreparedDocument> => {
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: `Thỏa ước số ${index + 1}`, variables: {} });
    const tokens: string[] = [];
    for (let seat = 0; seat < seats; seat += 1) {
      const side: Side = seat % 2 === 0 ? 'employer' : 'union';
      const invitation = await host.call('invitations/create', { documentId: document.id, side });
      tokens.push((await anonymous.call('invitations/redeem', { code: invitation.code, displayName: `Người ${seat + 1}` })).token);
    }
    return { documentId: document.id, tokens };
  };
  const prepared: PreparedDocument[] = [];
  for (let start = 0; start < count; start += 10) {
    prepared.push(...(await Promise.all(Array.from({ length: Math.min(10, count - start) }, (_, offset) => prepareOne(start + offset)))));
  }
  return prepared;
}

/** The sync endpoint of seat `seat` of a prepared document on `server`. */
export function hostedEndpoint(server: ChildServer, document: PreparedDocument, seat: number): Endpoint {
  const token = document.tokens[seat];
  if (token === undefined) throw new Error(`the document has no seat ${seat}`);
  return { url: `ws://${loopback}:${server.port}${syncPath}`, room: document.documentId, params: { token, protocol: String(syncProtocolVersion) } };
}
