import type { ApiParsedInput } from '#shared/api/contract';
import type { Caller } from '#shared/api/caller';
import type { DocumentKind } from '#shared/documents/kinds';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { renderHtml } from '#shared/export/html';
import { pendingAuthors } from '#shared/export/trackedChanges';
import type { Language } from '#shared/format/locale';
import { findTemplate, outlineForKind } from '#shared/templates/library';
import type { ArticleTemplate } from '#shared/templates/schema';
import { createStoredVariableLookup } from '#main/kernel/variableLookup';
import type { Store } from '#main/store/port';
import type { UserTemplateRecord } from '#main/store/records';
import type { StoredDocuments } from '#main/sync/storedDocument';
import { readSnapshot } from '#main/export/documentSnapshot';

/** An agreement to export, as the server names it to the file worker. */
export interface AgreementExportRequest {
  documentId: string;
  kind: DocumentKind;
  title: string;
  /** The document's workspace: its user templates and variables are the ones the export may use. */
  workspaceId: string;
  /** Who asks: it decides which user templates may translate the articles. */
  caller: Caller;
  input: ApiParsedInput<'documents/exportPdf'>;
  /** Carry the pending suggestions as Word tracked changes (a .docx for a bargaining side or the host, decision 0030). */
  trackedChanges?: boolean;
  /** The date under the motto, as the server settled it (the lifecycle's for a signed agreement); null for blanks. */
  date: string | null;
  /** docx: the file itself; pdf: the HTML Chromium prints, in the server. */
  format: 'docx' | 'pdf';
}

/** The exported agreement, and the document's language (for the file's name). */
export type AgreementExport = { language: Language; docx: Uint8Array } | { language: Language; html: string };

/** Built-in templates, then the workspace's host's own and those of the caller's side (a side's playbook stays its own). */
async function templateFinder(store: Store, workspaceId: string, caller: Caller): Promise<(id: string) => ArticleTemplate | undefined> {
  const mayUse = (record: UserTemplateRecord): boolean =>
    caller.kind === 'admin' || record.ownerSide === null || (caller.kind === 'participant' && record.ownerSide === caller.side);
  const usable = new Map((await store.userTemplates.list(workspaceId)).filter(mayUse).map((record) => [record.id, record.template]));
  return (id) => findTemplate(id) ?? usable.get(id);
}

/**
 * Exports an agreement read from the store, in the file worker: the document rebuilt, laid out the
 * official way with its open proposals as a redline if asked (their diffs on the export's budget,
 * decision 0014), then written as .docx or as the HTML to print. The server has stored what its
 * room held first, so the store is the document.
 */
export async function exportStoredAgreement(store: Store, documents: StoredDocuments, request: AgreementExportRequest): Promise<AgreementExport> {
  const snapshot = await store.transaction(
    async (tx) => readSnapshot((await documents.read(tx.updates, request.documentId)).doc, request.trackedChanges === true && request.format === 'docx'),
    { readOnly: true },
  );
  const { input } = request;
  const primary = (input.languageMode ?? snapshot.language) === 'en' ? 'en' : 'vi';
  const model = buildAgreementModel(
    {
      kind: request.kind,
      title: request.title,
      language: snapshot.language,
      blocks: snapshot.blocks,
      variables: snapshot.variables,
      salaryScales: snapshot.salaryScales,
    },
    {
      languageMode: input.languageMode ?? snapshot.language,
      proposals: input.redline ? snapshot.openProposals : [],
      annex: input.annex,
      salaryScaleAnnex: input.salaryScaleAnnex,
      date: request.date,
      trackedSuggestions: snapshot.suggestions
        ? { blocks: snapshot.suggestions.blocks, authors: pendingAuthors(snapshot.suggestions.records, primary) }
        : undefined,
    },
    {
      lookupVariable: await createStoredVariableLookup(store, request.workspaceId),
      findTemplate: await templateFinder(store, request.workspaceId, request.caller),
      outline: outlineForKind(request.kind),
    },
  );
  // The .docx libraries are loaded at their first job: a worker that only compares stays small.
  if (request.format === 'docx') return { language: snapshot.language, docx: await (await import('#main/export/docx')).renderDocx(model) };
  return { language: snapshot.language, html: renderHtml(model) };
}
