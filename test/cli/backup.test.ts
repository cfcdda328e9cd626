import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { z } from 'zod';
import { createApiClient } from '#shared/api/client';
import { documentMetaSchema } from '#shared/api/documents';
import { createHttpTransport } from '#shared/api/httpTransport';
import { runCli } from '#main/cli/runCli';
import { databaseFileName } from '#main/server/dataFolder';
import { lockDataFolder } from '#main/server/dataFolderLock';
import { readMigrations } from '#main/store/migrations';
import { openDatabase } from '#main/store/sqlite/database';
import { openSqliteStore, openSqliteStoreReader } from '#main/store/sqlite/sqliteStore';
import { createMemoryLogger } from '#main/logger';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { runCliJson, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { contentText, storedDoc } from '../helpers/storedState';
import { connectSyncedClient, textMatches, type SyncClient } from '../helpers/syncClient';
import { createTempFolder } from '../helpers/tempFolder';
import { Typist, typedIn } from '../helpers/typist';
import { waitFor } from '../helpers/waitFor';

// `npm run cli -- backup` and `restore` on real data folders, beside real servers.

const createdDocument = z.object({ id: z.string(), title: z.string() });
const alphabet = [...'abcdefghij'];

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file of a folder with a hash of its bytes: equal before and after means nothing changed. */
function folderState(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, sha256(join(folder, name))]),
  );
}

async function cli(...args: string[]): Promise<{ code: number; output: string }> {
  const printed: string[] = [];
  const code = await runCli(args, (text) => printed.push(text));
  return { code, output: printed.join('\n') };
}

async function participantToken(dataFolder: string, documentId: string, side: string, name: string): Promise<string> {
  const { code } = z.object({ code: z.string() }).parse(await runCliJson(dataFolder, ['invite', documentId, '--side', side]));
  return z.object({ token: z.string() }).parse(await runCliJson(dataFolder, ['redeem', code, '--name', name])).token;
}

async function createDocument(dataFolder: string, kind: string, title: string) {
  return createdDocument.parse(await runCliJson(dataFolder, ['documents', 'create', '--kind', kind, '--title', title]));
}

/** What a database file holds: the titles of its documents, and the letters typed into one of them. */
async function readDatabase(file: string, typedInto?: string): Promise<{ titles: string[]; typed: string | null }> {
  const store = openSqliteStoreReader(file);
  try {
    const titles = (await store.documents.list(true)).map((document) => document.title).sort();
    return { titles, typed: typedInto === undefined ? null : typedIn(contentText(await storedDoc(store.updates, typedInto)), alphabet) };
  } finally {
    await store.close();
  }
}

describe('npm run cli -- backup and restore', () => {
  const folders: ReturnType<typeof createTempFolder>[] = [];
  const servers: ServerProcess[] = [];
  const clients: SyncClient[] = [];
  let harness: Harness | null = null;
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
      await server.exited;
    }
    await harness?.stop();
    harness = null;
    for (const folder of folders.splice(0)) folder.remove();
  });

  function tempFolder(): string {
    const folder = createTempFolder('thoa-uoc-backup-');
    folders.push(folder);
    return folder.path;
  }

  it('backs up while a server holds the folder and a client types: the copy holds every document and every letter stored before it; restored into another folder, a server serves them', async () => {
    const live = tempFolder();
    const agreement = await createDocument(live, 'enterprise_agreement', 'Thỏa ước lao động tập thể 2027');
    await createDocument(live, 'labour_regulations', 'Nội quy lao động');
    const token = await participantToken(live, agreement.id, 'union', 'Anh Minh (Công đoàn)');
    const server = await spawnServer(live);
    servers.push(server);
    onTestFailed(() => {
      process.stderr.write(`server output:\n${server.output()}\n`);
    });
    const typist = new Typist(await connectSyncedClient(server.url, agreement.id, token, clients));
    const typing = typist.type(alphabet.join(''), 400, 2);
    await waitFor(() => typist.acknowledged >= 40, 'some letters to be stored', { timeoutMs: 15_000 });

    const storedBefore = typist.sent.slice(0, typist.acknowledged).join('');
    const backups = tempFolder();
    const backup = join(backups, 'thoa-uoc-2027-03-01.sqlite');
    const made = await cli('--data', live, 'backup', backup);
    expect(made).toEqual({
      code: 0,
      output: expect.stringMatching(new RegExp(`^Backed up ${join(live, databaseFileName)} to ${backup}: \\d+\\.\\d MB, 2 documents\\.$`)),
    });
    await typing;

    // One consistent state: every letter stored before the backup, then a run of those after it.
    const copy = await readDatabase(backup, agreement.id);
    expect(copy.titles).toEqual(['Nội quy lao động', 'Thỏa ước lao động tập thể 2027']);
    expect(copy.typed?.startsWith(storedBefore)).toBe(true);
    expect(typist.sent.join('').startsWith(copy.typed ?? 'nothing read')).toBe(true);
    // Nothing but the backup beside it: no partial file, no -wal or -shm.
    expect(readdirSync(backups)).toEqual(['thoa-uoc-2027-03-01.sqlite']);

    // The folder is held by the running server: a restore into it is refused, naming the server.
    const refused = await cli('--data', live, 'restore', backup, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The data folder ${live} is in use by server mode (pid ${server.child.pid} on `);
    expect(refused.output).toContain('Nothing was changed');
    expect(readdirSync(live).filter((name) => /before-restore|restoring/.test(name))).toEqual([]);

    // The tested restore: into another folder, then a server on it reads everything back.
    const restoredFolder = tempFolder();
    const restored = await cli('--data', restoredFolder, 'restore', backup, '--yes');
    expect(restored).toEqual({
      code: 0,
      output: expect.stringMatching(
        new RegExp(`^Restored ${backup} into ${join(restoredFolder, databaseFileName)}: \\d+\\.\\d MB, 2 documents\\.\nThe folder had no database before\\.$`),
      ),
    });
    expect(readdirSync(restoredFolder)).toEqual([databaseFileName]);
    const { token: hostToken } = z.object({ token: z.string() }).parse(await runCliJson(restoredFolder, ['admin-token']));
    harness = await startHarness({ dataFolder: restoredFolder });
    const host = createApiClient(createHttpTransport({ baseUrl: harness.server.url, token: hostToken, fetch }));
    const documents = z.array(documentMetaSchema).parse(await host.call('documents/list', { includeArchived: true }));
    expect(documents.map((document) => document.title).sort()).toEqual(copy.titles);
    // The union's token, issued before the backup, opens the document on the restored server.
    const reader = await connectSyncedClient(harness.server.url, agreement.id, token, clients);
    await textMatches(reader, (text) => typedIn(text, alphabet) === copy.typed, 'the text of the backup');
  });

  it('restoring over a database a killed server left with its -wal keeps that database whole beside it and leaves no -wal for the restored one', async () => {
    // The backup: one document.
    const source = tempFolder();
    await createDocument(source, 'enterprise_agreement', 'Thỏa ước từ bản sao lưu');
    const backup = join(tempFolder(), 'backup.sqlite');
    expect((await cli('--data', source, 'backup', backup)).code).toBe(0);

    // The folder to restore into: what a server killed mid-work leaves, its last writes only in the -wal.
    const folder = tempFolder();
    const database = join(folder, databaseFileName);
    const writerFile = join(tempFolder(), 'writer.sqlite');
    const writer = openSqliteStore(writerFile);
    await writer.documents.insert({
      id: 'onlyinthewal0001',
      kind: 'labour_regulations',
      title: 'Nội quy chỉ có trong -wal',
      lifecycleState: 'drafting',
      createdAt: 1,
      updatedAt: 1,
      archivedAt: null,
    });
    writeFileSync(database, readFileSync(writerFile));
    writeFileSync(`${database}-wal`, readFileSync(`${writerFile}-wal`));
    await writer.close();
    const mainFileAlone = readFileSync(database);
    mainFileAlone.fill(1, 18, 20); // read as a rollback-journal file, without the -wal
    const withoutWal = new Database(mainFileAlone, { readonly: true });
    const inMainFile = withoutWal.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'documents'").pluck().get();
    withoutWal.close();
    expect(inMainFile).toBe(0);

    const now = Date.now();
    const { code, output } = await cli('--data', folder, 'restore', backup, '--yes');
    expect(code).toBe(0);
    const keptAs = /^The database it replaced was kept as (\S+)\.$/m.exec(output)?.[1] ?? 'nothing kept';
    expect(keptAs).toMatch(new RegExp(`^${database}\\.before-restore-\\d{4}-\\d{2}-\\d{2}-\\d{6}$`));
    // Its name is the Vietnam date and time of the restore (UTC+7).
    const vietnam = new Date(now + 7 * 3_600_000).toISOString();
    expect(keptAs).toContain(`.before-restore-${vietnam.slice(0, 10)}-`);

    // The restored database alone under the name, nothing of the old one beside it.
    expect(readdirSync(folder).filter((name) => name.startsWith(`${databaseFileName}-`))).toEqual([]);
    const restored = openSqliteStoreReader(database);
    expect((await restored.documents.list(true)).map((document) => document.title)).toEqual(['Thỏa ước từ bản sao lưu']);
    await restored.close();
    // The kept database holds what was only in its -wal.
    const kept = openSqliteStoreReader(keptAs);
    expect((await kept.documents.get('onlyinthewal0001'))?.title).toBe('Nội quy chỉ có trong -wal');
    await kept.close();
  });

  it('restore refuses a damaged file, a file that is no database, an empty or foreign database, one of a newer schema, a held folder, and a restore without --yes, changing nothing', async () => {
    const folder = tempFolder();
    await createDocument(folder, 'enterprise_agreement', 'Thỏa ước đang dùng');
    const files = tempFolder();
    const backup = join(files, 'backup.sqlite');
    const source = tempFolder();
    await createDocument(source, 'labour_regulations', 'Nội quy trong bản sao lưu');
    expect((await cli('--data', source, 'backup', backup)).code).toBe(0);

    const damaged = join(files, 'damaged.sqlite');
    const bytes = readFileSync(backup);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page += 1) bytes.fill(0xa5, page * pageSize, page * pageSize + 16);
    writeFileSync(damaged, bytes);

    const notADatabase = join(files, 'agreement.docx');
    writeFileSync(notADatabase, 'PK\u0003\u0004 not a database at all');

    const empty = join(files, 'empty.sqlite');
    const emptyDb = new Database(empty);
    emptyDb.pragma('user_version = 1'); // an SQLite file with a header and no tables
    emptyDb.close();

    const foreign = join(files, 'invoices.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5)');
    other.close();

    const newer = join(files, 'newer.sqlite');
    const migrations = readMigrations();
    openDatabase(newer, {
      migrations: [...migrations, { id: migrations.length + 1, name: 'from_the_future', sql: 'CREATE TABLE future (id INTEGER PRIMARY KEY) STRICT' }],
    }).close();

    const before = { folder: folderState(folder), files: folderState(files) };
    const cases: [string[], number, RegExp][] = [
      [['restore', damaged, '--yes'], 2, /damaged\.sqlite: it is damaged/],
      [['restore', notADatabase, '--yes'], 2, /agreement\.docx: it is not an SQLite database/],
      [['restore', empty, '--yes'], 2, /empty\.sqlite: it is an empty SQLite database/],
      [['restore', foreign, '--yes'], 2, /invoices\.sqlite: it belongs to another application/],
      [['restore', newer, '--yes'], 2, new RegExp(`newer\\.sqlite: it was written by a newer version of Thỏa Ước \\(schema ${migrations.length + 1}`)],
      [['restore', join(files, 'missing.sqlite'), '--yes'], 2, /missing\.sqlite: it does not exist/],
      [
        ['restore', backup],
        2,
        new RegExp(
          `intact Thỏa Ước backup: .*1 document\\.\\nRestoring it replaces the database ${join(folder, databaseFileName)} \\(.*1 document\\), which would be kept as .*before-restore-.*\\nNothing was changed\\. .* again with --yes\\.$`,
        ),
      ],
      [['restore'], 2, /^FILE is required\n\nUsage:/],
    ];
    for (const [args, exitCode, message] of cases) {
      const { code, output } = await cli('--data', folder, ...args);
      expect({ args, code, output }).toEqual({ args, code: exitCode, output: expect.stringMatching(message) });
      expect({ args, ...before }).toEqual({ args, folder: folderState(folder), files: folderState(files) });
    }

    // Held by the desktop app (its lock, taken here): refused, naming it; then free, the restore runs.
    const lock = await lockDataFolder(folder, 'desktop', { logger: createMemoryLogger(), onLost: () => {} });
    const held = await cli('--data', folder, 'restore', backup, '--yes');
    expect(held.code).toBe(1);
    expect(held.output).toContain(`The data folder ${folder} is in use by the desktop app (pid ${process.pid} on `);
    await lock.release();
    expect({ ...before }).toEqual({ folder: folderState(folder), files: folderState(files) });

    // Free, but the database open in a process that does not hold the folder (a command beside it): refused too.
    const beside = new Database(join(folder, databaseFileName));
    beside.prepare('SELECT count(*) FROM documents').get();
    const open = await cli('--data', folder, 'restore', backup, '--yes');
    beside.close();
    expect(open).toEqual({ code: 1, output: expect.stringMatching(/thoa-uoc\.sqlite is open in another process/) });
    expect({ ...before }).toEqual({ folder: folderState(folder), files: folderState(files) });
    expect((await cli('--data', folder, 'restore', backup, '--yes')).code).toBe(0);
    expect((await readDatabase(join(folder, databaseFileName))).titles).toEqual(['Nội quy trong bản sao lưu']);
  });

  it('backup refuses an existing file, a folder without a database and a PostgreSQL store, changing nothing', async () => {
    const folder = tempFolder();
    await createDocument(folder, 'enterprise_agreement', 'Thỏa ước');
    const files = tempFolder();
    const existing = join(files, 'existing.sqlite');
    writeFileSync(existing, 'a file the host keeps');
    const before = { folder: folderState(folder), files: folderState(files) };

    expect(await cli('--data', folder, 'backup', existing)).toEqual({
      code: 2,
      output: `${existing} already exists: a backup never replaces a file. Give a new file name.`,
    });
    expect(await cli('--data', folder, 'backup', join(folder, databaseFileName))).toEqual({ code: 2, output: expect.stringMatching(/is the database itself/) });
    const emptyFolder = tempFolder();
    expect(await cli('--data', emptyFolder, 'backup', join(files, 'new.sqlite'))).toEqual({
      code: 1,
      output: `There is no database to back up: ${join(emptyFolder, databaseFileName)} does not exist.`,
    });
    expect(await cli('--data', folder, 'backup', join(files, 'no-such-folder', 'new.sqlite'))).toEqual({
      code: 1,
      output: expect.stringMatching(/no-such-folder does not exist/),
    });
    expect(await cli('--data', folder, 'backup')).toEqual({ code: 2, output: expect.stringMatching(/^FILE is required\n\nUsage:/) });
    for (const command of ['backup', 'restore']) {
      const { code, output } = await cli('--store', 'postgres://thoa_uoc:secret@db.internal/thoa_uoc', command, join(files, 'new.sqlite'));
      expect({
        code,
        pgDump: output.includes('pg_dump --format=custom'),
        pgRestore: output.includes('pg_restore --no-owner'),
        password: output.includes('secret'),
      }).toEqual({ code: 2, pgDump: true, pgRestore: true, password: false });
    }
    expect({ ...before, empty: readdirSync(emptyFolder) }).toEqual({ folder: folderState(folder), files: folderState(files), empty: [] });
    expect(existsSync(join(files, 'new.sqlite'))).toBe(false);
  });
});
