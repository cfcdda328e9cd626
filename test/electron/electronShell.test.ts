import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { buildElectronBundle } from '#main/electron/electronBundle';
import { findElectronBinary } from '#main/electron/electronRuntime';
import { createTempFolder } from '../helpers/tempFolder';

const electronBinary = findElectronBinary();
if (!electronBinary) {
  console.log('Electron smoke test skipped: the Electron binary is not installed on this machine (it cannot be downloaded here).');
}

describe('the Electron shell', () => {
  it('bundles its entry and a single-file preload exposing only the API channel', () => {
    const entry = buildElectronBundle();
    expect(existsSync(entry)).toBe(true);
    const preload = readFileSync(entry.replace('main.cjs', 'preload.cjs'), 'utf8');
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).toContain('thoa-uoc:api');
    expect(preload).not.toMatch(/require\((?!["']electron["'])/);
  });

  describe.skipIf(!electronBinary)('smoke test (skipped where the Electron binary is not installed)', () => {
    it('opens an isolated window over the embedded server, with no Node and no inline script', async () => {
      const userData = createTempFolder();
      const app = await electron.launch({ executablePath: electronBinary ?? '', args: [buildElectronBundle(), `--user-data-dir=${userData.path}`] });
      try {
        const window = await app.firstWindow();
        await window.waitForSelector('#root');
        expect(await window.title()).toBe('Thỏa Ước');
        expect(await window.evaluate(() => Object.keys((window as unknown as { thoaUoc: object }).thoaUoc))).toEqual(['call']);
        // No Node in the page (nodeIntegration off, context isolation on): only the bridge's one function.
        expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
        expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
        // A strict Content-Security-Policy: inline scripts do not run.
        expect(await window.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'window.inlineRan = true';
          document.head.append(script);
          return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
        })).toBe(false);
      } finally {
        await app.close();
        userData.remove();
      }
    });
  });
});
