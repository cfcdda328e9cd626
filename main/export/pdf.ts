import type { Browser, BrowserContext } from 'playwright-core';
import { throwIfCancelled, type CancelSignal } from '#shared/api/cancellation';

/**
 * Prints a standalone HTML page (shared/export/html.ts) to PDF. Two implementations: headless
 * Chromium through playwright-core in server mode (here), and Electron's webContents.printToPDF
 * in the desktop app (main/electron/printToPdf.ts). Both honour the page's CSS: A4, margins and
 * page numbers come from its @page rules (preferCSSPageSize, no header or footer of Chromium's).
 */
export type PdfPrinter = (html: string, signal?: CancelSignal) => Promise<Buffer>;

export interface ChromiumPrinter {
  print: PdfPrinter;
  /** Closes the browser, if it was started. */
  close(): Promise<void>;
}

/** The flags Chromium needs on a machine without internet access (as the tests launch it). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const printTimeoutMs = 120_000;

/**
 * A printer over one headless Chromium, started at the first print and kept for the next ones;
 * each print has its own context (no JavaScript, offline), closed at once when the caller cancels.
 * playwright-core is loaded only then, so that the desktop app never needs it.
 */
export function createChromiumPrinter(options: { executablePath?: string } = {}): ChromiumPrinter {
  let starting: Promise<Browser> | null = null;

  const browser = (): Promise<Browser> => {
    starting ??= (async () => {
      const { chromium } = await import('playwright-core');
      const launched = await chromium.launch({
        executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      });
      launched.on('disconnected', () => {
        starting = null;
      });
      return launched;
    })();
    starting.catch(() => {
      starting = null;
    });
    return starting;
  };

  return {
    async print(html, signal) {
      throwIfCancelled(signal);
      let context: BrowserContext | null = null;
      const abort = (): void => {
        void context?.close().catch(() => {});
      };
      signal?.addEventListener('abort', abort, { once: true });
      try {
        context = await (await browser()).newContext({ javaScriptEnabled: false, offline: true });
        throwIfCancelled(signal);
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: printTimeoutMs });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true });
        throwIfCancelled(signal);
        return pdf;
      } catch (error) {
        // Closing the context on cancel makes the print fail: report the cancellation, not that.
        throwIfCancelled(signal);
        throw error;
      } finally {
        signal?.removeEventListener('abort', abort);
        await context?.close().catch(() => {});
      }
    },
    async close() {
      const pending = starting;
      starting = null;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}
