import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, launchChromium, pageContent, watchErrors } from './browser';

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

    // Next says why it is not available yet, and opens once the title is there.
    const next = host.getByRole('button', { name: 'Tiếp theo' });
    const blocked = host.getByTestId('wizard-blocked');
    await expect.poll(() => blocked.innerText()).toBe('Chưa sang được bước tiếp theo. Hãy nhập tên văn bản.');
    expect(await next.isDisabled()).toBe(true);
    await fill(host, 'Tên văn bản', 'Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027–2029');
    await expect.poll(() => blocked.count()).toBe(0);
    await shot(host, 'basics');
    await next.click();
    await fill(host, 'Tên doanh nghiệp', 'Công ty TNHH May Sài Gòn');
    await fill(host, 'Địa chỉ trụ sở chính', 'Lô 12, KCN Tân Bình, TP. Hồ Chí Minh');
    await host.getByLabel('Vùng lương tối thiểu nơi doanh nghiệp hoạt động').selectOption('I');
    // The number of workers is typed: the wizard offers no figure of its own, and says so beside Next.
    const headcount = host.getByLabel('Số người lao động', { exact: true });
    const headcountRule = 'Số người lao động: phải là một số nguyên từ 1 đến 500.000.';
    await expect.poll(() => headcount.inputValue()).toBe('');
    await expect.poll(() => next.isDisabled()).toBe(true);
    expect(await blocked.innerText()).toBe(`Chưa sang được bước tiếp theo. ${headcountRule}`);
    // What is typed is checked as it is typed, by the variable's own definition: no Enter, no leaving the field.
    const headcountProblem = host.locator('.variable-field[data-variable-id=headcount] .field-problem');
    for (const typed of ['-5', 'abc', '99999999999']) {
      await headcount.fill(typed);
      await expect.poll(() => headcountProblem.innerText(), { message: typed }).toBe(headcountRule);
      expect(await next.isDisabled(), typed).toBe(true);
      expect(await blocked.innerText(), typed).toBe(`Chưa sang được bước tiếp theo. ${headcountRule}`);
    }
    await shot(host, 'enterprise-refused');
    // In English, the same, in English.
    await host.getByLabel('Ngôn ngữ').selectOption('en');
    await expect.poll(() => headcountProblem.innerText()).toBe('Number of workers: must be a whole number between 1 and 500,000.');
    expect(await blocked.innerText()).toBe('You cannot go on to the next step yet. Number of workers: must be a whole number between 1 and 500,000.');
    expect(await host.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await host.getByLabel('Language').selectOption('vi');
    await fill(host, 'Số người lao động', '1250');
    await expect.poll(() => headcountProblem.count()).toBe(0);
    expect(await blocked.count()).toBe(0);
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
    for (const fact of ['vote_date', 'vote_total_workers', 'vote_in_favour', 'signing_date'])
      expect(await chip(host, fact).textContent(), fact).toBe('(điền khi ghi nhận)');
    const values =
      harness.server.sync
        .room(document?.id ?? '')
        ?.doc.getMap('variables')
        .toJSON() ?? {};
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

    // The host invites the union from inside the document: the panel says what a code is, how long
    // it lasts and how the other person joins, and offers every side, the other side first.
    await host.getByRole('button', { name: 'Mời tham gia' }).click();
    const invitePanel = host.getByTestId('invite-panel');
    expect(await invitePanel.innerText()).toContain('Mỗi mã chỉ dùng được một lần và hết hạn sau 7 ngày nếu chưa ai dùng.');
    expect(await invitePanel.innerText()).toContain('nhập mã ở mục “Tham gia bằng mã mời” trên trang chủ');
    const sideChoice = invitePanel.getByLabel('Mời bên');
    expect(await sideChoice.locator('option').allInnerTexts()).toEqual(['Người sử dụng lao động', 'Công đoàn', 'Cơ quan quản lý']);
    expect(await sideChoice.inputValue()).toBe('union');
    await invitePanel.getByRole('button', { name: 'Tạo mã mời' }).click();
    const invitation = invitePanel.getByTestId('invitation-result');
    await expect.poll(() => invitation.innerText()).toContain('Mã mời (Công đoàn)');
    const code = await invitation.getByTestId('invitation-code').innerText();
    await shot(host, 'host-invites-the-union');

    // The union first tries a wrong code, then opens the link it was sent in the same tab: the
    // refusal of the wrong code goes, and it joins.
    const union = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await union.goto(`${harness.server.url}/#/join/SAIMA-00000`);
    await union.getByLabel('Tên hiển thị').fill('Chị Mai (Công đoàn)');
    await union.getByRole('button', { name: 'Tiếp tục' }).click();
    await union.getByRole('button', { name: 'Tham gia', exact: true }).click();
    await expect.poll(() => union.getByRole('alert').innerText()).toContain('Không có lời mời nào có mã này.');
    await union.goto(`${harness.server.url}/#/join/${code}`);
    await expect.poll(() => union.locator('.invitation-code').innerText()).toBe(code);
    expect(await union.getByRole('alert').count()).toBe(0);
    watchErrors(union, errors);
    await union.getByRole('button', { name: 'Tham gia', exact: true }).click();
    await union.waitForSelector('[data-testid=document-body]');
    expect(await union.locator('.app-header .side-badge').innerText()).toBe('Công đoàn');
    await expect.poll(() => pageContent(union)).toEqual(content);
    // A participant invites people of their own side only.
    await union.getByRole('button', { name: 'Mời người cùng bên' }).click();
    expect(await union.getByTestId('invite-panel').getByLabel('Mời bên').locator('option').allInnerTexts()).toEqual(['Công đoàn']);
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
    const stored = harness.server.sync
      .room(document?.id ?? '')
      ?.doc.getMap('variables')
      .get('ot_rate_weekday');
    expect(stored).toBe(200);
    expect(errors).toEqual([]);
  });
});
