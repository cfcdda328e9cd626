import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { ApiError } from '#shared/api/errors';
import { createHttpTransport } from '#shared/api/httpTransport';
import type { TopLevelBlock } from '#shared/document/nodes';
import { buildAgreementModel } from '#shared/export/agreementModel';
import type { RenderDocument } from '#shared/export/renderModel';
import { renderDocx } from '#main/export/docx';
import { createFileWorkers } from '#main/export/fileWorkers';
import { importDocx } from '#main/import/docxImport';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { completeDocument, librarySources, sequentialIds } from './agreementFixture';

// Writing and reading .docx files run in a worker thread (main/export/fileWorkers.ts): the event
// loop keeps relaying everybody's edits meanwhile, and a cancelled job stops using the CPU.

/** A long agreement: the complete fixture's 64 articles, in chapters, `copies` times over. */
function longAgreement(copies: number): TopLevelBlock[] {
  const ids = sequentialIds('long');
  return Array.from({ length: copies }, () => completeDocument('enterprise_agreement', 'vi', 'x', ids).blocks.filter((block) => block.type === 'chapter')).flat();
}

const renderModel = (blocks: TopLevelBlock[]): RenderDocument => buildAgreementModel({ ...completeDocument(), blocks }, { languageMode: 'vi', proposals: [], annex: false }, librarySources('enterprise_agreement'));

/** The longest time the event loop went without running a 5-ms interval while `work` ran. */
async function longestPause(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
    tick();
  }
  return longest;
}

// A generous bound for a loaded machine: on the event loop, the same work blocks it 300–800 ms.
const freeLoopMs = 150;

describe('the file worker', () => {
  let harness: Harness;
  let host: ApiClient;

  beforeAll(async () => {
    harness = await startHarness();
    host = createApiClient(createHttpTransport({ baseUrl: harness.server.url, token: harness.server.authentication.createAdminToken('worker test'), fetch }));
  });

  afterAll(() => harness?.dispose());

  it('keeps the event loop free while the server writes a long agreement as .docx', async () => {
    const blocks = longAgreement(5);
    const { id: documentId } = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước dài', content: blocks, variables: completeDocument().variables });
    // Warm: the worker starts, and the server's own steps (reading the document, laying it out) are compiled.
    for (let run = 0; run < 2; run += 1) await host.call('documents/exportDocx', { documentId });
    const pause = await longestPause(() => host.call('documents/exportDocx', { documentId }));
    // The same writing on the event loop holds it longer than the bound: the check can fail.
    const model = renderModel(blocks);
    expect(structuredClone(model)).toStrictEqual(model);
    const onLoop = await longestPause(() => renderDocx(model));
    console.log(`documents/exportDocx, 320 articles: the event loop paused ${pause.toFixed(0)} ms at most (${onLoop.toFixed(0)} ms writing on the loop)`);
    expect(onLoop).toBeGreaterThan(freeLoopMs);
    expect(pause).toBeLessThan(freeLoopMs);
  });

  it('keeps the event loop free while the server reads a long .docx to import', async () => {
    const fileBase64 = (await renderDocx(renderModel(longAgreement(10)))).toString('base64');
    const preview = () => host.call('documents/importPreview', { fileBase64, fileName: 'dài.docx' });
    expect((await preview()).report.articles).toBe(640);
    const pause = await longestPause(preview);
    const onLoop = await longestPause(() => importDocx(fileBase64, 'dài.docx', sequentialIds()));
    console.log(`documents/importPreview, 640 articles: the event loop paused ${pause.toFixed(0)} ms at most (${onLoop.toFixed(0)} ms reading on the loop)`);
    expect(onLoop).toBeGreaterThan(freeLoopMs);
    expect(pause).toBeLessThan(freeLoopMs);
  });

  it('fails a cancelled job at once, terminates it so that its CPU is freed, and runs the next job', async () => {
    const files = createFileWorkers();
    try {
      const small = renderModel(longAgreement(1));
      const large = renderModel(longAgreement(10));
      await files.renderDocx(small);
      const controller = new AbortController();
      const job = files.renderDocx(large, controller.signal);
      await delay(50);
      const cpuAtAbort = process.cpuUsage();
      const abortedAt = performance.now();
      controller.abort();
      const error = await job.catch((reason: unknown) => reason);
      expect(performance.now() - abortedAt).toBeLessThan(50);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'cancelled', message: 'the call was cancelled by the caller' });
      // Left running, the job would keep a core busy for several hundred milliseconds more.
      await delay(300);
      const cpu = process.cpuUsage(cpuAtAbort);
      expect((cpu.user + cpu.system) / 1000).toBeLessThan(150);
      expect((await files.renderDocx(small)).subarray(0, 2).toString()).toBe('PK');
    } finally {
      await files.close();
    }
  });

  it('refuses a job whose caller has already gone without starting it', async () => {
    const files = createFileWorkers();
    try {
      const controller = new AbortController();
      controller.abort();
      await expect(files.importDocx('', 'x.docx', controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      await files.close();
    }
  });
});
