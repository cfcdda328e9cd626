import type { Timers } from '#main/kernel/timers';

/** Timers a test fires by hand, on the test's clock: nothing runs until runDue() is called. */
export interface ManualTimers extends Timers {
  /** Runs every timer due at the clock's current time (and those they schedule, if due). */
  runDue(): number;
  /** How many timers wait. */
  readonly waiting: number;
}

export function createManualTimers(now: () => number): ManualTimers {
  let scheduled: { at: number; run: () => void }[] = [];
  return {
    schedule(run, delayMs) {
      const entry = { at: now() + delayMs, run };
      scheduled.push(entry);
      return () => {
        scheduled = scheduled.filter((candidate) => candidate !== entry);
      };
    },
    runDue() {
      let ran = 0;
      for (;;) {
        const due = scheduled.filter((entry) => entry.at <= now()).sort((a, b) => a.at - b.at)[0];
        if (!due) return ran;
        scheduled = scheduled.filter((entry) => entry !== due);
        due.run();
        ran += 1;
      }
    },
    get waiting() {
      return scheduled.length;
    },
  };
}
