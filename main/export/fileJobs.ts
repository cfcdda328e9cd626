import type { ApiErrorData } from '#shared/api/errors';
import { ApiError } from '#shared/api/errors';
import type { ImportPreview } from '#shared/api/export';
import type { RenderDocument } from '#shared/export/renderModel';
import { openStoreReader, type Store } from '#main/store/store';
import { createStoredDocuments } from '#main/sync/storedDocument';
import { compareStoredDocument, type ComparisonRequest, type StoredComparison } from '#main/versions/storedComparison';
import { exportStoredAgreement, type AgreementExport, type AgreementExportRequest } from '#main/export/agreementExport';
import { randomId } from '#main/secrets';

/**
 * The messages between the server and its file worker (fileWorker.ts): the jobs that take the
 * CPU for hundreds of milliseconds on a long agreement (writing and reading .docx files, laying
 * out an export) or that read as much as the edits between two versions (a comparison), and their
 * results. Everything here is plain data, copied by structured clone. Jobs that read a document
 * name its database file: the worker reads it itself (openStoreReader), so that the server's event
 * loop neither loads nor reads the document.
 */

export type FileJob =
  | { kind: 'renderDocx'; document: RenderDocument }
  | { kind: 'importDocx'; fileBase64: string; fileName: string }
  | { kind: 'compareVersions'; database: string; request: ComparisonRequest }
  | { kind: 'exportAgreement'; database: string; request: AgreementExportRequest };

export interface FileJobResults {
  renderDocx: Uint8Array;
  importDocx: ImportPreview;
  compareVersions: StoredComparison;
  exportAgreement: AgreementExport;
}

export type FileJobRequest = FileJob & { id: number };

/** An expected failure comes back as the API error it was; anything else as its stack, to be logged. */
export type FileJobResponse = { id: number; ok: true; value: FileJobResults[FileJob['kind']] } | { id: number; ok: false; error: ApiErrorData } | { id: number; ok: false; unexpected: string };

/** The worker's read-only connection to each database it was asked to read, opened at the first such job. */
const readers = new Map<string, Store>();
/** The document the worker read last, kept for the next job on it. */
const documents = createStoredDocuments();

function readerOf(database: string): Store {
  let reader = readers.get(database);
  if (!reader) {
    reader = openStoreReader(database);
    readers.set(database, reader);
  }
  return reader;
}

/** Runs one job in the worker. Imported ids are random, as context.newId makes them in the server. */
async function runFileJob(job: FileJob): Promise<FileJobResults[FileJob['kind']]> {
  switch (job.kind) {
    // The .docx libraries are loaded at their first job: a worker that only compares stays small.
    case 'renderDocx':
      return (await import('#main/export/docx')).renderDocx(job.document);
    case 'importDocx':
      return (await import('#main/import/docxImport')).importDocx(job.fileBase64, job.fileName, () => randomId());
    case 'compareVersions':
      return compareStoredDocument(readerOf(job.database), documents, job.request);
    case 'exportAgreement':
      return exportStoredAgreement(readerOf(job.database), documents, job.request);
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
