import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient, type ApiTransport } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { articlesOf, articleText, readArticle } from '#shared/document/articles';
import { variablesMap } from '#shared/document/yjsContent';
import type { Side } from '#shared/sides';
import { syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { createMemoryLogger } from '#main/logger';
import { startServerMode } from '#main/server/serverMode';
import { generateAgreement } from './lib/agreementBody';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { bargainOver, entriesPerArticle, ledgerShape, startingValues, withChips, type OpenOffer } from './lib/negotiationLedger';
import { summarize, type Summary } from './lib/stats';
import { connectClient, whenAllSynced, type BenchClient } from './lib/syncClients';
import { printTable } from './lib/table';

/**
 * The negotiation of a 300-article agreement whose ledger holds five steps per article (issue
 * "Agreed means agreed"): built through server mode's HTTP API (in process) by an employer and a
 * union participant (`lib/negotiationLedger.ts`), with three stock y-websocket clients connected
 * (employer, union, reviewer). Measured: negotiation/state as a participant calls it (the API
 * client validates the reply, as the interface does), negotiation/minutes of the session that
 * built the ledger, and accepting an open position that changes text and two values until every
 * connected client has the change. Figures are medians after warm-ups; p95 is printed.
 */

const articles = 300;
const stateRuns = { warmUps: 5, measured: 30 };
const minutesRuns = { warmUps: 3, measured: 20 };
const acceptRuns = { warmUps: 3, measured: 20 };
const arrivalTimeoutMs = 10_000;
const targets = { state: 50, minutes: 300, accept: 100 } as const;

interface Seat {
  token: string;
  api: ApiClient;
  transport: ApiTransport;
}

/** Wall-clock and process CPU time (user and system, every thread: server and clients alike) of one call. */
interface Sample {
  ms: number;
  cpuMs: number;
}

async function timed(work: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

interface CallTimes {
  client: Summary;
  clientCpu: Summary;
  transport: Summary;
}

/**
 * A call as a participant makes it (API client: HTTP, then the reply validated against the
 * contract) interleaved with the same call over the transport alone (HTTP and JSON, no
 * validation), in ABBA order, so the difference is what the validation costs.
 */
async function measureCall(
  label: string,
  runs: { warmUps: number; measured: number },
  client: () => Promise<unknown>,
  transport: () => Promise<unknown>,
): Promise<CallTimes> {
  const samples = { client: [] as Sample[], transport: [] as Sample[] };
  for (let run = 0; run < runs.warmUps + runs.measured; run += 1) {
    const order = run % 2 === 0 ? (['client', 'transport'] as const) : (['transport', 'client'] as const);
    for (const which of order) {
      const sample = await timed(which === 'client' ? client : transport);
      if (run >= runs.warmUps) samples[which].push(sample);
    }
  }
  console.log(`${label}: ${samples.client.map((sample) => sample.ms.toFixed(0)).join(', ')} ms`);
  return {
    client: summarize(samples.client.map((sample) => sample.ms)),
    clientCpu: summarize(samples.client.map((sample) => sample.cpuMs)),
    transport: summarize(samples.transport.map((sample) => sample.ms)),
  };
}

/** Resolves with the ms since `started` at which a client's Y.Doc holds every value of the offer. */
function arrival(client: BenchClient, offer: OpenOffer, started: () => number): Promise<number> {
  const values = variablesMap(client.doc);
  const hasValues = (): boolean => Object.entries(offer.values).every(([id, value]) => values.get(id) === value);
  if (hasValues()) throw new BenchmarkError(`a client already had the values of the position on ${offer.clauseId}: the sample would measure nothing`);
  return new Promise((resolve, reject) => {
    const onUpdate = (): void => {
      if (!hasValues()) return;
      const ms = performance.now() - started();
      clearTimeout(timer);
      client.doc.off('update', onUpdate);
      resolve(ms);
    };
    const timer = setTimeout(() => {
      client.doc.off('update', onUpdate);
      reject(new BenchmarkError(`the accepted position on ${offer.clauseId} did not reach a client within ${arrivalTimeoutMs} ms`));
    }, arrivalTimeoutMs);
    client.doc.on('update', onUpdate);
  });
}

/**
 * The union accepts one open position of the employer; the sample ends when the last client's
 * Y.Doc holds both values (text and values come in one server change, hence one update). Each
 * client's article text is then checked against the position's, outside the time.
 */
async function acceptOnce(
  union: ApiClient,
  documentId: string,
  offer: OpenOffer,
  clients: readonly BenchClient[],
): Promise<{ appliedMs: number; replyMs: number; cpuMs: number }> {
  let started = Number.NaN;
  const arrivals = clients.map((client) => arrival(client, offer, () => started));
  const cpu = process.cpuUsage();
  started = performance.now();
  const reply = union.call('proposals/accept', { documentId, proposalId: offer.proposalId }).then((accepted) => {
    if (accepted.status !== 'accepted') throw new BenchmarkError(`the position on ${offer.clauseId} is ${accepted.status} after proposals/accept`);
    return performance.now() - started;
  });
  const [times, replyMs] = await Promise.all([Promise.all(arrivals), reply]);
  const used = process.cpuUsage(cpu);
  const expected = articleText(offer.article);
  for (const client of clients) {
    const article = readArticle(client.doc, offer.clauseId);
    if (!article || articleText(article) !== expected)
      throw new BenchmarkError(`a client has the values of the position on ${offer.clauseId} but not its text`);
  }
  return { appliedMs: Math.max(...times), replyMs, cpuMs: (used.user + used.system) / 1000 };
}

export const negotiationBenchmark: Benchmark = {
  name: 'negotiation',
  description: `negotiation/state, negotiation/minutes and accepting a position on a ${articles}-article agreement with ${entriesPerArticle} steps per article`,
  async run(): Promise<BenchmarkResult> {
    const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-negotiation-'));
    const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder, logger: createMemoryLogger() });
    const clients: BenchClient[] = [];
    try {
      const host = createApiClient(createHttpTransport({ baseUrl: server.url, token: await server.authentication.createAdminToken('bench'), fetch }));
      const body = withChips(generateAgreement(articles));
      const document = await host.call('documents/create', {
        kind: 'enterprise_agreement',
        title: `Thỏa ước lao động tập thể ${articles} điều`,
        content: body,
        variables: startingValues,
      });
      const documentId = document.id;
      const seatFor = async (side: Side, displayName: string): Promise<Seat> => {
        const invitation = await host.call('invitations/create', { documentId, side });
        const redeemed = await createApiClient(createHttpTransport({ baseUrl: server.url, fetch })).call('invitations/redeem', {
          code: invitation.code,
          displayName,
        });
        const transport = createHttpTransport({ baseUrl: server.url, token: redeemed.token, fetch });
        return { token: redeemed.token, api: createApiClient(transport), transport };
      };
      const employer = await seatFor('employer', 'Nguyễn Văn An (Tổng Giám đốc)');
      const union = await seatFor('union', 'Trần Thị Bình (Chủ tịch Công đoàn)');
      const reviewer = await seatFor('reviewer', 'Lê Thu Hà (cơ quan quản lý nhà nước về lao động)');

      // Connected from the start, as the two sides and a reviewer following the session: the room stays open.
      const syncUrl = `${server.url.replace(/^http/, 'ws')}${syncPath}`;
      for (const seat of [employer, union, reviewer])
        clients.push(connectClient({ url: syncUrl, room: documentId, params: { token: seat.token, protocol: String(syncProtocolVersion) } }));
      await whenAllSynced(clients, 'negotiation');

      const sessionStart = new Date().toISOString();
      const setupStarted = performance.now();
      const sides = { documentId, employer: employer.api, union: union.api };
      const offers: OpenOffer[] = [];
      for (const [index, article] of articlesOf(body).entries()) {
        const offer = await bargainOver(sides, article, index + 1, offers.length);
        if (offer) offers.push(offer);
      }
      const setupSeconds = (performance.now() - setupStarted) / 1000;
      const shape = ledgerShape(articles);
      console.log(
        `setup (not measured): ${articles} articles × ${entriesPerArticle} steps through the API in ${setupSeconds.toFixed(1)} s; ${shape.positions.toLocaleString('en-US')} positions, ${offers.length} left open for accepting`,
      );

      // The state and the minutes must show the ledger that was built.
      const state = await union.api.call('negotiation/state', { documentId });
      const stateBytes = JSON.stringify(await union.transport('negotiation/state', { documentId })).length;
      const shown = state.proposals.length + state.decided.length;
      if (shown !== shape.positions) throw new BenchmarkError(`negotiation/state shows ${shown} positions, not ${shape.positions}`);
      const minutes = await union.api.call('negotiation/minutes', { documentId, since: sessionStart });
      const minutesBytes = JSON.stringify(await union.transport('negotiation/minutes', { documentId, since: sessionStart })).length;
      const entries = minutes.ledger.reduce((sum, article) => sum + article.entries.length, 0);
      const standing = (which: string) => minutes.ledger.filter((article) => article.standing === which).length;
      if (minutes.ledger.length !== articles || entries !== shape.entries || minutes.ledger.some((article) => article.entries.length !== entriesPerArticle)) {
        throw new BenchmarkError(
          `the minutes' ledger has ${minutes.ledger.length} articles and ${entries} entries, not ${articles} with ${entriesPerArticle} each`,
        );
      }
      if ((['agreed', 'disputed', 'open'] as const).some((which) => standing(which) !== shape.standing[which])) {
        throw new BenchmarkError(
          `the minutes' ledger stands ${standing('agreed')} agreed, ${standing('disputed')} disputed, ${standing('open')} open, not as bargained`,
        );
      }
      console.log(
        `ledger: ${minutes.ledger.length} articles, ${entries.toLocaleString('en-US')} entries (${standing('agreed')} agreed, ${standing('disputed')} disputed, ${standing('open')} open); state ${state.articles.length} article statuses`,
      );
      const load = (): string =>
        loadavg()
          .map((value) => value.toFixed(2))
          .join(' ');
      console.log(
        `load average ${load()} on ${cpus().length} cores${(loadavg()[0] ?? 0) > cpus().length ? ': the machine is busy with other work, and it shows in every time below' : ''}\n`,
      );

      const stateTimes = await measureCall(
        'negotiation/state',
        stateRuns,
        () => union.api.call('negotiation/state', { documentId }),
        () => union.transport('negotiation/state', { documentId }),
      );
      const minutesTimes = await measureCall(
        'negotiation/minutes',
        minutesRuns,
        () => union.api.call('negotiation/minutes', { documentId, since: sessionStart }),
        () => union.transport('negotiation/minutes', { documentId, since: sessionStart }),
      );

      const acceptCount = acceptRuns.warmUps + acceptRuns.measured;
      if (offers.length < acceptCount) throw new BenchmarkError(`only ${offers.length} open positions to accept, ${acceptCount} needed`);
      const applied: number[] = [];
      const replies: number[] = [];
      const acceptCpu: number[] = [];
      for (const [index, offer] of offers.slice(0, acceptCount).entries()) {
        const sample = await acceptOnce(union.api, documentId, offer, clients);
        if (index >= acceptRuns.warmUps) {
          applied.push(sample.appliedMs);
          replies.push(sample.replyMs);
          acceptCpu.push(sample.cpuMs);
        }
        // Let the server settle (the change stored, echoes sent) before the next acceptance.
        await new Promise<void>((resolve) => setTimeout(resolve, 20));
      }
      console.log(`proposals/accept → every client: ${applied.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      console.log(`load average ${load()}\n`);
      const acceptTimes = summarize(applied);
      const replyTimes = summarize(replies);

      const tenths = (ms: number) => Math.round(ms * 10) / 10;
      const row = (what: string, summary: Summary, cpu: Summary | null, size: string) => [
        what,
        summary.count,
        tenths(summary.median),
        tenths(summary.p95),
        tenths(summary.max),
        cpu ? tenths(cpu.median) : '',
        size,
      ];
      const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
      printTable(
        ['call', 'samples', 'median ms', 'p95 ms', 'max ms', 'CPU ms', 'reply'],
        [
          row('negotiation/state (API client: HTTP + validation)', stateTimes.client, stateTimes.clientCpu, kib(stateBytes)),
          row('negotiation/state (HTTP and JSON only)', stateTimes.transport, null, ''),
          row('negotiation/minutes (API client)', minutesTimes.client, minutesTimes.clientCpu, kib(minutesBytes)),
          row('negotiation/minutes (HTTP and JSON only)', minutesTimes.transport, null, ''),
          row(`proposals/accept → applied on all ${clients.length} clients`, acceptTimes, summarize(acceptCpu), ''),
          row('proposals/accept → reply to the caller', replyTimes, null, ''),
        ],
        {
          title: `negotiation: ${articles} articles, ${shape.positions.toLocaleString('en-US')} positions, ${entries.toLocaleString('en-US')} ledger entries (CPU: this process's, server and clients, median per call)`,
          digits: 1,
        },
      );
      const articleBytes = JSON.stringify(state.proposals.map((proposal) => proposal.article)).length;
      const baseTextBytes = JSON.stringify(state.proposals.map((proposal) => proposal.baseText)).length;
      console.log(
        `negotiation/state's reply: ${kib(stateBytes)}, of which the open positions' proposed articles ${kib(articleBytes)} and their articles' text when proposed (baseText) ${kib(baseTextBytes)} (decided positions come in short)\n`,
      );
      return {
        figures: {
          state_ms: tenths(stateTimes.client.median),
          state_p95_ms: tenths(stateTimes.client.p95),
          minutes_ms: tenths(minutesTimes.client.median),
          minutes_p95_ms: tenths(minutesTimes.client.p95),
          accept_ms: tenths(acceptTimes.median),
          accept_p95_ms: tenths(acceptTimes.p95),
          setup_s: tenths(setupSeconds),
          positions: shape.positions,
        },
        targets: [
          { label: 'negotiation/state (median)', actual: stateTimes.client.median, limit: targets.state, unit: 'ms' },
          { label: 'negotiation/minutes (median)', actual: minutesTimes.client.median, limit: targets.minutes, unit: 'ms' },
          { label: `accept → all ${clients.length} clients (median)`, actual: acceptTimes.median, limit: targets.accept, unit: 'ms' },
        ],
      };
    } finally {
      for (const client of clients) client.destroy();
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
