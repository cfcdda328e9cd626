import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createMemoryLogger } from '#main/logger';
import { randomId } from '#main/secrets';
import { openStore } from '#main/store/openStore';
import { PersistentDoc } from '#main/sync/persistentDoc';
import type { Benchmark, BenchmarkResult } from './lib/benchmark';
import { batchesPerSocketRead, clientFrameBytes, socketReadBytes } from './lib/networkReads';
import { countingLog, createDocumentStore, databaseBytes, openPersistentDoc } from './lib/ourStore';
import { median } from './lib/stats';
import { printTable } from './lib/table';
import { loadSequentialTrace, patchCount, type SequentialTrace } from './lib/traces';
import { typingTarget } from './lib/traceBody';
import { expectText, traceToUpdates } from './lib/yjsTrace';

/**
 * The automerge-paper trace as 259,778 Yjs updates (one per keystroke patch), applied by plain
 * in-memory Yjs and received by our persistence layer (PersistentDoc over a SQLite file), in the
 * same run; then the stored document is reopened and timed against plain Yjs loading the same
 * final state from one update.
 */

const dataset = 'automerge-paper';
const rounds = 3;
const reopenRepetitions = 15;
const warmUpUpdates = 20_000;
const maxDatabaseBytes = 4_000_000;

interface RoundResult {
  plainMs: number;
  gcOffMs: number;
  oursMs: number;
  closeMs: number;
  compactions: number;
  dbMain: number;
  dbWal: number;
  file: string;
  documentId: string;
  /** The plain doc at the end (its state is what plain Yjs loads in the reopen comparison). */
  reference: Y.Doc;
}

type Path = 'plain' | 'gcOff' | 'ours';
const paths: readonly Path[] = ['plain', 'gcOff', 'ours'];

/**
 * One replay of every batch by three paths, interleaved turn by turn (the order rotating each
 * turn), so that a burst of machine load lands on all of them alike:
 * - plain: a fresh Y.Doc (stock options, gc on) applying each update with Y.applyUpdate;
 * - gcOff: the same with gc off, as PersistentDoc keeps its document (for information);
 * - ours: PersistentDoc.receive() for each update of the batch (one event-loop turn, as
 *   SyncConnection hands over the frames of one socket read), then the group commit awaited.
 */
async function replayRound(batches: readonly (readonly Uint8Array[])[], folder: string, expected: string | null): Promise<RoundResult> {
  const plain = new Y.Doc();
  const gcOff = new Y.Doc({ gc: false });
  const { file, store, documentId } = await createDocumentStore(folder);
  const { log, compactions } = countingLog(store.updates);
  const ours = await openPersistentDoc(log, documentId);
  const participantId = randomId();
  const elapsed: Record<Path, number> = { plain: 0, gcOff: 0, ours: 0 };
  for (const [turn, batch] of batches.entries()) {
    for (let step = 0; step < paths.length; step += 1) {
      const path = paths[(turn + step) % paths.length] as Path;
      const started = performance.now();
      if (path === 'plain') for (const update of batch) Y.applyUpdate(plain, update);
      else if (path === 'gcOff') for (const update of batch) Y.applyUpdate(gcOff, update);
      else {
        let isQueued = false;
        for (const update of batch) if (ours.doc.receive(update, participantId, 'bench')) isQueued = true;
        if (isQueued) await ours.nextCommit();
      }
      elapsed[path] += performance.now() - started;
    }
  }
  ours.assertHealthy();
  if (expected !== null) {
    expectText(typingTarget(plain).toString(), expected, 'plain Yjs applying the updates');
    expectText(typingTarget(gcOff).toString(), expected, 'plain Yjs (gc off) applying the updates');
    expectText(typingTarget(ours.doc.doc).toString(), expected, 'PersistentDoc receiving the updates');
  }
  gcOff.destroy();
  const closing = performance.now();
  await ours.doc.close();
  await store.close();
  const closeMs = performance.now() - closing;
  ours.assertHealthy();
  const bytes = databaseBytes(file);
  return {
    plainMs: elapsed.plain,
    gcOffMs: elapsed.gcOff,
    oursMs: elapsed.ours,
    closeMs,
    compactions: compactions(),
    dbMain: bytes.main,
    dbWal: bytes.wal,
    file,
    documentId,
    reference: plain,
  };
}

/** Ours: opening the store (not timed), then opening the PersistentDoc: reading the log and rebuilding (timed). */
async function reopenOurs(file: string, documentId: string, expected: string): Promise<{ ms: number; openStoreMs: number }> {
  const opening = performance.now();
  const store = await openStore({ kind: 'sqlite', file });
  const openStoreMs = performance.now() - opening;
  try {
    const started = performance.now();
    const reopened = await PersistentDoc.open<string>({
      documentId,
      log: store.updates,
      logger: createMemoryLogger(),
      now: () => Date.now(),
      onStored: () => {},
      onStorageFailure: () => {},
    });
    const ms = performance.now() - started;
    expectText(typingTarget(reopened.doc).toString(), expected, 'reopening the stored document');
    reopened.destroy();
    return { ms, openStoreMs };
  } finally {
    await store.close();
  }
}

function loadPlain(state: Uint8Array, expected: string): number {
  const started = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const ms = performance.now() - started;
  expectText(typingTarget(doc).toString(), expected, 'plain Yjs loading the final state');
  doc.destroy();
  return ms;
}

function describeInput(trace: SequentialTrace, updates: readonly Uint8Array[], batches: readonly (readonly Uint8Array[])[]): void {
  const updateBytes = updates.reduce((sum, update) => sum + update.length, 0);
  const frameBytes = updates.reduce((sum, update) => sum + clientFrameBytes(update.length), 0);
  printTable(
    ['input', 'value'],
    [
      ['trace', `${dataset} (${patchCount(trace).toLocaleString('en-US')} patches, ${trace.endContent.length.toLocaleString('en-US')} characters at the end)`],
      ['Yjs updates (one per patch, on Y.Text)', updates.length],
      ['update bytes', updateBytes],
      ['frame bytes (y-websocket message in a masked ws frame)', frameBytes],
      ['event-loop turns (socket reads of ≤ 64 KiB)', batches.length],
      ['updates per turn (mean)', updates.length / batches.length],
    ],
    { title: 'Input', digits: 1 },
  );
  console.log(
    [
      `Delivery model for ours: ws reads the socket ${socketReadBytes / 1024} KiB at a time and emits every frame of one read in one`,
      'event-loop turn. So consecutive updates are grouped up to 64 KiB of frame bytes; each group is handed to',
      'PersistentDoc.receive() synchronously (validate, apply), then its group commit (one SQLite transaction in',
      'WAL mode, then automatic compaction when due) is awaited before the next group. Plain Yjs applies the same',
      'updates one by one to a fresh Y.Doc (stock options: gc on). The paths take turns group by group (order',
      'rotating), so machine noise falls on all alike. PersistentDoc keeps gc off by design (decision 0002);',
      'plain Yjs with gc off is shown for information.',
      '',
    ].join('\n'),
  );
}

async function runStore(): Promise<BenchmarkResult> {
  const trace = loadSequentialTrace(dataset);
  const generating = performance.now();
  const updates = traceToUpdates(trace, dataset);
  console.log(
    `Turned ${dataset} into ${updates.length.toLocaleString('en-US')} Yjs updates in ${((performance.now() - generating) / 1000).toFixed(1)} s (not measured)\n`,
  );
  const batches = batchesPerSocketRead(updates);
  describeInput(trace, updates, batches);
  const expected = trace.endContent;
  const root = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-store-'));
  try {
    // Warm-up (JIT) of every path on a prefix, discarded.
    (await replayRound(batchesPerSocketRead(updates.slice(0, warmUpUpdates)), mkdtempSync(join(root, 'warm-up-')), null)).reference.destroy();

    const runs: RoundResult[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const run = await replayRound(batches, mkdtempSync(join(root, `round-${round + 1}-`)), expected);
      if (round < rounds - 1) run.reference.destroy();
      runs.push(run);
    }
    printTable(
      ['round', 'plain Yjs ms', 'plain gc off ms', 'ours ms', 'ours / plain', 'compactions', 'close ms'],
      runs.map((run, round) => [round + 1, run.plainMs, run.gcOffMs, run.oursMs, run.oursMs / run.plainMs, run.compactions, run.closeMs]),
      { title: `Replay of ${updates.length.toLocaleString('en-US')} updates, paths interleaved turn by turn`, digits: 2 },
    );

    const last = runs.at(-1);
    if (!last) throw new Error('no replay');
    const reference = last.reference;
    const state = Y.encodeStateAsUpdate(reference);
    const reopenRuns: { ours: number; openStore: number; plain: number }[] = [];
    // Alternating which goes first; the first repetition is a warm-up.
    for (let repetition = 0; repetition <= reopenRepetitions; repetition += 1) {
      const isPlainFirst = repetition % 2 === 0;
      const plainBefore = isPlainFirst ? loadPlain(state, expected) : 0;
      const ours = await reopenOurs(last.file, last.documentId, expected);
      const plain = isPlainFirst ? plainBefore : loadPlain(state, expected);
      if (repetition > 0) reopenRuns.push({ ours: ours.ms, openStore: ours.openStoreMs, plain });
    }
    reference.destroy();
    return report({ runs, reopenRuns, updates: updates.length, stateBytes: state.length, last });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

interface Measured {
  runs: RoundResult[];
  reopenRuns: { ours: number; openStore: number; plain: number }[];
  updates: number;
  stateBytes: number;
  last: RoundResult;
}

function report(measured: Measured): BenchmarkResult {
  const plainMs = median(measured.runs.map((run) => run.plainMs));
  const oursMs = median(measured.runs.map((run) => run.oursMs));
  const gcOffMs = median(measured.runs.map((run) => run.gcOffMs));
  const perSecond = (ms: number): number => Math.round(measured.updates / (ms / 1000));
  printTable(
    ['path', 'median ms', 'updates/s', 'vs plain'],
    [
      ['plain Yjs (fresh Y.Doc, gc on)', plainMs, perSecond(plainMs), 1],
      ['ours (PersistentDoc + SQLite WAL)', oursMs, perSecond(oursMs), oursMs / plainMs],
      ['(info) plain Yjs with gc off, as PersistentDoc', gcOffMs, perSecond(gcOffMs), gcOffMs / plainMs],
    ],
    { title: `Replay, median of ${rounds} rounds`, digits: 2 },
  );
  const { dbMain, dbWal } = measured.last;
  const reopenMs = median(measured.reopenRuns.map((run) => run.ours));
  const plainLoadMs = median(measured.reopenRuns.map((run) => run.plain));
  printTable(
    ['after close', 'value'],
    [
      ['database main file bytes', dbMain],
      ['write-ahead log bytes', dbWal],
      ['plain Yjs final state bytes (gc on)', measured.stateBytes],
      [`reopen: PersistentDoc.open ms (median of ${reopenRepetitions})`, reopenMs],
      ['plain Yjs: apply the final state to a fresh Y.Doc ms', plainLoadMs],
      ['(info) openStore before the reopen ms, not counted', median(measured.reopenRuns.map((run) => run.openStore))],
    ],
    { title: 'Storage and reopen', digits: 2 },
  );
  const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    figures: {
      store_replay_ratio: round(oursMs / plainMs),
      reopen_ratio: round(reopenMs / plainLoadMs),
      db_bytes: dbMain + dbWal,
      plain_apply_ms: round(plainMs, 1),
      ours_replay_ms: round(oursMs, 1),
      reopen_ms: round(reopenMs, 2),
      plain_load_ms: round(plainLoadMs, 2),
      updates_per_s: perSecond(oursMs),
      plain_updates_per_s: perSecond(plainMs),
    },
    targets: [
      { label: 'replay time, ours / plain Yjs', actual: oursMs / plainMs, limit: 2, unit: '×' },
      { label: 'reopen time, ours / plain Yjs load', actual: reopenMs / plainLoadMs, limit: 2, unit: '×' },
      { label: 'database bytes after close', actual: dbMain + dbWal, limit: maxDatabaseBytes, unit: 'bytes' },
    ],
  };
}

export const storeBenchmark: Benchmark = {
  name: 'store',
  description: 'automerge-paper as 259,778 Yjs updates: plain Yjs vs our PersistentDoc on SQLite; database size; reopen',
  run: runStore,
};
