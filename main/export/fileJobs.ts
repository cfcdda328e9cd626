import type { ApiErrorData } from '#shared/api/errors';
import { ApiError } from '#shared/api/errors';
import type { ImportPreview } from '#shared/api/export';
import type { SalaryScalePreview } from '#shared/api/salaryScale';
import type { RenderDocument } from '#shared/export/renderModel';
import type { Store, StoreLocation } from '#main/store/port';
import { openStoreReader } from '#main/store/openStore';
import { createStoredDocuments, type StoredDocuments } from '#main/sync/storedDocument';
import { compareStoredDocument, type ComparisonRequest, type StoredComparison } from '#main/versions/storedComparison';
import { exportStoredAgreement, type AgreementExport, type AgreementExportRequest } from '#main/export/agreementExport';
import { randomId } from '#main/secrets';
import type { TrackedParagraph } from '#main/import/wordRevisions';

/**
 * The messages between the server and its file worker (fileWorker.ts): the jobs that take the
 * CPU for hundreds of milliseconds on a long agreement (writing and reading .docx files, laying
 * out an export) or that read as much as the edits between two versions (a comparison), and their
 * results. Everything here is plain data, copied by structured clone. Jobs that read a document
 * name its store: the worker reads it itself (openStoreReader), so that the server's event loop
 * neither loads nor reads the document.
 */

export type FileJob =
  | { kind: 'renderDocx'; document: RenderDocument }
  | { kind: 'importDocx'; fileBase64: string; fileName: string }
  | { kind: 'readTrackedChanges'; fileBase64: string }
  | { kind: 'importSalaryScale'; fileBase64: string; fileName: string }
  | { kind: 'compareVersions'; database: StoreLocation; request: ComparisonRequest }
  | { kind: 'exportAgreement'; database: StoreLocation; request: AgreementExportRequest };

export interface FileJobResults {
  renderDocx: Uint8Array;
  importDocx: ImportPreview;
  readTrackedChanges: TrackedParagraph[];
  importSalaryScale: SalaryScalePreview;
  compareVersions: StoredComparison;
  exportAgreement: AgreementExport;
}

export type FileJobRequest = FileJob & { id: number };

/** An expected failure comes back as the API error it was; anything else as its stack, to be logged. */
export type FileJobResponse =
  | { id: number; ok: true; value: FileJobResults[FileJob['kind']] }
  | { id: number; ok: false; error: ApiErrorData }
  | { id: number; ok: false; unexpected: string };

/** A store the worker reads, opened at its first job, with the document it read last (see createStoredDocuments). */
interface Reader {
  store: Store;
  documents: StoredDocuments;
}

const readers = new Map<string, Reader>();

function readerOf(database: StoreLocation): Reader {
  const key = database.kind === 'sqlite' ? `sqlite:${database.file}` : `postgres:${database.url}`;
  let reader = readers.get(key);
  if (!reader) {
    reader = { store: openStoreReader(database), documents: createStoredDocuments() };
    readers.set(key, reader);
  }
  return reader;
}

/**
 * Jobs that read documents run one at a time: each uses the document its reader keeps, which the
 * next one brings up to date (or replaces) when it reads.
 */
let reading: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const result = reading.then(job);
  reading = result.catch(() => undefined);
  return result;
}

/** Runs one job in the worker. Imported ids are random, as context.newId makes them in the server. */
async function runFileJob(job: FileJob): Promise<FileJobResults[FileJob['kind']]> {
  switch (job.kind) {
    // The .docx libraries are loaded at their first job: a worker that only compares stays small.
    case 'renderDocx':
      return (await import('#main/export/docx')).renderDocx(job.document);
    case 'importDocx':
      return (await import('#main/import/docxImport')).importDocx(job.fileBase64, job.fileName, () => randomId());
    case 'readTrackedChanges':
      return (await import('#main/import/docxImport')).readTrackedChanges(job.fileBase64);
    case 'importSalaryScale':
      return (await import('#main/import/salaryScaleImport')).importSalaryScale(job.fileBase64, job.fileName);
    case 'compareVersions': {
      const { store, documents } = readerOf(job.database);
      return oneAtATime(() => compareStoredDocument(store, documents, job.request));
    }
    case 'exportAgreement': {
      const { store, documents } = readerOf(job.database);
      return oneAtATime(() => exportStoredAgreement(store, documents, job.request));
    }
  }
}

/** The response to a request, whatever the job did. */
export async function answerFileJob(request: FileJobRequest): Promise<FileJobResponse> {
  try {
    return { id: request.id, ok: true, value: await runFileJob(request) };
  } catch (error) {
    if (error instanceof ApiError) return { id: request.id, ok: false, error: error.toData() };
    return { id: request.id, ok: false, unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
