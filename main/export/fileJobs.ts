import type { ApiErrorData } from '#shared/api/errors';
import { ApiError } from '#shared/api/errors';
import type { ImportPreview } from '#shared/api/export';
import { createDiffBudget } from '#shared/document/sequenceDiff';
import type { RenderDocument } from '#shared/export/renderModel';
import { redlineArticles, type ArticleChange, type ArticleDifference } from '#shared/versions/compareBodies';
import { randomId } from '#main/secrets';

/**
 * The messages between the server and its file worker (fileWorker.ts): the jobs that take the
 * CPU for hundreds of milliseconds on a long agreement (writing and reading .docx files) or up to
 * a request's diff budget (the redlines of a version comparison), and their results. Everything
 * here is plain data, copied by structured clone.
 */

export type FileJob = { kind: 'renderDocx'; document: RenderDocument } | { kind: 'importDocx'; fileBase64: string; fileName: string } | { kind: 'redlineArticles'; differences: ArticleDifference[] };

export interface FileJobResults {
  renderDocx: Uint8Array;
  importDocx: ImportPreview;
  redlineArticles: ArticleChange[];
}

export type FileJobRequest = FileJob & { id: number };

/** An expected failure comes back as the API error it was; anything else as its stack, to be logged. */
export type FileJobResponse = { id: number; ok: true; value: FileJobResults[FileJob['kind']] } | { id: number; ok: false; error: ApiErrorData } | { id: number; ok: false; unexpected: string };

/** Runs one job in the worker. Imported ids are random, as context.newId makes them in the server. */
async function runFileJob(job: FileJob): Promise<FileJobResults[FileJob['kind']]> {
  switch (job.kind) {
    // The .docx libraries are loaded at their first job: a worker that only draws redlines stays small.
    case 'renderDocx':
      return (await import('#main/export/docx')).renderDocx(job.document);
    case 'importDocx':
      return (await import('#main/import/docxImport')).importDocx(job.fileBase64, job.fileName, () => randomId());
    case 'redlineArticles':
      // One job is one comparison: one budget for all its articles.
      return redlineArticles(job.differences, createDiffBudget());
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
