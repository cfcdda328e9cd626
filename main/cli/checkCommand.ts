import { readFileSync } from 'node:fs';
import { isIsoDate } from '#shared/calendar/isoDate';
import { checkDocument, complianceBasis } from '#shared/compliance/checkDocument';
import { checkInputOf, exportedDocumentSchema } from '#shared/compliance/exportedDocument';
import { countFindings, formatFindingsReport } from '#shared/compliance/report';
import type { Language } from '#shared/format/locale';
import { UsageError, type CommandOutput } from '#main/cli/cliCommands';

/** A file that cannot be checked: unreadable, not JSON, or not a document export (exit code 2). */
export class UnreadableDocumentError extends Error {}

function readExport(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UnreadableDocumentError(`Cannot read ${path}: ${reason}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UnreadableDocumentError(`${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

/**
 * `check FILE [--date YYYY-MM-DD] [--lang vi|en]`: reads an exported document (shared/compliance/
 * exportedDocument.ts) and checks it with the pure rules engine of shared/compliance. The exit
 * code is 1 when there is a violation, else 0.
 */
export function runCheckCommand(positionals: readonly string[], options: { date?: string; lang?: string }, today: string): CommandOutput {
  const path = positionals[1];
  if (path === undefined) throw new UsageError('check needs the FILE of an exported document');
  if (positionals.length > 2) throw new UsageError(`check takes one FILE, got: ${positionals.slice(1).join(' ')}`);
  if (options.date !== undefined && !isIsoDate(options.date)) throw new UsageError(`--date must be a real date written YYYY-MM-DD, got "${options.date}"`);
  if (options.lang !== undefined && options.lang !== 'vi' && options.lang !== 'en') throw new UsageError('--lang must be vi or en');
  const parsed = exportedDocumentSchema.safeParse(readExport(path));
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? [`  ... and ${parsed.error.issues.length - 5} more`] : [];
    throw new UnreadableDocumentError([`${path} is not a Thỏa Ước document export (format "thoa-uoc-document", version 1):`, ...problems, ...more].join('\n'));
  }
  const document = parsed.data;
  const input = checkInputOf(document, { today, ...(options.date ? { asOf: options.date } : {}) });
  const findings = checkDocument(input);
  const basis = complianceBasis(input);
  const language: Language = (options.lang as Language | undefined) ?? document.language;
  const counts = countFindings(findings);
  return {
    value: { file: path, title: document.title, kind: document.kind, basis: { ...basis, minimumWage: basis.minimumWage?.id ?? null }, counts, findings },
    lines: formatFindingsReport(findings, { title: document.title, blocks: document.blocks, basis, language }),
    exitCode: counts.violation > 0 ? 1 : 0,
  };
}
