import { useCallback, useEffect, useRef, useState } from 'react';
import type { en } from '../i18n/en';
import { isCancellation } from './abortableCall';

/** The step a long task reports, by its key: export's and import's steps. */
export type TaskPhase = `exportDialog.phase.${keyof typeof en.exportDialog.phase}` | `importDocx.phase.${keyof typeof en.importDocx.phase}`;

export interface TaskProgress {
  phase: TaskPhase;
  /** 0 to 1 when the step's progress is known, null while the server works. */
  fraction: number | null;
  startedAt: number;
}

export interface LongTask {
  progress: TaskProgress | null;
  error: unknown;
  /** Runs a task; a new run is refused while one is under way. Resolves undefined when cancelled or failed. */
  run<T>(task: (signal: AbortSignal, report: (phase: TaskPhase, fraction?: number | null) => void) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  clearError(): void;
}

/** A cancellable piece of work with its progress: what export and import show while they wait. */
export function useLongTask(): LongTask {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page cancels what is under way.
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async <T>(task: (signal: AbortSignal, report: (phase: TaskPhase, fraction?: number | null) => void) => Promise<T>): Promise<T | undefined> => {
      if (controller.current) return undefined;
      const current = new AbortController();
      controller.current = current;
      const startedAt = Date.now();
      setError(null);
      const report = (phase: TaskPhase, fraction: number | null = null): void => {
        if (!current.signal.aborted) setProgress({ phase, fraction, startedAt });
      };
      try {
        return await task(current.signal, report);
      } catch (caught) {
        if (!isCancellation(caught, current.signal)) setError(caught);
        return undefined;
      } finally {
        controller.current = null;
        setProgress(null);
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clearError = useCallback(() => setError(null), []);
  return { progress, error, run, cancel, clearError };
}
