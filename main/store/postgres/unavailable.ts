import { StoreUnavailableError } from '#main/store/port';

/** Socket errors that mean the database server is out of reach. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that is going or not there: class 08 (connection exception) and the
 * operator's shutdowns and a server still starting (57P01–57P03).
 */
function isUnavailableState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03';
}

/** Whether `error`, from node-postgres, says the database cannot be reached (rather than refusing a statement). */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') return networkCodes.has(code) || isUnavailableState(code);
  // node-postgres says so in words when the server closes a connection in use.
  return /^Connection terminated/.test(error.message);
}

/** Runs `operation`, reporting a lost database as StoreUnavailableError (anything else as it came). */
export async function reachingDatabase<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw isConnectionFailure(error) ? new StoreUnavailableError(error) : error;
  }
}
