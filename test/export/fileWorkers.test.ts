import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '#shared/api/errors';
import type { ExportedFile } from '#shared/api/export';
import type { TopLevelBlock } from '#shared/document/nodes';
import { buildAgreementModel } from '#shared/export/agreementModel';
import type { RenderDocument } from '#shared/export/renderModel';
import { renderDocx } from '#main/export/docx';
import { createFileWorkers } from '#main/export/fileWorkers';
import { databaseFileName } from '#main/server/dataFolder';
import { openDatabaseReader } from '#main/store/sqlite/database';
import { createUpdateLog } from '#main/store/sqlite/updateLog';
import { startRecordedServer, type RecordedServer } from '../helpers/recordedFileJobs';
import { waitFor } from '../helpers/waitFor';
import { replaceWords, startHistoryServer, type HistoryServer } from '../versions/historyFixture';
import { completeDocument, librarySources, sequentialIds } from './agreementFixture';
import { docxBodyText } from './fileTools';

// Writing and reading .docx files, and laying out an agreement to export, run in a worker thread
// (main/export/fileWorkers.ts), which reads the document from the store itself: the event loop
// keeps relaying everybody's edits meanwhile, and a cancelled job stops using the CPU.

/** A long agreement: the complete fixture's 64 articles, in chapters, `copies` times over. */
function longAgreement(copies: number): TopLevelBlock[] {
  const ids = sequentialIds('long');
  return Array.from({ length: copies }, () =>
    completeDocument('enterprise_agreement', 'vi', 'x', ids).blocks.filter((block) => block.type === 'chapter'),
  ).flat();
}

const renderModel = (blocks: TopLevelBlock[]): RenderDocument =>
  buildAgreementModel({ ...completeDocument(), blocks }, { languageMode: 'vi', proposals: [], annex: false }, librarySources('enterprise_agreement'));

/** The ids of the process's worker threads now running (Node's diagnostic report lists them). */
const runningThreads = (): number[] =>
  (process.report.getReport() as { workers: { header: { threadId: number } }[] }).workers.map((worker) => worker.header.threadId);

let recorded: RecordedServer | undefined;
let server: HistoryServer | undefined;
afterEach(async () => {
  await recorded?.close();
  await server?.dispose();
  recorded = undefined;
  server = undefined;
});

describe('the file worker', () => {
  it('exports an agreement from the document’s name and the options the event loop hands it: the worker reads, lays out and writes it', async () => {
    recorded = await startRecordedServer();
    const documentId = await recorded.createDocument(longAgreement(1));
    const input = { documentId, redline: true, annex: false, salaryScaleAnnex: false, trackedChanges: false };
    const file = await recorded.handlers['documents/exportDocx'](input, { kind: 'admin' });
    expect(docxBodyText(Buffer.from(file.fileBase64, 'base64'))).toContain('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
    expect(recorded.calls).toEqual([
      {
        method: 'exportAgreement',
        args: [
          recorded.context.store.location,
          {
            documentId,
            workspaceId: 'local',
            kind: 'enterprise_agreement',
            title: 'Thỏa ước lao động tập thể 2027',
            caller: { kind: 'admin' },
            input,
            date: null,
            format: 'docx',
            trackedChanges: false,
          },
          undefined,
        ],
      },
    ]);
  });

  it('an export asked for as an edit arrives stores the edit before the worker reads the document, and shows it', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const client = await server.connect(lan);
    const { handlers, sync } = server.harness.server;
    const documentId = server.documentId;
    const room = sync.room(documentId);
    if (!room) throw new Error('the document is not open');
    // What the database file holds at any instant, read as the worker reads it: a connection of its own.
    const reader = openDatabaseReader(join(server.harness.dataFolder, databaseFileName));
    const stored = (): number => createUpdateLog(reader).lastSeq(documentId);
    const storedBefore = stored();
    const seen = { whenAsked: -1, whenHandedOver: -1 };
    // The job reaches the worker thread by postMessage: what is stored then is what it can read.
    const handOver = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
      seen.whenHandedOver = stored();
      handOver.apply(this, args);
    };
    try {
      const asked = new Promise<ExportedFile>((resolve, reject) => {
        const onUpdate = (): void => {
          room.doc.off('update', onUpdate);
          // Once the server has applied the edit, before its group commit stores it (setImmediate).
          queueMicrotask(() => {
            seen.whenAsked = stored();
            handlers['documents/exportDocx'](
              { documentId, redline: false, annex: false, salaryScaleAnnex: false, trackedChanges: false },
              { kind: 'admin' },
            ).then(resolve, reject);
          });
        };
        room.doc.on('update', onUpdate);
      });
      replaceWords(client.doc, 'dieu-thuong-tet', 1, 'một tháng', 'hai tháng');
      const file = await asked;
      expect(seen).toEqual({ whenAsked: storedBefore, whenHandedOver: storedBefore + 1 });
      expect(docxBodyText(Buffer.from(file.fileBase64, 'base64'))).toContain('Thưởng Tết bằng hai tháng lương.');
    } finally {
      Worker.prototype.postMessage = handOver;
      reader.close();
    }
  });

  it('reads a .docx to import in the worker', async () => {
    recorded = await startRecordedServer();
    const fileBase64 = (await renderDocx(renderModel(longAgreement(1)))).toString('base64');
    const preview = await recorded.handlers['documents/importPreview']({ fileBase64, fileName: 'thỏa ước.docx' }, { kind: 'admin' });
    expect(preview.report.articles).toBe(64);
    expect(recorded.calls).toEqual([{ method: 'importDocx', args: [fileBase64, 'thỏa ước.docx', undefined] }]);
  });

  it('fails a cancelled job at once, terminates its thread so that its CPU is freed, and runs the next job on a new one', async () => {
    const files = createFileWorkers();
    try {
      const small = renderModel(longAgreement(1));
      const large = renderModel(longAgreement(10));
      const before = runningThreads();
      await files.renderDocx(small);
      const [thread] = runningThreads().filter((id) => !before.includes(id));
      if (thread === undefined) throw new Error('the file worker runs on no new thread');
      const controller = new AbortController();
      const job = files.renderDocx(large, controller.signal);
      controller.abort();
      // Settled before the event loop turns once more: nothing waited for the worker.
      const outcome = await Promise.race([
        job.then(
          () => 'written',
          (error: unknown) => error,
        ),
        new Promise((resolve) => setImmediate(() => resolve('still running'))),
      ]);
      expect(outcome).toBeInstanceOf(ApiError);
      expect(outcome).toMatchObject({ code: 'cancelled', message: 'the call was cancelled by the caller' });
      // Left running, the job would keep its thread (and a core) busy, then the idle thread would stay.
      await waitFor(() => !runningThreads().includes(thread), 'the cancelled job’s thread to stop');
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
