import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { insertArticleAfter, readArticle, removeArticle } from '#shared/document/articles';
import type { TopLevelBlock } from '#shared/document/nodes';
import { readContent } from '#shared/document/yjsContent';
import { databaseFileName } from '#main/server/dataFolder';
import type { VersionRecord } from '#main/store/records';
import { generateAgreement } from './lib/agreementBody';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { databaseBytes } from './lib/ourStore';
import { summarize, type Summary } from './lib/stats';
import { printTable } from './lib/table';
import { loadSequentialTrace, patchCount } from './lib/traces';
import { articleElements, clientCopy, elementsOf, openVersionsRoom, seededRandom, type VersionsRoom } from './lib/versionsRoom';

/**
 * Version history at scale. The automerge-paper trace is typed into one article of a document
 * (one Yjs update per patch, received as the sync server receives them) with a named version
 * every 260 updates (about 1,000 versions); a 300-article agreement is edited in rounds with a
 * version after each. Measured: making a version (time, bytes), rebuilding a random past version
 * against loading the document itself, comparing two versions, the database against the document.
 */

const dataset = 'automerge-paper';
const updatesPerVersion = 260;
const rebuildSamples = 100;
const agreementRounds = 60;
const compareSamples = 30;
const admin = { kind: 'admin' } as const;

const paperBody: TopLevelBlock[] = [
  {
    type: 'article',
    clauseId: 'bai-bao',
    children: [
      { type: 'article-title', children: [{ text: 'A Conflict-Free Replicated JSON Datatype' }] },
      { type: 'paragraph', children: [{ text: '' }] },
    ],
  },
];

/** The trace as the updates a client typing it into the article's paragraph would send. */
function traceUpdates(state: Uint8Array): { updates: Uint8Array[]; endContent: string } {
  const trace = loadSequentialTrace(dataset);
  const client = clientCopy(state);
  const paragraph = elementsOf(articleElements(client.doc)[0]?.element ?? new Y.XmlText())[1];
  if (!paragraph) throw new BenchmarkError('the paper article has no paragraph');
  const updates: Uint8Array[] = [];
  if (trace.startContent !== '') paragraph.insert(0, trace.startContent);
  for (const txn of trace.txns) {
    for (const [position, deleted, inserted] of txn.patches) {
      client.doc.transact(() => {
        if (deleted > 0) paragraph.delete(position, deleted);
        if (inserted !== '') paragraph.insert(position, inserted);
      });
      updates.push(...client.take());
    }
  }
  if (paragraph.toString() !== trace.endContent) throw new BenchmarkError('replaying the trace into the paragraph did not give its endContent');
  console.log(`${dataset}: ${patchCount(trace).toLocaleString('en-US')} patches → ${updates.length.toLocaleString('en-US')} updates (not measured)\n`);
  return { updates, endContent: trace.endContent };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** A named version as the API makes it: a decision of the room, clients' frames waiting meanwhile. */
async function makeVersion(room: VersionsRoom, name: string): Promise<{ ms: number; record: VersionRecord }> {
  const loaded = await room.room();
  const { ms, value } = await timed(() => loaded.exclusive(() => room.versions.writeVersion(loaded, { kind: 'named', name, authorId: room.participantId })));
  if (!value) throw new BenchmarkError('a named version was not made');
  return { ms, record: value };
}

/**
 * Rebuilding random past versions with nobody holding the document open (load, then read the
 * version), interleaved with loading the document alone (in ABBA order), so both see the same
 * machine; then with the document open, as the history panel of a connected client finds it.
 */
async function measureRebuilds(room: VersionsRoom, versions: readonly VersionRecord[], expected: ReadonlyMap<string, string>) {
  const random = seededRandom(260);
  const cold: number[] = [];
  const loads: number[] = [];
  const warm: number[] = [];
  await room.release();
  for (let sample = 0; sample <= rebuildSamples; sample += 1) {
    const version = versions[Math.floor(random() * versions.length)] as VersionRecord;
    const loadOnly = async () => (await timed(() => room.sync.withRoom(room.documentId, () => undefined))).ms;
    const isLoadFirst = sample % 2 === 0;
    const loadBefore = isLoadFirst ? await loadOnly() : 0;
    const rebuild = await timed(() => room.versions.get(room.documentId, version.id, admin));
    const load = isLoadFirst ? loadBefore : await loadOnly();
    const want = expected.get(version.id);
    if (want !== undefined && JSON.stringify(rebuild.value.text.blocks) !== want)
      throw new BenchmarkError(`version ${version.number} did not rebuild to the text it was taken at`);
    if (sample === 0) continue; // warm-up
    loads.push(load);
    cold.push(rebuild.ms);
  }
  await room.room();
  for (let sample = 0; sample <= rebuildSamples; sample += 1) {
    const version = versions[Math.floor(random() * versions.length)] as VersionRecord;
    const { ms } = await timed(() => room.versions.get(room.documentId, version.id, admin));
    if (sample > 0) warm.push(ms);
  }
  return { cold: summarize(cold), load: summarize(loads), warm: summarize(warm) };
}

async function runTrace(folder: string) {
  const room = await openVersionsRoom(folder, paperBody, 'Bench: automerge-paper');
  try {
    const { updates, endContent } = traceUpdates(Y.encodeStateAsUpdate((await room.room()).doc));
    const creates: number[] = [];
    const versions: VersionRecord[] = [];
    const expected = new Map<string, string>();
    for (let start = 0; start < updates.length; start += updatesPerVersion) {
      await room.receive(updates.slice(start, start + updatesPerVersion));
      const made = await makeVersion(room, `Bản ${versions.length + 1}`);
      creates.push(made.ms);
      versions.push(made.record);
      if (versions.length % 50 === 1) expected.set(made.record.id, JSON.stringify(readContent((await room.room()).doc)));
    }
    const { doc } = await room.room();
    if (!JSON.stringify(readContent(doc)).includes(JSON.stringify(endContent).slice(1, 200))) throw new BenchmarkError('the document does not hold the trace');
    const stateBytes = Y.encodeStateAsUpdate(doc).length;
    const rebuilds = await measureRebuilds(room, versions, expected);
    const storage = await room.context.store.versions.storage(room.documentId);
    await room.release();
    await room.close();
    const file = databaseBytes(join(folder, databaseFileName));
    return { creates: summarize(creates), versions: versions.length, rebuilds, storage, stateBytes, dbBytes: file.main + file.wal };
  } catch (error) {
    await room.close();
    throw error;
  }
}

/** One round of edits in a copy of the agreement: words in a few articles, now and then an article added, removed or moved. */
function editRound(doc: Y.Doc, random: () => number, round: number): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  for (let edit = 0; edit < 5; edit += 1) {
    const article = pick(articleElements(doc));
    const block = pick(elementsOf(article.element).slice(1));
    const at = Math.floor(random() * block.length);
    doc.transact(() => {
      block.delete(at, Math.min(12, block.length - at));
      block.insert(at, ' theo thỏa thuận của hai bên ');
    });
  }
  const articles = articleElements(doc);
  if (round % 5 === 0) {
    const after = pick(articles).clauseId;
    doc.transact(() =>
      insertArticleAfter(doc, after, {
        type: 'article',
        clauseId: `them-${round}`,
        children: [
          { type: 'article-title', children: [{ text: `Điều bổ sung ${round}` }] },
          { type: 'paragraph', children: [{ text: 'Hai bên thống nhất bổ sung nội dung này trong phiên thương lượng.' }] },
        ],
      }),
    );
  }
  if (round % 7 === 0) doc.transact(() => removeArticle(doc, pick(articles).clauseId));
  if (round % 11 === 0) {
    const moving = pick(articles).clauseId;
    const target = pick(articles).clauseId;
    const article = readArticle(doc, moving);
    if (article && target !== moving) {
      doc.transact(() => {
        removeArticle(doc, moving);
        insertArticleAfter(doc, target, article);
      });
    }
  }
}

async function runAgreement(folder: string) {
  const room = await openVersionsRoom(folder, generateAgreement(300), 'Bench: 300 articles');
  try {
    const client = clientCopy(Y.encodeStateAsUpdate((await room.room()).doc));
    const random = seededRandom(300);
    const creates: number[] = [];
    const versions: VersionRecord[] = [];
    for (let round = 1; round <= agreementRounds; round += 1) {
      editRound(client.doc, random, round);
      await room.receive(client.take());
      const made = await makeVersion(room, `Vòng ${round}`);
      creates.push(made.ms);
      versions.push(made.record);
    }
    const compares: number[] = [];
    let widest = 0;
    for (let sample = 0; sample <= compareSamples; sample += 1) {
      const first = sample === 1 ? 0 : Math.floor(random() * versions.length);
      const second = sample === 1 ? versions.length - 1 : Math.floor(random() * versions.length);
      const from = versions[Math.min(first, second)] as VersionRecord;
      const to = versions[Math.max(first, second)] as VersionRecord;
      const { ms, value } = await timed(() => room.history.compare(room.documentId, from.id, to.id, admin));
      widest = Math.max(widest, value.articles.length);
      if (sample > 0) compares.push(ms);
    }
    const storage = await room.context.store.versions.storage(room.documentId);
    await room.close();
    return { creates: summarize(creates), compares: summarize(compares), widest, storage, versions: versions.length };
  } catch (error) {
    await room.close();
    throw error;
  }
}

const row = (label: string, summary: Summary): (string | number)[] => [label, summary.median, summary.p95, summary.max];
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function runVersions(): Promise<BenchmarkResult> {
  const root = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-versions-'));
  try {
    const trace = await runTrace(mkdtempSync(join(root, 'trace-')));
    const agreement = await runAgreement(mkdtempSync(join(root, 'agreement-')));
    printTable(
      ['ms', 'median', 'p95', 'max'],
      [
        row(`make a version (trace, ${trace.versions} versions)`, trace.creates),
        row(`make a version (300 articles, ${agreement.versions} versions)`, agreement.creates),
        row('rebuild a random version, document not open (load + read)', trace.rebuilds.cold),
        row('(same run) load the document from its stored state', trace.rebuilds.load),
        row('(info) rebuild a random version, document open', trace.rebuilds.warm),
        row(`compare two versions of the 300-article agreement (up to ${agreement.widest} articles changed)`, agreement.compares),
      ],
      { title: 'Times', digits: 2 },
    );
    const versionBytes = (trace.storage.snapshotBytes + trace.storage.summaryBytes) / trace.storage.count;
    printTable(
      ['bytes', 'value'],
      [
        ['trace: versions stored', trace.storage.count],
        ['trace: snapshot bytes (all versions)', trace.storage.snapshotBytes],
        ['trace: summary bytes (all versions)', trace.storage.summaryBytes],
        ['trace: bytes per version (snapshot + summary), mean', round(versionBytes, 1)],
        ['trace: largest version', trace.storage.largestBytes],
        ['300 articles: bytes per version, mean', round((agreement.storage.snapshotBytes + agreement.storage.summaryBytes) / agreement.storage.count, 1)],
        ['300 articles: largest version', agreement.storage.largestBytes],
        ['trace: final document state (gc off)', trace.stateBytes],
        ['trace: database file after close', trace.dbBytes],
        ['trace: database / document state', round(trace.dbBytes / trace.stateBytes)],
      ],
      { title: 'Storage', digits: 1 },
    );
    // A version's cost is its median time (the p95 is printed too: on a shared machine it is mostly other work).
    const createMs = Math.max(trace.creates.median, agreement.creates.median);
    const createP95 = Math.max(trace.creates.p95, agreement.creates.p95);
    // Like for like: the p95 of rebuilds over the p95 of loads measured beside them (a shared
    // machine's noise lands in both tails); the ratio to the median load is printed too.
    const rebuildRatio = trace.rebuilds.cold.p95 / trace.rebuilds.load.p95;
    console.log(
      `rebuild p95 / load p95 = ${round(rebuildRatio, 3)}; rebuild median / load median = ${round(trace.rebuilds.cold.median / trace.rebuilds.load.median, 3)}; rebuild p95 / load median = ${round(trace.rebuilds.cold.p95 / trace.rebuilds.load.median, 3)}\n`,
    );
    return {
      figures: {
        version_create_ms: round(createMs),
        version_create_p95_ms: round(createP95),
        version_bytes: Math.round(versionBytes),
        rebuild_p95_ms: round(trace.rebuilds.cold.p95),
        rebuild_median_ms: round(trace.rebuilds.cold.median),
        rebuild_ratio: round(rebuildRatio, 3),
        rebuild_median_ratio: round(trace.rebuilds.cold.median / trace.rebuilds.load.median, 3),
        load_ms: round(trace.rebuilds.load.median),
        load_p95_ms: round(trace.rebuilds.load.p95),
        rebuild_warm_p95_ms: round(trace.rebuilds.warm.p95),
        compare_ms: round(agreement.compares.median),
        compare_p95_ms: round(agreement.compares.p95),
        db_bytes_trace: trace.dbBytes,
        document_state_bytes: trace.stateBytes,
        versions_trace: trace.storage.count,
      },
      targets: [
        { label: 'make a version, median (the slower document)', actual: createMs, limit: 5, unit: 'ms' },
        { label: 'bytes per version (trace, mean)', actual: versionBytes, limit: 8192, unit: 'bytes' },
        { label: 'rebuild a random version, p95', actual: trace.rebuilds.cold.p95, limit: 100, unit: 'ms' },
        { label: 'rebuild p95 / load the document (p95, same run)', actual: rebuildRatio, limit: 1.5, unit: '×' },
        { label: 'compare two versions (300 articles), median', actual: agreement.compares.median, limit: 100, unit: 'ms' },
        { label: 'compare two versions (300 articles), p95', actual: agreement.compares.p95, limit: 100, unit: 'ms' },
        { label: 'database of the trace with its versions', actual: trace.dbBytes, limit: 10 * 1024 * 1024, unit: 'bytes' },
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const versionsBenchmark: Benchmark = {
  name: 'versions',
  description: 'version history: automerge-paper with a version every 260 updates, and a 300-article agreement: make, rebuild, compare, storage',
  run: runVersions,
};
