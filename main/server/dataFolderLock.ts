import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import { z } from 'zod';
import type { Language } from '#shared/format/locale';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Logger } from '#main/logger';

/** The lock itself: a directory, created atomically by proper-lockfile and kept fresh while held. */
export const lockDirectoryName = 'thoa-uoc.lock';

/** Who holds the lock, written beside it once it is taken (the lock directory must stay empty). */
export const holderFileName = 'thoa-uoc.lock-holder.json';

/**
 * A lock whose directory has not been refreshed for this long is stale: its holder stopped without
 * releasing it (SIGKILL, a crash, a power cut). The holder refreshes it every half of this.
 */
export const lockStaleMs = 10_000;

const holderSchema = z.object({
  kind: z.enum(['server', 'desktop', 'restore']),
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
});

/** The process that uses a data folder: server mode, the desktop app, or the command line restoring its database. */
export type DataFolderHolder = z.infer<typeof holderSchema>;

function describeHolder(holder: DataFolderHolder): string {
  const what = { server: 'server mode', desktop: 'the desktop app', restore: 'a restore of its database from the command line' }[holder.kind];
  return `${what} (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
}

/** Refusal to use a data folder another process holds; the message names the folder and the holder. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: DataFolderHolder | null,
  ) {
    const who = holder ? describeHolder(holder) : `another process, which has not recorded who it is (lock: ${join(folder, lockDirectoryName)})`;
    super(
      `The data folder ${folder} is in use by ${who}. Only one Thỏa Ước server or desktop app can use a data folder at a time: stop that one first, or use another data folder.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

const holderNames = {
  server: { en: 'Thỏa Ước in server mode', vi: 'Thỏa Ước ở chế độ máy chủ' },
  desktop: { en: 'the Thỏa Ước desktop app', vi: 'ứng dụng Thỏa Ước trên máy tính' },
  restore: { en: 'a restore of its database from the command line', vi: 'việc khôi phục cơ sở dữ liệu từ dòng lệnh' },
} as const;

/**
 * The refusal as the desktop app tells a person, in the interface's language: what holds the
 * folder and since when, in Vietnam's time (the process number and the lock's path are for the logs).
 */
export function dataFolderInUseText(error: DataFolderInUseError, language: Language): string {
  const { holder, folder } = error;
  const who = holder ? holderNames[holder.kind][language] : language === 'en' ? 'another program' : 'một chương trình khác';
  const since = holder && !Number.isNaN(Date.parse(holder.startedAt)) ? formatVietnamDateTime(holder.startedAt, language) : null;
  if (language === 'en') {
    return (
      `The data folder ${folder} is in use by ${who}${since ? `, started ${since}` : ''}${holder && holder.host !== hostname() ? ` on the computer ${holder.host}` : ''}. ` +
      'Only one Thỏa Ước can use a data folder at a time: close the other one first, or choose another data folder.'
    );
  }
  return (
    `Thư mục dữ liệu ${folder} đang được ${who} sử dụng${since ? `, mở lúc ${since}` : ''}${holder && holder.host !== hostname() ? ` trên máy ${holder.host}` : ''}. ` +
    'Mỗi lúc chỉ một Thỏa Ước được dùng một thư mục dữ liệu: hãy đóng chương trình kia trước, hoặc chọn thư mục dữ liệu khác.'
  );
}

export interface DataFolderLock {
  readonly holder: DataFolderHolder;
  /** Gives the folder up; call it after the database is closed. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** Another process took the lock over (this one was frozen longer than lockStaleMs): stop writing. */
  onLost: (error: Error) => void;
  logger: Logger;
}

/** Who holds the folder's lock according to its holder file, or null when none can be read. */
export function readHolder(folder: string): DataFolderHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(join(folder, holderFileName), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, run by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder was a process of this machine that no longer runs: its lock goes stale soon. */
function stoppedHere(holder: DataFolderHolder): boolean {
  return holder.host === hostname() && !processExists(holder.pid);
}

/**
 * Takes the data folder for this process's lifetime, before anything opens its database, and
 * records who holds it. A folder held by a running process is refused at once
 * (DataFolderInUseError). A lock left by a process of this machine that no longer runs is waited
 * for until it goes stale (at most lockStaleMs), then taken; the holder's pid only decides whether
 * waiting is worth it, never whether the lock is broken, so a reused pid cannot keep a folder locked.
 */
export async function lockDataFolder(folder: string, kind: DataFolderHolder['kind'], options: LockOptions): Promise<DataFolderLock> {
  mkdirSync(folder, { recursive: true });
  let lost = false;
  const lockOptions = {
    lockfilePath: join(folder, lockDirectoryName),
    stale: lockStaleMs,
    onCompromised: (error: Error) => {
      lost = true;
      options.onLost(error);
    },
  };
  const waitUntil = Date.now() + lockStaleMs + 1_000;
  let unlock: () => Promise<void>;
  for (let waiting = false; ; waiting = true) {
    try {
      unlock = await lock(folder, lockOptions);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const holder = readHolder(folder);
      if (!holder || !stoppedHere(holder) || Date.now() > waitUntil) throw new DataFolderInUseError(folder, holder);
      if (!waiting) options.logger.log('info', 'data_folder.waiting_for_stale_lock', { folder, holder: describeHolder(holder) });
      await delay(500);
    }
  }

  const holder: DataFolderHolder = { kind, pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const holderPath = join(folder, holderFileName);
  const temporary = `${holderPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(holder, null, 2)}\n`);
    renameSync(temporary, holderPath);
  } catch (error) {
    await unlock();
    throw error;
  }
  // Once the lock is lost, the holder file names the process that took it over: leave it alone.
  const removeHolder = (): void => {
    if (!lost) rmSync(holderPath, { force: true });
  };
  // proper-lockfile removes the lock directory when the process exits without releasing it.
  process.once('exit', removeHolder);
  let released = false;
  return {
    holder,
    async release() {
      if (released) return;
      released = true;
      process.off('exit', removeHolder);
      removeHolder();
      await unlock().catch((error: unknown) => {
        // ERELEASED: the lock was lost (onLost ran); nothing is left to release.
        if ((error as NodeJS.ErrnoException).code !== 'ERELEASED') throw error;
      });
    },
  };
}
