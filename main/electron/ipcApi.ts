import type { ApiHandlers } from '#shared/api/contract';
import { desktopBackupInput, type DesktopBackupInput, type DesktopBackupResult } from '#shared/api/backup';
import { dispatchApiCall, type ApiResult } from '#shared/api/dispatch';
import { describeIssues } from '#shared/api/errors';
import type { Logger } from '#main/logger';
import { backupDatabase, BackupError } from '#main/store/sqlite/backup';

/** The IPC channel of the API contract. */
export const apiChannel = 'thoa-uoc:api';

/** The IPC channel of "Back up…", which needs the desktop's save dialog (shared/api/backup.ts). */
export const backupChannel = 'thoa-uoc:backup';

const refusedSender = 'calls are only accepted from the application window';

/** Whether an IPC call comes from the app's own pages (served by the embedded server); refusals are logged. */
function fromAppWindow(senderUrl: string | undefined, allowedOrigin: string, logger: Logger): boolean {
  let origin: string | null = null;
  try {
    origin = senderUrl ? new URL(senderUrl).origin : null;
  } catch {
    origin = null;
  }
  if (origin === allowedOrigin) return true;
  logger.log('warn', 'ipc.refused_sender', { sender: senderUrl ?? 'unknown' });
  return false;
}

/**
 * Handles one IPC call. Only the app's own pages (served by the embedded server) may call; the
 * desktop user is the host, so calls run as admin. Inputs are validated by the contract.
 */
export function createIpcApiHandler(handlers: ApiHandlers, allowedOrigin: () => string, logger: Logger) {
  return async (senderUrl: string | undefined, method: unknown, input: unknown): Promise<ApiResult> => {
    if (!fromAppWindow(senderUrl, allowedOrigin(), logger)) return { ok: false, error: { code: 'forbidden', message: refusedSender } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'the method must be a string' } };
    return dispatchApiCall(handlers, method, input, { kind: 'admin' }, (error, failed) => {
      logger.log('error', 'ipc.unexpected_error', { method: failed, error });
    });
  };
}

/** Asks where to save (the save dialog, which confirms replacing a file); null when cancelled. */
export type ChooseBackupFile = (words: DesktopBackupInput) => Promise<string | null>;

/**
 * Handles "Back up…" from the app window: the user chooses the file in the save dialog (the window
 * never names a path), and the backup is the command line's (main/store/sqlite/backup.ts) of
 * `database`, the file the embedded server uses. VACUUM INTO runs on this thread: the embedded
 * server's sockets wait until the copy is written.
 */
export function createIpcBackupHandler(database: string, allowedOrigin: () => string, logger: Logger) {
  return async (senderUrl: string | undefined, input: unknown, chooseFile: ChooseBackupFile): Promise<DesktopBackupResult> => {
    if (!fromAppWindow(senderUrl, allowedOrigin(), logger)) return { outcome: 'failed', reason: refusedSender };
    const words = desktopBackupInput.safeParse(input);
    if (!words.success) return { outcome: 'failed', reason: describeIssues(words.error.issues) };
    const file = await chooseFile(words.data);
    if (file === null) return { outcome: 'cancelled' };
    try {
      const copy = backupDatabase(database, file, { replace: true });
      logger.log('info', 'backup.written', { file: copy.file, bytes: copy.bytes, documents: copy.documents });
      return { outcome: 'saved', ...copy };
    } catch (error) {
      logger.log('error', 'backup.failed', { file, error });
      if (error instanceof BackupError) return { outcome: 'failed', reason: error.message };
      throw error;
    }
  };
}
