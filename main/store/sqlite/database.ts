import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readMigrations, type Migration } from '#main/store/migrations';

export type SqliteDatabase = Database.Database;

/** Marks a SQLite file as a Thỏa Ước database (PRAGMA application_id, "TUOC"). */
export const applicationId = 0x54554f43;

/** A database file that cannot be opened safely. The file is left exactly as it was. */
export class StoreOpenError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`Cannot open the database ${file}: ${reason}. The file was left untouched.`);
    this.name = 'StoreOpenError';
    this.file = file;
  }
}

const sqliteHeader = 'SQLite format 3\u0000';

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(sqliteHeader.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Files up to this size are inspected as an in-memory copy (see openForInspection). */
const inMemoryInspectionLimit = 64 * 1024 * 1024;

/**
 * A read-only connection that leaves no trace beside the file. A read-only connection to a WAL
 * database creates -wal and -shm files and cannot remove them; so when no -wal file exists (there
 * is nothing but the main file to read) a copy of the file is inspected in memory instead. An
 * existing -wal file may hold committed transactions and must be read through SQLite itself.
 */
export function openForInspection(file: string): SqliteDatabase {
  if (existsSync(`${file}-wal`) || statSync(file).size > inMemoryInspectionLimit) {
    return new Database(file, { readonly: true, fileMustExist: true });
  }
  const image = readFileSync(file);
  // SQLite cannot open an in-memory image marked as WAL (header bytes 18 and 19 are 2): mark the
  // copy as a rollback-journal database, which changes nothing in how its pages are read.
  if (image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
  return new Database(image, { readonly: true });
}

function appliedMigrationIds(db: SqliteDatabase): number[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return [];
  return db
    .prepare('SELECT id FROM schema_migrations ORDER BY id')
    .pluck()
    .all()
    .map((id) => Number(id));
}

export interface FileCheck {
  /**
   * `quick_check` before every open; `integrity_check`, which also checks that every index matches
   * its table, before a file replaces the database (a restore).
   */
  integrity: 'quick_check' | 'integrity_check';
  /** Whether an SQLite file without tables passes: a store's first open adopts it, a restore has nothing to restore from it. */
  emptyAllowed: boolean;
}

/**
 * Inspects an existing file read-only, before anything may write to it: it must be an intact
 * SQLite file of this application whose applied migrations are a prefix of the known ones.
 */
export function checkDatabaseFile(file: string, migrations: readonly Migration[], { integrity, emptyAllowed }: FileCheck): void {
  if (readHeader(file) !== sqliteHeader) throw new StoreOpenError(file, 'it is not an SQLite database');
  let db: SqliteDatabase | undefined;
  try {
    db = openForInspection(file);
    const check = db.pragma(integrity, { simple: true });
    if (check !== 'ok') throw new StoreOpenError(file, `it is damaged (${String(check)})`);
    const appId = db.pragma('application_id', { simple: true });
    const tableCount = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get();
    if (appId === 0 && tableCount === 0 && !emptyAllowed) throw new StoreOpenError(file, 'it is an empty SQLite database, without any Thỏa Ước data');
    if (appId !== applicationId && !(appId === 0 && tableCount === 0)) {
      throw new StoreOpenError(file, 'it belongs to another application');
    }
    const applied = appliedMigrationIds(db);
    const newest = migrations.length;
    const unknown = applied.filter((id, index) => id !== index + 1 || id > newest);
    if (unknown.length > 0) {
      throw new StoreOpenError(
        file,
        `it was written by a newer version of Thỏa Ước (schema ${Math.max(...applied)}, this version knows up to ${newest}); update the application`,
      );
    }
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(file, `it is damaged or unreadable (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

function applyPragmas(db: SqliteDatabase, isNew: boolean): void {
  // auto_vacuum only takes effect before the first table exists; it lets compaction give space back.
  if (isNew) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction survives a crash of the process (not of the OS).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Not only when new: an existing file without tables (say, after a crash during the first open)
  // was accepted as empty, and left unmarked it would be refused as foreign the next time.
  if (db.pragma('application_id', { simple: true }) === 0) db.pragma(`application_id = ${applicationId}`);
}

function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
  const applied = new Set(appliedMigrationIds(db));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, Date.now());
    })();
  }
}

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the database file and brings its schema up to date. Refuses,
 * without writing a byte, a file that is damaged, foreign, or from a newer schema.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const migrations = options.migrations ?? readMigrations();
  const isNew = !existsSync(file) || statSync(file).size === 0;
  if (!isNew) checkDatabaseFile(file, migrations, { integrity: 'quick_check', emptyAllowed: true });
  const db = new Database(file);
  try {
    applyPragmas(db, isNew);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw new StoreOpenError(file, `its schema could not be brought up to date (${(error as Error).message})`);
  }
  return db;
}

/**
 * A read-only connection to a database file that openDatabase has opened (and keeps open) in this
 * process: in WAL mode it reads while that connection writes, each read transaction seeing one
 * committed state.
 */
export function openDatabaseReader(file: string): SqliteDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
