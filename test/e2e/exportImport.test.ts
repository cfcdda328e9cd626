import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { irregularDocx } from '../export/irregularDocx';
import { plainText } from '#shared/document/nodes';
import { artifactRecorder, launchChromium, pageContent, watchErrors } from './browser';

describe('E2E import of a .docx and the export dialog', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('the host imports a .docx (report first, then create), exports it as PDF and DOCX, and can cancel', async () => {
    const shot = artifactRecorder('export-import');
    const host = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    const errors = watchErrors(host);
    await host.goto(harness.server.hostUrl);
    await host.getByLabel('Tên hiển thị').fill('Chị Lan (Nhân sự)');
    await host.getByRole('button', { name: 'Tiếp tục' }).click();

    // Choose the file: the report comes first, and nothing is created yet.
    await host
      .getByTestId('import-docx')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'thoa-uoc-cu.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await irregularDocx(),
      });
    await host.getByTestId('import-report').waitFor();
    await expect.poll(() => host.getByTestId('import-count-articles').innerText()).toBe('6');
    await expect.poll(() => host.locator('.import-issues li[data-code=skipped_article_number]').innerText()).toContain('mong đợi Điều 2, gặp Điều 3');
    await shot(host, 'import-report');
    expect(await harness.server.handlers['documents/list']({ includeArchived: false }, { kind: 'admin' })).toEqual([]);
    await expect.poll(() => host.getByLabel('Tên văn bản').inputValue()).toBe('Thỏa ước lao động tập thể Công ty Cổ phần Dệt Nam Định');

    await host.getByRole('button', { name: 'Tạo văn bản' }).click();
    await host.waitForSelector('[data-testid=document-body]');
    const content = await pageContent(host);
    const articles = content.flatMap((block) => (block.type === 'chapter' ? block.children.filter((child) => child.type === 'article') : []));
    expect(articles).toHaveLength(6);
    // On screen: the outline lists the six articles by their numbers and titles, as the file had them.
    await host.getByRole('tab', { name: 'Mục lục' }).click();
    const outline = host.locator('nav.outline');
    await expect.poll(() => outline.innerText()).toContain('Điều 6');
    for (const article of articles) expect(await outline.innerText()).toContain(plainText(article.children[0] ?? { text: '' }));
    await shot(host, 'imported-document');

    // Export as PDF: a download through a Blob.
    await host.getByRole('button', { name: 'Xuất…' }).click();
    const dialog = host.getByTestId('export-dialog');
    await dialog.getByLabel('PDF').check();
    await shot(host, 'export-dialog');
    const [pdf] = await Promise.all([host.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất tệp' }).click()]);
    expect(pdf.suggestedFilename()).toBe('Thỏa ước lao động tập thể Công ty Cổ phần Dệt Nam Định.pdf');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await dialog.getByTestId('export-done').waitFor();

    // DOCX in both languages.
    await dialog.getByLabel('Word (.docx)').check();
    await dialog.getByLabel('Ngôn ngữ').selectOption('both');
    const [docx] = await Promise.all([host.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất tệp' }).click()]);
    expect(docx.suggestedFilename()).toBe('Thỏa ước lao động tập thể Công ty Cổ phần Dệt Nam Định (song ngữ).docx');
    expect(
      readFileSync(await docx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // Cancel while the server works: the request is held here until the page gives up on it.
    let released = false;
    await host.route('**/api/documents/exportPdf', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      released = true;
      await route.abort().catch(() => {});
    });
    await dialog.getByLabel('PDF').check();
    await dialog.getByRole('button', { name: 'Xuất tệp' }).click();
    await host.getByTestId('task-progress').waitFor();
    await shot(host, 'export-progress');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await host.getByTestId('task-progress').waitFor({ state: 'detached' });
    expect(released).toBe(false);
    expect(await dialog.locator('.error-notice').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => host.getByTestId('export-dialog').count()).toBe(0);
    expect(errors.filter((error) => !error.includes('net::ERR_ABORTED') && !error.includes('Failed to fetch'))).toEqual([]);
  }, 120_000);
});
