import { readFileSync, writeFileSync } from 'node:fs';
import { BenchmarkError } from './benchmark';

/**
 * The resident memory of another process, from Linux's /proc: VmRSS (now) and VmHWM (the peak
 * since it started, or since the peak was last reset). Writing "5" to /proc/PID/clear_refs resets
 * the peak to the memory resident now, so that the peak of one case is its own.
 */

const bytesPerMiB = 1024 * 1024;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match) throw new BenchmarkError(`/proc/${pid}/status has no ${field} line`);
  return Number(match[1]) * 1024;
}

/** Fails with a clear message where peak memory cannot be read and reset (not Linux, no /proc, another user's process). */
export function checkPeakMemoryReadable(pid: number): void {
  try {
    statusField(pid, 'VmHWM');
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BenchmarkError(
      `this benchmark measures the server's peak memory through Linux's /proc/PID/status (VmHWM) and resets it through /proc/PID/clear_refs, which this machine does not allow: ${reason}`,
    );
  }
}

/** Measures one case: the peak is reset, the case runs, and its growth is its peak minus the memory resident before it. */
export async function peakGrowthDuring<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; growthMiB: number }> {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = statusField(pid, 'VmRSS');
  const value = await work();
  const peak = statusField(pid, 'VmHWM');
  return { value, growthMiB: Math.max(0, peak - before) / bytesPerMiB };
}

/** The memory resident in a process now, in MiB. */
export function residentMiB(pid: number): number {
  return statusField(pid, 'VmRSS') / bytesPerMiB;
}
