import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { plainText } from '#shared/document/nodes';
import { syncPath } from '#shared/sync/protocol';
import { createDocument, startHarness, type Harness } from '../helpers/serverHarness';
import { articleHeadingShown, artifactRecorder, connectionState, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';

async function invite(harness: Harness, documentId: string, side: 'employer' | 'union' | 'reviewer') {
  return (await harness.server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' })).code;
}

const allText = (blocks: unknown[]): string => (blocks as Parameters<typeof plainText>[0][]).map(plainText).join('\n');

describe('E2E co-editing in Chromium against server mode', () => {
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

  it('employer and union type at once, see each other, survive going offline and a server restart', async () => {
    const shot = artifactRecorder('coediting');
    const document = await createDocument(harness.server, 'Thỏa ước lao động tập thể Công ty May Bình Dương');
    const employerContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const unionContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const employer = await joinWithLink(employerContext, harness.server.url, await invite(harness, document.id, 'employer'), 'Chị Lan (Nhân sự)');
    const union = await joinWithLink(unionContext, harness.server.url, await invite(harness, document.id, 'union'), 'Anh Minh (Công đoàn)');
    const errors = watchErrors(union, watchErrors(employer));
    // The employer reads the interface in English, the union in Vietnamese; the document's words are the same for both.
    await employer.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
    await expect.poll(() => employer.getByTestId('connection-status').innerText()).toBe('Saved on the server');
    expect(await union.getByTestId('connection-status').innerText()).toBe('Đã lưu lên máy chủ');
    const firstArticle = (await employer.locator('.article').first().getAttribute('data-clause-id')) ?? '';
    await shot(employer, 'employer-joined');

    // Both type at the same time, in different places.
    await employer.locator('.article-title').first().click();
    await employer.keyboard.press('End');
    await union.locator('[data-testid=document-body] p').first().click();
    await Promise.all([
      employer.keyboard.type(' và đối tượng áp dụng', { delay: 5 }),
      union.keyboard.type('Thỏa ước áp dụng cho mọi người lao động.', { delay: 5 }),
    ]);
    await expect.poll(async () => allText(await pageContent(union)), { timeout: 10_000 }).toContain('Phạm vi áp dụng và đối tượng áp dụng');
    await expect.poll(async () => allText(await pageContent(employer)), { timeout: 10_000 }).toContain('mọi người lao động');
    expect(await pageContent(employer)).toEqual(await pageContent(union));
    // And on screen: each reads what the other typed, under the article's label in their own language.
    await expect.poll(() => articleHeadingShown(union, firstArticle)).toBe('Điều 1. Phạm vi áp dụng và đối tượng áp dụng');
    expect(await articleHeadingShown(employer, firstArticle)).toBe('Article 1. Phạm vi áp dụng và đối tượng áp dụng');
    await expect.poll(() => employer.locator('[data-testid=document-body] p').first().innerText()).toContain('Thỏa ước áp dụng cho mọi người lao động.');

    // Each sees the other's cursor with the other's name, and both in the presence list.
    await expect.poll(() => union.locator('[data-testid=remote-cursor]').getAttribute('data-name'), { timeout: 10_000 }).toBe('Chị Lan (Nhân sự)');
    await expect.poll(() => employer.locator('[data-testid=remote-cursor]').getAttribute('data-name'), { timeout: 10_000 }).toBe('Anh Minh (Công đoàn)');
    await expect.poll(() => employer.getByTestId('presence-list').innerText()).toContain('Anh Minh (Công đoàn)');
    expect(await employer.locator('.app-header .side-badge').innerText()).toBe('Employer');
    expect(await union.locator('.app-header .side-badge').innerText()).toBe('Công đoàn');
    await shot(union, 'both-typed-union-view');

    // The union goes offline and keeps typing; the employer types too.
    await unionContext.setOffline(true);
    await expect.poll(async () => (await connectionState(union)).state, { timeout: 10_000 }).toBe('offline');
    await union.keyboard.type(' Bản sửa khi mất mạng.', { delay: 5 });
    await expect.poll(async () => (await connectionState(union)).pending).toBeGreaterThan(0);
    await expect
      .poll(() => union.getByTestId('connection-status').innerText())
      .toMatch(/^Ngoại tuyến — các thay đổi được giữ trên máy này\s*\d+ thay đổi chưa lên máy chủ$/);
    await shot(union, 'union-offline-with-pending-changes');
    await employer.keyboard.type(' (bản của bên sử dụng lao động)', { delay: 5 });

    await unionContext.setOffline(false);
    await expect.poll(async () => connectionState(union), { timeout: 20_000 }).toEqual({ state: 'saved', pending: 0 });
    expect(await union.getByTestId('connection-status').innerText()).toBe('Đã lưu lên máy chủ');
    await expect.poll(async () => allText(await pageContent(employer)), { timeout: 10_000 }).toContain('Bản sửa khi mất mạng.');
    await expect.poll(async () => allText(await pageContent(union)), { timeout: 10_000 }).toContain('(bản của bên sử dụng lao động)');
    expect(await pageContent(employer)).toEqual(await pageContent(union));
    await expect.poll(() => employer.locator('[data-testid=document-body] p').first().innerText()).toContain('Bản sửa khi mất mạng.');
    await expect.poll(() => union.locator('.article-title').first().innerText()).toContain('(bản của bên sử dụng lao động)');
    await shot(union, 'union-back-online-converged');

    // The server restarts on the same data folder and port: the text is still there, and the pages reconnect.
    const before = await pageContent(employer);
    const port = harness.server.port;
    await harness.stop();
    await harness.restart({ port });
    await expect.poll(async () => (await connectionState(employer)).state, { timeout: 20_000 }).toBe('saved');
    const fresh = await joinWithLink(await browser.newContext(), harness.server.url, await invite(harness, document.id, 'union'), 'Chị Hoa (Công đoàn)');
    await expect.poll(() => pageContent(fresh), { timeout: 10_000 }).toEqual(before);
    await expect.poll(() => fresh.locator('[data-testid=document-body] p').first().innerText()).toContain('Bản sửa khi mất mạng.');
    await shot(fresh, 'after-server-restart');

    // The union reloads its page: the document opens again (from this device's copy and the
    // server's), no write is refused, and typing goes on.
    await union.reload();
    await expect.poll(async () => (await connectionState(union)).state, { timeout: 20_000 }).toBe('saved');
    await expect.poll(() => pageContent(union), { timeout: 10_000 }).toEqual(before);
    await union.locator('[data-testid=document-body] p').first().click();
    await union.keyboard.press('End');
    await union.keyboard.type(' Sau khi tải lại trang.', { delay: 5 });
    await expect.poll(async () => allText(await pageContent(employer)), { timeout: 10_000 }).toContain('Sau khi tải lại trang.');
    await expect.poll(() => employer.locator('[data-testid=document-body] p').first().innerText()).toContain('Sau khi tải lại trang.');
    expect(await union.locator('.notice[role=alert]').count()).toBe(0);
    await shot(union, 'union-after-reload');
    expect(errors).toEqual([]);
  });

  it("keeps the other side's words on this device, for a page opened again without the network", async () => {
    const document = await createDocument(harness.server, 'Thỏa ước lao động tập thể Công ty Dệt Nam Định');
    const employer = await joinWithLink(await browser.newContext(), harness.server.url, await invite(harness, document.id, 'employer'), 'Chị Lan (Nhân sự)');
    const unionContext = await browser.newContext();
    const union = await joinWithLink(unionContext, harness.server.url, await invite(harness, document.id, 'union'), 'Anh Minh (Công đoàn)');
    const errors = watchErrors(union, watchErrors(employer));
    await expect.poll(async () => (await connectionState(union)).state, { timeout: 10_000 }).toBe('saved');

    await employer.locator('[data-testid=document-body] p').first().click();
    await employer.keyboard.press('End');
    await employer.keyboard.type(' Lời của bên sử dụng lao động.', { delay: 5 });
    await expect.poll(async () => allText(await pageContent(union)), { timeout: 10_000 }).toContain('Lời của bên sử dụng lao động.');
    // At once: the union's page keeps the server's changes on the device in an idle moment, or as
    // it closes. Opened again with the server's socket cut, it shows them from that copy alone.
    await unionContext.routeWebSocket(new RegExp(`${syncPath}\\b`), (socket) => socket.close());
    await union.reload();
    await expect.poll(() => union.locator('[data-testid=document-body] p').first().innerText(), { timeout: 10_000 }).toContain('Lời của bên sử dụng lao động.');
    expect((await connectionState(union)).state).not.toBe('saved');
    expect(errors).toEqual([]);
  });
});
