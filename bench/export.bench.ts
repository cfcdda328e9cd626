import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { createMemoryLogger } from '#main/logger';
import { startServerMode } from '#main/server/serverMode';
import { generateAgreement } from './lib/agreementBody';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { median } from './lib/stats';
import { printTable } from './lib/table';

/**
 * Export and import of a 300-article agreement (about 1,800 blocks, the generated body the other
 * benchmarks use), through server mode's HTTP API as the renderer calls it: documents/exportDocx,
 * documents/exportPdf (headless Chromium, already started: the server keeps it between exports;
 * its first start is shown apart), and documents/importPreview of the exported .docx. Each figure
 * is the median of the measured runs, after one warm-up run.
 */

const articles = 300;
const warmUps = 1;
const runs = 3;
const targets = { docx: 2_000, pdf: 5_000, import: 2_000 } as const;

const parties = {
  enterprise_name: 'Công ty TNHH May Sài Gòn',
  union_name: 'Công đoàn cơ sở Công ty TNHH May Sài Gòn',
  employer_representative: 'Nguyễn Văn An',
  employer_representative_title: 'Tổng Giám đốc',
  union_representative: 'Trần Thị Bình',
  signing_place: 'TP. Hồ Chí Minh',
  effective_date: '2027-01-05',
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function measure(label: string, work: () => Promise<unknown>): Promise<number> {
  for (let index = 0; index < warmUps; index += 1) await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) samples.push((await timed(work)).ms);
  console.log(`${label}: ${samples.map((sample) => sample.toFixed(0)).join(', ')} ms`);
  return median(samples);
}

export const exportBenchmark: Benchmark = {
  name: 'export',
  description: `DOCX and PDF export of a ${articles}-article agreement, and import of its DOCX (HTTP API)`,
  async run(): Promise<BenchmarkResult> {
    const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-export-'));
    const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder, logger: createMemoryLogger() });
    try {
      const host: ApiClient = createApiClient(
        createHttpTransport({ baseUrl: server.url, token: await server.authentication.createAdminToken('bench'), fetch }),
      );
      const created = await host.call('documents/create', {
        kind: 'enterprise_agreement',
        title: `Thỏa ước lao động tập thể ${articles} điều`,
        content: generateAgreement(articles),
        variables: parties,
      });
      const documentId = created.id;

      const firstPdf = await timed(() => host.call('documents/exportPdf', { documentId }));
      const docxMs = await measure('documents/exportDocx', () => host.call('documents/exportDocx', { documentId }));
      const pdfMs = await measure('documents/exportPdf', () => host.call('documents/exportPdf', { documentId }));
      const docx = await host.call('documents/exportDocx', { documentId });
      const importMs = await measure('documents/importPreview', () =>
        host.call('documents/importPreview', { fileBase64: docx.fileBase64, fileName: docx.fileName }),
      );
      const preview = await host.call('documents/importPreview', { fileBase64: docx.fileBase64, fileName: docx.fileName });
      if (preview.report.articles !== articles || preview.report.issues.length > 0) {
        throw new BenchmarkError(
          `the import of the exported file found ${preview.report.articles} articles and ${preview.report.issues.length} issues, not ${articles} and none`,
        );
      }
      const pages =
        Buffer.from(firstPdf.value.fileBase64, 'base64')
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      printTable(
        ['step', 'median ms', 'file'],
        [
          ['DOCX export', Math.round(docxMs), `${docx.bytes.toLocaleString('en-US')} bytes`],
          ['PDF export (Chromium running)', Math.round(pdfMs), `${firstPdf.value.bytes.toLocaleString('en-US')} bytes, ${pages} pages`],
          ['PDF export incl. Chromium start (once)', Math.round(firstPdf.ms), ''],
          ['DOCX import preview', Math.round(importMs), `${preview.report.articles} articles, ${preview.report.chapters} chapters`],
        ],
        { title: `export: ${articles}-article agreement` },
      );
      return {
        figures: {
          docx_export_ms: Math.round(docxMs),
          pdf_export_ms: Math.round(pdfMs),
          docx_import_ms: Math.round(importMs),
          pdf_first_export_ms: Math.round(firstPdf.ms),
          pdf_pages: pages,
        },
        targets: [
          { label: `DOCX export, ${articles} articles`, actual: docxMs, limit: targets.docx, unit: 'ms' },
          { label: `PDF export, ${articles} articles`, actual: pdfMs, limit: targets.pdf, unit: 'ms' },
          { label: `DOCX import, ${articles} articles`, actual: importMs, limit: targets.import, unit: 'ms' },
        ],
      };
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
