import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { articlesOf, articleText } from '#shared/document/articles';
import { pageContent } from './browser';

/** What a person does and sees in the negotiation, step by step, as the end-to-end tests drive it. */

/** The article's section in the document. */
export function articleOn(page: Page, clauseId: string): Locator {
  return page.locator(`.article[data-clause-id="${clauseId}"]`);
}

/** The badge beside an article. */
export function badgeOf(page: Page, clauseId: string): Locator {
  return articleOn(page, clauseId).getByTestId('article-badge');
}

/** Clicks an article's badge, once: the negotiation panel shows that article. */
export async function openArticle(page: Page, clauseId: string): Promise<Locator> {
  const focused = page.locator(`[data-testid=focused-article][data-clause-id="${clauseId}"]`);
  await badgeOf(page, clauseId).click();
  await focused.waitFor();
  return focused;
}

/** The text of an article as the page's shared document holds it (chips as `{{id}}`). */
export async function articleTextOn(page: Page, clauseId: string): Promise<string> {
  const article = articlesOf(await pageContent(page)).find((a) => a.clauseId === clauseId);
  return article ? articleText(article) : '';
}

/**
 * What a variable's chips in an article show, as a person reads them (the text content: an article
 * off screen is not laid out, and has no inner text until it is).
 */
export async function chipsShown(page: Page, clauseId: string, variableId: string): Promise<string[]> {
  return articleOn(page, clauseId).locator(`.variable-chip[data-variable-id="${variableId}"] .variable-value`).allTextContents();
}

/** The proposal editor, open over the page. */
export function proposalEditor(page: Page): Locator {
  return page.getByTestId('proposal-editor');
}

/** Types a new clause at the end of the article in the proposal editor (Enter after the last block). */
export async function addClauseAtEnd(page: Page, text: string): Promise<void> {
  const body = proposalEditor(page).getByTestId('proposal-text');
  await body.locator('.clause, .point, p').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await expect.poll(() => body.innerText()).toContain(text);
}

/** Types a proposed value for a variable, by its label, in the proposal editor's values panel. */
export async function proposeValue(page: Page, label: string, value: string): Promise<void> {
  await proposalEditor(page).getByTestId('proposal-value').getByLabel(label, { exact: true }).fill(value);
}

/** The redline's chips that a change strikes through and those it inserts. */
export async function redlineChips(redline: Locator): Promise<{ deleted: string[]; inserted: string[] }> {
  return { deleted: await redline.locator('del .variable-chip').allInnerTexts(), inserted: await redline.locator('ins .variable-chip').allInnerTexts() };
}

/** The value changes listed under a position ("label: old → new"). */
export async function valueChangesIn(scope: Locator): Promise<string[]> {
  return (await scope.getByTestId('value-changes').locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Opens a tab of the side pane. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}
