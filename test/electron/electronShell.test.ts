import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { buildElectronBundle, fileWorkerBundle } from '#main/electron/electronBundle';
import type { FileJobRequest, FileJobResponse } from '#main/export/fileJobs';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { completeDocument, librarySources } from '../export/agreementFixture';
import { zipPart } from '../export/fileTools';
import { findElectronBinary } from '#main/electron/electronRuntime';
import { createCommandLineRooms } from '#main/cli/commandLineRooms';
import { createMemoryLogger } from '#main/logger';
import { openServices } from '#main/server/services';
import { createApiHandlers } from '#main/wiring/apiHandlers';
import { createTempFolder } from '../helpers/tempFolder';

const electronBinary = findElectronBinary();
if (!electronBinary) {
  console.log('Electron smoke test skipped: the Electron binary is not installed on this machine (it cannot be downloaded here).');
}

describe('the Electron shell', () => {
  it('bundles its entry and a single-file preload exposing only the API and backup channels', () => {
    const entry = buildElectronBundle();
    expect(existsSync(entry)).toBe(true);
    const preload = readFileSync(entry.replace('main.cjs', 'preload.cjs'), 'utf8');
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).toContain('thoa-uoc:api');
    expect(preload).toContain('thoa-uoc:backup');
    expect([...preload.matchAll(/thoa-uoc:[a-z]+/g)].map((match) => match[0]).sort()).toEqual(['thoa-uoc:api', 'thoa-uoc:backup']);
    expect(preload).not.toMatch(/require\((?!["']electron["'])/);
  });

  it('bundles the file worker beside the entry, loadable by plain Node, writing a .docx and reading it back', async () => {
    // The bundled entry starts the worker beside it (fileWorkers.ts), not the TypeScript bootstrap.
    expect(readFileSync(buildElectronBundle(), 'utf8')).toContain('./fileWorker.cjs');
    const worker = new Worker(fileWorkerBundle);
    try {
      const source = completeDocument();
      const request: FileJobRequest = {
        id: 1,
        kind: 'renderDocx',
        document: buildAgreementModel(source, { languageMode: 'vi', proposals: [], annex: false }, librarySources(source.kind)),
      };
      worker.postMessage(request);
      const [response] = (await once(worker, 'message')) as [FileJobResponse];
      if (!response.ok || !(response.value instanceof Uint8Array)) throw new Error(`the bundled worker wrote no .docx: ${JSON.stringify(response)}`);
      expect(response.id).toBe(1);
      expect(zipPart(Buffer.from(response.value), 'word/document.xml')).toContain('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
      // Reading it back runs the import's libraries (fflate, saxes) as bundled.
      const read: FileJobRequest = { id: 2, kind: 'importDocx', fileBase64: Buffer.from(response.value).toString('base64'), fileName: 'thoa-uoc.docx' };
      worker.postMessage(read);
      const [imported] = (await once(worker, 'message')) as [FileJobResponse];
      if (!imported.ok || !('report' in imported.value)) throw new Error(`the bundled worker read no .docx: ${JSON.stringify(imported)}`);
      expect(imported.value.report.articles).toBeGreaterThan(10);
    } finally {
      await worker.terminate();
    }
  });

  it('bundles the file worker able to read the database itself (better-sqlite3, external to the bundle), exporting a stored agreement', async () => {
    buildElectronBundle();
    const folder = createTempFolder();
    const { context } = await openServices(folder.path, createMemoryLogger());
    const worker = new Worker(fileWorkerBundle);
    try {
      const source = completeDocument();
      const document = await createApiHandlers(context, createCommandLineRooms())['documents/create'](
        { kind: source.kind, title: source.title, content: [...source.blocks], variables: { ...source.variables }, language: source.language },
        { kind: 'admin' },
      );
      const request: FileJobRequest = {
        id: 1,
        kind: 'exportAgreement',
        database: context.store.location,
        request: {
          documentId: document.id,
          workspaceId: 'local',
          kind: document.kind,
          title: document.title,
          caller: { kind: 'admin' },
          input: { documentId: document.id, redline: false, annex: false, salaryScaleAnnex: false },
          date: null,
          format: 'docx',
        },
      };
      worker.postMessage(request);
      const [response] = (await once(worker, 'message')) as [FileJobResponse];
      if (!response.ok || !('docx' in response.value)) throw new Error(`the bundled worker exported nothing: ${JSON.stringify(response)}`);
      expect(zipPart(Buffer.from(response.value.docx), 'word/document.xml')).toContain('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
    } finally {
      await worker.terminate();
      await context.store.close();
      folder.remove();
    }
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
        expect(
          await window.evaluate(() => {
            const script = document.createElement('script');
            script.textContent = 'window.inlineRan = true';
            document.head.append(script);
            return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
          }),
        ).toBe(false);
      } finally {
        await app.close();
        userData.remove();
      }
    });
  });
});
