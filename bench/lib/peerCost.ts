import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { articlesOf } from '#shared/document/articles';
import { variablesMap } from '#shared/document/yjsContent';
import { vietnamDate } from '#shared/format/vietnamTime';
import { costOfPosition, documentWorkforce } from '#shared/costing/negotiationCosting';
import { defaultCostingSettings } from '#shared/costing/positionCost';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { readSalaryScales, addSalaryScale } from '#shared/salaryScale/yjsSalaryScale';
import type { VariableValue } from '#shared/templates/schema';
import { syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { createMemoryLogger } from '#main/logger';
import { startServerMode } from '#main/server/serverMode';
import { generateAgreement } from './agreementBody';
import { BenchmarkError, type Target } from './benchmark';
import { costingWorkforce } from './costingWorkload';
import { summarize } from './stats';
import { connectClient, whenAllSynced, type BenchClient } from './syncClients';
import { printTable } from './table';

/**
 * peer_cost_p95_ms (issue 16, decision 0023): the cost shown on the other side's screen after one
 * side changes a wage value. Server mode in process; the union's and the employer's stock sync
 * clients; the document holds the costing workload's salary scale (5,000 workers in 60 grades,
 * 300 cells) and an open union position on five wage variables over a 36-month term. The union
 * writes the weekday overtime rate (which the position's raise interacts with); the sample ends
 * when the employer's client has the update and has recomputed the position's cost the way the
 * negotiation panel does (shared/costing/negotiationCosting.ts, on its own copy of the values and
 * scale). The rendering of the figure is not included (no browser).
 */
const runs = { warmUps: 10, measured: 100 };
const target = 100;
const arrivalTimeoutMs = 10_000;

/** The document's values before the position: a 36-month agreement from 1 January 2026 in region I. */
const startingValues: Record<string, VariableValue> = {
  effective_date: '2026-01-01',
  term_years: '3',
  region: 'I',
  annual_raise_percent: 5,
  ot_rate_weekday: 150,
  meal_allowance_per_shift: 30_000,
  responsibility_allowance: 500_000,
  gift_tet: 500_000,
};

export async function peerCostCase(): Promise<{ figures: Record<string, number>; targets: Target[] }> {
  const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-peer-cost-'));
  const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder, logger: createMemoryLogger() });
  const clients: BenchClient[] = [];
  try {
    const host = createApiClient(createHttpTransport({ baseUrl: server.url, token: await server.authentication.createAdminToken('bench'), fetch }));
    const content = generateAgreement(20);
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Costing bench', content, variables: startingValues });
    const documentId = document.id;
    let ids = 0;
    const cells = costingWorkforce();
    const grades = [...new Set(cells.map((cell) => cell.grade))].map((grade) => ({
      title: grade,
      code: grade,
      steps: cells
        .filter((cell) => cell.grade === grade)
        .map((cell) => ({ step: cell.step ?? 1, monthlyWage: cell.monthlyWage, headcount: cell.headcount, allowances: [] })),
    }));
    await server.sync.withRoom(documentId, (room) =>
      room.change(null, (doc) => {
        addSalaryScale(doc, { title: 'Bench scale', grades }, () => `bench${(ids += 1)}`);
      }),
    );
    const seat = async (side: 'employer' | 'union') => {
      const invitation = await host.call('invitations/create', { documentId, side });
      const redeemed = await createApiClient(createHttpTransport({ baseUrl: server.url, fetch })).call('invitations/redeem', {
        code: invitation.code,
        displayName: side,
      });
      return { token: redeemed.token, api: createApiClient(createHttpTransport({ baseUrl: server.url, token: redeemed.token, fetch })) };
    };
    const union = await seat('union');
    const employer = await seat('employer');
    const clauseId = articlesOf(content)[0]?.clauseId;
    if (!clauseId) throw new BenchmarkError('the agreement has no article');
    await union.api.call('proposals/create', {
      documentId,
      clauseId,
      kind: 'values',
      values: { annual_raise_percent: 7, meal_allowance_per_shift: 35_000, responsibility_allowance: 700_000, gift_tet: 1_000_000, lowest_wage: 5_800_000 },
      rationale: 'Bench',
    });
    const syncUrl = `${server.url.replace(/^http/, 'ws')}${syncPath}`;
    const writer = connectClient({ url: syncUrl, room: documentId, params: { token: union.token, protocol: String(syncProtocolVersion) } });
    const peer = connectClient({ url: syncUrl, room: documentId, params: { token: employer.token, protocol: String(syncProtocolVersion) } });
    clients.push(writer, peer);
    await whenAllSynced(clients, 'peer cost');
    const peerValues = variablesMap(peer.doc);
    const workforce = documentWorkforce(readSalaryScales(peer.doc));
    const [position] = negotiationMaps(peer.doc).allProposals();
    if (!position || workforce.length !== cells.length) throw new BenchmarkError('the peer does not hold the position and the salary scale');

    const samples: number[] = [];
    let lastCost = 0;
    for (let index = 0; index < runs.warmUps + runs.measured; index += 1) {
      const rate = 151 + index;
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new BenchmarkError(`the rate ${rate} % did not reach the employer within ${arrivalTimeoutMs} ms`)),
          arrivalTimeoutMs,
        );
        const onUpdate = (): void => {
          if (peerValues.get('ot_rate_weekday') !== rate) return;
          peer.doc.off('update', onUpdate);
          clearTimeout(timer);
          // What the panel does on the change: the values now, the cost of each open wage position.
          const values = peerValues.toJSON() as Record<string, VariableValue>;
          const result = costOfPosition(position, { values, workforce, settings: defaultCostingSettings, today: vietnamDate(Date.now()) });
          if (!result.ok) reject(new BenchmarkError(`the position has no cost: ${result.reason}`));
          else {
            lastCost = result.cost.averageYear.cost;
            resolve(performance.now());
          }
        };
        peer.doc.on('update', onUpdate);
      });
      const started = performance.now();
      variablesMap(writer.doc).set('ot_rate_weekday', rate);
      const ended = await done;
      if (index >= runs.warmUps) samples.push(ended - started);
      await new Promise<void>((resolve) => setTimeout(resolve, 10));
    }
    const summary = summarize(samples);
    printTable(
      ['case', 'samples', 'median ms', 'p95 ms', 'p99 ms', 'max ms'],
      [['a wage value written → the cost recomputed on the other side', summary.count, summary.median, summary.p95, summary.p99, summary.max]],
      { title: `costing: peer cost (300 cells, 36 months; the position costs ${lastCost.toLocaleString('en-US')} ₫ a year at the last rate)` },
    );
    console.log(
      `load average ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')} on ${cpus().length} cores; the browser's rendering of the figure is not included\n`,
    );
    return {
      figures: { peer_cost_p95_ms: summary.p95, peer_cost_median_ms: summary.median },
      targets: [{ label: 'peer cost p95', actual: summary.p95, limit: target, unit: 'ms' }],
    };
  } finally {
    for (const client of clients) client.destroy();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
