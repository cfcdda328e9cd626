/** Schedules work later; tests inject one they advance by hand (house style 23: inject clocks). */
export interface Timers {
  /** Runs `run` after `delayMs`; returns a function that cancels it. */
  schedule(run: () => void, delayMs: number): () => void;
}

/** Node's timers, unreferenced: a pending timer never keeps the process alive. */
export const realTimers: Timers = {
  schedule(run, delayMs) {
    const timer = setTimeout(run, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
