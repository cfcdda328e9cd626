import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '#main/cli/runCli';
import { createDocument, startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, launchChromium, watchErrors } from './browser';

/** The operator's command on the harness's data folder; returns the invitation link it printed. */
async function operatorLink(harness: Harness, ...args: string[]): Promise<string> {
  let printed = '';
  const code = await runCli(['--data', harness.dataFolder, ...args, '--url', harness.server.url], (text) => {
    printed += text;
  });
  expect(code).toBe(0);
  const link = /^Link: (\S+)$/m.exec(printed)?.[1];
  if (!link) throw new Error(`no link in: ${printed}`);
  return link;
}

/** A person opening the operator's link in a fresh profile: their name, then accepting. */
async function accept(context: BrowserContext, link: string, displayName: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Tên hiển thị').fill(displayName);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('button', { name: 'Nhận quyền', exact: true }).click();
  return page;
}

describe('E2E the operator’s invitations in Chromium: a workspace’s host and an authority’s reviewer', () => {
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

  it('the host of a new workspace sees none of the built-in workspace’s documents; a reviewer lands on their authority’s queue', async () => {
    const shot = artifactRecorder('workspaces');
    await createDocument(harness.server, 'Thỏa ước của máy chủ');
    const host = await accept(
      await browser.newContext(),
      await operatorLink(harness, 'workspace', 'create', '--name', 'Công ty May Hưng Yên'),
      'Chị Mai (Nhân sự)',
    );
    const reviewer = await accept(
      await browser.newContext(),
      await operatorLink(harness, 'authority', 'create', '--name', 'Sở Nội vụ tỉnh Hưng Yên'),
      'Ông Bình',
    );
    const errors = watchErrors(reviewer, watchErrors(host));

    await expect.poll(() => host.getByText('Chưa có văn bản nào. Hãy tạo văn bản đầu tiên ở trên.').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await host.locator('main').innerText()).not.toContain('Thỏa ước của máy chủ');
    await shot(host, 'workspace-host-start-page');

    await expect.poll(() => reviewer.getByTestId('authority-name').innerText(), { timeout: 10_000 }).toBe('Cán bộ thẩm định của Sở Nội vụ tỉnh Hưng Yên');
    expect(await reviewer.locator('main').innerText()).not.toContain('Thỏa ước của máy chủ');
    await shot(reviewer, 'authority-reviewer-queue');
    expect(errors).toEqual([]);
  });
});
