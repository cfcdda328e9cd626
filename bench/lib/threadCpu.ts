import { readFileSync } from 'node:fs';
import { BenchmarkError } from './benchmark';

/**
 * The CPU time another process's main thread has used, from Linux's /proc/PID/task/PID/schedstat
 * (its first field: nanoseconds on a CPU). The main thread is the event loop: what it spends is
 * what the other clients waited for, whatever the worker threads did meanwhile.
 */
export function mainThreadCpuMs(pid: number): number {
  const file = `/proc/${pid}/task/${pid}/schedstat`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BenchmarkError(
      `this benchmark reads the server's main-thread CPU time from ${file}, which this machine does not allow: ${(error as Error).message}`,
    );
  }
  const nanoseconds = Number(text.split(' ')[0]);
  if (!Number.isFinite(nanoseconds)) throw new BenchmarkError(`${file} does not start with a number: "${text.trim()}"`);
  return nanoseconds / 1e6;
}

/**
 * The CPU time a whole process has used (every thread, the worker threads included, those ended
 * too), from Linux's /proc/PID/stat (utime + stime, in clock ticks of 10 ms).
 */
export function processCpuMs(pid: number): number {
  const file = `/proc/${pid}/stat`;
  const text = readFileSync(file, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new BenchmarkError(`${file} has no utime and stime where expected: "${text.trim()}"`);
  return ticks * 10;
}
