import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe('E2E the new-document wizard and live variables', () => {
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

  it('the host creates a complete enterprise agreement stating the workforce typed and no vote; the union sees it live; a variable changed by one changes for both', async () => {
    const shot = artifactRecorder('wizard');
    const host = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors = watchErrors(host);
    await host.goto(harness.server.hostUrl);
    await host.getByLabel('Tên hiển thị').fill('Chị Lan (Nhân sự)');
    await host.getByRole('button', { name: 'Tiếp tục' }).click();
    await host.getByRole('link', { name: 'Văn bản mới' }).click();

    await fill(host, 'Tên văn bản', 'Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027–2029');
    await shot(host, 'basics');
    await host.getByRole('button', { name: 'Tiếp theo' }).click();
    await fill(host, 'Tên doanh nghiệp', 'Công ty TNHH May Sài Gòn');
    await fill(host, 'Địa chỉ trụ sở chính', 'Lô 12, KCN Tân Bình, TP. Hồ Chí Minh');
    await host.getByLabel('Vùng lương tối thiểu nơi doanh nghiệp hoạt động').selectOption('I');
    // The number of workers is typed: the wizard offers no figure of its own.
    await expect.poll(() => host.getByLabel('Số người lao động', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => host.getByRole('button', { name: 'Tiếp theo' }).isDisabled()).toBe(true);
    await fill(host, 'Số người lao động', '1250');
    await shot(host, 'enterprise');
    await host.getByRole('button', { name: 'Tiếp theo' }).click();
    await fill(host, 'Họ và tên người đại diện của Người sử dụng lao động', 'Trần Văn Hùng');
    await fill(host, 'Chức vụ người đại diện của Người sử dụng lao động', 'Tổng Giám đốc');
    await fill(host, 'Tên Công đoàn cơ sở (tổ chức đại diện người lao động)', 'Công đoàn cơ sở Công ty TNHH May Sài Gòn');
    await fill(host, 'Họ và tên Chủ tịch Công đoàn cơ sở', 'Lê Thị Mai');
    await fill(host, 'Địa danh nơi ký', 'TP. Hồ Chí Minh');
    await host.getByRole('button', { name: 'Tiếp theo' }).click();
    await shot(host, 'articles');
    await host.getByRole('button', { name: /Tạo văn bản với \d+ điều/ }).click();
    await host.waitForSelector('[data-testid=document-body]');
    await shot(host, 'created');

    const [document] = await harness.server.handlers['documents/list']({ includeArchived: false }, { kind: 'admin' });
    expect(document?.title).toBe('Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027–2029');

    // Article 1 states the 1,250 workers typed; the vote is left to be recorded, no figure invented.
    const chip = (page: Page, id: string) => page.locator(`.variable-chip[data-variable-id=${id}] .variable-value`).first();
    await chip(host, 'headcount').scrollIntoViewIfNeeded();
    await shot(host, 'article-1');
    expect(await chip(host, 'headcount').innerText()).toBe('1.250 người');
    // (textContent: articles far down are laid out only when scrolled to.)
    for (const fact of ['vote_date', 'vote_total_workers', 'vote_in_favour', 'signing_date']) expect(await chip(host, fact).textContent(), fact).toBe('(điền khi ghi nhận)');
    const values = harness.server.sync.room(document?.id ?? '')?.doc.getMap('variables').toJSON() ?? {};
    expect(values.headcount).toBe(1250);
    expect(Object.keys(values).filter((id) => id.startsWith('vote_') || id === 'signing_date')).toEqual([]);
    // In the variables panel the vote is shown, not offered for typing.
    await chip(host, 'vote_in_favour').click();
    const recorded = host.locator('.variable-field[data-variable-id=vote_in_favour]');
    await expect.poll(() => recorded.innerText()).toContain('(điền khi ghi nhận)');
    await shot(host, 'recorded-fact');
    expect(await recorded.locator('input, select').count()).toBe(0);
    const content = await pageContent(host);
    const chapters = content.filter((block) => block.type === 'chapter');
    expect(chapters).toHaveLength(9);
    expect(chapters.flatMap((chapter) => chapter.children).filter((child) => child.type === 'article').length).toBeGreaterThan(40);

    // The union joins and sees the same document, with the values in vi-VN.
    const code = (await harness.server.handlers['invitations/create']({ documentId: document?.id ?? '', side: 'union', validForHours: 24 }, { kind: 'admin' })).code;
    const union = await joinWithLink(await browser.newContext({ viewport: { width: 1280, height: 900 } }), harness.server.url, code, 'Chị Mai (Công đoàn)');
    errors.push(...watchErrors(union));
    await expect.poll(() => pageContent(union)).toEqual(content);
    const chipOf = (page: Page) => page.locator('.variable-chip[data-variable-id=ot_rate_weekday] .variable-value').first();
    await chipOf(union).scrollIntoViewIfNeeded();
    await expect.poll(() => chipOf(union).innerText()).toBe('150%');

    // The host changes the overtime rate in the variables panel: every chip changes, for both.
    await chipOf(host).scrollIntoViewIfNeeded();
    await chipOf(host).click();
    const field = host.locator('.variable-field[data-variable-id=ot_rate_weekday] input');
    await field.fill('200');
    await field.press('Enter');
    await expect.poll(() => chipOf(host).innerText()).toBe('200%');
    await expect.poll(() => chipOf(union).innerText(), { timeout: 10_000 }).toBe('200%');
    await shot(union, 'union-sees-new-rate');

    // An invalid value is explained and not saved.
    await field.fill('50');
    await field.press('Enter');
    await expect.poll(() => host.locator('.variable-field[data-variable-id=ot_rate_weekday] .field-problem').innerText()).toContain('100');
    await expect.poll(() => chipOf(union).innerText()).toBe('200%');
    const stored = harness.server.sync.room(document?.id ?? '')?.doc.getMap('variables').get('ot_rate_weekday');
    expect(stored).toBe(200);
    expect(errors).toEqual([]);
  });
});
