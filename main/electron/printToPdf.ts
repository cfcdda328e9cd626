import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { throwIfCancelled } from '#shared/api/cancellation';
import type { PdfPrinter } from '#main/export/pdf';

/**
 * The desktop app's PDF printer: the same HTML as server mode's (shared/export/html.ts) printed by
 * Electron's own Chromium with webContents.printToPDF, so the desktop needs no browser of its own.
 * The page is loaded from a temporary file (a long agreement is more than a data: URL may hold),
 * in a hidden window with no JavaScript, in its own session: the app's Content-Security-Policy
 * (set on the default session) would refuse the page's inline style sheet. Cancel destroys the window.
 */
export function createElectronPrinter(): PdfPrinter {
  return async (html, signal) => {
    throwIfCancelled(signal);
    const folder = await mkdtemp(join(tmpdir(), 'thoa-uoc-print-'));
    const file = join(folder, 'document.html');
    const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, partition: 'thoa-uoc-print', spellcheck: false } });
    const abort = (): void => {
      if (!window.isDestroyed()) window.destroy();
    };
    signal?.addEventListener('abort', abort, { once: true });
    try {
      await writeFile(file, html, 'utf8');
      await window.loadFile(file);
      const pdf = await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, generateTaggedPDF: true });
      throwIfCancelled(signal);
      return pdf;
    } catch (error) {
      throwIfCancelled(signal);
      throw error;
    } finally {
      signal?.removeEventListener('abort', abort);
      abort();
      await rm(folder, { recursive: true, force: true });
    }
  };
}
