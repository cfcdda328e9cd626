import { cpus, loadavg } from 'node:os';
import { computeCost } from '#shared/costing/computeCost';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { BenchmarkError, type Benchmark, type BenchmarkResult, type Target } from './lib/benchmark';
import { costingScenario, costingWorkforce, costingWorkforceSize } from './lib/costingWorkload';
import { peerCostCase } from './lib/peerCost';
import { summarize } from './lib/stats';
import { printTable } from './lib/table';

/**
 * The costing of a wage package (issue 16), in the bench's thread:
 * - recompute_p95_ms: the package of 5 changes for 5,000 workers in 60 grades (300 cells) over 36
 *   months recomputed as on each keystroke in a wage variable (the raise typed 7, 7.2, 7.25 …),
 *   the way the negotiation view calls shared/costing/computeCost.ts;
 * - recompute_cpu_p95_ms, for information: the process's CPU time during the same calls (on a
 *   busy machine the wall-clock time includes waiting for a core; the load average is printed);
 * - naive_p95_ms, for reference, in the same run and interleaved: the same computation worker by
 *   worker (5,000 groups of one), as a spreadsheet of one row per worker does it. Both must give
 *   the same total to the đồng (the engine's cost is additive over workers).
 * A case is a function adding its figures and targets; the live view adds the peer case
 * (peer_cost_p95_ms) beside this one.
 */

const keystrokes = { warmUps: 30, measured: 300 };
const targets = { recompute: 5 } as const;

interface CaseResult {
  figures: Record<string, number>;
  targets: Target[];
}

/** One worker per group: what a per-worker computation has to go through. */
function workerByWorker(groups: readonly WorkforceGroup[]): WorkforceGroup[] {
  return groups.flatMap((group) => Array.from({ length: group.headcount }, () => ({ ...group, headcount: 1 })));
}

function recomputeCase(): CaseResult {
  const cells = costingWorkforce();
  const workers = workerByWorker(cells);
  if (workers.length !== costingWorkforceSize.workers)
    throw new BenchmarkError(`the workload has ${workers.length} workers, not ${costingWorkforceSize.workers}`);
  const engine: number[] = [];
  const engineCpu: number[] = [];
  const naive: number[] = [];
  const total = keystrokes.warmUps + keystrokes.measured;
  for (let index = 0; index < total; index += 1) {
    // The value being typed changes on every keystroke; both paths get the same one, in turns.
    const raise = 5 + (index % 40) / 20;
    const time = (groups: WorkforceGroup[]): { ms: number; cpuMs: number; cost: number } => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const { total: cost } = computeCost(costingScenario(raise, groups));
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      return { ms, cpuMs: (used.user + used.system) / 1000, cost: cost.cost };
    };
    const [first, second] = index % 2 === 0 ? [time(cells), time(workers)] : [time(workers), time(cells)];
    const [ours, reference] = index % 2 === 0 ? [first, second] : [second, first];
    if (ours.cost !== reference.cost)
      throw new BenchmarkError(`the engine and the per-worker computation differ at a ${raise} % raise: ${ours.cost} and ${reference.cost} ₫`);
    if (index < keystrokes.warmUps) continue;
    engine.push(ours.ms);
    engineCpu.push(ours.cpuMs);
    naive.push(reference.ms);
  }
  const ours = summarize(engine);
  const oursCpu = summarize(engineCpu);
  const reference = summarize(naive);
  printTable(
    ['path', 'groups', 'median ms', 'p95 ms', 'p99 ms', 'max ms'],
    [
      ['engine (grade × step cells)', cells.length, ours.median, ours.p95, ours.p99, ours.max],
      ['engine, process CPU time', cells.length, oursCpu.median, oursCpu.p95, oursCpu.p99, oursCpu.max],
      ['per worker (reference)', workers.length, reference.median, reference.p95, reference.p99, reference.max],
    ],
    {
      title: `costing: recompute of 5 changes, ${costingWorkforceSize.workers.toLocaleString('en-US')} workers, 36 months (${keystrokes.measured} keystrokes)`,
    },
  );
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} on ${cpus().length} cores: wall-clock times include waiting for a core\n`,
  );
  return {
    figures: {
      recompute_p95_ms: ours.p95,
      recompute_median_ms: ours.median,
      recompute_cpu_p95_ms: oursCpu.p95,
      naive_p95_ms: reference.p95,
      naive_over_recompute_p95: reference.p95 / ours.p95,
    },
    targets: [{ label: 'recompute p95', actual: ours.p95, limit: targets.recompute, unit: 'ms' }],
  };
}

/** The cases, in order; each adds its own figures and targets. */
const cases: (() => Promise<CaseResult> | CaseResult)[] = [recomputeCase, peerCostCase];

export const costingBenchmark: Benchmark = {
  name: 'costing',
  description: 'recomputing a 5-change wage package for 5,000 workers in 60 grades over 36 months, per keystroke',
  async run(): Promise<BenchmarkResult> {
    const result: BenchmarkResult & { targets: Target[] } = { figures: {}, targets: [] };
    for (const run of cases) {
      const { figures, targets: met } = await run();
      Object.assign(result.figures, figures);
      result.targets.push(...met);
    }
    return result;
  },
};
