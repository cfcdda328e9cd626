import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createApiClient, type ApiClient } from '#shared/api/client';
import type { ExportedFile } from '#shared/api/export';
import { createHttpTransport } from '#shared/api/httpTransport';
import type { Comparison } from '#shared/api/versions';
import { plainText, type ArticleElement } from '#shared/document/nodes';
import { labels } from '#shared/export/officialFrame';
import type { Side } from '#shared/sides';
import { encodeSyncStep1 } from '#main/sync/frames';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import type { ChildServer } from './lib/childServer';
import { startHealthPoller } from './lib/healthPoller';
import { legalWords, paragraphWithSmallEdits, replacementProposal, type ReplacementProposal, type SmallEdits } from './lib/hostileDiffs';
import { checkPeakMemoryReadable, peakGrowthDuring, residentMiB } from './lib/processMemory';
import { mainThreadCpuMs, processCpuMs } from './lib/threadCpu';
import { median } from './lib/stats';
import { connectClient, whenAllSynced } from './lib/syncClients';
import { createHostToken, ourEndpoint, startOurServer, type PreparedRoom } from './lib/syncServers';
import { printTable } from './lib/table';
import { repositoryRoot } from './lib/traces';

/**
 * What one hostile participant can make the server do (hardening issue): a redline export of a
 * 6,000-word replacement, a comparison across 17,000 small edits in one paragraph, and a flood of
 * sync step 1 requests for a 3 MB document from a socket that never reads. Our server runs in its
 * own process, so that its memory is its own: each case's growth is the server's peak resident
 * memory during the case (VmHWM, reset before it) minus what was resident just before; a health
 * check polled throughout shows how long the event loop stalled. Then the write policy's property
 * test runs with 5,000 sequences.
 */

const runsPerCase = 3;
const floodFrames = 100;
const floodDocumentBytes = 3_000_000;
// About 200 KB of text, well below the server's 8 MiB frame limit: each chunk is one update, one frame.
const typingChunkWords = 32_000;
const floodWaitMs = 5_000;
const propertyRuns = 5_000;
const propertyTestFile = 'test/sync/hostileUpdates.property.test.ts';
const limits = { ms: 1_000, mb: 100, pauseMs: 100, propertyFailures: 0 } as const;

/** Our server, its HTTP API as the host, and where its memory is read. */
interface Setting {
  server: ChildServer;
  pid: number;
  baseUrl: string;
  host: ApiClient;
}

/** One measured call: its time, the server's memory growth, the slowest health check meanwhile, the CPU its event loop spent. */
interface CaseRun {
  ms: number;
  growthMiB: number;
  pauseMs: number;
  polls: number;
  mainCpuMs: number;
  processCpuMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function measureRun<T>(setting: Setting, work: () => Promise<T>): Promise<CaseRun & { value: T }> {
  const poller = startHealthPoller(setting.baseUrl);
  const cpuBefore = mainThreadCpuMs(setting.pid);
  const processCpuBefore = processCpuMs(setting.pid);
  let ms = 0;
  const measured = await peakGrowthDuring(setting.pid, async () => {
    const started = performance.now();
    const value = await work();
    ms = performance.now() - started;
    return value;
  }).catch(async (error: unknown) => {
    await poller.stop().catch(() => undefined);
    throw error;
  });
  const polls = await poller.stop();
  // The health checks' own share is in it too: a few hundred small calls, about the same in every case.
  const mainCpuMs = mainThreadCpuMs(setting.pid) - cpuBefore;
  return {
    value: measured.value,
    ms,
    growthMiB: measured.growthMiB,
    pauseMs: polls.maxMs,
    polls: polls.count,
    mainCpuMs,
    processCpuMs: processCpuMs(setting.pid) - processCpuBefore,
  };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new BenchmarkError(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
  return performance.now() - started;
}

async function untilServer(setting: Setting, condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new BenchmarkError(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The health checks alone for a second: what they cost the event loop, which every case's CPU figure includes. */
async function runIdle(setting: Setting): Promise<CaseRun> {
  return measureRun(setting, () => sleep(1_000));
}

function apiAs(baseUrl: string, token: string | undefined): ApiClient {
  return createApiClient(createHttpTransport({ baseUrl, token, fetch }));
}

/** A participant's token, as a person gets one: the host invites, the invitee redeems. */
async function participantToken(setting: Setting, documentId: string, side: Side, displayName: string): Promise<string> {
  const invitation = await setting.host.call('invitations/create', { documentId, side });
  return (await apiAs(setting.baseUrl, undefined).call('invitations/redeem', { code: invitation.code, displayName })).token;
}

const article = (clauseId: string, title: string, text: string): ArticleElement => ({
  type: 'article',
  clauseId,
  children: [
    { type: 'article-title', children: [{ text: title }] },
    { type: 'paragraph', children: [{ text }] },
  ],
});

const paragraphText = (element: ArticleElement): string => plainText(element.children[1] as ArticleElement['children'][number]);

const sentencesOf = (text: string): string[] => text.split(/(?<=\.)\s+/).filter((sentence) => sentence !== '');

/** The text of a .docx's body: the text of its runs, one line per paragraph. */
function docxText(file: ExportedFile): string {
  const name = 'word/document.xml';
  const part = unzipSync(Buffer.from(file.fileBase64, 'base64'), { filter: (entry) => entry.name === name })[name];
  if (!part) throw new BenchmarkError(`the exported file has no ${name}`);
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return strFromU8(part)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_entity, entity: string) => entities[entity] ?? '');
}

/** The redline must hold both texts, sentence by sentence, and the note saying it was compared coarsely. */
function checkRedline(file: ExportedFile, proposal: ReplacementProposal): void {
  const text = docxText(file);
  if (!text.includes(labels.comparedBySentence.vi))
    throw new BenchmarkError('the redline .docx does not say that the article was compared sentence by sentence');
  for (const [which, element] of [
    ['current', proposal.current],
    ['proposed', proposal.proposed],
  ] as const) {
    const missing = sentencesOf(paragraphText(element)).filter((sentence) => !text.includes(sentence));
    if (missing.length > 0) throw new BenchmarkError(`the redline .docx lacks ${missing.length} sentences of the ${which} text, such as "${missing[0]}"`);
  }
}

async function runRedline(setting: Setting) {
  const proposal = replacementProposal(6000);
  const document = await setting.host.call('documents/create', {
    kind: 'enterprise_agreement',
    title: 'Bench: đề xuất thay 6.000 từ',
    content: [proposal.current],
  });
  const union = apiAs(setting.baseUrl, await participantToken(setting, document.id, 'union', 'Trần Thị Bình'));
  await union.call('proposals/create', {
    documentId: document.id,
    clauseId: proposal.current.clauseId,
    kind: 'replace',
    rationale: 'Viết lại toàn bộ điều này.',
    article: proposal.proposed,
  });
  const docx: CaseRun[] = [];
  let fileBytes = 0;
  for (let run = 0; run < runsPerCase; run += 1) {
    const measured = await measureRun(setting, () => setting.host.call('documents/exportDocx', { documentId: document.id, redline: true }));
    checkRedline(measured.value, proposal);
    fileBytes = measured.value.bytes;
    docx.push(measured);
  }
  const pdf = await measureRun(setting, () => setting.host.call('documents/exportPdf', { documentId: document.id, redline: true }));
  if (!Buffer.from(pdf.value.fileBase64, 'base64').subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new BenchmarkError('the redline PDF is not a PDF');
  const words = (element: ArticleElement): number => paragraphText(element).split(' ').length;
  console.log(
    `redline: ${words(proposal.current).toLocaleString('en-US')} words replaced by ${words(proposal.proposed).toLocaleString('en-US')}; .docx ${docx.length} runs, ${fileBytes.toLocaleString('en-US')} bytes, compared by sentence (the note is in the file)`,
  );
  return { docx, pdf };
}

/** The comparison must be by sentence and its segments must rebuild both texts. */
function checkComparison(comparison: Comparison, clauseId: string, edits: SmallEdits): void {
  const change = comparison.articles.find((entry) => entry.clauseId === clauseId);
  if (!change) throw new BenchmarkError('the comparison does not list the edited article');
  if (change.granularity !== 'sentence') throw new BenchmarkError(`the comparison says it compared by ${change.granularity}, not by sentence`);
  const side = (left: 'inserted' | 'deleted') =>
    change.segments
      .filter((segment) => segment.kind !== left)
      .map((segment) => segment.text)
      .join('');
  if (!side('inserted').includes(edits.before) || !side('deleted').includes(edits.after))
    throw new BenchmarkError("the comparison's segments do not rebuild the paragraph before and after the edits");
}

async function runCompare(setting: Setting) {
  const edits = paragraphWithSmallEdits(17_000);
  const clauseId = 'dieu-sua-nho';
  const document = await setting.host.call('documents/create', {
    kind: 'enterprise_agreement',
    title: 'Bench: 17.000 chỗ sửa nhỏ',
    content: [article(clauseId, 'Thời giờ làm việc', edits.before)],
  });
  const room: PreparedRoom = {
    documentId: document.id,
    tokens: [
      await participantToken(setting, document.id, 'employer', 'Chị Lan (Nhân sự)'),
      await participantToken(setting, document.id, 'union', 'Anh Minh (Công đoàn)'),
    ],
  };
  // The editor stays connected: the document is open, as when someone compares from its history panel.
  const editor = connectClient(ourEndpoint(setting.server, room, 0));
  const watcher = connectClient(ourEndpoint(setting.server, room, 1));
  try {
    await whenAllSynced([editor, watcher], 'compare');
    if (editor.text.toString() !== edits.before) throw new BenchmarkError("the editor's paragraph is not the paragraph the document was created with");
    const first = await setting.host.call('versions/create', { documentId: document.id, name: 'Trước khi sửa' });
    const started = performance.now();
    for (const edit of edits.edits) {
      editor.doc.transact(() => {
        editor.text.delete(edit.index, edit.deleteCount);
        editor.text.insert(edit.index, edit.insert);
      });
    }
    if (editor.text.toString() !== edits.after) throw new BenchmarkError('applying the edits did not give the paragraph after them');
    // The server stores an update before it relays it: once the watcher has them all, they are stored.
    await until(() => watcher.text.toString() === edits.after, 300_000, `the ${edits.edits.length} edits reaching another client`);
    console.log(
      `compare: ${edits.edits.length.toLocaleString('en-US')} edits (one update each) sent and relayed in ${((performance.now() - started) / 1000).toFixed(1)} s (not measured)`,
    );
    const second = await setting.host.call('versions/create', { documentId: document.id, name: 'Sau khi sửa' });
    const compareRuns = async (): Promise<CaseRun[]> => {
      const runs: CaseRun[] = [];
      for (let run = 0; run < runsPerCase; run += 1) {
        const measured = await measureRun(setting, () => setting.host.call('versions/compare', { documentId: document.id, from: first.id, to: second.id }));
        checkComparison(measured.value, clauseId, edits);
        runs.push(measured);
      }
      return runs;
    };
    const open = await compareRuns();
    // Then nobody has it open: the server unloads it once the last client has gone.
    editor.destroy();
    watcher.destroy();
    await untilServer(
      setting,
      async () => (await setting.host.call('health/get', {})).openDocuments === 0,
      10_000,
      'the document unloaded once its clients left',
    );
    return { open, closed: await compareRuns() };
  } finally {
    editor.destroy();
    watcher.destroy();
  }
}

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('close', (code, reason) => reject(new BenchmarkError(`the flooding socket was closed before it opened (${code} ${reason.toString()})`)));
  });
}

function sendAll(socket: WebSocket, frame: Uint8Array, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    for (let index = 0; index < count; index += 1) {
      socket.send(frame, index === count - 1 ? (error) => (error ? reject(error) : resolve()) : undefined);
    }
  });
}

async function runFlood(setting: Setting) {
  const document = await setting.host.call('documents/create', {
    kind: 'enterprise_agreement',
    title: 'Bench: 3 MB',
    content: [article('dieu-dai', 'Phụ lục', '')],
  });
  const sides: Side[] = ['employer', 'union', 'employer'];
  const room: PreparedRoom = { documentId: document.id, tokens: [] };
  for (const [index, side] of sides.entries()) room.tokens.push(await participantToken(setting, document.id, side, `Bench ${index + 1}`));
  const typist = connectClient(ourEndpoint(setting.server, room, 0));
  const watcher = connectClient(ourEndpoint(setting.server, room, 1));
  const flooding: { socket: WebSocket | null } = { socket: null };
  try {
    await whenAllSynced([typist, watcher], 'flood');
    let typed = 0;
    let updates = 0;
    for (let seed = 100; typed < floodDocumentBytes; seed += 1) {
      const chunk = `${legalWords(seed, typingChunkWords)} `;
      typist.text.insert(typist.text.length, chunk);
      typed += Buffer.byteLength(chunk);
      updates += 1;
    }
    await until(() => watcher.text.length === typist.text.length, 120_000, 'the typed text reaching another client');
    const documentBytes = Y.encodeStateAsUpdate(typist.doc).length;
    console.log(
      `flood: ${typed.toLocaleString('en-US')} bytes typed in ${updates} updates; the document's state is ${documentBytes.toLocaleString('en-US')} bytes`,
    );

    const endpoint = ourEndpoint(setting.server, room, 2);
    const url = `${endpoint.url}/${endpoint.room}?${new URLSearchParams(endpoint.params).toString()}`;
    let relayMs = Number.NaN;
    const measured = await measureRun(setting, async () => {
      const socket = await openSocket(url);
      flooding.socket = socket;
      socket.on('error', () => undefined);
      // From now on it reads nothing: whatever the server sends it waits in the server or the kernel.
      socket.pause();
      await sendAll(socket, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())), floodFrames);
      await sleep(floodWaitMs);
      // Meanwhile the server still serves everyone else: an edit of one client reaches another.
      const marker = 'Kiểm tra trong lúc bị dồn yêu cầu. ';
      typist.text.insert(0, marker);
      relayMs = await until(() => watcher.text.toString().startsWith(marker), 10_000, 'an edit reaching another client during the flood');
    });
    console.log(
      `flood: ${floodFrames} sync step 1 frames (the state vector of an empty document) from a socket that stopped reading, ${floodWaitMs / 1000} s; meanwhile an edit reached another client in ${relayMs.toFixed(0)} ms\n`,
    );
    return { run: measured, documentBytes };
  } finally {
    flooding.socket?.terminate();
    typist.destroy();
    watcher.destroy();
  }
}

/** The write policy's property test with many sequences, in its own vitest process. */
async function runPropertyTest(): Promise<{ failures: number; ms: number }> {
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--reporter=verbose', propertyTestFile], {
      cwd: repositoryRoot,
      env: { ...process.env, THOA_UOC_PROPERTY_RUNS: String(propertyRuns), NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer): void => {
      output.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const ms = performance.now() - started;
  const tests = output.filter((line) => line.includes(`(${propertyRuns} runs)`));
  if (code === 0 && tests.length === 0)
    throw new BenchmarkError(`the property test passed without running ${propertyRuns} sequences:\n${output.slice(-20).join('\n')}`);
  const shown = code === 0 ? tests : output.slice(-40);
  console.log(
    `property test (${propertyTestFile}, THOA_UOC_PROPERTY_RUNS=${propertyRuns}): ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${(ms / 1000).toFixed(1)} s (vitest included)\n${shown.map((line) => `  ${line.trim()}`).join('\n')}\n`,
  );
  return { failures: code === 0 ? 0 : 1, ms };
}

async function warmUp(setting: Setting): Promise<void> {
  const document = await setting.host.call('documents/create', {
    kind: 'enterprise_agreement',
    title: 'Bench: khởi động',
    content: [article('dieu-1', 'Phạm vi', 'Thỏa ước này áp dụng cho mọi người lao động của công ty.')],
  });
  await setting.host.call('documents/exportDocx', { documentId: document.id });
  await setting.host.call('documents/exportPdf', { documentId: document.id });
}

const caseRow = (label: string, runs: readonly CaseRun[]): (string | number)[] => [
  label,
  runs.map((run) => `${run.ms.toFixed(0)} (${run.pauseMs.toFixed(0)})`).join(', '),
  Math.round(median(runs.map((run) => run.ms))),
  Math.max(...runs.map((run) => run.growthMiB)),
  Math.round(Math.max(...runs.map((run) => run.pauseMs))),
  runs.reduce((total, run) => total + run.polls, 0),
  runs.map((run) => run.mainCpuMs.toFixed(0)).join(', '),
  runs.map((run) => run.processCpuMs.toFixed(0)).join(', '),
];

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function runHostile(): Promise<BenchmarkResult> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-hostile-'));
  let server: ChildServer | null = null;
  try {
    const hostToken = await createHostToken(dataFolder);
    server = await startOurServer(dataFolder);
    const pid = server.process.pid;
    if (pid === undefined) throw new BenchmarkError('the server process has no pid');
    checkPeakMemoryReadable(pid);
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const setting: Setting = { server, pid, baseUrl, host: apiAs(baseUrl, hostToken) };
    console.log(
      `our server: pid ${pid}, port ${server.port}, SQLite in ${dataFolder}; load average ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    await warmUp(setting);
    console.log(`warmed up (one small .docx and PDF export: file worker and Chromium started); server resident ${residentMiB(pid).toFixed(0)} MiB\n`);

    const idle = await runIdle(setting);
    const redline = await runRedline(setting);
    const compare = await runCompare(setting);
    const flood = await runFlood(setting);
    console.log(
      `server resident after the cases: ${residentMiB(pid).toFixed(0)} MiB; load average ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}\n`,
    );
    await server.stop();
    server = null;

    printTable(
      [
        'case',
        'each run: ms (slowest health check ms)',
        'median ms',
        'server growth MiB (max)',
        'slowest health check ms',
        'health checks',
        'main thread CPU ms (each run)',
        'all threads CPU ms (each run)',
      ],
      [
        caseRow('(info) health checks alone, 1 s', [idle]),
        caseRow('redline .docx, 6,000-word replacement', redline.docx),
        caseRow('(info) redline PDF, same (Chromium not counted)', [redline.pdf]),
        caseRow('compare, 17,000 edits in one paragraph, document open', compare.open),
        caseRow('(info) compare, same, nobody has the document open', compare.closed),
        caseRow(`${floodFrames} sync step 1 on ${round(flood.documentBytes / 1e6)} MB, socket not reading (${floodWaitMs / 1000} s)`, [flood.run]),
      ],
      { title: 'hostile: our server in its own process (growth: peak resident memory during the case − resident before it)', digits: 1 },
    );
    const property = await runPropertyTest();

    const measured = [...redline.docx, ...compare.open, flood.run];
    const figures = {
      redline_6000_words_ms: Math.round(median(redline.docx.map((run) => run.ms))),
      redline_6000_words_mb: round(Math.max(...redline.docx.map((run) => run.growthMiB))),
      compare_17000_edits_ms: Math.round(median(compare.open.map((run) => run.ms))),
      compare_17000_edits_mb: round(Math.max(...compare.open.map((run) => run.growthMiB))),
      step1_flood_mb: round(flood.run.growthMiB),
      event_loop_max_pause_ms: Math.round(Math.max(...measured.map((run) => run.pauseMs))),
      property_runs: propertyRuns,
      property_failures: property.failures,
      redline_pdf_ms: Math.round(redline.pdf.ms),
      redline_pdf_mb: round(redline.pdf.growthMiB),
      redline_pdf_pause_ms: Math.round(redline.pdf.pauseMs),
      redline_6000_words_main_cpu_ms: Math.round(median(redline.docx.map((run) => run.mainCpuMs))),
      compare_17000_edits_main_cpu_ms: Math.round(median(compare.open.map((run) => run.mainCpuMs))),
      compare_closed_ms: Math.round(median(compare.closed.map((run) => run.ms))),
      compare_closed_pause_ms: Math.round(Math.max(...compare.closed.map((run) => run.pauseMs))),
      compare_closed_main_cpu_ms: Math.round(median(compare.closed.map((run) => run.mainCpuMs))),
      health_checks_main_cpu_ms_per_s: Math.round(idle.mainCpuMs),
      flood_document_bytes: flood.documentBytes,
      property_ms: Math.round(property.ms),
    };
    return {
      figures,
      targets: [
        { label: 'redline .docx of a 6,000-word replacement, median', actual: figures.redline_6000_words_ms, limit: limits.ms, unit: 'ms' },
        { label: 'redline .docx: server memory growth', actual: figures.redline_6000_words_mb, limit: limits.mb, unit: 'MiB' },
        { label: 'compare across 17,000 edits, median', actual: figures.compare_17000_edits_ms, limit: limits.ms, unit: 'ms' },
        { label: 'compare: server memory growth', actual: figures.compare_17000_edits_mb, limit: limits.mb, unit: 'MiB' },
        { label: `${floodFrames} sync step 1 frames: server memory growth`, actual: figures.step1_flood_mb, limit: limits.mb, unit: 'MiB' },
        { label: 'slowest health check during the cases', actual: figures.event_loop_max_pause_ms, limit: limits.pauseMs, unit: 'ms' },
        { label: `property test, ${propertyRuns} runs: failures`, actual: figures.property_failures, limit: limits.propertyFailures, unit: '' },
      ],
    };
  } finally {
    await server?.stop();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}

export const hostileBenchmark: Benchmark = {
  name: 'hostile',
  description:
    'a 6,000-word redline, a comparison across 17,000 edits, a sync step 1 flood: time, server memory, event-loop stalls; the write policy property test with 5,000 runs',
  run: runHostile,
};
