import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationId, openDatabase, StoreOpenError, type SqliteDatabase } from '#main/store/sqlite/database';
import { readMigrations } from '#main/store/migrations';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { hasRepresentativeRow, insertRepresentativeRows } from '../helpers/representativeRows';
import { createTempFolder } from '../helpers/tempFolder';

const migrations = readMigrations();

let folder: ReturnType<typeof createTempFolder>;
beforeEach(() => {
  folder = createTempFolder();
});
afterEach(() => folder.remove());

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Files SQLite keeps beside a database (-wal, -shm, -journal). */
const sideFiles = (file: string): string[] => readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}-`));

function appliedMigrations(db: SqliteDatabase): { id: number; name: string; applied_at: number }[] {
  return db.prepare<[], { id: number; name: string; applied_at: number }>('SELECT id, name, applied_at FROM schema_migrations ORDER BY id').all();
}

/** A Thỏa Ước database with a document, its update log and a participant, closed cleanly. */
async function writeRealDatabase(file: string): Promise<void> {
  const store = openSqliteStore(file);
  await store.documents.insert({
    id: 'doc-1',
    kind: 'enterprise_agreement',
    title: 'Thỏa ước lao động tập thể 2027',
    lifecycleState: 'drafting',
    createdAt: 1,
    updatedAt: 1,
    archivedAt: null,
  });
  await store.participants.insert(
    { id: 'p-1', documentId: 'doc-1', displayName: 'Chị Lan (Nhân sự)', side: 'employer', invitationId: null, joinedAt: 2, revokedAt: null },
    'token-hash-1',
  );
  for (let seq = 1; seq <= 100; seq += 1) {
    await store.updates.append('doc-1', [{ bytes: new Uint8Array(300).fill(seq), participantId: 'p-1', at: seq }]);
  }
  await store.close();
}

/** Opens a file and closes it again, each way the application opens one. */
const openers = [
  ['openSqliteStore', (file: string) => openSqliteStore(file).close()],
  [
    'openDatabase',
    (file: string) => {
      openDatabase(file).close();
    },
  ],
] as const;

/**
 * Opens the file with openSqliteStore and with openDatabase, expecting both to refuse it without
 * changing a byte of it or creating anything beside it; returns the error.
 */
async function expectRefused(file: string, reason: RegExp): Promise<StoreOpenError> {
  const before = sha256(file);
  const errors: unknown[] = [];
  for (const [name, open] of openers) {
    try {
      await open(file);
    } catch (error) {
      errors.push(error);
      continue;
    }
    throw new Error(`${name} opened ${file}, which it should have refused`);
  }
  for (const error of errors) {
    expect(error).toBeInstanceOf(StoreOpenError);
    const refusal = error as StoreOpenError;
    expect(refusal.file).toBe(file);
    expect(refusal.message).toContain(file);
    expect(refusal.message).toMatch(/left untouched/);
    expect(refusal.message).toMatch(reason);
  }
  expect(sha256(file)).toBe(before);
  expect(sideFiles(file)).toEqual([]);
  return errors[0] as StoreOpenError;
}

describe('opening a database', () => {
  it('a fresh database records every migration, is in WAL mode and carries the application id', () => {
    const file = join(folder.path, 'thoa-uoc.sqlite');
    const db = openDatabase(file);
    expect(appliedMigrations(db).map(({ id, name }) => ({ id, name }))).toEqual(migrations.map(({ id, name }) => ({ id, name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(applicationId);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2); // incremental: compaction gives space back
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopening a current database is a no-op: same migrations, same data, same bytes', async () => {
    const file = join(folder.path, 'thoa-uoc.sqlite');
    await writeRealDatabase(file);
    // Read-write connections only: a read-only one would leave -wal and -shm files behind.
    const first = new Database(file);
    const appliedBefore = appliedMigrations(first);
    first.close();
    const before = sha256(file);

    const store = openSqliteStore(file);
    expect((await store.documents.get('doc-1'))?.title).toBe('Thỏa ước lao động tập thể 2027');
    expect(await store.updates.lastSeq('doc-1')).toBe(100);
    await store.close();

    const db = new Database(file);
    expect(appliedMigrations(db)).toEqual(appliedBefore);
    db.close();
    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
  });

  it('an empty SQLite file (no tables, say after a crash during the first open) is adopted and opens again', async () => {
    const file = join(folder.path, 'thoa-uoc.sqlite');
    const empty = new Database(file);
    empty.pragma('journal_mode = WAL'); // what the first open writes before the application id
    empty.close();

    await openSqliteStore(file).close();
    const db = openDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(applicationId);
    expect(appliedMigrations(db).map(({ id }) => id)).toEqual(migrations.map(({ id }) => id));
    db.close();
  });
});

describe('refusing a file that cannot be opened safely', () => {
  it('random bytes', async () => {
    const file = join(folder.path, 'random.sqlite');
    let block = createHash('sha256').update('Thỏa Ước').digest();
    const chunks: Buffer[] = [];
    for (let i = 0; i < 512; i += 1) {
      chunks.push(block);
      block = createHash('sha256').update(block).digest();
    }
    writeFileSync(file, Buffer.concat(chunks));
    await expectRefused(file, /not an SQLite database/);
  });

  const damages: [string, (bytes: Buffer, pageSize: number) => void][] = [
    [
      'page headers in the middle of the file overwritten',
      (bytes, pageSize) => {
        const pages = bytes.length / pageSize;
        for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page += 1) {
          bytes.fill(0xa5, page * pageSize, page * pageSize + 16);
        }
      },
    ],
    ['the database header overwritten', (bytes) => bytes.fill(0xff, 16, 32)],
    ['the schema page overwritten', (bytes) => bytes.fill(0x00, 100, 120)],
  ];

  it.each(damages)('a Thỏa Ước database with %s', async (_what, damage) => {
    const file = join(folder.path, 'damaged.sqlite');
    await writeRealDatabase(file);
    const bytes = readFileSync(file);
    damage(bytes, bytes.readUInt16BE(16));
    writeFileSync(file, bytes);
    await expectRefused(file, /damaged/);
  });

  it('a database written by a newer version (a migration this version does not know)', async () => {
    const file = join(folder.path, 'newer.sqlite');
    await writeRealDatabase(file);
    const newer = new Database(file);
    newer.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(migrations.length + 1, 'from_the_future', 2);
    newer.close();

    const error = await expectRefused(file, /newer version/);
    expect(error.message).toContain(`schema ${migrations.length + 1}`);
  });

  it('a newer migration committed only in the -wal file (its writer stopped before a checkpoint) is seen too', async () => {
    const original = join(folder.path, 'original.sqlite');
    await writeRealDatabase(original);
    const writer = new Database(original);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(migrations.length + 1, 'from_the_future', 2);
    // Copying the files while the writer is still open leaves them as a crash would.
    const file = join(folder.path, 'crashed.sqlite');
    writeFileSync(file, readFileSync(original));
    writeFileSync(`${file}-wal`, readFileSync(`${original}-wal`));
    writer.close();
    const before = { main: sha256(file), wal: sha256(`${file}-wal`) };

    expect(() => openSqliteStore(file)).toThrow(/newer version/);
    expect({ main: sha256(file), wal: sha256(`${file}-wal`) }).toEqual(before);
  });

  it("another application's SQLite file (application id 0 with tables, or another application id)", async () => {
    const unmarked = join(folder.path, 'unmarked.sqlite');
    const other = new Database(unmarked);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5)');
    other.close();
    await expectRefused(unmarked, /another application/);

    const marked = join(folder.path, 'marked.sqlite');
    const foreign = new Database(marked);
    foreign.pragma('journal_mode = WAL');
    foreign.pragma('application_id = 1196444237'); // "GPKG", a GeoPackage
    foreign.close();
    await expectRefused(marked, /another application/);
  });
});

describe('each migration runs on the schema before it', () => {
  it.each(migrations.map((migration) => [migration.id, migration.name] as const))('migration %i (%s)', (id) => {
    const file = join(folder.path, `before-${id}.sqlite`);
    const previous = migrations.filter((migration) => migration.id < id);
    const old = openDatabase(file, { migrations: previous });
    expect(appliedMigrations(old).map((row) => row.id)).toEqual(previous.map((migration) => migration.id));
    const rows = insertRepresentativeRows(old);
    old.close();

    const db = openDatabase(file);
    expect(appliedMigrations(db).map((row) => row.id)).toEqual(migrations.map((migration) => migration.id));
    expect(db.pragma('application_id', { simple: true })).toBe(applicationId);
    for (const row of rows) expect(hasRepresentativeRow(db, row), `the row written into ${row.table} before migration ${id}`).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('the representative rows cover every table of the current schema', () => {
    const db = openDatabase(join(folder.path, 'current.sqlite'));
    const rows = insertRepresentativeRows(db);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").pluck().all();
    expect(rows.map((row) => row.table).sort()).toEqual([...tables].sort());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(hasRepresentativeRow(db, row)).toBe(true);
    db.close();
  });
});
