import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { ArticleElement, ChapterElement, TopLevelBlock } from '#shared/document/nodes';
import { plainText } from '#shared/document/nodes';
import { contentRoot } from '#shared/document/yjsContent';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { articleShown, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';

// Decision 0032: a long agreement opens with its first screen drawn first; the rest is drawn as the
// page is idle, and at once when the reader goes beyond the first screen before that.

const articleCount = 60;
const bodyOf = (number: number) => `Nội dung riêng của điều số ${number} trong thỏa ước.`;

function longAgreement(): TopLevelBlock[] {
  const chapters: ChapterElement[] = [];
  for (let first = 1; first <= articleCount; first += 20) {
    const articles: ArticleElement[] = Array.from({ length: 20 }, (_, index) => ({
      type: 'article',
      clauseId: `dieu-${first + index}`,
      children: [
        { type: 'article-title', children: [{ text: `Quy định số ${first + index}` }] },
        { type: 'clause', children: [{ text: bodyOf(first + index) }] },
      ],
    }));
    chapters.push({
      type: 'chapter',
      chapterId: `chuong-${chapters.length + 1}`,
      children: [{ type: 'chapter-title', children: [{ text: `Chương thử ${chapters.length + 1}` }] }, ...articles],
    });
  }
  return chapters;
}

/**
 * The page's idle moments are held until the test lets them go: the articles past the first
 * screen then keep waiting their turn, so that what the reader does first can be tried.
 */
function holdIdleMoments(): void {
  const held: IdleRequestCallback[] = [];
  const request = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (callback) => {
    held.push(callback);
    return 0;
  };
  (window as unknown as { releaseIdleMoments: () => void }).releaseIdleMoments = () => {
    window.requestIdleCallback = request;
    for (const callback of held.splice(0)) request(callback);
  };
}

/** The blocks and articles a shared block holds, in order. */
function embedded(element: Y.XmlText): Y.XmlText[] {
  return (element.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
}

/** The clause of the agreement's last article, in a client's copy of the document. */
function lastClause(doc: Y.Doc): Y.XmlText {
  const lastChapter = embedded(contentRoot(doc)).at(-1);
  const lastArticle = lastChapter && embedded(lastChapter).at(-1);
  const clause = lastArticle && embedded(lastArticle).at(-1);
  if (!clause) throw new Error('the agreement has no last article');
  return clause;
}

/** Whether the element lies within the window's height, as the reader sees it without scrolling. */
const isWithinView = (locator: Locator) =>
  locator.evaluate((element) => element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().bottom <= window.innerHeight);

const waitingArticles = (page: Page) => page.locator('[data-testid=document-body] section.article.waiting').count();
const bodyText = (page: Page) => page.getByTestId('document-body').innerText();

describe('E2E: opening a long agreement in Chromium', () => {
  let harness: Harness;
  let browser: Browser;
  let documentId: string;
  const errors: string[] = [];
  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
    const document = await harness.server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể dài', variables: {}, language: 'vi', content: longAgreement() },
      { kind: 'admin' },
    );
    documentId = document.id;
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  /** The employer joins in a browser of her own, whose idle moments are held. */
  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript(holdIdleMoments);
    const { code } = await harness.server.handlers['invitations/create']({ documentId, side: 'employer', validForHours: 24 }, { kind: 'admin' });
    const page = await joinWithLink(context, harness.server.url, code, 'Chị Lan (Nhân sự)');
    errors.length = 0;
    watchErrors(page, errors);
    await expect.poll(() => articleShown(page, 'dieu-1')).toContain(bodyOf(1));
    return page;
  }

  it('shows the first screen with the rest waiting, then draws every article as the page is idle', async () => {
    const page = await open();
    const waiting = await waitingArticles(page);
    expect(waiting).toBeGreaterThan(articleCount / 2);
    expect(waiting).toBeLessThan(articleCount);
    // Every article is in the editor from the start; the ones waiting have no text drawn yet.
    expect(await page.locator('[data-testid=document-body] section.article').count()).toBe(articleCount);
    expect(await bodyText(page)).not.toContain(bodyOf(articleCount));
    // A chapter whose articles all wait is their boxes alone, its title not drawn yet either.
    const lastChapterTitle = page.locator('section.chapter[data-chapter-id="chuong-3"] .chapter-title');
    expect(await lastChapterTitle.count()).toBe(0);

    await page.evaluate(() => (window as unknown as { releaseIdleMoments: () => void }).releaseIdleMoments());
    await expect.poll(() => waitingArticles(page)).toBe(0);
    expect(await articleShown(page, `dieu-${articleCount}`)).toContain(bodyOf(articleCount));
    expect(await lastChapterTitle.textContent()).toContain('Chương thử 3');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Ctrl+End before the rest is drawn draws it and takes the caret to the end: what is typed there lands in the last article', async () => {
    const page = await open();
    expect(await waitingArticles(page)).toBeGreaterThan(0);
    await page.locator('.article[data-clause-id="dieu-1"] .article-title').click();
    await page.keyboard.press('Control+End');
    expect(await waitingArticles(page)).toBe(0);
    // The end of the agreement is in view, and the caret in it.
    const lastText = page.locator(`.article[data-clause-id="dieu-${articleCount}"] .clause`);
    await expect.poll(() => isWithinView(lastText)).toBe(true);
    await page.keyboard.type(' Hết.');
    await expect.poll(() => articleShown(page, `dieu-${articleCount}`)).toContain(`${bodyOf(articleCount)} Hết.`);
    const last = (await pageContent(page)).at(-1);
    expect(last && plainText(last)).toContain(`${bodyOf(articleCount)} Hết.`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the outline takes the reader to an article still waiting: it is drawn, in view, with the caret at its title', async () => {
    const page = await open();
    expect(await waitingArticles(page)).toBeGreaterThan(0);
    await page
      .locator('nav.outline')
      .getByRole('button', { name: `Điều ${articleCount - 1}. Quy định số ${articleCount - 1}` })
      .click();
    expect(await waitingArticles(page)).toBe(0);
    const title = page.locator(`.article[data-clause-id="dieu-${articleCount - 1}"] .article-title`);
    await expect.poll(() => isWithinView(title)).toBe(true);
    await page.keyboard.type('Điều khoản ');
    await expect.poll(() => title.innerText()).toBe(`Điều khoản Quy định số ${articleCount - 1}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('going to a suggestion in an article still waiting, from the Suggestions tab, draws it and selects the suggested words', async () => {
    // The union suggests words at the end of the last article, through its own socket.
    const union = await joinAs(harness.server, documentId, 'union', 'Anh Minh (Công đoàn)');
    const client = connectClient(harness.server.url, documentId, union.token);
    await waitFor(() => client.provider.synced, 'the union is synced');
    lastClause(client.doc).insert(lastClause(client.doc).length, ' (công đoàn đề nghị)', { suggestInsert: 'goi-y-cuoi' });
    await waitFor(() => client.doc.getMap('suggestions').has('goi-y-cuoi'), 'the server records the suggestion');
    client.destroy();

    const page = await open();
    expect(await waitingArticles(page)).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Gợi ý' }).click();
    await page.getByTestId('suggestions-panel').getByRole('button', { name: 'Gợi ý sau' }).click();
    expect(await waitingArticles(page)).toBe(0);
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(' (công đoàn đề nghị)');
    const suggested = page.locator(`.article[data-clause-id="dieu-${articleCount}"] ins.suggestion`);
    await expect.poll(() => isWithinView(suggested)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('scrolling the text before the rest is drawn draws it at once', async () => {
    const page = await open();
    expect(await waitingArticles(page)).toBeGreaterThan(0);
    await page.getByTestId('document-body').hover();
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => waitingArticles(page)).toBe(0);
    expect(await articleShown(page, `dieu-${articleCount}`)).toContain(bodyOf(articleCount));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
