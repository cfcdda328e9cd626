import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { agreementBody, clauseIds } from '../negotiation/negotiationFixture';
import { artifactRecorder, articleShown, joinWithLink, launchChromium, watchErrors } from './browser';
import { articleOn, openTab } from './negotiationSteps';

// Comments on a phrase in two browsers: the employer selects words of the wage article and
// comments on them; the union sees those words highlighted and the comment over them, replies
// mentioning the employer with @; the employer sees one unread mention and opens it; words typed
// before the phrase leave the highlight on the same words. What is asserted is what people see.

const phrase = 'mức lương tối thiểu vùng';

/** Selects words of an article's first paragraph, as a person dragging over them would. */
async function selectWords(page: Page, clauseId: string, words: string): Promise<void> {
  const paragraph = articleOn(page, clauseId).locator('p').first();
  await paragraph.click();
  await paragraph.evaluate((element, wanted) => {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = element.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = element.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the paragraph`);
  }, words);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
  // The editor has taken the selection: the button beside selected words shows.
  await page.getByTestId('selection-comment').waitFor();
}

/** The words highlighted as commented on in an article, as shown. */
async function highlighted(page: Page, clauseId: string): Promise<string[]> {
  await articleShown(page, clauseId);
  return articleOn(page, clauseId).getByTestId('phrase-highlight').allInnerTexts();
}

describe('E2E comments on a phrase, with a mention', () => {
  let harness: Harness;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it(
    'the employer comments on words of an article; the union sees them highlighted and the comment, and replies mentioning her with @; she has one unread mention; words typed before the phrase leave the highlight on the same words',
    { timeout: 120_000 },
    async () => {
      const shot = artifactRecorder('phrase-comments');
      const document = await harness.server.handlers['documents/create'](
        { kind: 'enterprise_agreement', title: 'Thỏa ước 2027 — May Sông Hồng', language: 'vi', content: agreementBody(), variables: {} },
        { kind: 'admin' },
      );
      const invite = async (side: 'employer' | 'union') =>
        (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;
      const viewport = { width: 1440, height: 900 };
      const employer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('employer'), 'Chị Lan (Nhân sự)');
      const union = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('union'), 'Anh Minh (Công đoàn)');
      const errors = watchErrors(union, watchErrors(employer));

      // The employer selects the words: beside them, as on the toolbar, a button comments on them; the form quotes them.
      await selectWords(employer, clauseIds.wage, phrase);
      const label = 'Góp ý về đoạn chữ đã chọn (Ctrl+Alt+M)';
      expect(await employer.getByRole('toolbar').getByRole('button', { name: label }).count()).toBe(1);
      await employer.getByTestId('selection-comment').click();
      const focused = employer.locator(`[data-testid=focused-article][data-clause-id="${clauseIds.wage}"]`);
      await focused.waitFor();
      expect(await focused.getByTestId('phrase-quote').innerText()).toBe(phrase);
      await focused.getByRole('textbox', { name: 'Góp ý' }).fill('Vùng nào? Công ty có nhà máy ở hai vùng.');
      await shot(employer, 'employer-comments-on-words');
      await focused.getByRole('button', { name: 'Gửi', exact: true }).click();
      await expect.poll(() => highlighted(employer, clauseIds.wage), { timeout: 10_000 }).toEqual([phrase]);
      // Commenting changed nothing in the text.
      expect(await articleShown(employer, clauseIds.wage)).toContain('Mức lương thấp nhất bằng mức lương tối thiểu vùng.');

      // She clicks elsewhere in the text; the union sees the same words highlighted and, with the pointer over them, the comment.
      await articleOn(employer, clauseIds.scope).locator('p').first().click();
      await expect.poll(() => highlighted(union, clauseIds.wage), { timeout: 10_000 }).toEqual([phrase]);
      await articleOn(union, clauseIds.wage).getByTestId('phrase-highlight').hover();
      const card = union.getByTestId('phrase-thread-card');
      await expect
        .poll(() => card.innerText())
        .toMatch(/^Chị Lan \(Nhân sự\) · Người sử dụng lao động · \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\n+Vùng nào\? Công ty có nhà máy ở hai vùng\./);
      await shot(union, 'union-sees-the-highlight');

      // He opens it in the panel and replies, mentioning her by typing @.
      await card.getByRole('button', { name: 'Mở trong mục Thương lượng' }).click();
      const thread = union.getByTestId('thread');
      await thread.waitFor();
      expect(await thread.getByTestId('phrase-quote').innerText()).toBe(phrase);
      const reply = thread.getByRole('textbox', { name: 'Trả lời' });
      await reply.pressSequentially('Vùng I, @chị l');
      await expect
        .poll(() => union.getByRole('listbox', { name: 'Người có thể nhắc tên' }).getByRole('option').allInnerTexts())
        .toEqual(['@Chị Lan (Nhân sự)']);
      await reply.press('Enter');
      await reply.pressSequentially('xem lại giúp.');
      await thread.getByRole('button', { name: 'Trả lời', exact: true }).click();
      await expect.poll(() => thread.getByTestId('comment').count()).toBe(2);

      // She has one unread mention, from any tab; the list names who, where and when, and opens the comment.
      const tab = employer.getByRole('tab', { name: /^Thương lượng/ });
      await openTab(employer, 'Mục lục');
      await expect.poll(() => tab.innerText(), { timeout: 10_000 }).toBe('Thương lượng @1');
      await tab.click();
      const mentions = employer.getByTestId('unread-mentions');
      await expect
        .poll(() => mentions.innerText())
        .toMatch(/^1 lần nhắc tên bạn chưa đọc\n+Anh Minh \(Công đoàn\) nhắc bạn ở Điều 3\. Tiền lương, \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
      await shot(employer, 'employer-has-an-unread-mention');
      await mentions.getByTestId('unread-mention').click();
      const opened = employer.locator('[data-testid=thread]').filter({ hasText: 'xem lại giúp' });
      await expect.poll(() => opened.locator('.mention.me').innerText()).toBe('@Chị Lan (Nhân sự)');
      await expect.poll(() => mentions.count()).toBe(0);
      expect(await tab.innerText()).toBe('Thương lượng');

      // The union types before the phrase: the highlight stays on the same words, on both screens.
      const unionParagraph = articleOn(union, clauseIds.wage).locator('p').first();
      await unionParagraph.click();
      await union.keyboard.press('Home');
      await union.keyboard.type('Từ năm 2027, ');
      for (const page of [union, employer])
        await expect
          .poll(() => articleShown(page, clauseIds.wage), { timeout: 10_000 })
          .toContain('Từ năm 2027, Mức lương thấp nhất bằng mức lương tối thiểu vùng.');
      expect(await highlighted(employer, clauseIds.wage)).toEqual([phrase]);
      expect(await highlighted(union, clauseIds.wage)).toEqual([phrase]);

      // Clicking the words' quote in her panel selects them in the text.
      await opened.getByRole('button', { name: 'Xem đoạn này trong văn bản' }).click();
      await expect.poll(() => employer.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
      await shot(employer, 'highlight-follows-the-words');

      // Ctrl+Alt+M does the same: the union selects words of another article and the form quotes them.
      await selectWords(union, clauseIds.bonus, 'một tháng lương');
      await union.keyboard.press('Control+Alt+M');
      const bonus = union.locator(`[data-testid=focused-article][data-clause-id="${clauseIds.bonus}"]`);
      await expect.poll(() => bonus.getByTestId('phrase-quote').innerText()).toBe('một tháng lương');
      expect(errors).toEqual([]);
    },
  );
});
