import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '#shared/api/client';
import type { ApiInput } from '#shared/api/contract';
import { createHttpTransport } from '#shared/api/httpTransport';
import { vietnamDate } from '#shared/format/vietnamTime';
import { createMemoryLogger } from '#main/logger';
import { startServerMode } from '#main/server/serverMode';
import { BenchmarkError, type Benchmark, type BenchmarkResult } from './lib/benchmark';
import { median } from './lib/stats';
import { printTable } from './lib/table';

/**
 * A provincial dialogue conference (the federation's, as in issue 17's seed): 400 delegates and
 * 500 submissions from grassroots unions under 10 topics, half answered in the meeting, a fifth
 * assigned to departments for a written answer, 30 commitments. Measured through server mode's
 * HTTP API as the interface calls it: the first page of the submissions of one topic
 * (submissions/list, `filter_ms`), and the minutes exported as DOCX and as PDF (dialogues/export;
 * Chromium already started, its first start shown apart). Medians of the measured runs after a
 * warm-up.
 */

const delegates = 400;
const submissionCount = 500;
const topics = [
  'Tiền lương',
  'Làm thêm giờ',
  'Nhà ở công nhân',
  'Bữa ăn giữa ca',
  'An toàn lao động',
  'Bảo hiểm xã hội',
  'Nhà trẻ',
  'Đào tạo nghề',
  'Xe đưa đón',
  'Thưởng Tết',
];
const departments = ['Sở Nội vụ', 'Sở Y tế', 'Sở Xây dựng', 'Bảo hiểm xã hội tỉnh', 'Sở Giáo dục và Đào tạo', 'Ban quản lý các khu công nghiệp'];
const filterRuns = 21;
const exportRuns = 3;
const targets = { filter: 50, docx: 2_000, pdf: 5_000 } as const;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function measure(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) samples.push((await timed(work)).ms);
  return median(samples);
}

function participants(): NonNullable<ApiInput<'dialogues/create'>['participants']> {
  const authorities = Array.from({ length: 40 }, (_, index) => ({
    name: `Đại biểu cơ quan ${index + 1}`,
    position: 'Lãnh đạo',
    side: 'employer' as const,
    unit: departments[index % departments.length] ?? '',
    legalRepresentative: index === 0,
  }));
  const workers = Array.from({ length: delegates - authorities.length }, (_, index) => ({
    name: `Đại biểu công nhân ${index + 1}`,
    position: 'Chủ tịch công đoàn cơ sở',
    side: 'union' as const,
    unit: `Công đoàn cơ sở số ${(index % 120) + 1}`,
    female: index % 2 === 0,
  }));
  return [...authorities, ...workers];
}

/** The conference held today, with its submissions answered as a federation answers them. */
async function conference(host: ApiClient): Promise<string> {
  const today = vietnamDate(Date.now());
  const created = await host.call('dialogues/create', {
    kind: 'provincial_conference',
    title: 'Hội nghị đối thoại giữa lãnh đạo tỉnh với công nhân lao động năm 2027',
    enterprise: { name: 'Liên đoàn Lao động tỉnh Bắc Ninh', headcount: null },
    meeting: { date: today, time: '08:00', place: 'Trung tâm Hội nghị tỉnh' },
    participants: participants(),
  });
  const dialogueId = created.dialogue.id;
  const ids: string[] = [];
  for (let index = 0; index < submissionCount; index += 1) {
    const added = await host.call('submissions/add', {
      dialogueId,
      text: `Kiến nghị số ${index + 1} của công nhân về ${topics[index % topics.length] ?? ''}: đề nghị các cơ quan xem xét, giải quyết dứt điểm trong năm.`,
      unit: `Công đoàn cơ sở số ${(index % 120) + 1}`,
      topic: topics[index % topics.length],
    });
    ids.push(added.id);
  }
  await host.call('dialogues/setAgenda', {
    dialogueId,
    items: topics.map((topic, index) => ({ title: topic, submissionIds: ids.filter((_, position) => position % topics.length === index).slice(0, 20) })),
  });
  await host.call('dialogues/sendAgenda', { dialogueId });
  const view = await host.call('dialogues/get', { dialogueId });
  const present = view.dialogue.participants.filter((_, index) => index % 8 !== 7).map((participant) => participant.id);
  await host.call('dialogues/recordAttendance', { dialogueId, presentIds: present });
  for (const [index, submissionId] of ids.entries()) {
    if (index % 2 === 0) {
      await host.call('submissions/answerDirectly', {
        dialogueId,
        submissionId,
        text: 'Lãnh đạo tỉnh trả lời trực tiếp tại hội nghị: kiến nghị được ghi nhận và giao các sở, ngành liên quan triển khai ngay trong quý.',
      });
    } else if (index % 5 === 1) {
      await host.call('submissions/assignWritten', {
        dialogueId,
        submissionId,
        owner: { kind: 'department', name: departments[index % departments.length] ?? 'Sở Nội vụ' },
        due: today,
      });
    }
  }
  for (let index = 0; index < 30; index += 1) {
    await host.call('dialogues/addCommitment', {
      dialogueId,
      text: `Cam kết số ${index + 1}: hoàn thành việc giải quyết các kiến nghị về ${topics[index % topics.length] ?? ''}.`,
      owner: { kind: 'department', name: departments[index % departments.length] ?? 'Sở Nội vụ' },
      due: null,
    });
  }
  return dialogueId;
}

export const dialogueBenchmark: Benchmark = {
  name: 'dialogue',
  description: `a provincial dialogue conference, ${delegates} delegates and ${submissionCount} submissions: the list filtered by topic, the minutes as DOCX and PDF (HTTP API)`,
  async run(): Promise<BenchmarkResult> {
    const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-dialogue-'));
    const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder, logger: createMemoryLogger() });
    try {
      const host: ApiClient = createApiClient(
        createHttpTransport({ baseUrl: server.url, token: await server.authentication.createAdminToken('bench'), fetch }),
      );
      const made = await timed(() => conference(host));
      const dialogueId = made.value;
      const topic = topics[3] ?? '';
      const page = await host.call('submissions/list', { dialogueId, topic, limit: 100 });
      const expected = submissionCount / topics.length;
      if (page.total !== expected || page.items.some((item) => item.topic !== topic))
        throw new BenchmarkError(`the topic “${topic}” lists ${page.total} submissions, not ${expected} of that topic alone`);
      const filterMs = await measure(filterRuns, () => host.call('submissions/list', { dialogueId, topic, limit: 100 }));

      const exportMinutes = (format: 'docx' | 'pdf') => host.call('dialogues/export', { dialogueId, paper: 'minutes', format });
      const firstPdf = await timed(() => exportMinutes('pdf'));
      const docxMs = await measure(exportRuns, () => exportMinutes('docx'));
      const pdfMs = await measure(exportRuns, () => exportMinutes('pdf'));
      const docx = await exportMinutes('docx');
      const pages =
        Buffer.from(firstPdf.value.fileBase64, 'base64')
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

      printTable(
        ['step', 'median ms', 'detail'],
        [
          ['conference set up (once)', Math.round(made.ms), `${delegates} delegates, ${submissionCount} submissions, ${topics.length} topics`],
          ['submissions/list by topic', Math.round(filterMs), `${page.items.length} of ${page.total} shown`],
          ['minutes DOCX', Math.round(docxMs), `${docx.bytes.toLocaleString('en-US')} bytes`],
          ['minutes PDF (Chromium running)', Math.round(pdfMs), `${firstPdf.value.bytes.toLocaleString('en-US')} bytes, ${pages} pages`],
          ['minutes PDF incl. Chromium start (once)', Math.round(firstPdf.ms), ''],
        ],
        { title: `dialogue: provincial conference, ${delegates} delegates, ${submissionCount} submissions` },
      );
      return {
        figures: {
          filter_ms: Math.round(filterMs * 10) / 10,
          minutes_docx_ms: Math.round(docxMs),
          minutes_pdf_ms: Math.round(pdfMs),
          minutes_pdf_first_ms: Math.round(firstPdf.ms),
          minutes_pdf_pages: pages,
        },
        targets: [
          { label: `submissions of one topic, ${submissionCount} in all`, actual: filterMs, limit: targets.filter, unit: 'ms' },
          { label: `minutes DOCX, ${delegates} delegates`, actual: docxMs, limit: targets.docx, unit: 'ms' },
          { label: `minutes PDF, ${delegates} delegates`, actual: pdfMs, limit: targets.pdf, unit: 'ms' },
        ],
      };
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
