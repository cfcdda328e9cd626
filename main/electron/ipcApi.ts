import type { ApiHandlers } from '#shared/api/contract';
import { dispatchApiCall, type ApiResult } from '#shared/api/dispatch';
import type { Logger } from '#main/logger';

/** The one IPC channel of the desktop app: the API contract, nothing else. */
export const apiChannel = 'thoa-uoc:api';

/**
 * Handles one IPC call. Only the app's own pages (served by the embedded server) may call; the
 * desktop user is the host, so calls run as admin. Inputs are validated by the contract.
 */
export function createIpcApiHandler(handlers: ApiHandlers, allowedOrigin: () => string, logger: Logger) {
  return async (senderUrl: string | undefined, method: unknown, input: unknown): Promise<ApiResult> => {
    let origin: string | null = null;
    try {
      origin = senderUrl ? new URL(senderUrl).origin : null;
    } catch {
      origin = null;
    }
    if (origin !== allowedOrigin()) {
      logger.log('warn', 'ipc.refused_sender', { sender: senderUrl ?? 'unknown' });
      return { ok: false, error: { code: 'forbidden', message: 'calls are only accepted from the application window' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'the method must be a string' } };
    return dispatchApiCall(handlers, method, input, { kind: 'admin' }, (error, failed) => {
      logger.log('error', 'ipc.unexpected_error', { method: failed, error });
    });
  };
}
