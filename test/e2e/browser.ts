import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { TopLevelBlock } from '#shared/document/nodes';

/** Debian's Chromium, with the flags it needs on a machine without internet access. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The folder of a scenario's artifacts, test-artifacts/e2e/<scenario>/ (made if missing). */
export function scenarioArtifactFolder(scenario: string): string {
  const folder = join(process.cwd(), 'test-artifacts', 'e2e', scenario);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Screenshots of each step (a whole page, or one part of it), kept as test artifacts in test-artifacts/e2e/<scenario>/. */
export function artifactRecorder(scenario: string) {
  const folder = scenarioArtifactFolder(scenario);
  let step = 0;
  return async (target: Page | Locator, name: string): Promise<void> => {
    step += 1;
    await target.screenshot({ path: join(folder, `${String(step).padStart(2, '0')}-${name}.png`) });
  };
}

/**
 * Collects a page's errors and console errors, to assert none happened (CSP violations included),
 * into `into` (several pages into one list); returns that list, which fills as they happen.
 */
export function watchErrors(page: Page, into: string[] = []): string[] {
  page.on('pageerror', (error) => into.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`console: ${message.text()}`);
  });
  return into;
}

/** A person opening an invitation link in a fresh browser profile: name, join, document open. */
export async function joinWithLink(context: BrowserContext, serverUrl: string, code: string, displayName: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/#/join/${code}`);
  await page.getByLabel(/Tên hiển thị|Display name/).fill(displayName);
  await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();
  await page.getByRole('button', { name: /^(Tham gia|Join)$/ }).click();
  await page.waitForSelector('[data-testid=document-body]');
  return page;
}

/**
 * An article as a person reads it: its text as shown, chips with their values, badges included.
 * Scrolled to first, and read once it shows: an article off screen is not laid out
 * (content-visibility), and has no text to read until the frame after it comes into view; read
 * sooner, it would be empty, and would pass any "does not contain".
 */
export async function articleShown(page: Page, clauseId: string): Promise<string> {
  const selector = `.article[data-clause-id="${clauseId}"]`;
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForFunction((articleSelector) => {
    const article = window.document.querySelector(articleSelector);
    return article instanceof HTMLElement && article.innerText.trim() !== '';
  }, selector);
  return page.locator(selector).innerText();
}

/**
 * An article's heading as a person reads it: the label drawn before the title ("Điều 3.",
 * "Article 3."; CSS ::before, so not in innerText), then the title.
 */
export async function articleHeadingShown(page: Page, clauseId: string): Promise<string> {
  await articleShown(page, clauseId);
  return page.locator(`.article[data-clause-id="${clauseId}"] .article-title`).evaluate((element) => {
    // The computed content is a list of quoted strings, e.g. "Điều 3." " ".
    const label = Array.from(getComputedStyle(element, '::before').content.matchAll(/"((?:[^"\\]|\\.)*)"/g), (part) => part[1]).join('');
    return `${label}${(element as HTMLElement).innerText}`;
  });
}

/** The document as the page's Yjs state holds it (not innerText: off-screen articles are skipped). */
export function pageContent(page: Page): Promise<TopLevelBlock[]> {
  return page.evaluate(() => (window as unknown as { thoaUocDebug: { content: () => TopLevelBlock[] } }).thoaUocDebug.content());
}

export async function connectionState(page: Page): Promise<{ state: string | null; pending: number }> {
  const status = page.getByTestId('connection-status');
  return { state: await status.getAttribute('data-state'), pending: Number(await status.getAttribute('data-pending')) };
}

/**
 * The layout shifts, since the page loaded, that moved the whole workspace (the document and the
 * side pane) as "y→y": something appearing above it late, under a click aimed at an article.
 */
export function workspaceShifts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        interface Shift {
          sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        }
        // The entries recorded so far come in one call, soon; none at all, no call.
        const none = setTimeout(() => resolve([]), 1000);
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          clearTimeout(none);
          resolve(
            (list.getEntries() as unknown as Shift[]).flatMap((shift) =>
              (shift.sources ?? [])
                .filter((source) => source.node instanceof Element && source.node.classList.contains('workspace'))
                .map((source) => `${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}`),
            ),
          );
        }).observe({ type: 'layout-shift', buffered: true });
      }),
  );
}
