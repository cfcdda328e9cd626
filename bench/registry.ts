import { clusterBenchmark } from './cluster.bench';
import { costingBenchmark } from './costing.bench';
import { dialogueBenchmark } from './dialogue.bench';
import { editorBenchmark } from './editor.bench';
import { exportBenchmark } from './export.bench';
import { hostileBenchmark } from './hostile.bench';
import { importBenchmark } from './import.bench';
import type { Benchmark } from './lib/benchmark';
import { negotiationBenchmark } from './negotiation.bench';
import { storeBenchmark } from './store.bench';
import { syncBenchmark } from './sync.bench';
import { templatesBenchmark } from './templates.bench';
import { versionsBenchmark } from './versions.bench';

/**
 * Every benchmark, in the order `npm run bench` runs them. A new benchmark is one
 * `NAME.bench.ts` file exporting a Benchmark, added here.
 */
export const benchmarks: readonly Benchmark[] = [
  syncBenchmark,
  storeBenchmark,
  editorBenchmark,
  templatesBenchmark,
  exportBenchmark,
  importBenchmark,
  versionsBenchmark,
  hostileBenchmark,
  negotiationBenchmark,
  dialogueBenchmark,
  clusterBenchmark,
  costingBenchmark,
];
