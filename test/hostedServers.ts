import { startThrowawayPostgres, type ThrowawayPostgres } from '../bench/lib/throwawayPostgres';

/**
 * Hosted mode is tested against a real PostgreSQL: the one .ci/run starts (its URL in
 * THOA_UOC_TEST_POSTGRES_URL), or else a throwaway cluster started here for the run. Where none
 * can start (PostgreSQL not installed), the tests that need it fail and say so.
 */
export default async function setup(): Promise<() => void> {
  if (process.env.THOA_UOC_TEST_POSTGRES_URL) return () => undefined;
  let postgres: ThrowawayPostgres | null = null;
  try {
    postgres = await startThrowawayPostgres();
    process.env.THOA_UOC_TEST_POSTGRES_URL = postgres.url;
  } catch (error) {
    process.env.THOA_UOC_TEST_POSTGRES_MISSING = (error as Error).message;
  }
  return () => postgres?.stop();
}
