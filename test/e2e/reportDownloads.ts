import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import type { ExportFormat } from '#shared/api/export';
import { docxBodyText, pdfText } from '../export/fileTools';
import { scenarioArtifactFolder } from './browser';

/** The national title every official document opens with (Decree 30/2020, Annex I). */
export const nationalTitle = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/**
 * The type name on a line of its own with the summary (trích yếu) starting the next one, as the
 * official layout sets them under the date: a type name elsewhere (a signer's title) does not match.
 */
export function typeNameHeading(typeName: string, summaryStart: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(typeName)}\n${escape(summaryStart)}`, 'm');
}

/** The lines of a numbered section (from its heading to the next one), to check what it lists. */
export function sectionText(text: string, heading: string, nextHeading: string): string {
  const start = text.indexOf(`${heading}\n`);
  const end = text.indexOf(`${nextHeading}\n`, start);
  if (start < 0 || end < 0) throw new Error(`no section from "${heading}" to "${nextHeading}" in:\n${text}`);
  return text.slice(start + heading.length + 1, end);
}

const buttonNames: Record<ExportFormat, string> = { docx: 'Word (.docx)', pdf: 'PDF' };

export interface DownloadedReport {
  fileName: string;
  /** Where the file is kept, in the scenario's artifacts. */
  path: string;
  bytes: Buffer;
}

/**
 * Clicks the Word or PDF button of a report's export area (renderer/export/ReportExport.tsx,
 * `data-testid=export-<report>`), waits for the browser's download and keeps the file in
 * test-artifacts/e2e/<scenario>/ as "<who> - <file name>" (the same report downloaded by two
 * people is kept twice); the area then says which file it made.
 */
export async function downloadReport(area: Locator, format: ExportFormat, keep: { scenario: string; who: string }): Promise<DownloadedReport> {
  const page = area.page();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    area.getByRole('button', { name: buttonNames[format], exact: true }).click(),
  ]);
  const fileName = download.suggestedFilename();
  const path = join(scenarioArtifactFolder(keep.scenario), `${keep.who} - ${fileName}`);
  await download.saveAs(path);
  await expect.poll(() => area.getByTestId('export-done').innerText()).toContain(fileName);
  return { fileName, path, bytes: readFileSync(path) };
}

/** The body text of a downloaded Word file (fails unless it is a .docx with word/document.xml). */
export function wordText(file: DownloadedReport): string {
  expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  return docxBodyText(file.bytes);
}

/** The text of a downloaded PDF as pdftotext reads it (fails unless the file starts as a PDF). */
export async function printedText(file: DownloadedReport): Promise<string> {
  expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdfText(file.path);
}
