import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { readContent } from '#shared/document/yjsContent';
import { plainText } from '#shared/document/nodes';
import { encodeSyncUpdate } from '#main/sync/frames';
import { createDocument, startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';

describe('E2E the reviewer reads but cannot write', () => {
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

  it('sees the document read-only, and whatever its page sends is refused and never stored', async () => {
    const shot = artifactRecorder('reviewer');
    const document = await createDocument(harness.server, 'Nội quy lao động Công ty Điện Biên');
    const code = (await harness.server.handlers['invitations/create']({ documentId: document.id, side: 'reviewer', validForHours: 24 }, { kind: 'admin' }))
      .code;
    const reviewer = await joinWithLink(await browser.newContext(), harness.server.url, code, 'Ông Tuấn (Sở Nội vụ)');
    const errors = watchErrors(reviewer);
    const before = await pageContent(reviewer);

    // The interface offers no way to edit: no toolbar, a read-only body; typing changes nothing.
    await expect.poll(() => reviewer.getByTestId('document-body').getAttribute('contenteditable')).toBe('false');
    expect(await reviewer.getByRole('toolbar').count()).toBe(0);
    await expect.poll(() => reviewer.locator('.side-badge').first().innerText()).toBe('Cơ quan quản lý');
    await reviewer.locator('.article-title').first().click();
    await reviewer.keyboard.type('xoá bỏ');
    await shot(reviewer, 'read-only-view');
    expect(await pageContent(reviewer)).toEqual(before);
    expect(await reviewer.locator('.article-title').first().innerText()).not.toContain('xoá bỏ');
    expect(await reviewer.locator('.read-only-note').innerText()).toBe('Chỉ xem');
    // In English, the page says the same in English, over the same text.
    const title = await reviewer.locator('.article-title').first().innerText();
    await reviewer.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
    await expect.poll(() => reviewer.locator('.read-only-note').innerText()).toBe('Read only');
    expect(await reviewer.locator('.side-badge').first().innerText()).toBe('Labour authority');
    expect(await reviewer.locator('.article-title').first().innerText()).toBe(title);
    await shot(reviewer, 'read-only-view-en');

    // The page itself sends a write over a socket with the reviewer's token: the server refuses it.
    const forged = new Y.Doc();
    forged.getText('forged').insert(0, 'REVIEWER WAS HERE');
    const frame = Array.from(encodeSyncUpdate(Y.encodeStateAsUpdate(forged)));
    const reply = await reviewer.evaluate(
      async ({ documentId, bytes }) => {
        const session = JSON.parse(localStorage.getItem('thoa-uoc.session') ?? '{}') as { memberships: { token: string }[] };
        const token = session.memberships[0]?.token ?? '';
        const socket = new WebSocket(`ws://${location.host}/sync/${documentId}?token=${encodeURIComponent(token)}`);
        socket.binaryType = 'arraybuffer';
        return new Promise<number[]>((resolve, reject) => {
          socket.onopen = () => socket.send(new Uint8Array(bytes));
          socket.onmessage = (event) => {
            const data = new Uint8Array(event.data as ArrayBuffer);
            if (data[0] === 2) resolve(Array.from(data));
          };
          socket.onclose = (event) => reject(new Error(`closed ${event.code} ${event.reason}`));
          setTimeout(() => reject(new Error('no answer from the server')), 5000);
        });
      },
      { documentId: document.id, bytes: frame },
    );
    expect(reply[0]).toBe(2); // y-protocols auth message: permission denied

    // The server's stored state is unchanged: nothing logged from the reviewer, no forged text.
    const room = harness.server.sync.room(document.id);
    expect(room?.doc.getText('forged').toString()).toBe('');
    const stored = await harness.server.context.store.updates.load(document.id);
    const storedDoc = new Y.Doc();
    if (stored.checkpoint) Y.applyUpdate(storedDoc, stored.checkpoint.state);
    for (const update of stored.tail) Y.applyUpdate(storedDoc, update);
    expect(storedDoc.getText('forged').toString()).toBe('');
    expect(readContent(storedDoc).map(plainText).join('\n')).not.toContain('xoá bỏ');
    const audit = (await harness.server.context.store.audit.listByDocument(document.id)).map((entry) => entry.action);
    expect(audit).toContain('sync.write_refused');
    expect(errors).toEqual([]);
  });
});
