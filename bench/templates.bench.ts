import type { Page } from 'playwright-core';
import { templateLibrary } from '#shared/templates/library';
import { createTemplateIndex } from '#shared/templates/search';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { launchChromium, watchErrors } from './lib/chromium';
import { startEditorServer } from './lib/editorRoom';
import { median, summarize } from './lib/stats';
import { printTable } from './lib/table';

/**
 * The template library in Chromium, in server mode:
 * - wizard_create_ms: the new-document wizard creating a full enterprise collective agreement
 *   (every recommended article), from the click on "Create" until the editor is editable with
 *   every article in it (median of 3);
 * - library_search_ms: searching the whole library (115 templates, both languages, every wording,
 *   without diacritics) for each prefix of several queries, as the search box does on every
 *   keystroke (p95); and, for information, the same typing in Chromium, from the input event to
 *   the result list committed by React (library_search_ui_p95_ms: it includes the browser's
 *   own work on the page, about half of it).
 */

const wizardRuns = 3;
const queries = ['lam them gio', 'tang ca', 'quấy rối tình dục', 'nghi hang nam', 'tro cap thoi viec', 'thai san'];
const targets = { wizard: 500, search: 10 } as const;

async function fillWizard(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Văn bản mới' }).click();
  await page.getByLabel('Tên văn bản', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Tiếp theo' }).click();
  await page.getByLabel('Tên doanh nghiệp', { exact: true }).fill('Công ty TNHH May Sài Gòn');
  await page.getByLabel('Địa chỉ trụ sở chính', { exact: true }).fill('Lô 12, KCN Tân Bình, TP. Hồ Chí Minh');
  await page.getByLabel('Số người lao động', { exact: true }).fill('1250');
  await page.getByRole('button', { name: 'Tiếp theo' }).click();
  for (const [label, value] of [
    ['Họ và tên người đại diện của Người sử dụng lao động', 'Trần Văn Hùng'],
    ['Chức vụ người đại diện của Người sử dụng lao động', 'Tổng Giám đốc'],
    ['Tên Công đoàn cơ sở (tổ chức đại diện người lao động)', 'Công đoàn cơ sở Công ty TNHH May Sài Gòn'],
    ['Họ và tên Chủ tịch Công đoàn cơ sở', 'Lê Thị Mai'],
    ['Địa danh nơi ký', 'TP. Hồ Chí Minh'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: 'Tiếp theo' }).click();
}

/** Clicks "Create" and waits (polling every frame) until every chosen article is in an editable editor. */
async function createAndTime(page: Page, articleCount: number): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: /Tạo văn bản với \d+ điều/ }).click();
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('.article').length === expected &&
      document.querySelector('[data-testid=document-body]')?.getAttribute('contenteditable') === 'true',
    articleCount,
    { polling: 'raf', timeout: 30_000 },
  );
  return Date.now() - started;
}

/** Installs, in the page, a timer from each input event on the search box to React's commit. */
async function instrumentSearch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { searchSamples: number[] }).searchSamples = samples;
    document.addEventListener(
      'input',
      (event) => {
        if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'search') return;
        const started = event.timeStamp;
        // React renders a discrete input event synchronously: the next task runs after the commit.
        setTimeout(() => samples.push(performance.now() - started), 0);
      },
      true,
    );
  });
}

export const templatesBenchmark: Benchmark = {
  name: 'templates',
  description: 'new-document wizard (full enterprise agreement) until editable, and library search per keystroke, in Chromium',
  async run(): Promise<BenchmarkResult> {
    const { server, dispose } = await startEditorServer();
    const browser = await launchChromium();
    const errors: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      watchErrors(page, 'host', errors);
      await page.goto(server.hostUrl);
      await page.getByLabel('Tên hiển thị').fill('Chị Lan (Nhân sự)');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      const library = templateLibrary();
      const recommended =
        library.outlines
          .find((outline) => outline.kinds.includes('enterprise_agreement'))
          ?.chapters.flatMap((chapter) => chapter.articles)
          .filter((id) => library.templates.find((t) => t.id === id)?.recommended) ?? [];

      const wizardSamples: number[] = [];
      for (let run = 0; run < wizardRuns; run += 1) {
        await page.goto(`${server.url}/#/`);
        await fillWizard(page, `Thỏa ước lao động tập thể — lần ${run + 1}`);
        wizardSamples.push(await createAndTime(page, recommended.length));
      }

      await page.getByRole('tab', { name: 'Thư viện' }).click();
      const search = page.locator('input[type=search]');
      await search.waitFor();
      await instrumentSearch(page);
      for (const query of queries) {
        await search.fill('');
        await search.pressSequentially(query, { delay: 20 });
      }
      await page.waitForTimeout(100);
      const samples = await page.evaluate(() => (window as unknown as { searchSamples: number[] }).searchSamples);
      const keystrokes = queries.reduce((sum, query) => sum + query.length, 0);
      if (samples.length < keystrokes) throw new BenchmarkError(`only ${samples.length} of ${keystrokes} keystrokes were measured`);
      if (errors.length > 0) throw new BenchmarkError(`the pages reported errors:\n${errors.join('\n')}`);

      const index = createTemplateIndex(library.templates);
      const bare: number[] = [];
      for (const query of queries) {
        for (let length = 1; length <= query.length; length += 1) {
          const started = performance.now();
          index.search({ text: query.slice(0, length) });
          bare.push(performance.now() - started);
        }
      }

      const wizard = median(wizardSamples);
      const ui = summarize(samples);
      const searchTimes = summarize(bare);
      printTable(
        ['measure', 'samples', 'median ms', 'p95 ms'],
        [
          [`wizard → editable (${recommended.length} articles)`, String(wizardSamples.length), wizard.toFixed(0), '—'],
          [
            `library search per keystroke, ${library.templates.length} templates`,
            String(searchTimes.count),
            searchTimes.median.toFixed(3),
            searchTimes.p95.toFixed(3),
          ],
          ['(info) in Chromium: keystroke → results committed', String(ui.count), ui.median.toFixed(2), ui.p95.toFixed(2)],
        ],
      );
      return {
        figures: {
          wizard_create_ms: Math.round(wizard),
          library_search_ms: Number(searchTimes.p95.toFixed(3)),
          library_search_ui_median_ms: Number(ui.median.toFixed(2)),
          library_search_ui_p95_ms: Number(ui.p95.toFixed(2)),
          wizard_articles: recommended.length,
        },
        targets: [
          { label: 'wizard: create until editable', actual: wizard, limit: targets.wizard, unit: 'ms' },
          { label: 'library search per keystroke (p95)', actual: searchTimes.p95, limit: targets.search, unit: 'ms' },
        ],
      };
    } finally {
      await browser.close();
      await dispose();
    }
  },
};
