import { createHash } from 'node:crypto';
import pg from 'pg';
import { reachingDatabase } from '#main/store/postgres/unavailable';

/**
 * Statements over a PostgreSQL pool or over the one connection of a transaction. Every statement
 * is prepared once per connection (named after its text), as the hot ones (the update log's)
 * must be. `atomic` runs several statements all or none: in a transaction of its own on the
 * pool, or as part of the transaction under way.
 */
export interface Sql {
  rows<Row>(text: string, values?: readonly unknown[]): Promise<Row[]>;
  row<Row>(text: string, values?: readonly unknown[]): Promise<Row | undefined>;
  /** Runs a statement; returns how many rows it changed. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

const names = new Map<string, string>();

/** A statement's name: the same text always gets the same name (pg prepares it once per connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tu_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

type Queryable = pg.Pool | pg.PoolClient;

async function query(target: Queryable, text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
  return reachingDatabase(() => target.query({ name: statementName(text), text, values: [...values] }));
}

/**
 * Runs `work` in a transaction on a connection of its own; rolls back if it throws. A connection
 * lost on the way is released as broken, so that the pool does not lend it again.
 */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await reachingDatabase(() => pool.connect());
  let broken: Error | undefined;
  try {
    await reachingDatabase(() => client.query(begin));
    try {
      const result = await work(client);
      await reachingDatabase(() => client.query('COMMIT'));
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

function sqlOver(target: Queryable, atomic: Sql['atomic']): Sql {
  return {
    // The rows are as the statement's columns say; each caller names their shape.
    rows: async <Row>(text: string, values: readonly unknown[] = []) => (await query(target, text, values)).rows as Row[],
    row: async <Row>(text: string, values: readonly unknown[] = []) => (await query(target, text, values)).rows[0] as Row | undefined,
    run: async (text, values = []) => (await query(target, text, values)).rowCount ?? 0,
    atomic,
  };
}

/** Statements on the pool: each on any free connection; `atomic` opens a transaction. */
export function poolSql(pool: pg.Pool): Sql {
  return sqlOver(pool, (work) => inTransaction(pool, 'BEGIN', (client) => work(transactionSql(client))));
}

/** Statements on the connection of a transaction under way: `atomic` is part of it. */
export function transactionSql(client: pg.PoolClient): Sql {
  const sql: Sql = sqlOver(client, (work) => work(sql));
  return sql;
}

/** BIGINT columns (times, sequence numbers, counts) read as numbers: all stay below 2^53. */
export const storeTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};
