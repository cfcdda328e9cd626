import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDocument, startHarness, type Harness } from '../helpers/serverHarness';
import { zipPart } from '../export/fileTools';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';

async function invite(harness: Harness, documentId: string, side: 'employer' | 'union') {
  return (await harness.server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' })).code;
}

const body = (page: Page) => page.getByTestId('document-body');

/** What a screen shows as suggested insertions, in order. */
const insertionsShown = (page: Page) => body(page).locator('ins.suggestion').allInnerTexts();

describe('E2E suggestions in Chromium against server mode', () => {
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

  it('the union suggests two changes; the employer accepts one and rejects the other; both screens show the result; the Word file comes back as suggestions', async () => {
    const shot = artifactRecorder('suggestions');
    const document = await createDocument(harness.server, 'Thỏa ước lao động tập thể Công ty Dệt Nam Định');
    const employer = await joinWithLink(
      await browser.newContext({ viewport: { width: 1280, height: 860 } }),
      harness.server.url,
      await invite(harness, document.id, 'employer'),
      'Chị Lan (Nhân sự)',
    );
    const union = await joinWithLink(
      await browser.newContext({ viewport: { width: 1280, height: 860 } }),
      harness.server.url,
      await invite(harness, document.id, 'union'),
      'Anh Minh (Công đoàn)',
    );
    const errors = watchErrors(union, watchErrors(employer));

    // The union switches to Suggesting mode with its shortcut, and types in the opening paragraph and in an article's title.
    await body(union).locator('p').first().click();
    await union.keyboard.press('Control+Shift+E');
    await expect.poll(() => union.getByTestId('suggesting-switch').getAttribute('aria-pressed')).toBe('true');
    expect(await union.getByTestId('suggesting-switch').innerText()).toBe('Gợi ý');
    await union.keyboard.press('End');
    await union.keyboard.type(' Đề nghị thứ nhất.', { delay: 5 });
    await body(union).locator('.article-title').first().click();
    await union.keyboard.press('End');
    await union.keyboard.type(' (đề nghị thứ hai)', { delay: 5 });
    await expect.poll(() => insertionsShown(union)).toEqual([' (đề nghị thứ hai)', ' Đề nghị thứ nhất.']);

    // The employer sees both, in the union's colour, with who suggested them.
    await expect.poll(() => insertionsShown(employer), { timeout: 10_000 }).toEqual([' (đề nghị thứ hai)', ' Đề nghị thứ nhất.']);
    const first = body(employer).locator('ins.suggestion').last();
    expect(await first.getAttribute('class')).toContain('side-union');
    // Who and when show as the pointer reaches the run (the tooltip is made then, decision 0031).
    expect(await first.getAttribute('title')).toBeNull();
    await first.hover();
    await expect.poll(() => first.getAttribute('title')).toMatch(/^Gợi ý thêm — của Anh Minh \(Công đoàn\), /);
    // And, moving through the text, in a line under the toolbar.
    await first.click();
    await expect.poll(() => employer.getByTestId('suggestion-at-cursor').innerText()).toMatch(/^Gợi ý thêm — của Anh Minh \(Công đoàn\), /);
    await employer.getByRole('tab', { name: 'Gợi ý' }).click();
    await expect.poll(() => employer.getByTestId('suggestion-counts').innerText()).toContain('2 gợi ý đang chờ');
    await shot(employer, 'employer-reviews');

    // The union sends the text to a party working in Word: the .docx carries both as tracked changes in its name (decision 0030).
    await union.getByRole('button', { name: 'Xuất…' }).click();
    const dialog = union.getByTestId('export-dialog');
    await dialog.getByTestId('export-tracked-changes').check();
    const [download] = await Promise.all([union.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất tệp' }).click()]);
    const xml = zipPart(readFileSync(await download.path()), 'word/document.xml');
    const author = 'Anh Minh (Công đoàn) (Tổ chức đại diện người lao động)';
    const tracked = [...xml.matchAll(/<w:ins w:id="\d+" w:author="([^"]*)" w:date="[^"]*Z">(.*?)<\/w:ins>/g)].map((match) => [
      match[1],
      match[2]?.replace(/<[^>]+>/g, ''),
    ]);
    expect(tracked.sort()).toEqual([
      [author, ' (đề nghị thứ hai)'],
      [author, ' Đề nghị thứ nhất.'],
    ]);
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    const items = employer.getByTestId('suggestion-item');
    await items.filter({ hasText: 'Đề nghị thứ nhất.' }).getByRole('button', { name: 'Chấp nhận' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await items.filter({ hasText: 'đề nghị thứ hai' }).getByRole('button', { name: 'Từ chối' }).click();
    await expect.poll(() => employer.getByTestId('suggestion-counts').innerText()).toContain('0 gợi ý đang chờ');

    // Both screens: the accepted words are plain text, the rejected ones are gone.
    for (const page of [employer, union]) {
      await expect.poll(() => insertionsShown(page), { timeout: 10_000 }).toEqual([]);
      await expect.poll(() => body(page).locator('p').first().innerText()).toContain('Đề nghị thứ nhất.');
      expect(await body(page).innerText()).not.toContain('đề nghị thứ hai');
    }
    await shot(union, 'union-after-decisions');

    // The file comes back from Word: the union imports it in the Suggestions tab; the report says
    // what became suggestions, which the employer sees as the union's.
    await union.getByRole('tab', { name: 'Gợi ý' }).click();
    const importer = union.getByTestId('word-suggestions-import');
    await importer.locator('input[type="file"]').setInputFiles(await download.path());
    const report = union.getByTestId('word-import-report');
    // The title's words, rejected since, are suggested again; the opening paragraph, which reads
    // otherwise since its suggestion was accepted, is left unchanged and reported with why.
    await expect.poll(() => report.innerText(), { timeout: 15_000 }).toContain('Đã tạo 1 gợi ý, trong 1 đoạn.');
    expect(await report.locator('li').evaluateAll((lines) => lines.map((line) => line.getAttribute('data-reason')))).toEqual(['no_match']);
    expect(await report.innerText()).toContain('Không có đoạn nào của văn bản đọc như trước khi sửa');
    await expect.poll(() => insertionsShown(employer), { timeout: 10_000 }).toEqual([' (đề nghị thứ hai)']);
    expect(await body(employer).locator('ins.suggestion').first().getAttribute('class')).toContain('side-union');
    expect(errors).toEqual([]);
  }, 120_000);
});
