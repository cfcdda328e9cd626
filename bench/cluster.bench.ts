import * as Y from 'yjs';
import { randomId } from '#main/secrets';
import { openStore } from '#main/store/openStore';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import type { ChildServer } from './lib/childServer';
import { hostedEndpoint, hostToken, prepareDocuments, startHostedInstance, startHostedServers, type HostedServers } from './lib/hostedDeployment';
import { summarize, type Summary } from './lib/stats';
import { connectClient, whenAllSynced, type BenchClient } from './lib/syncClients';
import { batchesPerSocketRead } from './lib/networkReads';
import { insertBenchDocument, openPersistentDoc } from './lib/ourStore';
import { median } from './lib/stats';
import { printTable } from './lib/table';
import { typingTarget } from './lib/traceBody';
import { loadSequentialTrace } from './lib/traces';
import { expectText, traceToUpdates } from './lib/yjsTrace';

/**
 * Hosted mode under load: 100 documents with 5 stock clients each, typing, against three
 * instances on one PostgreSQL and one Redis (the clients of each document spread over the three)
 * and, in the same run, against one instance alone on a database of its own. The sample is
 * edit → the update applied on another client of the document, for every other client.
 *
 * - At the nominal load (every client typing a character every 5 s: 100 edits/s), phases of the
 *   two deployments alternate (ABBA); the relay's cost is the cross-instance arrivals of the
 *   cluster against the arrivals of the single instance.
 * - Then the rate doubles (from 50 edits/s), in phases of 10 s, while the p99 stays under 50 ms
 *   with nothing lost: the highest rate that held is what each deployment sustains.
 * - Last, the automerge-paper trace is replayed through the PostgreSQL adapter as the server stores
 *   it (PersistentDoc, one group commit per socket read, as the store benchmark does on SQLite),
 *   against plain Yjs applying the same updates, turn by turn in the same run.
 */

const documentCount = 100;
const seats = 5;
const instanceCount = 3;
const nominalRate = 100;
const phaseMs = 5_000;
/** A rising-load phase is longer: its p99 decides whether the rate held. */
const rampPhaseMs = 10_000;
const nominalRounds = 4;
const rampRates = [50, 100, 200, 400, 800, 1_600] as const;
const p99LimitMs = 50;
/** How long after a phase its last edits may still arrive before they count as lost. */
const drainMs = 5_000;

type DeploymentName = 'cluster' | 'single';

/** A client typing into its document, with the instance it is connected to. */
interface Seat {
  client: BenchClient;
  instance: number;
  text: Y.XmlText;
}

interface Deployment {
  name: DeploymentName;
  instances: ChildServer[];
  documents: Seat[][];
}

/** Arrivals of the edits of one phase: every (edit, other client) pair, in ms, split by whether it crossed instances. */
interface PhaseSamples {
  local: number[];
  crossing: number[];
  lost: number;
}

/** The edits in flight: marker → when it was typed, by which seat of which document. */
const sent = new Map<number, { at: number; document: number; seat: number; instance: number; remaining: number }>();
let phase: PhaseSamples | null = null;
let nextMarker = 1;

/** Records arrivals: every marker `[n]` a client sees inserted by someone else. */
function listen(documentIndex: number, seatIndex: number, seat: Seat): void {
  seat.text.observe((event) => {
    if (event.transaction.local) return;
    for (const part of event.delta) {
      if (typeof part.insert !== 'string') continue;
      for (const match of part.insert.matchAll(/\[(\d+)\]/g)) {
        const edit = sent.get(Number(match[1]));
        if (!edit || edit.document !== documentIndex || edit.seat === seatIndex) continue;
        const latency = performance.now() - edit.at;
        if (phase) (edit.instance === seat.instance ? phase.local : phase.crossing).push(latency);
        edit.remaining -= 1;
        if (edit.remaining === 0) sent.delete(Number(match[1]));
      }
    }
  });
}

async function connectDeployment(name: DeploymentName, instances: ChildServer[], documents: Awaited<ReturnType<typeof prepareDocuments>>): Promise<Deployment> {
  // Spread over the instances: each document has clients on every one of them.
  const connected = documents.map((document, documentIndex) =>
    Array.from({ length: seats }, (_, seat) => {
      const instance = (documentIndex + seat) % instances.length;
      return { client: connectClient(hostedEndpoint(instances[instance] as ChildServer, document, seat)), instance };
    }),
  );
  const clients = connected.flat().map((seat) => seat.client);
  await whenAllSynced(clients, `${name}: ${clients.length} clients`, 60_000);
  // Synced, each client has the body's paragraph to type into.
  const seatsByDocument = connected.map((seatsOfDocument) => seatsOfDocument.map((seat): Seat => ({ ...seat, text: typingTarget(seat.client.doc) })));
  seatsByDocument.forEach((seatsOfDocument, documentIndex) => seatsOfDocument.forEach((seat, seatIndex) => listen(documentIndex, seatIndex, seat)));
  return { name, instances, documents: seatsByDocument };
}

/** Types at `rate` edits per second for one phase, spread over every client in turn; returns the arrivals. */
async function runPhase(deployment: Deployment, rate: number, durationMs = phaseMs): Promise<PhaseSamples> {
  const samples: PhaseSamples = { local: [], crossing: [], lost: 0 };
  phase = samples;
  const seatsInTurn = deployment.documents.flatMap((seatsOfDocument, document) => seatsOfDocument.map((seat, index) => ({ seat, document, index })));
  const started = performance.now();
  let typed = 0;
  let turn = Math.floor(Math.random() * seatsInTurn.length);
  while (performance.now() - started < durationMs) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; typed < due; typed += 1) {
      const { seat, document, index } = seatsInTurn[turn % seatsInTurn.length] as (typeof seatsInTurn)[number];
      turn += 1;
      const marker = nextMarker++;
      sent.set(marker, { at: performance.now(), document, seat: index, instance: seat.instance, remaining: seats - 1 });
      seat.text.insert(seat.text.length, `[${marker}]`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const drainStarted = performance.now();
  while (sent.size > 0 && performance.now() - drainStarted < drainMs) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const edit of sent.values()) samples.lost += edit.remaining;
  sent.clear();
  phase = null;
  return samples;
}

const replayDataset = 'automerge-paper';
const replayRounds = 3;

/**
 * The trace replayed by plain Yjs and by PersistentDoc on PostgreSQL, taking turns socket read by
 * socket read (the order alternating); returns the time each took.
 */
async function replayOnPostgres(updates: readonly Uint8Array[], storeUrl: string, expected: string | null): Promise<{ plainMs: number; oursMs: number }> {
  const store = await openStore({ kind: 'postgres', url: storeUrl });
  try {
    const ours = await openPersistentDoc(store.updates, await insertBenchDocument(store));
    const plain = new Y.Doc();
    const participantId = randomId();
    let plainMs = 0;
    let oursMs = 0;
    for (const [turn, batch] of batchesPerSocketRead(updates).entries()) {
      for (const path of turn % 2 === 0 ? (['plain', 'ours'] as const) : (['ours', 'plain'] as const)) {
        const started = performance.now();
        if (path === 'plain') {
          for (const update of batch) Y.applyUpdate(plain, update);
          plainMs += performance.now() - started;
        } else {
          let isQueued = false;
          for (const update of batch) if (ours.doc.receive(update, participantId, 'bench')) isQueued = true;
          if (isQueued) await ours.nextCommit();
          oursMs += performance.now() - started;
        }
      }
    }
    ours.assertHealthy();
    if (expected !== null) {
      expectText(typingTarget(plain).toString(), expected, 'plain Yjs applying the updates');
      expectText(typingTarget(ours.doc.doc).toString(), expected, 'PersistentDoc on PostgreSQL receiving the updates');
    }
    await ours.doc.close();
    plain.destroy();
    return { plainMs, oursMs };
  } finally {
    await store.close();
  }
}

async function measureReplay(servers: HostedServers): Promise<{ ratio: number; plainMs: number; oursMs: number }> {
  const trace = loadSequentialTrace(replayDataset);
  const updates = traceToUpdates(trace, replayDataset);
  const url = await servers.createDatabase('bench_replay');
  // Warm-up (JIT, the connections' prepared statements) on a prefix, discarded.
  await replayOnPostgres(updates.slice(0, 20_000), url, null);
  const rounds: { plainMs: number; oursMs: number }[] = [];
  for (let round = 0; round < replayRounds; round += 1) rounds.push(await replayOnPostgres(updates, url, trace.endContent));
  printTable(
    ['round', 'plain Yjs ms', 'ours on PostgreSQL ms', 'ours / plain'],
    rounds.map((round, index) => [index + 1, round.plainMs, round.oursMs, round.oursMs / round.plainMs]),
    { title: `${replayDataset}: ${updates.length.toLocaleString('en-US')} updates through the PostgreSQL adapter`, digits: 2 },
  );
  const plainMs = median(rounds.map((round) => round.plainMs));
  const oursMs = median(rounds.map((round) => round.oursMs));
  return { ratio: oursMs / plainMs, plainMs, oursMs };
}

const all = (samples: PhaseSamples): number[] => [...samples.local, ...samples.crossing];

function merge(phases: readonly PhaseSamples[]): PhaseSamples {
  return {
    local: phases.flatMap((samples) => samples.local),
    crossing: phases.flatMap((samples) => samples.crossing),
    lost: phases.reduce((sum, samples) => sum + samples.lost, 0),
  };
}

const row = (label: string, summary: Summary, lost: number): string[] => [
  label,
  String(summary.count),
  summary.median.toFixed(2),
  summary.p95.toFixed(2),
  summary.p99.toFixed(2),
  summary.max.toFixed(1),
  String(lost),
];

async function measure(servers: HostedServers): Promise<BenchmarkResult> {
  // Each stock provider adds a process 'exit' listener: two deployments' clients are held on purpose.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 2 * documentCount * seats + 50));
  const clusterUrl = await servers.createDatabase('bench_cluster');
  const singleUrl = await servers.createDatabase('bench_single');
  const started: ChildServer[] = [];
  const deployments: Deployment[] = [];
  try {
    // The schema first (one instance), then the others beside it.
    started.push(await startHostedInstance('instance 1 of 3', clusterUrl, servers.redis.url));
    const others = await Promise.all([
      startHostedInstance('instance 2 of 3', clusterUrl, servers.redis.url),
      startHostedInstance('instance 3 of 3', clusterUrl, servers.redis.url),
    ]);
    started.push(...others);
    const single = await startHostedInstance('one instance alone', singleUrl);
    started.push(single);
    const clusterInstances = started.slice(0, instanceCount);
    console.log(`Preparing ${documentCount} documents × ${seats} participants on each deployment…`);
    const [clusterDocuments, singleDocuments] = await Promise.all([
      prepareDocuments(clusterInstances[0] as ChildServer, await hostToken(clusterUrl), documentCount, seats),
      prepareDocuments(single, await hostToken(singleUrl), documentCount, seats),
    ]);
    const cluster = await connectDeployment('cluster', clusterInstances, clusterDocuments);
    deployments.push(cluster);
    const alone = await connectDeployment('single', [single], singleDocuments);
    deployments.push(alone);

    // Warm-up: one short phase each, discarded.
    await runPhase(cluster, nominalRate);
    await runPhase(alone, nominalRate);
    const nominal: Record<DeploymentName, PhaseSamples[]> = { cluster: [], single: [] };
    for (let round = 0; round < nominalRounds; round += 1) {
      for (const deployment of round % 2 === 0 ? [cluster, alone] : [alone, cluster]) nominal[deployment.name].push(await runPhase(deployment, nominalRate));
    }
    const clusterNominal = merge(nominal.cluster);
    const singleNominal = merge(nominal.single);
    if (clusterNominal.crossing.length === 0 || singleNominal.local.length === 0) throw new BenchmarkError('no edit arrived: nothing to measure');
    const crossing = summarize(clusterNominal.crossing);
    const clusterAll = summarize(all(clusterNominal));
    const singleAll = summarize(all(singleNominal));
    printTable(
      ['arrivals at 100 edits/s', 'count', 'median ms', 'p95 ms', 'p99 ms', 'max ms', 'lost'],
      [
        row('cluster: across instances (relay)', crossing, clusterNominal.lost),
        row('cluster: same instance', summarize(clusterNominal.local.length > 0 ? clusterNominal.local : [Number.NaN]), 0),
        row('cluster: all', clusterAll, clusterNominal.lost),
        row('one instance alone', singleAll, singleNominal.lost),
      ],
      { title: `cluster: ${documentCount} documents × ${seats} clients, ${instanceCount} instances vs one alone` },
    );

    // The rate each deployment sustains with the p99 under the limit.
    const sustained: Record<DeploymentName, number> = { cluster: 0, single: 0 };
    const rampRows: string[][] = [];
    for (const rate of rampRates) {
      const stillHolding = deployments.filter((deployment) => sustained[deployment.name] === (rate === rampRates[0] ? 0 : rate / 2));
      if (stillHolding.length === 0) break;
      for (const deployment of stillHolding) {
        const samples = await runPhase(deployment, rate, rampPhaseMs);
        const summary = summarize(all(samples).length > 0 ? all(samples) : [Number.POSITIVE_INFINITY]);
        const held = samples.lost === 0 && summary.p99 < p99LimitMs;
        if (held) sustained[deployment.name] = rate;
        rampRows.push([deployment.name, String(rate), summary.median.toFixed(2), summary.p99.toFixed(2), String(samples.lost), held ? 'held' : 'over']);
      }
    }
    printTable(['deployment', 'edits/s', 'median ms', 'p99 ms', 'lost', `p99 < ${p99LimitMs} ms`], rampRows, { title: 'cluster: rising load' });

    // The clients go before the replay, so that it runs on a quiet machine.
    for (const deployment of deployments.splice(0)) for (const seat of deployment.documents.flat()) seat.client.destroy();
    await Promise.all(started.splice(0).map((server) => server.stop()));
    const replay = await measureReplay(servers);

    const figures = {
      relay_median_ratio: crossing.median / singleAll.median,
      relay_p99_ratio: crossing.p99 / singleAll.p99,
      cluster_p99_ms: clusterAll.p99,
      cluster_median_ms: clusterAll.median,
      single_p99_ms: singleAll.p99,
      edits_per_s: sustained.cluster,
      single_edits_per_s: sustained.single,
      lost: clusterNominal.lost + singleNominal.lost,
      pg_replay_ratio: replay.ratio,
      pg_replay_ms: replay.oursMs,
      plain_replay_ms: replay.plainMs,
    };
    return {
      figures,
      targets: [
        { label: 'relay median vs one instance', actual: figures.relay_median_ratio, limit: 3, unit: '×' },
        { label: 'relay p99 vs one instance', actual: figures.relay_p99_ratio, limit: 3, unit: '×' },
        { label: 'cluster p99 at 100 edits/s', actual: figures.cluster_p99_ms, limit: p99LimitMs, unit: 'ms' },
        { label: 'edits lost', actual: figures.lost, limit: 0, unit: '' },
        { label: 'automerge-paper on PostgreSQL vs plain Yjs', actual: figures.pg_replay_ratio, limit: 3, unit: '×' },
      ],
    };
  } finally {
    for (const deployment of deployments) for (const seat of deployment.documents.flat()) seat.client.destroy();
    await Promise.all(started.map((server) => server.stop()));
  }
}

export const clusterBenchmark: Benchmark = {
  name: 'cluster',
  description: 'hosted mode: 3 instances on PostgreSQL + Redis vs one alone, 100 documents × 5 clients typing',
  async run() {
    const servers = await startHostedServers();
    try {
      return await measure(servers);
    } finally {
      await servers.stop();
    }
  },
};
