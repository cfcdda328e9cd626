import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { createMemoryLogger } from '#main/logger';
import { openServices } from '#main/server/services';
import { createTestDatabase, type TestDatabase } from './postgres';
import { spawnServerWith, type ServerProcess } from './serverProcess';
import { startThrowawayRedis, type ThrowawayRedis } from '../../bench/lib/throwawayRedis';

/** Server instances (real processes) on one PostgreSQL database and one Redis, as hosted mode runs them. */
export interface Cluster {
  database: TestDatabase;
  redis: ThrowawayRedis;
  instances: ServerProcess[];
  /** A host token valid on every instance (they share the store). */
  adminToken: string;
  /** An API client on instance `index`, with `token` (the host's by default). */
  client(index: number, token?: string | null): ApiClient;
  /** Kills instance `index` with SIGKILL (a crash), mid-whatever. */
  kill(index: number): Promise<void>;
  /** Starts instance `index` again (after a kill or a stop), on a new port. */
  restart(index: number): Promise<void>;
  /** Stops instance `index` as an operator would (SIGTERM: it stores what it holds first). */
  stop(index: number): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts `size` instances on a database of their own (on the test run's PostgreSQL unless `database` is given). */
export async function startCluster(size: number, database?: TestDatabase): Promise<Cluster> {
  database ??= await createTestDatabase();
  const redis = await startThrowawayRedis();
  // The schema, and a host token every instance accepts.
  const { context, authentication } = await openServices('', createMemoryLogger(), { store: { kind: 'postgres', url: database.url } });
  const adminToken = await authentication.createAdminToken('cluster tests');
  await context.store.close();
  const spawnInstance = (): Promise<ServerProcess> => spawnServerWith(['--port', '0', '--store', database.url, '--relay', redis.url], 30_000);
  const instances = await Promise.all(Array.from({ length: size }, spawnInstance));
  const cluster: Cluster = {
    database,
    redis,
    instances,
    adminToken,
    client: (index, token = adminToken) =>
      createApiClient(createHttpTransport({ baseUrl: (instances[index] as ServerProcess).url, token: token ?? undefined, fetch })),
    async kill(index) {
      const instance = instances[index] as ServerProcess;
      instance.child.kill('SIGKILL');
      await instance.exited;
    },
    async restart(index) {
      instances[index] = await spawnInstance();
    },
    async stop(index) {
      const instance = instances[index] as ServerProcess;
      instance.child.kill('SIGTERM');
      await instance.exited;
    },
    async dispose() {
      await Promise.all(
        instances.map(async (instance) => {
          if (instance.child.exitCode === null && instance.child.signalCode === null) {
            instance.child.kill('SIGTERM');
            await instance.exited;
          }
        }),
      );
      await redis.stop();
      await database.drop();
    },
  };
  return cluster;
}
