import type { CallContext } from '#shared/api/cancellation';
import { throwIfCancelled } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import type { ApiHandlers, ApiParsedInput } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import type { ExportedFile, ExportFormat } from '#shared/api/export';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { documentDate } from '#shared/lifecycle/proceduralFacts';
import { foldEvents } from '#shared/lifecycle/record';
import { renderHtml } from '#shared/export/html';
import { assertTextOpen, visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { DocumentRecord } from '#main/store/records';
import type { OpenDocument } from '#main/export/documentSnapshot';
import { createFileWorkers, type FileWorkers } from '#main/export/fileWorkers';
import { createChromiumPrinter, type PdfPrinter } from '#main/export/pdf';
import { buildReport, type ReportSources } from '#main/export/reportExport';
import { buildDialoguePaperFor, type DialoguePaperSources } from '#main/export/dialogueExport';

export interface ExportDependencies {
  /** The sync server's live copy of an open document, for reports (server mode: `sync.room(id)?.doc`). */
  openDocument?: OpenDocument;
  /** Prints HTML to PDF: Electron's printToPDF on the desktop, headless Chromium in server mode. */
  printPdf?: PdfPrinter;
  /** The worker thread that exports agreements and writes and reads .docx files (server mode closes it when it stops). */
  fileWorkers?: FileWorkers;
}

type ExportMethods =
  | 'documents/exportDocx'
  | 'documents/exportPdf'
  | 'documents/exportReport'
  | 'documents/importPreview'
  | 'salaryScale/importPreview'
  | 'dialogues/export';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A title as a file name: the characters file systems refuse replaced, at most 120 characters. */
function fileBase(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|]+|\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'van-ban'
  );
}

/** A file name from the title, with a suffix per option. */
export function exportFileName(title: string, input: ApiParsedInput<'documents/exportPdf'>, language: string, extension: ExportFormat): string {
  const base = fileBase(title);
  const mode = input.languageMode ?? language;
  const suffixes = [mode === 'both' ? 'song ngữ' : mode === 'en' ? 'EN' : null, input.redline ? 'đề xuất' : null].filter((suffix) => suffix !== null);
  return `${base}${suffixes.length > 0 ? ` (${suffixes.join(', ')})` : ''}.${extension}`;
}

/**
 * documents/exportDocx, documents/exportPdf, documents/exportReport, documents/importPreview,
 * salaryScale/importPreview (a payroll export read in the file worker; nothing is written) and
 * dialogues/export (a workplace dialogue's papers, laid out like the reports).
 * Exports read the document (or its minutes, compliance report or review) as it is now and lay it
 * out the official way (shared/export); every step checks the caller has not gone (HTTP: the
 * request was closed): the PDF's Chromium page is closed, the file worker's job terminated.
 * An agreement is read, laid out (its redlines included) and written in the file worker, from the
 * store, which the event loop brings up to date first; reports are laid out on the event loop and
 * their .docx written in the file worker, which also reads imported .docx files (fileWorkers.ts).
 */
export function createExportHandlers(
  context: ServiceContext,
  rooms: DocumentRooms,
  reports: ReportSources,
  papers: DialoguePaperSources,
  dependencies: ExportDependencies = {},
): Pick<ApiHandlers, ExportMethods> {
  let printPdf = dependencies.printPdf;
  // Without a printer of the caller's (the command line, tests of other parts), one is made on first use.
  const printer = (): PdfPrinter => (printPdf ??= createChromiumPrinter().print);
  let fileWorkers = dependencies.fileWorkers;
  // Likewise a file worker; idle, it does not keep the process alive.
  const files = (): FileWorkers => (fileWorkers ??= createFileWorkers());

  /**
   * The date under the motto: a signed agreement's signing date (issued regulations' issue date)
   * as the lifecycle records it, which no caller may change or leave blank; before, the date asked
   * for, else blanks to fill in by hand.
   */
  async function dateOf(document: DocumentRecord, asked: string | null | undefined): Promise<string | null> {
    const recorded = documentDate(foldEvents(document.kind, await context.store.lifecycle.listByDocument(document.id)).current);
    if (recorded === null) return asked ?? null;
    if (asked !== undefined && asked !== recorded)
      throw new ApiError(
        'invalid_input',
        `date: this document was signed (or issued) on ${recorded}, as its lifecycle records; it is dated so, and that date cannot be changed or left blank`,
        { reason: { key: 'signed_date_fixed', values: { date: formatIsoDate(recorded) } } },
      );
    return recorded;
  }

  const mimeTypes: Record<ExportFormat, string> = { docx: docxType, pdf: 'application/pdf' };

  /** HTML printed as a PDF by Chromium; it stops when the caller goes. */
  async function print(html: string, about: { document: string } | { dialogue: string }, call: CallContext | undefined): Promise<Buffer> {
    try {
      return await printer()(html, call?.signal);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      context.logger.log('error', 'export.pdf_failed', { ...about, error });
      throw new ApiError('internal', 'the PDF could not be printed (is Chromium installed? see docs/api.md)', { reason: { key: 'pdf_failed' } });
    }
  }

  const exported = (bytes: Buffer, format: ExportFormat, fileName: string): ExportedFile => ({
    fileName,
    mimeType: mimeTypes[format],
    fileBase64: bytes.toString('base64'),
    bytes: bytes.length,
  });

  /**
   * Pending suggestions leave the server as tracked changes only in a bargaining side's or the
   * host's .docx of an open text (decision 0030): a reviewer reads the accepted text, and a
   * frozen text (signed, voted, registered) is what was agreed, with nothing pending to show.
   */
  function checkTrackedChanges(document: DocumentRecord, caller: Caller): void {
    if (caller.kind === 'participant' && caller.side === 'reviewer')
      throw new ApiError('forbidden', 'a reviewer exports the accepted text, without the sides’ pending suggestions', {
        reason: { key: 'tracked_changes_sides_only' },
      });
    assertTextOpen(document);
  }

  const exportAgreement =
    (format: ExportFormat) =>
    async (input: ApiParsedInput<'documents/exportPdf'> & { trackedChanges?: boolean }, caller: Caller, call?: CallContext): Promise<ExportedFile> => {
      const document = await visibleDocument(context, caller, input.documentId);
      const trackedChanges = format === 'docx' && input.trackedChanges === true;
      if (trackedChanges) checkTrackedChanges(document, caller);
      const date = await dateOf(document, input.date);
      throwIfCancelled(call?.signal);
      await rooms.storeForReaders(document.id);
      const agreement = await files().exportAgreement(
        context.store.location,
        { documentId: document.id, kind: document.kind, title: document.title, workspaceId: document.workspaceId, caller, input, date, format, trackedChanges },
        call?.signal,
      );
      const fileName = exportFileName(document.title, input, agreement.language, format);
      if ('docx' in agreement) return exported(Buffer.from(agreement.docx.buffer, agreement.docx.byteOffset, agreement.docx.byteLength), format, fileName);
      return exported(await print(agreement.html, { document: document.id }, call), format, fileName);
    };

  return {
    'documents/exportDocx': exportAgreement('docx'),
    'documents/exportPdf': exportAgreement('pdf'),
    'documents/exportReport': async (input, caller, call) => {
      const built = await buildReport(context, reports, dependencies.openDocument, input, caller, call);
      const fileName = `${fileBase(built.title)}.${input.format}`;
      const bytes =
        input.format === 'docx' ? await files().renderDocx(built, call?.signal) : await print(renderHtml(built), { document: input.documentId }, call);
      return exported(bytes, input.format, fileName);
    },
    'dialogues/export': async (input, caller, call) => {
      const built = await buildDialoguePaperFor(papers, input, caller, call);
      const fileName = `${fileBase(built.title)}.${input.format}`;
      const bytes =
        input.format === 'docx' ? await files().renderDocx(built, call?.signal) : await print(renderHtml(built), { dialogue: input.dialogueId }, call);
      return exported(bytes, input.format, fileName);
    },
    'documents/importPreview': async (input, _caller, call) => files().importDocx(input.fileBase64, input.fileName, call?.signal),
    'salaryScale/importPreview': async (input, caller, call) => {
      await visibleDocument(context, caller, input.documentId);
      // The preview writes nothing, but it is the first step of an edit, which a reviewer never makes (S3).
      if (caller.kind === 'participant' && caller.side === 'reviewer')
        throw new ApiError('forbidden', 'a reviewer reads the salary scale and imports none', { reason: { key: 'scale_import_sides_only' } });
      return files().importSalaryScale(input.fileBase64, input.fileName, call?.signal);
    },
  };
}
