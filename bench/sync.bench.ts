import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import type { ChildServer } from './lib/childServer';
import { summarize, type Summary } from './lib/stats';
import { connectClient, whenAllSynced, type BenchClient } from './lib/syncClients';
import { ourEndpoint, prepareRoom, referenceEndpoint, startOurServer, startReferenceServer } from './lib/syncServers';
import { printTable } from './lib/table';
import { seedBodyUpdate } from './lib/traceBody';

/**
 * Edit-to-arrival latency through a sync server over loopback: client A inserts one character,
 * and the sample is the time until the update is applied on client B (the client that joined
 * last, so it is served last by both servers' broadcast loops). The next edit starts once every
 * other client has the update too, so no sample queues behind the previous one.
 *
 * Our server and the reference run as child processes at the same time; samples are taken in
 * blocks that alternate between them (ABBA order), so machine noise lands on both alike.
 */

const clientCounts = [2, 20] as const;
const blockSize = 50;
const warmUpBlocks = 4;
const measuredBlocks = 60;
const sampleTimeoutMs = 10_000;

type ServerName = 'ours' | 'reference';

interface Group {
  server: ChildServer;
  clients: BenchClient[];
}

/** One edit on the first client; resolves with ms until the last client has applied it. */
function sampleOnce(group: Group, serial: number): Promise<number> {
  const [sender, ...receivers] = group.clients;
  const target = receivers.at(-1);
  if (!sender || !target) throw new Error('a latency sample needs at least two clients');
  return new Promise((resolve, reject) => {
    let remaining = receivers.length;
    let latency = Number.NaN;
    const listeners = receivers.map((receiver) => {
      const onUpdate = (): void => {
        if (receiver === target) latency = performance.now() - started;
        receiver.doc.off('update', onUpdate);
        remaining -= 1;
        if (remaining === 0) {
          clearTimeout(timer);
          resolve(latency);
        }
      };
      receiver.doc.on('update', onUpdate);
      return { receiver, onUpdate };
    });
    const timer = setTimeout(() => {
      for (const { receiver, onUpdate } of listeners) receiver.doc.off('update', onUpdate);
      reject(new BenchmarkError(`${group.server.name}: edit ${serial} did not reach every client within ${sampleTimeoutMs} ms\n${group.server.output()}`));
    }, sampleTimeoutMs);
    const started = performance.now();
    sender.text.insert(sender.text.length, String.fromCharCode(97 + (serial % 26)));
  });
}

async function runBlock(group: Group, serial: number, into: number[] | null): Promise<void> {
  for (let index = 0; index < blockSize; index += 1) {
    const latency = await sampleOnce(group, serial + index);
    into?.push(latency);
    // Let the event loop settle (echoes, acks) before the next edit.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Warm-up then measured blocks, alternating ours/reference in ABBA order. */
async function measure(groups: Record<ServerName, Group>): Promise<Record<ServerName, number[]>> {
  const samples: Record<ServerName, number[]> = { ours: [], reference: [] };
  let serial = 0;
  for (let block = 0; block < warmUpBlocks + measuredBlocks; block += 1) {
    const order: ServerName[] = block % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
    for (const name of order) {
      await runBlock(groups[name], serial, block < warmUpBlocks ? null : samples[name]);
      serial += blockSize;
    }
  }
  return samples;
}

/** `seed`: the body the first client brings (a room of the reference server starts empty). */
async function connectGroup(server: ChildServer, endpoints: Parameters<typeof connectClient>[0][], seed?: Uint8Array): Promise<Group> {
  const clients: BenchClient[] = [];
  // One at a time, so the join order (and thus who is served last) is the array order.
  for (const [index, endpoint] of endpoints.entries()) {
    const client = connectClient(endpoint, index === 0 ? seed : undefined);
    clients.push(client);
    await whenAllSynced([client], server.name);
  }
  return { server, clients };
}

interface PhaseResult {
  clientCount: number;
  ours: Summary;
  reference: Summary;
}

async function runSync(): Promise<BenchmarkResult> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-sync-'));
  const servers: ChildServer[] = [];
  const groups: Group[] = [];
  try {
    const rooms = [];
    for (const clientCount of clientCounts) rooms.push({ clientCount, room: await prepareRoom(dataFolder, `Bench ${clientCount} clients`, clientCount) });
    const ours = await startOurServer(dataFolder);
    servers.push(ours);
    const reference = await startReferenceServer();
    servers.push(reference);
    console.log(`our server: pid ${ours.process.pid}, port ${ours.port}, SQLite in ${dataFolder}`);
    console.log(`reference:  pid ${reference.process.pid}, port ${reference.port}, @y/websocket-server 0.1.1 in memory`);
    console.log(
      `samples: ${warmUpBlocks * blockSize} warm-up + ${measuredBlocks * blockSize} measured per server and client count, blocks of ${blockSize} alternating ABBA\n`,
    );

    const results: PhaseResult[] = [];
    for (const { clientCount, room } of rooms) {
      const indexes = Array.from({ length: clientCount }, (_, index) => index);
      const phase = {
        ours: await connectGroup(
          ours,
          indexes.map((index) => ourEndpoint(ours, room, index)),
        ),
        reference: await connectGroup(
          reference,
          indexes.map(() => referenceEndpoint(reference, `bench-${clientCount}-clients`)),
          seedBodyUpdate(),
        ),
      };
      groups.push(phase.ours, phase.reference);
      const samples = await measure(phase);
      results.push({ clientCount, ours: summarize(samples.ours), reference: summarize(samples.reference) });
      for (const group of [phase.ours, phase.reference]) for (const client of group.clients.splice(0)) client.destroy();
    }
    return report(results);
  } finally {
    for (const group of groups) for (const client of group.clients.splice(0)) client.destroy();
    for (const server of servers) await server.stop();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}

function report(results: readonly PhaseResult[]): BenchmarkResult {
  const rows = results.flatMap(({ clientCount, ours, reference }) =>
    (['ours', 'reference'] as const).map((name) => {
      const summary = name === 'ours' ? ours : reference;
      return [`${clientCount} clients`, name, summary.count, summary.min, summary.median, summary.p95, summary.p99, summary.max];
    }),
  );
  printTable(['clients', 'server', 'samples', 'min ms', 'median ms', 'p95 ms', 'p99 ms', 'max ms'], rows, {
    title: 'Edit on client A → applied on client B, loopback',
  });
  printTable(
    ['clients', 'median ours/ref', 'p95 ours/ref', 'p99 ours/ref'],
    results.map(({ clientCount, ours, reference }) => [
      `${clientCount} clients`,
      ours.median / reference.median,
      ours.p95 / reference.p95,
      ours.p99 / reference.p99,
    ]),
    { title: 'Ratios (ours / reference)' },
  );
  const byCount = (count: number): PhaseResult => {
    const found = results.find((result) => result.clientCount === count);
    if (!found) throw new Error(`no result for ${count} clients`);
    return found;
  };
  const two = byCount(2);
  const twenty = byCount(20);
  const round = (value: number): number => Math.round(value * 10_000) / 10_000;
  return {
    figures: {
      sync_median_ratio: round(two.ours.median / two.reference.median),
      sync_median_ratio_20clients: round(twenty.ours.median / twenty.reference.median),
      sync_p99_ratio_2clients: round(two.ours.p99 / two.reference.p99),
      sync_p99_ratio_20clients: round(twenty.ours.p99 / twenty.reference.p99),
      ours_median_ms_2: round(two.ours.median),
      ref_median_ms_2: round(two.reference.median),
      ours_p99_ms_2: round(two.ours.p99),
      ref_p99_ms_2: round(two.reference.p99),
      ours_median_ms_20: round(twenty.ours.median),
      ref_median_ms_20: round(twenty.reference.median),
      ours_p99_ms_20: round(twenty.ours.p99),
      ref_p99_ms_20: round(twenty.reference.p99),
      samples_per_series: two.ours.count,
    },
    targets: [
      { label: 'median latency ratio, 2 clients', actual: two.ours.median / two.reference.median, limit: 1.25, unit: '×' },
      { label: 'median latency ratio, 20 clients', actual: twenty.ours.median / twenty.reference.median, limit: 1.25, unit: '×' },
      { label: 'p99 latency ratio, 20 clients', actual: twenty.ours.p99 / twenty.reference.p99, limit: 1.5, unit: '×' },
    ],
  };
}

export const syncBenchmark: Benchmark = {
  name: 'sync',
  description: 'edit-to-arrival latency over loopback, our server (SQLite) vs @y/websocket-server (memory), 2 and 20 clients',
  run: runSync,
};
