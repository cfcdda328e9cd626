import { randomId } from '#main/secrets';
import { createDatabase, dropDatabase } from '../../bench/lib/throwawayPostgres';

/** Where the test run's PostgreSQL is (test/hostedServers.ts sets it, or .ci/run does). */
const adminUrlVariable = 'THOA_UOC_TEST_POSTGRES_URL';
const missingVariable = 'THOA_UOC_TEST_POSTGRES_MISSING';

/** A database of its own for one test file, on the test run's PostgreSQL server. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The test run's PostgreSQL server; fails, saying why, when there is none. */
export function postgresAdminUrl(): string {
  const url = process.env[adminUrlVariable];
  if (!url) throw new Error(`these tests need PostgreSQL, which is missing here: ${process.env[missingVariable] ?? `set ${adminUrlVariable}`}`);
  return url;
}

/** Creates an empty database (dropped by drop()). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = postgresAdminUrl();
  const name = `tu_test_${randomId().toLowerCase()}`;
  return { url: await createDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
