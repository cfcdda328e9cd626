import { Worker } from 'node:worker_threads';
import { cancelledError, type CancelSignal } from '#shared/api/cancellation';
import { ApiError } from '#shared/api/errors';
import type { ImportPreview } from '#shared/api/export';
import type { SalaryScalePreview } from '#shared/api/salaryScale';
import type { RenderDocument } from '#shared/export/renderModel';
import type { TrackedParagraph } from '#main/import/wordRevisions';
import type { AgreementExport, AgreementExportRequest } from '#main/export/agreementExport';
import type { FileJob, FileJobRequest, FileJobResponse, FileJobResults } from '#main/export/fileJobs';
import type { StoreLocation } from '#main/store/port';
import type { ComparisonRequest, StoredComparison } from '#main/versions/storedComparison';

/**
 * Writing a long agreement as .docx and reading an imported one take the CPU for hundreds of
 * milliseconds; so do laying out an export with its redlines and comparing two versions across
 * thousands of edits, up to their diff budget (decision 0014). On the server's event loop no
 * keystroke would be relayed to anybody meanwhile. They run in one worker thread instead, started
 * at the first job and kept for the next ones; those that read a document read it from the
 * store the server names (`database`: its SQLite file, or its PostgreSQL), which the server has
 * brought up to date first.
 * A job whose caller goes fails at once as cancelled and its thread is terminated, so that its
 * CPU is freed; the other jobs it had go to a new thread.
 */
export interface FileWorkers {
  renderDocx(document: RenderDocument, signal?: CancelSignal): Promise<Buffer>;
  importDocx(fileBase64: string, fileName: string, signal?: CancelSignal): Promise<ImportPreview>;
  /** The paragraphs of a .docx with their tracked changes, to import as suggestions (wordRevisions.ts). */
  readTrackedChanges(fileBase64: string, signal?: CancelSignal): Promise<TrackedParagraph[]>;
  /** A payroll export (CSV or XLSX) read into a salary scale to confirm (salaryScaleImport.ts). */
  importSalaryScale(fileBase64: string, fileName: string, signal?: CancelSignal): Promise<SalaryScalePreview>;
  /** Two texts of a document compared, their redlines drawn on one budget (compareStoredDocument). */
  compareVersions(database: StoreLocation, request: ComparisonRequest, signal?: CancelSignal): Promise<StoredComparison>;
  /** An agreement read, laid out and written as .docx, or as the HTML to print (exportStoredAgreement). */
  exportAgreement(database: StoreLocation, request: AgreementExportRequest, signal?: CancelSignal): Promise<AgreementExport>;
  /** Terminates the thread; jobs still under way fail. */
  close(): Promise<void>;
}

/**
 * The worker's code. Bundled by esbuild for Electron (electronBundle.ts), this module is part of
 * dist/electron/main.cjs and the worker is the bundle beside it; run as TypeScript (tsx, vitest),
 * the worker is the source, loaded through a bootstrap that registers tsx in the thread.
 */
const workerEntry = import.meta.url.endsWith('.cjs') ? new URL('./fileWorker.cjs', import.meta.url) : new URL('./fileWorkerBootstrap.mjs', import.meta.url);

interface PendingJob {
  request: FileJobRequest;
  worker: Worker;
  settle(response: FileJobResponse): void;
  fail(error: Error): void;
}

/** One file worker, started lazily and started again after it stops. */
export function createFileWorkers(): FileWorkers {
  let current: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, PendingJob>();
  const jobsOn = (worker: Worker): PendingJob[] => [...pending.values()].filter((job) => job.worker === worker);

  function start(): Worker {
    const worker = new Worker(workerEntry);
    let failure: Error | null = null;
    worker.on('message', (response: FileJobResponse) => {
      const job = pending.get(response.id);
      if (job?.worker === worker) job.settle(response);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (current === worker) current = null;
      const reason = new Error(failure ? `the file worker failed: ${failure.message}` : `the file worker stopped (exit code ${code})`);
      for (const job of jobsOn(worker)) job.fail(reason);
    });
    return worker;
  }

  /** An idle worker does not keep the process alive; one with jobs does (the command line awaits them). */
  function holdProcessWhileBusy(): void {
    if (pending.size > 0) current?.ref();
    else current?.unref();
  }

  function post(request: FileJobRequest): Worker {
    current ??= start();
    current.postMessage(request);
    return current;
  }

  /** Stops a worker at once; the jobs it had left start again on a new one. */
  function retire(worker: Worker): void {
    if (current === worker) current = null;
    for (const job of jobsOn(worker)) job.worker = post(job.request);
    void worker.terminate();
    holdProcessWhileBusy();
  }

  function run<Kind extends FileJob['kind']>(job: FileJob & { kind: Kind }, signal: CancelSignal | undefined): Promise<FileJobResults[Kind]> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        pending.delete(id);
        signal?.removeEventListener('abort', abort);
        holdProcessWhileBusy();
      };
      const abort = (): void => {
        const job = pending.get(id);
        if (!job) return;
        finish();
        reject(cancelledError());
        retire(job.worker);
      };
      const request: FileJobRequest = { ...job, id };
      pending.set(id, {
        request,
        worker: post(request),
        settle(response) {
          finish();
          // The worker answers a job with the result of its kind (fileJobs.ts).
          if (response.ok) resolve(response.value as FileJobResults[Kind]);
          else reject('error' in response ? ApiError.fromData(response.error) : new Error(`the file worker failed: ${response.unexpected}`));
        },
        fail(error) {
          finish();
          reject(error);
        },
      });
      signal?.addEventListener('abort', abort, { once: true });
      holdProcessWhileBusy();
    });
  }

  return {
    async renderDocx(document, signal) {
      const bytes = await run({ kind: 'renderDocx', document }, signal);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    importDocx: (fileBase64, fileName, signal) => run({ kind: 'importDocx', fileBase64, fileName }, signal),
    readTrackedChanges: (fileBase64, signal) => run({ kind: 'readTrackedChanges', fileBase64 }, signal),
    importSalaryScale: (fileBase64, fileName, signal) => run({ kind: 'importSalaryScale', fileBase64, fileName }, signal),
    compareVersions: (database, request, signal) => run({ kind: 'compareVersions', database, request }, signal),
    exportAgreement: (database, request, signal) => run({ kind: 'exportAgreement', database, request }, signal),
    async close() {
      const worker = current;
      current = null;
      await worker?.terminate();
    },
  };
}
