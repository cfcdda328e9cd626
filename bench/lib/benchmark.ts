/** A goal a figure must meet: `actual ≤ limit`. */
export interface Target {
  label: string;
  actual: number;
  limit: number;
  unit: string;
}

export function meetsTarget(target: Target): boolean {
  return Number.isFinite(target.actual) && target.actual <= target.limit;
}

/** What a benchmark hands back to the runner: its figures (for the BENCH line) and its targets. */
export interface BenchmarkResult {
  figures: Record<string, number>;
  targets: readonly Target[];
}

/**
 * One benchmark. It prints its own tables while it runs and returns its figures; the runner
 * prints the targets with PASS/FAIL and the single `BENCH {json}` line.
 */
export interface Benchmark {
  /** What `npm run bench -- NAME` selects. */
  name: string;
  /** One line for the list of benchmarks. */
  description: string;
  run(): Promise<BenchmarkResult>;
}

/**
 * A benchmark that cannot run (its data set is missing, or it measured something wrong). The
 * runner prints the message without a stack trace and counts the benchmark as failed.
 */
export class BenchmarkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchmarkError';
  }
}
