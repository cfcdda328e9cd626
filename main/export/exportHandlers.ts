import type { CallContext } from '#shared/api/cancellation';
import { throwIfCancelled } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import type { ApiHandlers, ApiParsedInput } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import type { ExportedFile, ExportFormat } from '#shared/api/export';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { documentDate } from '#shared/lifecycle/proceduralFacts';
import { foldEvents } from '#shared/lifecycle/record';
import { renderHtml } from '#shared/export/html';
import type { RenderDocument } from '#shared/export/renderModel';
import { findTemplate, outlineForKind } from '#shared/templates/library';
import type { ArticleTemplate } from '#shared/templates/schema';
import { visibleDocument } from '#main/services/access';
import type { ServiceContext } from '#main/services/serviceContext';
import type { DocumentRecord } from '#main/store/records';
import { readDocumentSnapshot, type OpenDocument } from '#main/export/documentSnapshot';
import { createFileWorkers, type FileWorkers } from '#main/export/fileWorkers';
import { createChromiumPrinter, type PdfPrinter } from '#main/export/pdf';
import { buildReport, type ReportSources } from '#main/export/reportExport';

export interface ExportDependencies {
  /** The sync server's live copy of an open document (server mode: `sync.room(id)?.doc`). */
  openDocument?: OpenDocument;
  /** Prints HTML to PDF: Electron's printToPDF on the desktop, headless Chromium in server mode. */
  printPdf?: PdfPrinter;
  /** The worker thread that writes and reads .docx files (server mode closes it when it stops). */
  fileWorkers?: FileWorkers;
}

type ExportMethods = 'documents/exportDocx' | 'documents/exportPdf' | 'documents/exportReport' | 'documents/importPreview';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A title as a file name: the characters file systems refuse replaced, at most 120 characters. */
function fileBase(title: string): string {
  return title.replace(/[\\/:*?"<>|]+|\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'van-ban';
}

/** A file name from the title, with a suffix per option. */
export function exportFileName(title: string, input: ApiParsedInput<'documents/exportDocx'>, language: string, extension: ExportFormat): string {
  const base = fileBase(title);
  const mode = input.languageMode ?? language;
  const suffixes = [mode === 'both' ? 'song ngữ' : mode === 'en' ? 'EN' : null, input.redline ? 'đề xuất' : null].filter((suffix) => suffix !== null);
  return `${base}${suffixes.length > 0 ? ` (${suffixes.join(', ')})` : ''}.${extension}`;
}

/**
 * documents/exportDocx, documents/exportPdf, documents/exportReport and documents/importPreview.
 * Exports read the document (or its minutes, compliance report or review) as it is now and lay it
 * out the official way (shared/export); every step checks the caller has not gone (HTTP: the
 * request was closed): the PDF's Chromium page is closed, the file worker's job terminated.
 * Writing and reading .docx files run in the file worker, off the event loop (fileWorkers.ts).
 */
export function createExportHandlers(context: ServiceContext, reports: ReportSources, dependencies: ExportDependencies = {}): Pick<ApiHandlers, ExportMethods> {
  let printPdf = dependencies.printPdf;
  // Without a printer of the caller's (the command line, tests of other parts), one is made on first use.
  const printer = (): PdfPrinter => (printPdf ??= createChromiumPrinter().print);
  let fileWorkers = dependencies.fileWorkers;
  // Likewise a file worker; idle, it does not keep the process alive.
  const files = (): FileWorkers => (fileWorkers ??= createFileWorkers());

  /** Built-in templates, then the host's own and those of the caller's side (a side's playbook stays its own). */
  const templateFinder = (caller: Caller) => (id: string): ArticleTemplate | undefined => {
    const builtIn = findTemplate(id);
    if (builtIn) return builtIn;
    const record = context.store.userTemplates.get(id);
    if (!record) return undefined;
    const mayUse = caller.kind === 'admin' || record.ownerSide === null || (caller.kind === 'participant' && record.ownerSide === caller.side);
    return mayUse ? record.template : undefined;
  };

  /**
   * The date under the motto: a signed agreement's signing date (issued regulations' issue date)
   * as the lifecycle records it, which no caller may change or leave blank; before, the date asked
   * for, else blanks to fill in by hand.
   */
  function dateOf(document: DocumentRecord, asked: string | null | undefined): string | null {
    const recorded = documentDate(foldEvents(document.kind, context.store.lifecycle.listByDocument(document.id)).current);
    if (recorded === null) return asked ?? null;
    if (asked !== undefined && asked !== recorded) throw new ApiError('invalid_input', `date: this document was signed (or issued) on ${recorded}, as its lifecycle records; it is dated so, and that date cannot be changed or left blank`);
    return recorded;
  }

  function model(input: ApiParsedInput<'documents/exportDocx'>, caller: Caller, call: CallContext | undefined): { model: RenderDocument; language: string; title: string } {
    const document = visibleDocument(context, caller, input.documentId);
    const date = dateOf(document, input.date);
    throwIfCancelled(call?.signal);
    const snapshot = readDocumentSnapshot(document.id, context.store.updates, dependencies.openDocument);
    const built = buildAgreementModel(
      { kind: document.kind, title: document.title, language: snapshot.language, blocks: snapshot.blocks, variables: snapshot.variables },
      { languageMode: input.languageMode ?? snapshot.language, proposals: input.redline ? snapshot.openProposals : [], annex: input.annex, date },
      { lookupVariable: context.lookupVariable, findTemplate: templateFinder(caller), outline: outlineForKind(document.kind) },
    );
    return { model: built, language: snapshot.language, title: document.title };
  }

  const mimeTypes: Record<ExportFormat, string> = { docx: docxType, pdf: 'application/pdf' };

  /** The render model as a file: Word written by the file worker, PDF printed by Chromium; both stop when the caller goes. */
  async function render(built: RenderDocument, format: ExportFormat, fileName: string, documentId: string, call: CallContext | undefined): Promise<ExportedFile> {
    let bytes: Buffer;
    if (format === 'docx') bytes = await files().renderDocx(built, call?.signal);
    else {
      try {
        bytes = await printer()(renderHtml(built), call?.signal);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        context.logger.log('error', 'export.pdf_failed', { document: documentId, error });
        throw new ApiError('internal', 'the PDF could not be printed (is Chromium installed? see docs/api.md)');
      }
    }
    return { fileName, mimeType: mimeTypes[format], fileBase64: bytes.toString('base64'), bytes: bytes.length };
  }

  const exportAgreement = (format: ExportFormat) => async (input: ApiParsedInput<'documents/exportDocx'>, caller: Caller, call?: CallContext): Promise<ExportedFile> => {
    const { model: built, language, title } = model(input, caller, call);
    return render(built, format, exportFileName(title, input, language, format), input.documentId, call);
  };

  return {
    'documents/exportDocx': exportAgreement('docx'),
    'documents/exportPdf': exportAgreement('pdf'),
    'documents/exportReport': async (input, caller, call) => {
      const built = await buildReport(context, reports, dependencies.openDocument, input, caller, call);
      return render(built, input.format, `${fileBase(built.title)}.${input.format}`, input.documentId, call);
    },
    'documents/importPreview': async (input, _caller, call) => files().importDocx(input.fileBase64, input.fileName, call?.signal),
  };
}
