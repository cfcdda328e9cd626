import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { RunningServer } from '#main/server/serverMode';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { launchChromium, watchErrors } from './lib/chromium';
import { installEditorProbe, keepNamesShim, type LoadTiming, type LocalTiming, type PeerTiming } from './lib/editorProbe';
import { expectedBodyAfterTyping, seedAgreement, startEditorServer, type BenchMembership, type SeededAgreement } from './lib/editorRoom';
import { summarize, type Summary } from './lib/stats';
import { waitForQuietMachine } from './lib/quietMachine';
import { printTable } from './lib/table';

/**
 * Typing latency in the real editor, in Chromium, against server mode: the employer types in the
 * middle of an agreement, the union watches the same place from another browser. Per keystroke:
 * beforeinput → input handled (Yjs updated and the editor's DOM changed), → the next painted
 * frame, and → painted in the other browser. Plus navigation start → editable with its first screen
 * drawn (the load its target is set on), and → every article drawn (decision 0032).
 * Run for agreements of 5, 300 and 1,000 articles, and of 300 articles carrying 300 pending
 * suggestions of the union: typing must not slow down with length, nor with suggestions.
 */

interface BenchCase {
  /** The suffix of its figures' names. */
  key: string;
  articles: number;
  suggestions: number;
  /** Measured keystrokes in each of its two turns (fewer for the big ones, to keep the run short). */
  keystrokesPerTurn: number;
}

const cases: readonly BenchCase[] = [
  { key: '5', articles: 5, suggestions: 0, keystrokesPerTurn: 100 },
  { key: '300', articles: 300, suggestions: 0, keystrokesPerTurn: 100 },
  { key: '1000', articles: 1000, suggestions: 0, keystrokesPerTurn: 50 },
  { key: '300s', articles: 300, suggestions: 300, keystrokesPerTurn: 50 },
];
/**
 * Cases take turns in ABCDDCBA order, each turn in freshly opened pages: a machine whose load
 * drifts during the run then weighs on every case alike (the scaling ratio compares them).
 */
const turns = ['5', '300', '1000', '300s', '300s', '1000', '300', '5'] as const;
const warmUpKeystrokes = 20;
const measureTimeoutMs = 10_000;
const viewport = { width: 1280, height: 860 };
const sessionKey = 'thoa-uoc.session';

/** Ordinary Vietnamese: ASCII letters, spaces and punctuation, and precomposed letters (ư, ộ, ế...). */
const typedText =
  ' Người lao động được hưởng nguyên lương trong những ngày nghỉ lễ, tết. Công ty bảo đảm bữa ăn giữa ca đủ dinh dưỡng và an toàn thực phẩm. Tiền thưởng cuối năm không thấp hơn một tháng lương ghi trong hợp đồng lao động. Hai bên đối thoại định kỳ mỗi quý một lần tại nơi làm việc.';

/** What one turn types: a warm-up, then the measured keystrokes; a case's second turn goes on after the first. */
function textOfTurn(benchCase: BenchCase, turnOfCase: number): string {
  const length = warmUpKeystrokes + benchCase.keystrokesPerTurn;
  return typedText.slice(turnOfCase * length, (turnOfCase + 1) * length);
}

function caseNamed(key: string): BenchCase {
  const found = cases.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no bench case ${key}`);
  return found;
}

const isAscii = (character: string): boolean => /^[\x20-\x7e]$/.test(character);

interface Keystroke {
  character: string;
  local: LocalTiming;
  peer: PeerTiming;
}

interface SizeResult {
  seeded: SeededAgreement;
  loads: { employer: LoadTiming; union: LoadTiming };
  keystrokes: Keystroke[];
}

/** A person in a fresh profile of their own browser, already joined (the session is pre-seeded). */
async function openPerson(browser: Browser, memberships: BenchMembership[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const session = JSON.stringify({ displayName: memberships[0]?.displayName ?? null, hostToken: null, memberships });
  await context.addInitScript(
    ([key, value]) => {
      if (location.protocol === 'http:') localStorage.setItem(key, value);
    },
    [sessionKey, session] as const,
  );
  return context;
}

/** Opens the document; `typedBefore` is what earlier turns added to it. */
async function openDocument(
  context: BrowserContext,
  server: RunningServer,
  seeded: SeededAgreement,
  typedBefore: string,
  who: string,
  errors: string[],
): Promise<{ page: Page; load: LoadTiming }> {
  // Not while the other page's start-up work (its compliance check, its idle work) or the server's
  // closing of the previous case still runs: each opening is measured as one person's, alone. A
  // page starts its compliance check 0.5 s after opening (renderer/compliance/complianceStore.ts):
  // the quiet window is longer, or the pause before the check would read as quiet.
  if ((await waitForQuietMachine({ windowMs: 1_000, timeoutMs: 10_000 })) === 'busy')
    console.log(`note: the machine was still busy when ${who} opened the document; that work counts in its load time`);
  const page = await context.newPage();
  const before = errors.length;
  watchErrors(page, who, errors);
  const expectation = { ...seeded.expectation, textLength: seeded.expectation.textLength + typedBefore.length };
  await page.addInitScript(keepNamesShim);
  await page.addInitScript(installEditorProbe, expectation);
  await page.goto(`${server.url}/#/d/${seeded.documentId}`);
  const load = await page.evaluate(() => window.editorBenchProbe?.loaded ?? Promise.reject(new Error('the probe is not installed')));
  if (load.yjsArticles !== expectation.articles || load.yjsTextLength !== expectation.textLength) {
    throw new BenchmarkError(
      `${who}: the page showed ${expectation.articles} articles but its Yjs content had ${load.yjsArticles} articles and ${load.yjsTextLength} characters (expected ${expectation.textLength})`,
    );
  }
  if (load.suggestionsShown !== expectation.suggestions || load.yjsPendingSuggestions !== expectation.suggestions) {
    throw new BenchmarkError(
      `${who}: ${expectation.suggestions} pending suggestions were seeded, but the page showed ${load.suggestionsShown} with their author and its Y.Doc held ${load.yjsPendingSuggestions}`,
    );
  }
  if (errors.length > before) throw new BenchmarkError(`${who}: errors while loading:\n${errors.slice(before).join('\n')}`);
  return { page, load };
}

/**
 * Scrolls `selector` to the middle of the view and waits until it stays put: articles coming
 * into view get their real height instead of their intrinsic size estimate, which moves what
 * follows them for a frame or two.
 */
async function scrollToStay(page: Page, selector: string): Promise<void> {
  const isSettled = await page.locator(selector).evaluate(async (element) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let attempt = 0; attempt < 20; attempt += 1) {
      element.scrollIntoView({ block: 'center' });
      const before = element.getBoundingClientRect().top;
      await nextFrame();
      if (Math.abs(element.getBoundingClientRect().top - before) < 1) return true;
    }
    return false;
  });
  if (!isSettled) throw new BenchmarkError(`${selector} kept moving while scrolled into view`);
}

/** Puts the caret at the end of the target block, as a person would: click its last line, End. */
async function placeCaret(typer: Page, watcher: Page, selector: string): Promise<void> {
  for (const page of [typer, watcher]) await scrollToStay(page, selector);
  const target = typer.locator(selector);
  const box = await target.boundingBox();
  if (!box) throw new BenchmarkError(`${selector} is not visible in the typing page`);
  await target.click({ position: { x: box.width - 4, y: box.height - 6 } });
  await typer.keyboard.press('End');
  const isInTarget = await target.evaluate((element) => {
    const selection = getSelection();
    return selection !== null && selection.isCollapsed && selection.anchorNode !== null && element.contains(selection.anchorNode);
  });
  if (!isInTarget) throw new BenchmarkError(`clicking ${selector} did not put the caret in it`);
}

async function typeOne(typer: Page, watcher: Page, selector: string, character: string, typedSoFar: string): Promise<Keystroke> {
  const armArgs = [selector, typedSoFar, measureTimeoutMs] as const;
  await typer.evaluate(([block, tail, timeout]) => window.editorBenchProbe?.armTyping(block, tail, timeout), armArgs);
  await watcher.evaluate(([block, tail, timeout]) => window.editorBenchProbe?.armPeer(block, tail, timeout), armArgs);
  await typer.keyboard.type(character);
  const [local, peer] = await Promise.all([
    typer.evaluate(() => window.editorBenchProbe?.typingResult() ?? Promise.reject(new Error('no probe'))),
    watcher.evaluate(() => window.editorBenchProbe?.peerResult() ?? Promise.reject(new Error('no probe'))),
  ]);
  return { character, local, peer };
}

function contentOf(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { thoaUocDebug?: { content: () => unknown } }).thoaUocDebug?.content());
}

/** Both pages' Yjs content must be the seeded body with exactly the typed text added. */
async function checkConvergence(typer: Page, watcher: Page, seeded: SeededAgreement, typed: string): Promise<void> {
  const [typerContent, watcherContent] = await Promise.all([contentOf(typer), contentOf(watcher)]);
  if (!isDeepStrictEqual(typerContent, watcherContent)) throw new BenchmarkError(`${seeded.key}: the two pages' Yjs contents differ after typing`);
  if (!isDeepStrictEqual(typerContent, expectedBodyAfterTyping(seeded, typed))) {
    throw new BenchmarkError(`${seeded.key}: the Yjs content is not the seeded body plus the typed text at the end of article ${seeded.targetArticle}`);
  }
  // Pending suggestions are not in that content (it is the accepted text): each page must still show them all.
  for (const [who, page] of [
    ['employer', typer],
    ['union', watcher],
  ] as const) {
    const shown = await page.evaluate(() => window.editorBenchProbe?.shownSuggestions() ?? -1);
    if (shown !== seeded.suggestionCount)
      throw new BenchmarkError(`${seeded.key}: after typing the ${who}'s page shows ${shown} of the ${seeded.suggestionCount} pending suggestions`);
  }
}

interface TurnResult {
  loads: { employer: LoadTiming; union: LoadTiming };
  keystrokes: Keystroke[];
}

/** Opens the document in both browsers, types one turn's text after `typedBefore`, closes them. */
async function runTurn(
  server: RunningServer,
  contexts: { employer: BrowserContext; union: BrowserContext },
  seeded: SeededAgreement,
  typedBefore: string,
  typed: string,
  errors: string[],
): Promise<TurnResult> {
  // One after the other, so that the two loads do not share the processor (openDocument waits for a quiet machine).
  const watcher = await openDocument(contexts.union, server, seeded, typedBefore, `union (${seeded.key})`, errors);
  const typer = await openDocument(contexts.employer, server, seeded, typedBefore, `employer (${seeded.key})`, errors);
  try {
    await placeCaret(typer.page, watcher.page, seeded.targetSelector);
    const keystrokes: Keystroke[] = [];
    for (let index = 0; index < typed.length; index += 1) {
      const character = typed[index] as string;
      const keystroke = await typeOne(typer.page, watcher.page, seeded.targetSelector, character, typedBefore + typed.slice(0, index + 1));
      if (index >= warmUpKeystrokes) keystrokes.push(keystroke);
    }
    await checkConvergence(typer.page, watcher.page, seeded, typedBefore + typed);
    return { loads: { employer: typer.load, union: watcher.load }, keystrokes };
  } finally {
    await typer.page.close();
    await watcher.page.close();
  }
}

/** Every turn, in ABBA order; the loads reported are those of each document's first opening. */
async function runTurns(
  server: RunningServer,
  contexts: { employer: BrowserContext; union: BrowserContext },
  seeded: readonly SeededAgreement[],
  errors: string[],
): Promise<SizeResult[]> {
  const results = new Map<string, SizeResult>();
  const typedSoFar = new Map<string, string>();
  for (const key of turns) {
    const agreement = seeded.find((candidate) => candidate.key === key);
    if (!agreement) throw new Error(`no agreement for case ${key}`);
    const before = typedSoFar.get(key) ?? '';
    const earlier = results.get(key);
    const typed = textOfTurn(caseNamed(key), earlier ? 1 : 0);
    const turn = await runTurn(server, contexts, agreement, before, typed, errors);
    typedSoFar.set(key, before + typed);
    results.set(
      key,
      earlier ? { ...earlier, keystrokes: [...earlier.keystrokes, ...turn.keystrokes] } : { seeded: agreement, loads: turn.loads, keystrokes: turn.keystrokes },
    );
  }
  return cases.map((benchCase) => results.get(benchCase.key) as SizeResult);
}

interface SizeFigures {
  load: number;
  complete: number;
  handled: Summary;
  paint: Summary;
  asciiPaint: Summary;
  viPaint: Summary;
  peerArrival: Summary;
  peerPaint: Summary;
}

function figuresOf(result: SizeResult): SizeFigures {
  const { keystrokes, loads } = result;
  const absoluteT0 = (keystroke: Keystroke): number => keystroke.local.timeOrigin + keystroke.local.t0;
  const paints = (filter: (character: string) => boolean) => summarize(keystrokes.filter((k) => filter(k.character)).map((k) => k.local.paintMs));
  return {
    // The slower of the two browsers' first opening of the document, to its first screen painted
    // (editable, every article in it, those in view drawn in full), and to every article drawn.
    load: Math.max(loads.employer.paintMs, loads.union.paintMs),
    complete: Math.max(loads.employer.completePaintMs, loads.union.completePaintMs),
    handled: summarize(keystrokes.map((k) => k.local.handledMs)),
    paint: paints(() => true),
    asciiPaint: paints(isAscii),
    viPaint: paints((character) => !isAscii(character)),
    peerArrival: summarize(keystrokes.map((k) => k.peer.updateAt - absoluteT0(k))),
    peerPaint: summarize(keystrokes.map((k) => k.peer.paintAt - absoluteT0(k))),
  };
}

/** How a case is named in its tables' titles. */
function caseTitle(seeded: SeededAgreement): string {
  const articles = `${seeded.articleCount.toLocaleString('en-US')} articles`;
  return seeded.suggestionCount > 0 ? `${articles} with ${seeded.suggestionCount} pending suggestions` : articles;
}

function printSize(result: SizeResult, figures: SizeFigures): void {
  const { seeded, loads } = result;
  const { keystrokesPerTurn } = caseNamed(seeded.key);
  printTable(
    ['browser', 'first screen, DOM ms', 'first screen, painted ms', 'every article, DOM ms', 'every article, painted ms'],
    (['employer', 'union'] as const).map((who) => [who, loads[who].domMs, loads[who].paintMs, loads[who].completeDomMs, loads[who].completePaintMs]),
    { title: `${caseTitle(seeded)}: navigation start → editable with the first screen drawn, and → every article drawn (first opening)`, digits: 1 },
  );
  const row = (label: string, summary: Summary) => [label, summary.count, summary.min, summary.median, summary.p95, summary.max];
  printTable(
    ['from beforeinput to', 'samples', 'min ms', 'median ms', 'p95 ms', 'max ms'],
    [
      row('input handled (Yjs + DOM)', figures.handled),
      row('painted, all keys', figures.paint),
      row('painted, ASCII keys', figures.asciiPaint),
      row('painted, Vietnamese keys', figures.viPaint),
      row("update in the peer's Y.Doc", figures.peerArrival),
      row("painted in the peer's browser", figures.peerPaint),
    ],
    {
      title: `${caseTitle(seeded)}: ${figures.paint.count} keystrokes at the end of article ${seeded.targetArticle} (2 turns of ${keystrokesPerTurn}, each after ${warmUpKeystrokes} warm-up)`,
      digits: 1,
    },
  );
}

/** The limits every large case must meet (issue 14, "Speed"); load differs with size. */
function caseTargets(label: string, sized: SizeFigures, loadLimitMs: number): BenchmarkResult['targets'] {
  return [
    { label: `input handled p95, ${label}`, actual: sized.handled.p95, limit: 16, unit: 'ms' },
    { label: `local paint p95, ${label}`, actual: sized.paint.p95, limit: 25, unit: 'ms' },
    { label: `local paint p95, Vietnamese keys, ${label}`, actual: sized.viPaint.p95, limit: 25, unit: 'ms' },
    { label: `peer paint p95, ${label}`, actual: sized.peerPaint.p95, limit: 30, unit: 'ms' },
    { label: `load to editable first screen, ${label}`, actual: sized.load, limit: loadLimitMs, unit: 'ms' },
  ];
}

function report(results: readonly SizeResult[]): BenchmarkResult {
  const figures = new Map(results.map((result) => [result.seeded.key, figuresOf(result)]));
  for (const result of results) printSize(result, figures.get(result.seeded.key) as SizeFigures);
  const large = figures.get('300') as SizeFigures;
  const small = figures.get('5') as SizeFigures;
  const round = (value: number): number => Math.round(value * 100) / 100;
  const named: Record<string, number> = {};
  for (const [size, sized] of figures) {
    Object.assign(named, {
      [`local_proc_median_ms_${size}`]: round(sized.handled.median),
      [`local_proc_p95_ms_${size}`]: round(sized.handled.p95),
      [`local_paint_median_ms_${size}`]: round(sized.paint.median),
      [`local_paint_p95_ms_${size}`]: round(sized.paint.p95),
      [`vi_local_paint_median_ms_${size}`]: round(sized.viPaint.median),
      [`vi_local_paint_p95_ms_${size}`]: round(sized.viPaint.p95),
      [`peer_paint_median_ms_${size}`]: round(sized.peerPaint.median),
      [`peer_paint_p95_ms_${size}`]: round(sized.peerPaint.p95),
      [`load_ms_${size}`]: round(sized.load),
      [`complete_ms_${size}`]: round(sized.complete),
    });
  }
  const scaling = large.paint.p95 / small.paint.p95;
  return {
    figures: {
      ...named,
      keystroke_scaling_ratio: round(scaling),
      // 5 and 300 articles; the bigger cases type fewer keys (their own counts follow).
      keystrokes_per_size: 2 * caseNamed('300').keystrokesPerTurn,
      keystrokes_per_size_1000: 2 * caseNamed('1000').keystrokesPerTurn,
      keystrokes_per_size_300s: 2 * caseNamed('300s').keystrokesPerTurn,
    },
    targets: [
      ...caseTargets('300 articles', large, 700),
      ...caseTargets('1,000 articles', figures.get('1000') as SizeFigures, 1500),
      ...caseTargets('300 articles, 300 suggestions', figures.get('300s') as SizeFigures, 700),
      { label: 'local paint p95, 300 / 5 articles', actual: scaling, limit: 1.5, unit: '×' },
    ],
  };
}

async function runEditor(): Promise<BenchmarkResult> {
  const needed = Math.max(...cases.map((benchCase) => 2 * (warmUpKeystrokes + benchCase.keystrokesPerTurn)));
  if (typedText.length < needed) throw new BenchmarkError(`the typed text has ${typedText.length} characters, fewer than the ${needed} two turns type`);
  const { server, dispose } = await startEditorServer();
  const browsers: Browser[] = [];
  const errors: string[] = [];
  try {
    const seeded = [];
    for (const benchCase of cases) seeded.push(await seedAgreement(server, benchCase.articles, benchCase.suggestions));
    // Two browsers, not two tabs: a background tab is throttled to about one frame a second.
    browsers.push(await launchChromium(), await launchChromium());
    const [employerBrowser, unionBrowser] = browsers as [Browser, Browser];
    const contexts = {
      employer: await openPerson(
        employerBrowser,
        seeded.map((agreement) => agreement.employer),
      ),
      union: await openPerson(
        unionBrowser,
        seeded.map((agreement) => agreement.union),
      ),
    };
    // Latency is measured in wall-clock time: other work on the machine shows in the figures.
    const loadAverage = (): string =>
      loadavg()
        .map((value) => value.toFixed(2))
        .join(' ');
    console.log(`machine: ${cpus().length} processors, load average ${loadAverage()} at the start`);
    if ((loadavg()[0] ?? 0) > cpus().length)
      console.log('WARNING: the machine is busy with other work; it shows in every latency below (compare the 5-article figures).');
    console.log(
      `server mode at ${server.url}; ${seeded.map((agreement) => `${caseTitle(agreement)} (${agreement.expectation.textLength.toLocaleString('en-US')} characters)`).join(', ')}\n`,
    );
    const results = await runTurns(server, contexts, seeded, errors);
    if (errors.length > 0) throw new BenchmarkError(`errors in the pages:\n${errors.join('\n')}`);
    console.log(`load average ${loadAverage()} at the end\n`);
    return report(results);
  } finally {
    for (const browser of browsers) await browser.close();
    await dispose();
  }
}

export const editorBenchmark: Benchmark = {
  name: 'editor',
  description: 'typing latency (local, painted, in the peer) and load time in Chromium: 5, 300 and 1,000 articles, and 300 with 300 pending suggestions',
  run: runEditor,
};
