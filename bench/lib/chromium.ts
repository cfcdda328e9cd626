import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags it needs on a machine without internet access (as
 * the end-to-end tests launch it). Each call is a separate browser process: two people typing
 * and watching need two, because a background tab of one browser gets about one frame a second.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects a page's uncaught errors and console errors, to fail a run that had any. */
export function watchErrors(page: Page, who: string, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`${who}: pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${who}: console: ${message.text()}`);
  });
  return errors;
}
