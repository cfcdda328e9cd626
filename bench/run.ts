import { BenchmarkError, meetsTarget, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { printTable } from './lib/table';
import { benchmarks } from './registry';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME...]` runs those named.
 * Exit codes: 0 every target met, 1 a benchmark failed or missed a target, 2 unknown name.
 */

function listNames(): string {
  return benchmarks.map((benchmark) => `  ${benchmark.name.padEnd(10)} ${benchmark.description}`).join('\n');
}

function select(names: readonly string[]): Benchmark[] | undefined {
  if (names.length === 0) return [...benchmarks];
  const chosen: Benchmark[] = [];
  for (const name of names) {
    const benchmark = benchmarks.find((candidate) => candidate.name === name);
    if (!benchmark) {
      console.error(`Unknown benchmark "${name}". Benchmarks:\n${listNames()}`);
      return undefined;
    }
    chosen.push(benchmark);
  }
  return chosen;
}

function report(benchmark: Benchmark, result: BenchmarkResult): boolean {
  const rows = result.targets.map((target) => [
    target.label,
    `${round(target.actual)} ${target.unit}`.trim(),
    `≤ ${target.limit} ${target.unit}`.trim(),
    meetsTarget(target) ? 'PASS' : 'FAIL',
  ]);
  if (rows.length > 0) printTable(['target', 'actual', 'goal', ''], rows, { title: `${benchmark.name}: targets` });
  console.log(`BENCH ${JSON.stringify({ benchmark: benchmark.name, ...result.figures })}`);
  return result.targets.every(meetsTarget);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: npm run bench [-- NAME...]\n\nBenchmarks:\n${listNames()}`);
    return 0;
  }
  const chosen = select(argv);
  if (!chosen) return 2;
  let isAllGood = true;
  for (const benchmark of chosen) {
    console.log(`\n=== ${benchmark.name}: ${benchmark.description}\n`);
    const started = performance.now();
    try {
      const result = await benchmark.run();
      if (!report(benchmark, result)) isAllGood = false;
    } catch (error) {
      isAllGood = false;
      const message = error instanceof BenchmarkError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`${benchmark.name}: FAILED: ${message}`);
    }
    console.log(`(${benchmark.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return isAllGood ? 0 : 1;
}

// Exit explicitly: a benchmark that failed half-way may leave a socket or timer behind.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
