import { join, resolve } from 'node:path';
import { UsageError, type CommandOutput } from '#main/cli/cliCommands';
import { createJsonLogger, stderrDestination } from '#main/logger';
import { databaseFileName } from '#main/server/dataFolder';
import { DataFolderInUseError, lockDataFolder } from '#main/server/dataFolderLock';
import { readMigrations } from '#main/store/migrations';
import type { StoreLocation } from '#main/store/port';
import { backupDatabase, BackupError, checkBackupFile, describeDatabase, keptDatabaseName, restoreDatabase } from '#main/store/sqlite/backup';
import { StoreOpenError } from '#main/store/sqlite/database';

/**
 * `backup FILE` and `restore FILE --yes`: the embedded database of a data folder, copied out with
 * VACUUM INTO (also while a server or the desktop app runs on it), and put back while nobody holds
 * the folder (main/store/sqlite/backup.ts). Exit codes as the other commands: 2 for what the
 * person must change (a usage error, a file that exists or cannot be restored, no --yes), 1 for a
 * failure of the moment (the folder held, a disk error).
 */

export interface BackupInvocation {
  positionals: string[];
  dataFolder: string;
  yes: boolean;
  now: () => number;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function documentCount(count: number): string {
  return count === 1 ? '1 document' : `${count} documents`;
}

function fileArgument(invocation: BackupInvocation): string {
  const [, file, extra] = invocation.positionals;
  if (file === undefined) throw new UsageError('FILE is required');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  return resolve(file);
}

/** An expected refusal as the lines it prints and its exit code; anything else is thrown on. */
function refusal(error: unknown): CommandOutput {
  if (error instanceof StoreOpenError) return { value: { error: error.message }, lines: [error.message, 'Nothing was changed.'], exitCode: 2 };
  if (error instanceof BackupError) return { value: { error: error.message }, lines: [error.message], exitCode: error.reason === 'target_refused' ? 2 : 1 };
  if (error instanceof DataFolderInUseError) {
    return { value: { error: error.message }, lines: [error.message, 'Nothing was changed: stop it, then restore again.'], exitCode: 1 };
  }
  throw error;
}

export function runBackupCommand(invocation: BackupInvocation): CommandOutput {
  const target = fileArgument(invocation);
  const database = join(invocation.dataFolder, databaseFileName);
  try {
    const copy = backupDatabase(database, target, { replace: false });
    return { value: copy, lines: [`Backed up ${database} to ${copy.file}: ${megabytes(copy.bytes)}, ${documentCount(copy.documents)}.`] };
  } catch (error) {
    return refusal(error);
  }
}

export async function runRestoreCommand(invocation: BackupInvocation): Promise<CommandOutput> {
  const file = fileArgument(invocation);
  const database = join(invocation.dataFolder, databaseFileName);
  const migrations = readMigrations();
  try {
    if (!invocation.yes) {
      const backup = checkBackupFile(file, migrations);
      const current = describeDatabase(database);
      const now = current ? `${megabytes(current.bytes)}, ${current.documents === null ? 'unreadable' : documentCount(current.documents)}` : null;
      return {
        value: { wouldRestore: backup, wouldReplace: current && { file: database, ...current }, confirmed: false },
        lines: [
          `${file} is an intact Thỏa Ước backup: ${megabytes(backup.bytes)}, ${documentCount(backup.documents)}.`,
          now
            ? `Restoring it replaces the database ${database} (${now}), which would be kept as ${keptDatabaseName(database, invocation.now())}.`
            : `Restoring it puts it in ${invocation.dataFolder}, which has no database yet.`,
          'Nothing was changed. Stop the server or the desktop app using the folder, then run the command again with --yes.',
        ],
        exitCode: 2,
      };
    }
    const logger = createJsonLogger(stderrDestination(), 'warn');
    const { restored, keptAs } = await restoreDatabase(file, database, {
      migrations,
      now: invocation.now,
      holdFolder: async () => {
        const lock = await lockDataFolder(invocation.dataFolder, 'restore', {
          logger,
          onLost: (error) => logger.log('error', 'data_folder.lock_lost', { folder: invocation.dataFolder, error }),
        });
        return () => lock.release();
      },
    });
    return {
      value: { restored, keptAs },
      lines: [
        `Restored ${file} into ${restored.file}: ${megabytes(restored.bytes)}, ${documentCount(restored.documents)}.`,
        keptAs ? `The database it replaced was kept as ${keptAs}.` : 'The folder had no database before.',
      ],
    };
  } catch (error) {
    return refusal(error);
  }
}

/** `--store postgres://…`: PostgreSQL is backed up with its own tools; the commands to run, without the password. */
export function postgresBackupAdvice(store: Extract<StoreLocation, { kind: 'postgres' }>): CommandOutput {
  const url = new URL(store.url);
  const hadPassword = url.password !== '';
  url.password = '';
  const shown = url.toString();
  return {
    value: { error: 'PostgreSQL is backed up with pg_dump and restored with pg_restore', url: shown },
    lines: [
      'A hosted deployment keeps its documents in PostgreSQL, which is backed up and restored with its own tools (docs/hosting.md, "Backups"):',
      `  pg_dump --format=custom --file=thoa_uoc-$(date +%F).dump "${shown}"`,
      `  createdb thoa_uoc_restored && pg_restore --no-owner --dbname=thoa_uoc_restored thoa_uoc-YYYY-MM-DD.dump`,
      ...(hadPassword ? ['(Give the password through PGPASSWORD or ~/.pgpass rather than in the URL.)'] : []),
    ],
    exitCode: 2,
  };
}
