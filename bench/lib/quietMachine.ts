import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The whole machine's CPU time so far, busy and in all (Linux's /proc/stat, first line), or null elsewhere. */
function cpuTimes(): { busy: number; total: number } | null {
  let line: string;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  } catch {
    return null;
  }
  // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are the idle time.
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  if (!line.startsWith('cpu ') || ticks.length < 5 || ticks.some((value) => !Number.isFinite(value))) return null;
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

export interface QuietMachineOptions {
  /** The share of all processors' time that must be idle over one window. */
  idleShare: number;
  windowMs: number;
  /** Waits no longer than this. */
  timeoutMs: number;
}

const defaults: QuietMachineOptions = { idleShare: 0.85, windowMs: 250, timeoutMs: 5_000 };

/**
 * Waits until the machine's processors have been nearly idle for a whole window: what an earlier
 * step left running (a page's start-up work, a server closing a document) then does not count in
 * the next measure. `busy`: it did not settle in time; `unknown`: this machine cannot tell (no
 * /proc/stat), and one window was waited.
 */
export async function waitForQuietMachine(options: Partial<QuietMachineOptions> = {}): Promise<'quiet' | 'busy' | 'unknown'> {
  const { idleShare, windowMs, timeoutMs } = { ...defaults, ...options };
  const deadline = Date.now() + timeoutMs;
  let before = cpuTimes();
  if (!before) {
    await sleep(windowMs);
    return 'unknown';
  }
  while (Date.now() < deadline) {
    await sleep(windowMs);
    const after = cpuTimes();
    if (!after) return 'unknown';
    const elapsed = after.total - before.total;
    if (elapsed > 0 && 1 - (after.busy - before.busy) / elapsed >= idleShare) return 'quiet';
    before = after;
  }
  return 'busy';
}
