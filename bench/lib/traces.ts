import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { BenchmarkError } from './benchmark';

/** The repository root (bench/lib/ is two levels down). */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the editing traces live: the shared folder beside the repository (THOA_UOC_BENCH_DATA overrides). */
export function benchDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.THOA_UOC_BENCH_DATA ?? resolve(repositoryRoot, '..', 'shared', 'bench-data');
}

/** One patch: at `position`, delete `deleted` characters, then insert `inserted`. */
export type Patch = readonly [position: number, deleted: number, inserted: string];

const sequentialTraceSchema = z.object({
  startContent: z.string(),
  endContent: z.string(),
  txns: z.array(
    z.object({
      time: z.string().optional(),
      patches: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.string()])),
    }),
  ),
});

/** A sequential editing trace (see bench-data/README.md): transactions of patches, applied in order. */
export type SequentialTrace = z.infer<typeof sequentialTraceSchema>;

/**
 * Reads and validates `<dataset>.json.gz` from the bench data folder. A missing file is a
 * BenchmarkError naming the data set and the path where it was expected.
 */
export function loadSequentialTrace(dataset: string, folder = benchDataFolder()): SequentialTrace {
  const file = join(folder, `${dataset}.json.gz`);
  if (!existsSync(file)) {
    throw new BenchmarkError(
      `the editing trace "${dataset}" is missing: expected ${file} (${relative(repositoryRoot, file)} from the repository root; set THOA_UOC_BENCH_DATA to use another folder)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (error) {
    throw new BenchmarkError(`the editing trace "${dataset}" at ${file} is not gzip-compressed JSON (${(error as Error).message})`);
  }
  const parsed = sequentialTraceSchema.safeParse(json);
  if (!parsed.success) {
    throw new BenchmarkError(`the editing trace "${dataset}" at ${file} is not in the sequential format: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** How many patches a trace holds. */
export function patchCount(trace: SequentialTrace): number {
  return trace.txns.reduce((count, txn) => count + txn.patches.length, 0);
}
