import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { documentBodySchema } from '#shared/document/nodeSchema';
import { documentKinds } from '#shared/documents/kinds';
import { languageModes } from '#shared/export/agreementModel';
import { singleLineNameSchema } from '#shared/text/textSchemas';

/** The largest .docx an import accepts: far above a long agreement (300 articles ≈ 60 KiB). */
export const maxImportBytes = 4 * 1024 * 1024;

/** What an export call asks for; every option has a default. */
export const exportDocumentInput = z.object({
  documentId: documentIdSchema,
  /** Vietnamese, English, or both side by side; the document's own language when omitted. */
  languageMode: z.enum(languageModes).optional(),
  /** Show the open amendment proposals as a redline (insertions underlined, deletions struck). */
  redline: z.boolean().default(false),
  /** Add the annex listing every variable and its value. */
  annex: z.boolean().default(false),
  /** Add the annex of the document's salary scales (none when it holds no scale). */
  salaryScaleAnnex: z.boolean().default(false),
  /**
   * The date under the motto (YYYY-MM-DD). A signed agreement (issued labour regulations) is dated
   * with the day its lifecycle recorded, and any other date is refused; before, blanks to fill in
   * by hand when omitted or null.
   */
  date: z.iso.date().nullable().optional(),
});

export type ExportDocumentInput = z.input<typeof exportDocumentInput>;

/** A .docx export's options: those of every export, and Word's tracked changes. */
export const exportDocxInput = exportDocumentInput.extend({
  /**
   * Carry the pending suggestions as Word tracked changes (w:ins, w:del) with their author and
   * time (decision 0030). Only for a bargaining side or the host while the text is open: a
   * reviewer's export and a frozen text are the accepted text.
   */
  trackedChanges: z.boolean().default(false),
});

/**
 * The other official documents of a document, in the same layout: the bargaining minutes
 * (Labour Code Art. 70), the compliance report, and the labour authority's decision with its findings.
 */
export const reportKinds = ['minutes', 'compliance', 'decision'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const exportFormats = ['docx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportReportInput = z.object({
  documentId: documentIdSchema,
  report: z.enum(reportKinds),
  format: z.enum(exportFormats),
  /** The language of the exported text; the document's own language when omitted. */
  language: z.enum(['vi', 'en']).optional(),
  /** Minutes only: the start of the bargaining session, as `negotiation/minutes` takes it. */
  since: z.iso.datetime().optional(),
});

export type ExportReportInput = z.input<typeof exportReportInput>;

export const exportedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file, base64-encoded. */
  fileBase64: z.string(),
  bytes: z.number().int().nonnegative(),
});

export type ExportedFile = z.infer<typeof exportedFileSchema>;

export const importPreviewInput = z.object({
  /** The .docx file, base64-encoded (at most maxImportBytes once decoded). */
  fileBase64: z.string().max(Math.ceil((maxImportBytes * 4) / 3) + 4, `a file to import is at most ${maxImportBytes} bytes`),
  fileName: singleLineNameSchema({ max: 255, empty: 'the file name must not be empty' }),
});

/** Things an import noticed and the user should know before creating the document. */
export const importIssueCodes = [
  /** An article number jumps (Điều 3 follows Điều 1). */
  'skipped_article_number',
  /** An article number comes again or goes back (Điều 3 after Điều 3 or Điều 5). */
  'repeated_article_number',
  /** A chapter number jumps, repeats or goes back. */
  'chapter_number_out_of_order',
  /** A paragraph after the first chapter or article that belongs to no article (kept in the nearest article, or at top level). */
  'paragraph_outside_article',
  /** A line that looks like a heading (bold, centred or capitals) but is neither a chapter nor an article. */
  'unrecognised_heading',
  /** A chapter heading without a title line after it. */
  'chapter_without_title',
  /** An article with no text under its title. */
  'empty_article',
  /** Word's automatic numbering was used: its numbers are not in the text and were counted by position. */
  'automatic_numbering',
  /** Images, text boxes or other content the import does not keep. */
  'content_dropped',
  /** Word tracked changes (found: how many): the text is read as it was before them (decision 0030). */
  'tracked_changes_not_applied',
] as const;

export const importIssueSchema = z.object({
  code: z.enum(importIssueCodes),
  /** The paragraph of the file (1-based) where it was noticed. */
  paragraph: z.number().int().nonnegative(),
  /** The start of the text concerned. */
  excerpt: z.string(),
  /** For numbering issues: the number expected and the number found. */
  expected: z.string().optional(),
  found: z.string().optional(),
});

export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  fileName: z.string(),
  paragraphs: z.number().int().nonnegative(),
  chapters: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  clauses: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  /** Preamble paragraphs kept before the first chapter (legal grounds, parties…). */
  preambleParagraphs: z.number().int().nonnegative(),
  issues: z.array(importIssueSchema),
});

export type ImportReport = z.infer<typeof importReportSchema>;

export const importPreviewSchema = z.object({
  report: importReportSchema,
  /** The body to pass to documents/create as `content`. */
  content: documentBodySchema,
  /** Guesses for documents/create, from the type name in the file and its language. */
  suggestedTitle: z.string(),
  suggestedKind: z.enum(documentKinds),
  language: z.enum(['vi', 'en']),
});

export type ImportPreview = z.infer<typeof importPreviewSchema>;
