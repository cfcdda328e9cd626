import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '#main/logger';
import { createIpcApiHandler, createIpcBackupHandler } from '#main/electron/ipcApi';
import { databaseFileName } from '#main/server/dataFolder';
import { openSqliteStoreReader } from '#main/store/sqlite/sqliteStore';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { createTempFolder } from '../helpers/tempFolder';

describe('the desktop IPC channel', () => {
  let harness: Harness;
  afterEach(async () => harness.dispose());

  it('serves the API contract as the host to the app window only, validating every input', async () => {
    harness = await startHarness();
    const logger = createMemoryLogger();
    const handle = createIpcApiHandler(harness.server.handlers, () => harness.server.url, logger);

    const created = await handle(`${harness.server.url}/#/`, 'documents/create', { kind: 'labour_regulations', title: 'Nội quy 2027' });
    expect(created).toMatchObject({ ok: true, result: { kind: 'labour_regulations', title: 'Nội quy 2027' } });

    expect(await handle('https://evil.example/', 'documents/list', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'calls are only accepted from the application window' },
    });
    expect(await handle(undefined, 'documents/list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(logger.lines.filter((line) => line.event === 'ipc.refused_sender')).toHaveLength(2);

    expect(await handle(harness.server.url, 42, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle(harness.server.url, 'documents/create', { kind: 'poem', title: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle(harness.server.url, 'shell/exec', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const listed = await handle(harness.server.url, 'documents/list', {});
    expect(listed.ok && (listed.result as unknown[]).length).toBe(1);
  });
});

describe('the desktop "Back up…" channel', () => {
  let harness: Harness;
  let files: ReturnType<typeof createTempFolder>;
  afterEach(async () => {
    await harness.dispose();
    files.remove();
  });

  const words = { title: 'Lưu bản sao lưu Thỏa Ước', buttonLabel: 'Lưu', fileType: 'Bản sao lưu Thỏa Ước' };

  it('writes the embedded database to the file chosen in the save dialog, for the app window only', async () => {
    harness = await startHarness();
    files = createTempFolder('thoa-uoc-backups-');
    await harness.server.handlers['documents/create']({ kind: 'labour_regulations', title: 'Nội quy 2027', variables: {}, language: 'vi' }, { kind: 'admin' });
    const database = join(harness.dataFolder, databaseFileName);
    const logger = createMemoryLogger();
    const handle = createIpcBackupHandler(database, () => harness.server.url, logger);
    const asked: unknown[] = [];
    const choose = (file: string | null) => (chosen: unknown) => {
      asked.push(chosen);
      return Promise.resolve(file);
    };
    const target = join(files.path, 'thoa-uoc-backup.sqlite');

    // Not the app window, or words that are not the dialog's: refused before any dialog opens.
    expect(await handle('https://evil.example/', words, choose(target))).toEqual({
      outcome: 'failed',
      reason: 'calls are only accepted from the application window',
    });
    expect(await handle(harness.server.url, { title: '' }, choose(target))).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('title') });
    expect(asked).toEqual([]);

    expect(await handle(`${harness.server.url}/#/`, words, choose(null))).toEqual({ outcome: 'cancelled' });
    expect(asked).toEqual([words]);

    // The save dialog asked before replacing an existing file: the backup replaces it.
    writeFileSync(target, 'an older file the host chose to replace');
    expect(await handle(`${harness.server.url}/#/`, words, choose(target))).toEqual({
      outcome: 'saved',
      file: target,
      bytes: statSync(target).size,
      documents: 1,
    });
    const copy = openSqliteStoreReader(target);
    expect((await copy.documents.list(true)).map((document) => document.title)).toEqual(['Nội quy 2027']);
    await copy.close();
    expect(readdirSync(files.path)).toEqual(['thoa-uoc-backup.sqlite']);
    expect(logger.lines.filter((line) => line.event === 'backup.written')).toMatchObject([{ level: 'info', fields: { file: target, documents: 1 } }]);

    // Never over the database itself, nor into a folder that is gone; the server goes on.
    expect(await handle(harness.server.url, words, choose(database))).toEqual({ outcome: 'failed', reason: expect.stringMatching(/is the database itself/) });
    expect(await handle(harness.server.url, words, choose(join(files.path, 'gone', 'backup.sqlite')))).toEqual({
      outcome: 'failed',
      reason: expect.stringMatching(/gone does not exist/),
    });
    expect((await harness.server.handlers['documents/list']({ includeArchived: true }, { kind: 'admin' })).map((document) => document.title)).toEqual([
      'Nội quy 2027',
    ]);
  });
});
