import pg from 'pg';
import { postgresMigrationsFolder, readMigrations, type Migration } from '#main/store/migrations';
import type { Store } from '#main/store/port';
import { createPostgresRepositories } from '#main/store/postgres/repositories';
import { reachingDatabase } from '#main/store/postgres/unavailable';
import { inTransaction, poolSql, storeTypes, transactionSql } from '#main/store/postgres/sql';

/** A PostgreSQL database that cannot be used: unreachable, foreign, or of a newer schema. Nothing was changed. */
export class PostgresOpenError extends Error {
  constructor(reason: string) {
    super(`Cannot use the PostgreSQL database: ${reason}. Nothing was changed.`);
    this.name = 'PostgresOpenError';
  }
}

/** Taken while migrating: instances starting together migrate one after the other. */
const migrationLockKey = 0x54554f43;

/** The connection string without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  await inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const applied = (await client.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).rows.map((row) => row.id);
    const unknown = applied.filter((id, index) => id !== index + 1 || id > migrations.length);
    if (unknown.length > 0) {
      throw new PostgresOpenError(
        `it was written by a newer version of Thỏa Ước (schema ${Math.max(...applied)}, this version knows up to ${migrations.length}); update the application`,
      );
    }
    for (const migration of migrations.slice(applied.length)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [migration.id, migration.name, Date.now()]);
    }
  });
}

/** The key under which transactions naming one document take turns, on every instance. */
const documentLock = 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))';

/** The hosted store: a PostgreSQL database through a pool of connections (node-postgres), behind the port. */
export function createPostgresStore(pool: pg.Pool, url: string): Store {
  return {
    ...createPostgresRepositories(poolSql(pool)),
    location: { kind: 'postgres', url },
    transaction: (work, options) =>
      inTransaction(pool, options?.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN', async (client) => {
        if (options?.documentId !== undefined && !options.readOnly) await reachingDatabase(() => client.query(documentLock, [options.documentId]));
        return work(createPostgresRepositories(transactionSql(client)));
      }),
    close: () => pool.end(),
  };
}

export interface OpenPostgresOptions {
  /** Connections this process keeps open at most (default 10). */
  maxConnections?: number;
  migrations?: readonly Migration[];
}

/** Connects to the database at `url` and brings its schema up to date (refusing a newer one). */
export async function openPostgresStore(url: string, options: OpenPostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types: storeTypes });
  // A connection the server drops (a restart) is an error on the idle client: the pool replaces it.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, options.migrations ?? readMigrations(postgresMigrationsFolder));
  } catch (error) {
    await pool.end();
    if (error instanceof PostgresOpenError) throw error;
    throw new PostgresOpenError(`${redactedUrl(url)}: ${(error as Error).message}`);
  }
  return createPostgresStore(pool, url);
}

/** A reader beside the server's own pool (the file worker's), on a schema the server has migrated. */
export function openPostgresStoreReader(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 2, types: storeTypes });
  pool.on('error', () => undefined);
  return createPostgresStore(pool, url);
}
