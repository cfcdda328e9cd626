import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { importDocx } from '#main/import/docxImport';
import { createMemoryLogger } from '#main/logger';
import { startServerMode } from '#main/server/serverMode';
import { generateAgreement } from './lib/agreementBody';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { median } from './lib/stats';
import { printTable } from './lib/table';

/**
 * Reading a long agreement's .docx for import (decision 0005: at most 2 s for 300 articles).
 * The files are the server's own exports of generated 300- and 600-article agreements
 * (`lib/agreementBody.ts`). Measured: `importDocx` in this thread, as the file worker runs it
 * (package, XML, structure recognised), interleaved run by run with mammoth's raw text extraction
 * of the same file, the reader the decision compared with; and `documents/importPreview` through
 * the HTTP API (worker thread, base64 both ways). Medians after two warm-up runs.
 */

const sizes = [300, 600] as const;
const warmUps = 2;
const runs = 7;
const target = 2_000;

const parties = {
  enterprise_name: 'Công ty TNHH May Sài Gòn',
  union_name: 'Công đoàn cơ sở Công ty TNHH May Sài Gòn',
  employer_representative: 'Nguyễn Văn An',
  employer_representative_title: 'Tổng Giám đốc',
  union_representative: 'Trần Thị Bình',
  signing_place: 'TP. Hồ Chí Minh',
  effective_date: '2027-01-05',
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Medians of each piece of work, the pieces taking turns within every run. */
async function interleaved(works: readonly (() => Promise<unknown>)[]): Promise<number[]> {
  const samples = works.map((): number[] => []);
  for (let run = 0; run < warmUps + runs; run += 1) {
    for (const [index, work] of works.entries()) {
      const ms = await timed(work);
      if (run >= warmUps) samples[index]?.push(ms);
    }
  }
  return samples.map((sample) => median(sample));
}

export const importBenchmark: Benchmark = {
  name: 'import',
  description: `Reading a ${sizes.join('- and ')}-article agreement's .docx for import, against mammoth`,
  async run(): Promise<BenchmarkResult> {
    const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-import-'));
    const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder, logger: createMemoryLogger() });
    try {
      const host: ApiClient = createApiClient(
        createHttpTransport({ baseUrl: server.url, token: await server.authentication.createAdminToken('bench'), fetch }),
      );
      const figures: Record<string, number> = {};
      const rows: (string | number)[][] = [];
      let ours300 = Number.NaN;
      for (const articles of sizes) {
        const { id: documentId } = await host.call('documents/create', {
          kind: 'enterprise_agreement',
          title: `Thỏa ước lao động tập thể ${articles} điều`,
          content: generateAgreement(articles),
          variables: parties,
        });
        const { fileBase64, fileName, bytes } = await host.call('documents/exportDocx', { documentId });
        const buffer = Buffer.from(fileBase64, 'base64');
        let next = 0;
        const newId = (): string => `bench${(next += 1).toString(36)}`;
        const preview = await importDocx(fileBase64, fileName, newId);
        if (preview.report.articles !== articles || preview.report.issues.length > 0) {
          throw new BenchmarkError(
            `the import of the ${articles}-article file found ${preview.report.articles} articles and ${preview.report.issues.length} issues, not ${articles} and none`,
          );
        }
        const [ours = Number.NaN, theirs = Number.NaN, api = Number.NaN] = await interleaved([
          () => importDocx(fileBase64, fileName, newId),
          () => mammoth.extractRawText({ buffer }),
          () => host.call('documents/importPreview', { fileBase64, fileName }),
        ]);
        if (articles === 300) ours300 = ours;
        figures[`import_${articles}_ms`] = Math.round(ours);
        figures[`mammoth_${articles}_ms`] = Math.round(theirs);
        figures[`import_preview_${articles}_ms`] = Math.round(api);
        rows.push([`${articles} articles (${bytes.toLocaleString('en-US')} bytes)`, Math.round(ours), Math.round(theirs), Math.round(api)]);
      }
      printTable(['file', 'importDocx ms', 'mammoth raw text ms', 'importPreview (API) ms'], rows, { title: `import: medians of ${runs} runs` });
      return { figures, targets: [{ label: 'DOCX import, 300 articles, on one thread', actual: ours300, limit: target, unit: 'ms' }] };
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
