/**
 * Importing a salary scale from a payroll export (CSV or XLSX): the server reads the file and
 * answers with a preview — the scale it would make, the columns it used and the rows it could not
 * read — and changes nothing. The person confirms, and their client writes the scale into the
 * document through sync like any edit (the server checks each entry then: shared/salaryScale).
 */
import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import { allowanceSchema } from '#shared/salaryScale/model';
import { singleLineNameSchema } from '#shared/text/textSchemas';

/** The largest payroll file read: far above a payroll of 100,000 rows as CSV. */
export const maxScaleFileBytes = 8 * 1024 * 1024;

export const salaryScaleImportInput = z.object({
  documentId: documentIdSchema,
  /** The CSV or XLSX file, base64-encoded (at most maxScaleFileBytes once decoded). */
  fileBase64: z.string().max(Math.ceil((maxScaleFileBytes * 4) / 3) + 4, `a payroll file is at most ${maxScaleFileBytes} bytes`),
  fileName: singleLineNameSchema({ max: 255, empty: 'the file name must not be empty' }),
});

/** What a column of the file was read as. */
export const scaleColumnFields = ['grade', 'code', 'step', 'wage', 'headcount', 'allowance'] as const;
export type ScaleColumnField = (typeof scaleColumnFields)[number];

/** Why a row of the file was not read (the interface words each key in both languages). */
export const scaleRowProblems = [
  /** No grade or job title in the row. */
  'grade_missing',
  /** No wage in the row. */
  'wage_missing',
  /** The wage is not a whole number of đồng from 0 to 1,000,000,000. */
  'wage_invalid',
  /** The step is not a whole number from 1 to 99. */
  'step_invalid',
  /** The headcount is not a whole number from 0 to 1,000,000. */
  'headcount_invalid',
  /** An allowance is not a whole number of đồng from 0 to 1,000,000,000. */
  'allowance_invalid',
  /** A name holds a line break or a character no document can hold, or is longer than a name may be. */
  'text_invalid',
  /** The same grade and step was read before with another wage or other allowances. */
  'step_differs',
] as const;
export type ScaleRowProblem = (typeof scaleRowProblems)[number];

export const salaryScalePreviewSchema = z.object({
  /** The scale the file makes, titled after the file; its grades in the order the file first names them, steps by number. */
  scale: z.object({
    title: z.string(),
    grades: z.array(
      z.object({
        title: z.string(),
        code: z.string().optional(),
        steps: z.array(z.object({ step: z.number().int(), monthlyWage: z.number().int(), headcount: z.number().int(), allowances: z.array(allowanceSchema) })),
      }),
    ),
  }),
  format: z.enum(['csv', 'xlsx']),
  /** The row of headings (1-based, as a spreadsheet numbers rows). */
  headingRow: z.number().int(),
  /** The columns used: where (1-based), the heading as the file writes it, and what it was read as. */
  columns: z.array(
    z.object({
      column: z.number().int(),
      heading: z.string(),
      field: z.enum(scaleColumnFields),
      /** For an allowance: whether it is paid regularly (in the social-insurance basis). */
      regular: z.boolean().optional(),
    }),
  ),
  /** Rows read into the scale. */
  rowsRead: z.number().int(),
  /** Rows not read: where (1-based) and why. */
  skipped: z.array(z.object({ row: z.number().int(), problem: z.enum(scaleRowProblems), column: z.number().int().optional() })),
  /** Whether each row counted as one worker (the file has no headcount column: a payroll of one row per worker). */
  countedRows: z.boolean(),
});

export type SalaryScalePreview = z.infer<typeof salaryScalePreviewSchema>;

export const salaryScaleMethods = {
  /** Reads a payroll export into a salary scale to confirm; changes nothing (a reviewer is refused). */
  'salaryScale/importPreview': { access: 'signedIn', input: salaryScaleImportInput, output: salaryScalePreviewSchema },
} as const;
