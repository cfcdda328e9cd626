import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '#main/logger';
import { startServerMode, testRendererFolder, type RunningServer } from '#main/server/serverMode';
import { startThrowawayRedis, type ThrowawayRedis } from '../../bench/lib/throwawayRedis';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { createDocument } from '../helpers/serverHarness';
import { createTempFolder } from '../helpers/tempFolder';
import { articleHeadingShown, artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';

describe('E2E hosted mode: the interface on two instances sharing PostgreSQL and Redis', () => {
  let browser: Browser;
  let database: TestDatabase;
  let redis: ThrowawayRedis;
  const folder = createTempFolder();
  const instances: RunningServer[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await startThrowawayRedis();
    for (let index = 0; index < 2; index += 1) {
      instances.push(
        await startServerMode({
          host: '127.0.0.1',
          port: 0,
          dataFolder: folder.path,
          logger: createMemoryLogger(),
          rendererFolder: testRendererFolder,
          store: { kind: 'postgres', url: database.url },
          relayUrl: redis.url,
        }),
      );
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const instance of instances) await instance.close();
    await redis?.stop();
    await database?.drop();
    folder.remove();
  });

  it('the employer on one instance and the union on the other read each other’s words on screen, and each other’s cursor', async () => {
    const shot = artifactRecorder('hosted-coediting');
    const [first, second] = instances as [RunningServer, RunningServer];
    const document = await createDocument(first, 'Thỏa ước lao động tập thể Công ty Điện tử Bắc Ninh');
    const invite = async (side: 'employer' | 'union') =>
      (await first.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;
    const viewport = { width: 1280, height: 860 };
    const employer = await joinWithLink(await browser.newContext({ viewport }), first.url, await invite('employer'), 'Chị Lan (Nhân sự)');
    const union = await joinWithLink(await browser.newContext({ viewport }), second.url, await invite('union'), 'Anh Minh (Công đoàn)');
    const errors = watchErrors(union, watchErrors(employer));
    await expect.poll(() => employer.getByTestId('connection-status').innerText()).toBe('Đã lưu lên máy chủ');
    await expect.poll(() => union.getByTestId('connection-status').innerText()).toBe('Đã lưu lên máy chủ');
    const firstArticle = (await employer.locator('.article').first().getAttribute('data-clause-id')) ?? '';

    await employer.locator('.article-title').first().click();
    await employer.keyboard.press('End');
    await employer.keyboard.type(' và đối tượng áp dụng', { delay: 5 });
    await expect.poll(() => articleHeadingShown(union, firstArticle), { timeout: 15_000 }).toBe('Điều 1. Phạm vi áp dụng và đối tượng áp dụng');

    await union.locator('[data-testid=document-body] p').first().click();
    await union.keyboard.type('Thỏa ước áp dụng cho mọi người lao động.', { delay: 5 });
    await expect
      .poll(() => employer.locator('[data-testid=document-body] p').first().innerText(), { timeout: 15_000 })
      .toContain('Thỏa ước áp dụng cho mọi người lao động.');

    // Presence crosses the instances too, with the name each instance verified.
    await expect.poll(() => employer.locator('[data-testid=remote-cursor]').getAttribute('data-name'), { timeout: 15_000 }).toBe('Anh Minh (Công đoàn)');
    await expect.poll(() => union.locator('[data-testid=remote-cursor]').getAttribute('data-name'), { timeout: 15_000 }).toBe('Chị Lan (Nhân sự)');
    await shot(union, 'union-on-the-second-instance');
    expect(errors).toEqual([]);
  });
});
