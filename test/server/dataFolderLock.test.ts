import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '#main/logger';
import {
  DataFolderInUseError,
  dataFolderInUseText,
  holderFileName,
  lockDataFolder,
  lockDirectoryName,
  lockStaleMs,
  type DataFolderLock,
} from '#main/server/dataFolderLock';
import { createTempFolder } from '../helpers/tempFolder';
import { waitFor } from '../helpers/waitFor';

// The data folder's lock in this process, on real folders; test/server/oneServerPerFolder.test.ts
// runs it between real server processes.

describe('the data folder lock', () => {
  let folder: ReturnType<typeof createTempFolder>;
  const held: DataFolderLock[] = [];
  const logger = createMemoryLogger();
  const options = { logger, onLost: () => {} };
  afterEach(async () => {
    for (const lock of held.splice(0)) await lock.release();
    logger.lines.length = 0;
    folder.remove();
  });

  const take = async (kind: 'server' | 'desktop', onLost: (error: Error) => void = () => {}): Promise<DataFolderLock> => {
    const lock = await lockDataFolder(folder.path, kind, { logger, onLost });
    held.push(lock);
    return lock;
  };
  const refusal = (kind: 'server' | 'desktop' = 'server') =>
    lockDataFolder(folder.path, kind, options).then(
      () => {
        throw new Error('the lock was taken twice');
      },
      (error: unknown) => error,
    );
  const holderFile = () => JSON.parse(readFileSync(join(folder.path, holderFileName), 'utf8')) as unknown;

  it('S20 records who holds the folder, refuses anyone else naming the folder and the holder, and gives the folder up on release', async () => {
    folder = createTempFolder();
    const lock = await take('server');
    expect(holderFile()).toEqual({ kind: 'server', pid: process.pid, host: hostname(), startedAt: lock.holder.startedAt });
    expect(new Date(lock.holder.startedAt).toISOString()).toBe(lock.holder.startedAt);

    const refused = await refusal('desktop');
    expect(refused).toBeInstanceOf(DataFolderInUseError);
    expect((refused as Error).message).toBe(
      `The data folder ${folder.path} is in use by server mode (pid ${process.pid} on ${hostname()}, started ${lock.holder.startedAt}). ` +
        'Only one Thỏa Ước server or desktop app can use a data folder at a time: stop that one first, or use another data folder.',
    );
    // A running holder is refused at once: there is nothing to wait for.
    expect(logger.lines.filter((line) => line.event === 'data_folder.waiting_for_stale_lock')).toEqual([]);
    expect(holderFile()).toMatchObject({ kind: 'server', pid: process.pid });

    await lock.release();
    expect([existsSync(join(folder.path, lockDirectoryName)), existsSync(join(folder.path, holderFileName))]).toEqual([false, false]);
    const desktop = await take('desktop');
    expect(holderFile()).toMatchObject({ kind: 'desktop', startedAt: desktop.holder.startedAt });
  });

  it("the desktop app tells who holds the folder in one language, in Vietnam's time, without process numbers", () => {
    const here = new DataFolderInUseError('/home/lan/Thoa Uoc', { kind: 'server', pid: 4242, host: hostname(), startedAt: '2027-01-04T23:30:00.000Z' });
    expect(dataFolderInUseText(here, 'vi')).toBe(
      'Thư mục dữ liệu /home/lan/Thoa Uoc đang được Thỏa Ước ở chế độ máy chủ sử dụng, mở lúc 06:30 05/01/2027. ' +
        'Mỗi lúc chỉ một Thỏa Ước được dùng một thư mục dữ liệu: hãy đóng chương trình kia trước, hoặc chọn thư mục dữ liệu khác.',
    );
    expect(dataFolderInUseText(here, 'en')).toBe(
      'The data folder /home/lan/Thoa Uoc is in use by Thỏa Ước in server mode, started 05/01/2027, 06:30. ' +
        'Only one Thỏa Ước can use a data folder at a time: close the other one first, or choose another data folder.',
    );
    const elsewhere = new DataFolderInUseError('/mnt/shared', { kind: 'desktop', pid: 7, host: 'may-nhan-su', startedAt: '2027-01-04T01:00:00.000Z' });
    expect(dataFolderInUseText(elsewhere, 'vi')).toContain('đang được ứng dụng Thỏa Ước trên máy tính sử dụng, mở lúc 08:00 04/01/2027 trên máy may-nhan-su.');
    const unknown = new DataFolderInUseError('/mnt/shared', null);
    expect(dataFolderInUseText(unknown, 'vi')).toMatch(/^Thư mục dữ liệu \/mnt\/shared đang được một chương trình khác sử dụng\. /);
    for (const text of [here, elsewhere, unknown].flatMap((error) => [dataFolderInUseText(error, 'vi'), dataFolderInUseText(error, 'en')])) {
      expect(text).not.toMatch(/pid|4242|\.lock|Z\b/);
    }
  });

  it('S20 refuses a fresh lock whose holder recorded nothing readable, naming the lock', async () => {
    folder = createTempFolder();
    mkdirSync(join(folder.path, lockDirectoryName));
    for (const contents of [null, 'not json', JSON.stringify({ kind: 'printer', pid: 1, host: hostname(), startedAt: 'today' })]) {
      if (contents === null) rmSync(join(folder.path, holderFileName), { force: true });
      else writeFileSync(join(folder.path, holderFileName), contents);
      const refused = await refusal();
      expect(refused).toBeInstanceOf(DataFolderInUseError);
      expect((refused as Error).message).toContain(
        `is in use by another process, which has not recorded who it is (lock: ${join(folder.path, lockDirectoryName)})`,
      );
    }
    expect(existsSync(join(folder.path, lockDirectoryName))).toBe(true);
  });

  it('S20 takes over a stale lock (not refreshed for lockStaleMs), even one that names a running process', async () => {
    folder = createTempFolder();
    const lockDirectory = join(folder.path, lockDirectoryName);
    mkdirSync(lockDirectory);
    // The holder named may be alive (a reused pid, or a process frozen for longer than lockStaleMs):
    // only the lock's freshness keeps a folder locked.
    writeFileSync(
      join(folder.path, holderFileName),
      JSON.stringify({ kind: 'desktop', pid: process.ppid, host: hostname(), startedAt: '2026-01-05T08:00:00.000Z' }),
    );
    const past = new Date(Date.now() - lockStaleMs - 60_000);
    utimesSync(lockDirectory, past, past);

    const lock = await take('server');
    expect(holderFile()).toEqual({ kind: 'server', pid: process.pid, host: hostname(), startedAt: lock.holder.startedAt });
  });

  it('S20 a holder whose lock another process took over hears of it, and leaves the new holder its file', async () => {
    folder = createTempFolder();
    const lost: Error[] = [];
    const lock = await take('server', (error) => lost.push(error));
    // Another process found the lock stale (this one was frozen), removed it and took the folder.
    const lockDirectory = join(folder.path, lockDirectoryName);
    // It took over no sooner than lockStaleMs after the last refresh. (Made at once here, the new
    // directory could bear the same time as the old one, the clock being coarser than this test.)
    const takenOverAt = new Date(statSync(lockDirectory).mtimeMs + lockStaleMs);
    rmSync(lockDirectory, { recursive: true });
    mkdirSync(lockDirectory);
    utimesSync(lockDirectory, takenOverAt, takenOverAt);
    const successor = { kind: 'desktop', pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() };
    writeFileSync(join(folder.path, holderFileName), JSON.stringify(successor));

    await waitFor(() => lost.length > 0, 'the lock to be found lost', { timeoutMs: lockStaleMs });
    expect(lost.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['ECOMPROMISED']);
    await lock.release();
    expect(holderFile()).toEqual(successor);
    expect(existsSync(lockDirectory)).toBe(true);
  });
});
