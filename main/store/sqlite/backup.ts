import { closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from '#main/store/migrations';
import { applicationId, checkDatabaseFile, openForInspection, StoreOpenError, type SqliteDatabase } from '#main/store/sqlite/database';

/**
 * Backing up and restoring the embedded SQLite database: the command line (`backup`, `restore`)
 * and the desktop app's "Back up…" both call these. PostgreSQL has its own tools (docs/hosting.md).
 */

/** A database file: where it is, its size, and how many documents it holds. */
export interface DatabaseCopy {
  file: string;
  bytes: number;
  documents: number;
}

/**
 * Why a backup or a restore did not happen; nothing was changed. `target_refused`: the backup was
 * to be written to a file that exists (replaced only when the caller says so) or to the database.
 */
export class BackupError extends Error {
  constructor(
    readonly reason: 'target_refused' | 'no_database' | 'database_in_use' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Files SQLite keeps beside a database while it is open or after a crash: they belong to that one file. */
const companionSuffixes = ['-wal', '-shm', '-journal'] as const;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `folder` durable. Windows cannot open a folder to sync it (and needs not: NTFS journals renames). */
function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether two paths name the same file (through links, or letter case where the file system ignores it). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return resolve(a) === resolve(b);
  const [first, second] = [statSync(a), statSync(b)];
  return first.dev === second.dev && first.ino === second.ino;
}

function countDocuments(db: SqliteDatabase): number {
  return db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
}

/**
 * A file VACUUM INTO wrote, checked in full and counted. VACUUM INTO writes a rollback-journal
 * database, which a read-only connection reads without creating anything beside it.
 */
function checkedCopy(file: string): DatabaseCopy {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy does not pass SQLite's integrity check (${String(check)})`);
    return { file, bytes: statSync(file).size, documents: countDocuments(db) };
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the database `source` to `target`: VACUUM INTO reads one committed
 * state (a read transaction, which a server writing beside it never waits for, nor needs the data
 * folder's lock), into a new, compact, self-contained file. The copy is written under a temporary
 * name beside `target`, checked (integrity_check), synced, and only then renamed to `target`: a
 * backup cut short leaves no half-written file under the name asked for. `replace`: the user
 * confirmed replacing an existing `target` (the desktop's save dialog asks); otherwise an existing
 * `target` is refused. The database itself is never the target.
 */
export function backupDatabase(source: string, target: string, options: { replace: boolean }): DatabaseCopy {
  if (!existsSync(source)) throw new BackupError('no_database', `There is no database to back up: ${source} does not exist.`);
  if ([source, ...companionSuffixes.map((suffix) => `${source}${suffix}`)].some((file) => sameFile(file, target))) {
    throw new BackupError('target_refused', `${target} is the database itself (or one of its files): choose another file for the backup.`);
  }
  if (!options.replace && existsSync(target))
    throw new BackupError('target_refused', `${target} already exists: a backup never replaces a file. Give a new file name.`);
  const folder = dirname(resolve(target));
  if (!existsSync(folder)) throw new BackupError('failed', `The folder ${folder} does not exist: create it first, or choose another.`);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    // A read-write connection that never writes: a read-only one would leave -wal and -shm files
    // beside a database nobody else has open; this one removes them when it closes last.
    const db = new Database(source, { fileMustExist: true });
    try {
      if (db.pragma('application_id', { simple: true }) !== applicationId) throw new Error(`${source} is not a Thỏa Ước database`);
      db.prepare('VACUUM INTO ?').run(partial);
    } finally {
      db.close();
    }
    const copy = checkedCopy(partial);
    fsyncFile(partial);
    if (!options.replace && existsSync(target))
      throw new BackupError('target_refused', `${target} appeared while the backup was written: it was left as it is.`);
    renameSync(partial, target);
    fsyncFolder(folder);
    return { ...copy, file: target };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError('failed', `The backup could not be written to ${target}: ${errorText(error)}.`);
  }
}

/**
 * Checks that `file` can replace a database: an intact SQLite file (integrity_check, the complete
 * check) of this application, not empty, of a schema this version knows (an older one is brought
 * up to date when a server opens it). Throws a StoreOpenError saying why not; reads only.
 */
export function checkBackupFile(file: string, migrations: readonly Migration[]): DatabaseCopy {
  if (!existsSync(file)) throw new StoreOpenError(file, 'it does not exist');
  checkDatabaseFile(file, migrations, { integrity: 'integrity_check', emptyAllowed: false });
  const db = openForInspection(file);
  try {
    return { file, bytes: statSync(file).size, documents: countDocuments(db) };
  } finally {
    db.close();
  }
}

/** How many documents a database holds, or null when it cannot be read (damaged, or not a database). */
function documentsIn(file: string): number | null {
  try {
    // Read-write for the reason backupDatabase gives; it only reads.
    const db = new Database(file, { fileMustExist: true });
    try {
      return countDocuments(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The database a restore would replace: its size and documents, or null when there is none. */
export function describeDatabase(file: string): { bytes: number; documents: number | null } | null {
  return existsSync(file) ? { bytes: statSync(file).size, documents: documentsIn(file) } : null;
}

// Vietnam keeps UTC+7 all year: the name says when, as the people restoring read their clocks.
const vietnamOffsetMs = 7 * 3_600_000;

/** Where a restore keeps the database it replaces: `thoa-uoc.sqlite.before-restore-2027-03-01-153012`. */
export function keptDatabaseName(database: string, now: number): string {
  const local = new Date(now + vietnamOffsetMs).toISOString();
  return `${database}.before-restore-${local.slice(0, 10)}-${local.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * Makes the database one self-contained file: leaving WAL mode checkpoints what its -wal holds
 * into it, and SQLite itself removes the -wal and -shm files, under its locks. (The next open puts
 * it back in WAL mode.) Refuses while another connection has it open. A file that cannot be
 * settled (damaged, or not a database) is left as it is, to be set aside with its -wal.
 */
function settle(database: string): void {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(database, { fileMustExist: true });
    // While another connection has the file open, SQLite may keep WAL mode and say so instead of failing.
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse(database);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw inUse(database);
  } finally {
    db?.close();
  }
}

function inUse(database: string): BackupError {
  return new BackupError(
    'database_in_use',
    `${database} is open in another process (a command of the command line?) although no server or desktop app holds its folder: let it finish, then restore again.`,
  );
}

/**
 * Sets the current database aside under `keptAs`, with whatever -wal, -shm or -journal files it
 * still has (they belong to it: left beside the restored file, SQLite would apply them to it).
 * The database file keeps its name too (a second link; a copy where the file system has no links),
 * so that the folder never lacks a database: the restored one replaces it in one rename. Returns
 * what undoes this, should the rename fail.
 */
function setAside(database: string, keptAs: string): () => void {
  const hasDatabase = existsSync(database);
  if (hasDatabase) {
    if (existsSync(keptAs)) throw new BackupError('failed', `${keptAs} already exists: restore again in a second.`);
    try {
      linkSync(database, keptAs);
    } catch {
      copyFileSync(database, keptAs, constants.COPYFILE_EXCL);
      fsyncFile(keptAs);
    }
  }
  const moved: string[] = [];
  try {
    for (const suffix of companionSuffixes) {
      if (!existsSync(`${database}${suffix}`)) continue;
      renameSync(`${database}${suffix}`, `${keptAs}${suffix}`);
      moved.push(suffix);
    }
  } catch (error) {
    undo();
    throw error;
  }
  function undo(): void {
    for (const suffix of moved) renameSync(`${keptAs}${suffix}`, `${database}${suffix}`);
    if (hasDatabase) rmSync(keptAs);
  }
  return undo;
}

export interface RestoreOptions {
  migrations: readonly Migration[];
  now: () => number;
  /**
   * Takes the data folder (refusing when a server or the desktop app holds it) and returns what
   * gives it up: held only while the database is swapped, after the slow part (the copy) is done.
   */
  holdFolder: () => Promise<() => Promise<void>>;
}

export interface RestoredDatabase {
  restored: DatabaseCopy;
  /** Where the replaced database was kept (null when the folder had none). */
  keptAs: string | null;
}

/**
 * Replaces `database` with a copy of the backup `file`. The file is checked first (checkBackupFile:
 * a damaged, foreign, empty or newer file is refused, and nothing changes). The copy is made with
 * VACUUM INTO beside the database, checked and synced; then, holding the data folder, the current
 * database is settled (its -wal checkpointed into it), set aside as
 * `<database>.before-restore-<Vietnam date and time>`, and the copy renamed over it.
 */
export async function restoreDatabase(file: string, database: string, options: RestoreOptions): Promise<RestoredDatabase> {
  checkBackupFile(file, options.migrations);
  if (sameFile(file, database)) throw new BackupError('failed', `${file} is the database it would replace.`);
  mkdirSync(dirname(database), { recursive: true });
  const staged = `${database}.restoring-${process.pid}`;
  rmSync(staged, { force: true });
  try {
    let copy: DatabaseCopy;
    try {
      const source = openForInspection(file);
      try {
        source.prepare('VACUUM INTO ?').run(staged);
      } finally {
        source.close();
      }
      copy = checkedCopy(staged);
      fsyncFile(staged);
    } catch (error) {
      throw new BackupError('failed', `${file} could not be copied into place: ${errorText(error)}.`);
    }
    const release = await options.holdFolder();
    try {
      const hasDatabase = existsSync(database);
      const keptAs = keptDatabaseName(database, options.now());
      if (hasDatabase) settle(database);
      const undo = setAside(database, keptAs);
      try {
        // Something opened the database since it was settled: its -wal would go with the restored file.
        if (companionSuffixes.some((suffix) => existsSync(`${database}${suffix}`))) throw inUse(database);
        renameSync(staged, database);
      } catch (error) {
        undo();
        throw error;
      }
      fsyncFolder(dirname(database));
      return { restored: { ...copy, file: database }, keptAs: hasDatabase ? keptAs : null };
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError('failed', `${file} could not be put in place of ${database} (${errorText(error)}); the current database was left as it was.`);
    } finally {
      await release();
    }
  } finally {
    rmSync(staged, { force: true });
  }
}
