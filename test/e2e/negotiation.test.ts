import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { articlesOf, articleText } from '#shared/document/articles';
import { templateLibrary } from '#shared/templates/library';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';
import { downloadReport, nationalTitle, printedText, sectionText, typeNameHeading, wordText } from './reportDownloads';

let counter = 0;
const newId = () => `e2e${(counter += 1)}`;

async function openArticle(page: Page, clauseId: string): Promise<void> {
  const badge = page.locator(`.article[data-clause-id="${clauseId}"] [data-testid=article-badge]`);
  const focused = page.locator(`[data-testid=focused-article][data-clause-id="${clauseId}"]`);
  await badge.scrollIntoViewIfNeeded();
  // Articles coming into view take their real height (content-visibility), which can move the badge
  // between Playwright's checks and its click on a busy machine: click again until the panel shows it.
  await expect
    .poll(async () => {
      if ((await focused.count()) === 0) await badge.click();
      return focused.count();
    }, { timeout: 30_000 })
    .toBe(1);
}

async function articleTextOn(page: Page, clauseId: string): Promise<string> {
  const article = articlesOf(await pageContent(page)).find((a) => a.clauseId === clauseId);
  return article ? articleText(article) : '';
}

describe('E2E a bargaining round between two people in two browsers', () => {
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

  it('the union proposes, the employer counters, the union accepts; both agree; the minutes list agreed and disputed articles and download as Word and PDF', { timeout: 120_000 }, async () => {
    const shot = artifactRecorder('negotiation');
    const library = templateLibrary();
    const model = outlineChoices('enterprise_agreement', library);
    const built = buildDocument({ kind: 'enterprise_agreement', language: 'vi', facts: { enterprise_name: 'Công ty TNHH Điện tử Bắc Ninh' }, chosen: model?.recommended ?? new Set(), wordings: {} }, library, newId);
    const document = await harness.server.handlers['documents/create']({ kind: 'enterprise_agreement', title: 'Thỏa ước 2027 — Điện tử Bắc Ninh', language: 'vi', content: built?.content, variables: built?.variables ?? {} }, { kind: 'admin' });
    const articles = articlesOf(built?.content ?? []);
    const overtime = articles.find((a) => a.templateId === 'cla.time.overtime');
    const leave = articles.find((a) => a.templateId === 'cla.time.annual_leave');
    expect(overtime && leave).toBeTruthy();
    const overtimeId = overtime?.clauseId ?? '';
    const leaveId = leave?.clauseId ?? '';
    const invite = async (side: 'employer' | 'union') => (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;

    const viewport = { width: 1440, height: 900 };
    const employer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('employer'), 'Chị Lan (Nhân sự)');
    const union = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('union'), 'Anh Minh (Công đoàn)');
    const errors = [...watchErrors(employer), ...watchErrors(union)];

    // The union proposes a higher overtime rate, with a rationale.
    await openArticle(union, overtimeId);
    await union.getByRole('button', { name: 'Đề xuất sửa đổi' }).click();
    const proposed = union.locator('.proposal-form textarea').first();
    await proposed.fill(`${await proposed.inputValue()}\n4. Làm thêm giờ vào ngày thường được trả ít nhất 200% tiền lương.`);
    await union.locator('.proposal-form textarea').nth(1).fill('Giá sinh hoạt tăng; người lao động cần được bù đắp xứng đáng.');
    await union.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await union.waitForSelector('[data-testid=proposal-card][data-status=open]');
    await shot(union, 'union-proposes');

    // The employer sees it live and counters with 180%.
    await openArticle(employer, overtimeId);
    await employer.waitForSelector('[data-testid=proposal-card][data-status=open] ins');
    await shot(employer, 'employer-sees-redline');
    await employer.getByRole('button', { name: 'Đề xuất lại' }).click();
    const counterText = employer.locator('[data-testid=proposal-card] .proposal-form textarea').first();
    await counterText.fill((await counterText.inputValue()).replace('200%', '180%'));
    await employer.locator('[data-testid=proposal-card] .proposal-form textarea').nth(1).fill('Doanh nghiệp có thể trả 180% trong năm đầu.');
    await employer.getByRole('button', { name: 'Gửi đề xuất đáp lại' }).click();

    // The union accepts the counter: the article's text changes for both.
    await union.getByRole('button', { name: 'Chấp nhận' }).click();
    await expect.poll(() => articleTextOn(union, overtimeId), { timeout: 10_000 }).toContain('180%');
    await expect.poll(() => articleTextOn(employer, overtimeId), { timeout: 10_000 }).toContain('180%');
    await shot(employer, 'counter-accepted');

    // Both mark it agreed; the union disputes annual leave with its position.
    await union.getByRole('button', { name: 'Bên tôi thống nhất' }).click();
    await employer.getByRole('button', { name: 'Bên tôi thống nhất' }).click();
    await expect.poll(() => union.locator(`.article[data-clause-id="${overtimeId}"] [data-testid=article-badge]`).getAttribute('data-status'), { timeout: 10_000 }).toBe('agreed');
    await openArticle(union, leaveId);
    union.once('dialog', (dialog) => void dialog.accept('Đề nghị 14 ngày nghỉ hằng năm'));
    await union.getByRole('button', { name: 'Còn tranh chấp' }).click();
    await expect.poll(() => employer.locator(`.article[data-clause-id="${leaveId}"] [data-testid=article-badge]`).getAttribute('data-status'), { timeout: 10_000 }).toBe('disputed');

    // The minutes, printable, list the agreed article and the disputed one with the union's position.
    await employer.goto(`${harness.server.url}/#/minutes/${document.id}`);
    await employer.waitForSelector('[data-testid=minutes-agreed]');
    await expect.poll(() => employer.getByTestId('minutes-agreed').innerText()).toContain(overtime?.children[0] ? 'Làm thêm giờ' : '');
    await expect.poll(() => employer.getByTestId('minutes-disputed').innerText()).toContain('Đề nghị 14 ngày nghỉ hằng năm');
    await expect.poll(() => employer.getByTestId('minutes-accepted').innerText()).toContain('Chị Lan (Nhân sự)');
    await shot(employer, 'minutes');

    // The same minutes in the official layout, from the page's Word and PDF buttons.
    const agreedRef = /Điều (\d+)\. (.+)/.exec(await employer.getByTestId('minutes-agreed').innerText());
    if (!agreedRef) throw new Error('the minutes page names no agreed article');
    const minutesExport = employer.getByTestId('export-minutes');
    const docx = await downloadReport(minutesExport, 'docx', { scenario: 'negotiation', who: 'employer' });
    expect(docx.fileName).toBe('Biên bản thương lượng tập thể - Thỏa ước 2027 — Điện tử Bắc Ninh.docx');
    const word = wordText(docx);
    expect(word).toContain(nationalTitle);
    const heading = typeNameHeading('BIÊN BẢN', 'Phiên thương lượng tập thể');
    expect(word).toMatch(heading);
    // The agreed article under "agreed" (it is also under the accepted proposals), the union's position under "disputed".
    expect(sectionText(word, 'II. CÁC NỘI DUNG ĐÃ THỐNG NHẤT', 'III. CÁC NỘI DUNG CÒN Ý KIẾN KHÁC NHAU')).toContain(`Điều ${agreedRef[1]} (${agreedRef[2]})`);
    expect(sectionText(word, 'III. CÁC NỘI DUNG CÒN Ý KIẾN KHÁC NHAU', 'IV. CÁC ĐỀ XUẤT ĐƯỢC CHẤP NHẬN TRONG PHIÊN')).toContain('Đề nghị 14 ngày nghỉ hằng năm');
    expect(sectionText(word, 'IV. CÁC ĐỀ XUẤT ĐƯỢC CHẤP NHẬN TRONG PHIÊN', 'V. KẾT LUẬN')).toContain('Doanh nghiệp có thể trả 180% trong năm đầu.');
    const pdf = await downloadReport(minutesExport, 'pdf', { scenario: 'negotiation', who: 'employer' });
    expect(pdf.fileName).toBe('Biên bản thương lượng tập thể - Thỏa ước 2027 — Điện tử Bắc Ninh.pdf');
    const printed = await printedText(pdf);
    expect(printed).toContain(nationalTitle);
    expect(printed).toMatch(heading);
    await shot(minutesExport, 'minutes-export');
    expect(errors).toEqual([]);
  });
});
