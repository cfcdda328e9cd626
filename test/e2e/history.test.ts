import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { plainText } from '#shared/document/nodes';
import { databaseFileName } from '#main/server/dataFolder';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { historyBody } from '../versions/historyFixture';
import { articleShown, artifactRecorder, connectionState, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';

// Wide enough for the header to stay on one line (see library.test.ts).
const viewport = { width: 1440, height: 900 };

const allText = (blocks: unknown[]): string => (blocks as Parameters<typeof plainText>[0][]).map(plainText).join('\n');

async function join(harness: Harness, browser: Browser, documentId: string, side: 'employer' | 'union', name: string): Promise<Page> {
  const code = (await harness.server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' })).code;
  return joinWithLink(await browser.newContext({ viewport }), harness.server.url, code, name);
}

/** Types at the end of the first paragraph of an article, as a person would. */
async function typeInArticle(page: Page, clauseId: string, text: string): Promise<void> {
  const paragraph = page.locator(`section.article[data-clause-id="${clauseId}"] p`).first();
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
}

/** Waits until the page's copy has every text and all its changes are stored on the server. */
async function settled(page: Page, ...texts: string[]): Promise<void> {
  for (const text of texts) await expect.poll(async () => allText(await pageContent(page)), { timeout: 15_000 }).toContain(text);
  await expect.poll(() => connectionState(page), { timeout: 15_000 }).toEqual({ state: 'saved', pending: 0 });
}

describe('E2E version history in Chromium against server mode', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it(
    'two people edit, one names a version, both edit more: the comparison shows exactly the later changes with their authors; a restore reaches the other; a tampered signed version is marked',
    { timeout: 120_000 },
    async () => {
      const shot = artifactRecorder('history');
      const document = await harness.server.handlers['documents/create'](
        { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027', content: historyBody(), variables: {}, language: 'vi' },
        { kind: 'admin' },
      );
      const employer = await join(harness, browser, document.id, 'employer', 'Chị Lan (Nhân sự)');
      const union = await join(harness, browser, document.id, 'union', 'Anh Minh (Công đoàn)');
      const errors = watchErrors(union, watchErrors(employer));

      // Before the version: each edits an article.
      await typeInArticle(employer, 'dieu-thoi-han', ' Gia hạn khi hai bên đồng ý.');
      await typeInArticle(union, 'dieu-tien-luong', ' Trả vào ngày 05 hằng tháng.');
      await settled(employer, 'Gia hạn khi hai bên đồng ý.', 'Trả vào ngày 05 hằng tháng.');
      await settled(union, 'Gia hạn khi hai bên đồng ý.', 'Trả vào ngày 05 hằng tháng.');
      // Each reads the other's words on screen.
      expect(await articleShown(union, 'dieu-thoi-han')).toContain('Gia hạn khi hai bên đồng ý.');
      expect(await articleShown(employer, 'dieu-tien-luong')).toContain('Trả vào ngày 05 hằng tháng.');

      // The employer names the text as it is.
      await employer.getByRole('tab', { name: 'Lịch sử' }).click();
      await employer.getByLabel('Đặt tên cho nội dung hiện tại').fill('Đề xuất gửi công đoàn, vòng 2');
      await employer.getByRole('button', { name: 'Lưu phiên bản có tên' }).click();
      const namedItem = employer.locator('[data-testid=version-item][data-kind=named]');
      await expect.poll(() => namedItem.getByTestId('version-name').innerText(), { timeout: 10_000 }).toBe('Đề xuất gửi công đoàn, vòng 2');
      expect(await namedItem.getByTestId('version-summary').innerText()).toBe('Sửa Điều 2, 3 · cùng Anh Minh (Công đoàn)');
      await shot(employer, 'named-version-in-timeline');

      // Both edit more, in two other articles.
      await typeInArticle(employer, 'dieu-thuong-tet', ' Thưởng thêm nửa tháng lương.');
      await typeInArticle(union, 'dieu-pham-vi', ' Kể cả người học nghề.');
      await settled(employer, 'Thưởng thêm nửa tháng lương.', 'Kể cả người học nghề.');
      await settled(union, 'Thưởng thêm nửa tháng lương.', 'Kể cả người học nghề.');

      // The union compares the named version with the text now.
      await union.getByRole('tab', { name: 'Lịch sử' }).click();
      const unionNamed = union.locator('[data-testid=version-item][data-kind=named]');
      await unionNamed.getByRole('button', { name: 'So với hiện tại' }).click();
      const dialog = union.getByTestId('history-dialog');
      await expect.poll(() => dialog.locator('[data-testid=article-change]').count(), { timeout: 10_000 }).toBe(2);
      const changes = await dialog.locator('[data-testid=article-change]').evaluateAll((items) =>
        items.map((item) => ({
          clauseId: item.getAttribute('data-clause-id'),
          status: item.getAttribute('data-status'),
          inserted: Array.from(item.querySelectorAll('ins'), (ins) => ins.textContent).join('|'),
          deleted: Array.from(item.querySelectorAll('del'), (del) => del.textContent).join('|'),
          authors: Array.from(item.querySelectorAll('[data-testid=change-author]'), (author) => author.getAttribute('data-name')),
        })),
      );
      expect(changes).toEqual([
        { clauseId: 'dieu-pham-vi', status: 'changed', inserted: ' Kể cả người học nghề.', deleted: '', authors: ['Anh Minh (Công đoàn)'] },
        { clauseId: 'dieu-thuong-tet', status: 'changed', inserted: ' Thưởng thêm nửa tháng lương.', deleted: '', authors: ['Chị Lan (Nhân sự)'] },
      ]);
      expect(await dialog.getByRole('heading', { level: 2 }).innerText()).toBe('So sánh phiên bản #2 với nội dung hiện tại');
      await shot(union, 'comparison-since-named-version');
      // As the union reads it: how many articles changed, each with its words and who wrote them.
      const comparisonShown = async () => (await dialog.getByTestId('comparison').innerText()).split(/\n+/);
      const wordsAfter = [
        'Phạm vi áp dụng',
        'Thỏa ước áp dụng cho toàn bộ người lao động của Công ty. Kể cả người học nghề.',
        'Thưởng Tết',
        'Thưởng Tết bằng một tháng lương. Thưởng thêm nửa tháng lương.',
      ];
      expect(await comparisonShown()).toEqual([
        'Thêm 0 · bỏ 0 · chuyển 0 · sửa 2 điều',
        'SỬA ĐỔI',
        'Điều 1. Phạm vi áp dụng',
        ...wordsAfter.slice(0, 2),
        'Người sửa:',
        'Công đoàn Anh Minh (Công đoàn) (thêm 22, xóa 0 ký tự)',
        'SỬA ĐỔI',
        'Điều 4. Thưởng Tết',
        ...wordsAfter.slice(2),
        'Người sửa:',
        'Người sử dụng lao động Chị Lan (Nhân sự) (thêm 29, xóa 0 ký tự)',
      ]);
      // In English, the same comparison in English; the document's words stay as they were written.
      await union.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
      await expect.poll(() => dialog.getByRole('heading', { level: 2 }).innerText()).toBe('Comparing version #2 with the current text');
      expect(await comparisonShown()).toEqual([
        'Articles added 0 · removed 0 · moved 0 · changed 2',
        'CHANGED',
        'Article 1. Phạm vi áp dụng',
        ...wordsAfter.slice(0, 2),
        'Changed by:',
        'Trade union Anh Minh (Công đoàn) (characters added: 22, deleted: 0)',
        'CHANGED',
        'Article 4. Thưởng Tết',
        ...wordsAfter.slice(2),
        'Changed by:',
        'Employer Chị Lan (Nhân sự) (characters added: 29, deleted: 0)',
      ]);
      await shot(union, 'comparison-in-english');
      await union.getByLabel('Language', { exact: true }).selectOption('vi');

      // The version itself opens read-only, with the text as it was named.
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      await unionNamed.getByRole('button', { name: 'Xem' }).click();
      const versionText = union.getByTestId('version-text');
      await expect.poll(() => versionText.innerText(), { timeout: 10_000 }).toContain('Gia hạn khi hai bên đồng ý.');
      expect(await versionText.innerText()).not.toContain('Kể cả người học nghề.');
      await shot(union, 'named-version-read-only');
      await union.getByTestId('history-dialog').getByRole('button', { name: 'Đóng' }).click();

      // The employer restores the named version: the union's text follows at once.
      employer.once('dialog', (dialog) => void dialog.accept());
      await namedItem.getByRole('button', { name: 'Khôi phục bản này' }).click();
      await expect.poll(async () => allText(await pageContent(union)), { timeout: 10_000 }).not.toContain('Kể cả người học nghề.');
      expect(allText(await pageContent(union))).toContain('Gia hạn khi hai bên đồng ý.');
      expect(await pageContent(union)).toEqual(await pageContent(employer));
      // On the union's screen: the later words gone, the named version's there.
      await expect.poll(() => articleShown(union, 'dieu-pham-vi')).not.toContain('Kể cả người học nghề.');
      expect(await articleShown(union, 'dieu-thuong-tet')).not.toContain('Thưởng thêm nửa tháng lương.');
      expect(await articleShown(union, 'dieu-thoi-han')).toContain('Gia hạn khi hai bên đồng ý.');
      await expect.poll(() => employer.locator('[data-testid=version-item]').first().getAttribute('data-kind'), { timeout: 10_000 }).toBe('restore');
      expect(await employer.locator('[data-testid=version-item]').first().getByTestId('version-summary').innerText()).toMatch(
        /^Khôi phục từ phiên bản #2 · sửa Điều 1, 4/,
      );
      await shot(union, 'after-restore');

      // A signed version whose stored hash is altered in the database is marked at once.
      const signed = await harness.server.handlers['versions/sign']({ documentId: document.id, name: 'Bản ký chính thức' }, { kind: 'admin' });
      const db = new Database(joinPath(harness.dataFolder, databaseFileName));
      db.prepare('UPDATE versions SET content_hash = ? WHERE id = ?').run('0'.repeat(64), signed.id);
      db.close();
      await union.getByRole('button', { name: 'Kiểm tra bản đã ký' }).click();
      await expect.poll(() => union.getByTestId('verify-status').getAttribute('data-ok'), { timeout: 10_000 }).toBe('false');
      await expect
        .poll(() => union.locator('[data-testid=version-item][data-kind=signed] [data-testid=version-tampered]').innerText(), { timeout: 10_000 })
        .toContain('ĐÃ BỊ SỬA');
      await shot(union, 'tampered-signed-version');
      expect(errors).toEqual([]);
    },
  );
});
