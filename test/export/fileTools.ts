import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

// Asynchronous on purpose: a test that blocks the event loop for seconds (poppler on a long PDF)
// also stops the in-process server's keep-alive timers, and the next fetch may then go out on a
// socket the server closes at once ("fetch failed").
const run = promisify(execFile);

/** Where the export tests keep what they produce (PDFs, DOCX, PNG renders of the first pages). */
export const artifactFolder = join(process.cwd(), 'test-artifacts', 'export');

export function saveArtifact(name: string, bytes: Uint8Array | string): string {
  mkdirSync(artifactFolder, { recursive: true });
  const path = join(artifactFolder, name);
  writeFileSync(path, bytes);
  return path;
}

/** One part of a ZIP package (a .docx) as text. */
export function zipPart(bytes: Buffer, name: string): string {
  const part = unzipSync(bytes, { filter: (file) => file.name === name })[name];
  if (!part) throw new Error(`no ${name} in the package`);
  return strFromU8(part);
}

/** The text of a .docx's body (word/document.xml): one line per paragraph, tags dropped, entities read. */
export function docxBodyText(bytes: Buffer): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return zipPart(bytes, 'word/document.xml')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => entities[name] ?? '');
}

/** pdfinfo's fields ("Pages", "Page size", …). */
export async function pdfInfo(path: string): Promise<Record<string, string>> {
  const { stdout: output } = await run('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    output.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match ? [[match[1] ?? '', match[2] ?? '']] : [];
    }),
  );
}

/** The text of some pages, as pdftotext reads it (reading order, not layout). */
export async function pdfText(path: string, first?: number, last?: number): Promise<string> {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  return (await run('pdftotext', [...range, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export interface PlacedWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page with their boxes in points from the top left (pdftotext -bbox). */
export async function pdfWords(path: string, pageNumber: number): Promise<{ width: number; height: number; words: PlacedWord[] }> {
  const { stdout: html } = await run('pdftotext', ['-f', String(pageNumber), '-l', String(pageNumber), '-bbox', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  });
  const pageMatch = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: (match[5] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  }));
  return { width: Number(pageMatch?.[1] ?? 0), height: Number(pageMatch?.[2] ?? 0), words };
}

/** PNG renders of the first pages, kept as artifacts: `<name>-1.png`, `<name>-2.png`… */
export async function renderPages(pdfPath: string, name: string, pages: number, resolution = 60): Promise<void> {
  mkdirSync(artifactFolder, { recursive: true });
  await run('pdftoppm', ['-r', String(resolution), '-png', '-f', '1', '-l', String(pages), pdfPath, join(artifactFolder, name)]);
}
