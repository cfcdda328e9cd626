import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportedDocumentSchema, type ExportedDocument } from '#shared/compliance/exportedDocument';
import { runCli } from '#main/cli/runCli';
import { createTempFolder } from '../helpers/tempFolder';
import { libraryDocument } from './builders';

// `npm run cli -- check FILE`: exit 0 without violations, 1 with one, 2 on usage errors and bad files.

describe('npm run cli -- check', () => {
  let folder: { path: string; remove: () => void };

  beforeEach(() => {
    folder = createTempFolder('thoa-uoc-check-');
  });

  afterEach(() => folder.remove());

  async function cli(...args: string[]): Promise<{ code: number; output: string }> {
    const printed: string[] = [];
    const code = await runCli(args, (text) => printed.push(text));
    return { code, output: printed.join('\n') };
  }

  function exportFile(name: string, content: unknown): string {
    const path = join(folder.path, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  function agreement(overrides: Record<string, number | string> = {}, language: 'vi' | 'en' = 'vi'): ExportedDocument {
    const { blocks, variables } = libraryDocument('enterprise_agreement', language, undefined, overrides);
    return {
      format: 'thoa-uoc-document',
      version: 1,
      kind: 'enterprise_agreement',
      title: 'Thỏa ước lao động tập thể 2027',
      language,
      blocks,
      variables,
      dates: { created: '2026-09-01' },
    };
  }

  it('a compliant document: exit 0, the law applied, the counts and the notes', async () => {
    const { code, output } = await cli('check', exportFile('good.json', agreement()));
    expect(code).toBe(0);
    const lines = output.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Kiểm tra tuân thủ: “Thỏa ước lao động tập thể 2027”',
      'Pháp luật áp dụng ngày 01/01/2027 (ngày hiệu lực ghi trong văn bản); lương tối thiểu vùng: Nghị định 293/2025/NĐ-CP (từ 01/01/2026), vùng I; nghỉ lễ, tết: 12 ngày.',
      '0 vi phạm, 0 cảnh báo, 2 lưu ý.',
    ]);
    // Rules named by their title and provision, never by their id.
    expect(output).toMatch(
      /^LƯU Ý {2}Thời giờ làm việc bình thường trong tuần — khoản 1 Điều 105 Bộ luật Lao động 2019 — Điều \d+ \(Thời giờ làm việc bình thường\)$/m,
    );
    expect(output).not.toMatch(/hours\.weekly_normal|\[LC /);
  });

  it('a violating document: exit 1, the violation first with its article, the found and the expected value', async () => {
    const { code, output } = await cli('check', exportFile('bad.json', agreement({ ot_rate_weekday: 149 })));
    expect(code).toBe(1);
    const lines = output.split('\n');
    expect(lines[2]).toBe('1 vi phạm, 0 cảnh báo, 2 lưu ý.');
    expect(lines.slice(4, 7)).toEqual([
      expect.stringMatching(
        /^VI PHẠM {2}Tiền lương làm thêm giờ vào ngày thường — điểm a khoản 1 Điều 98 Bộ luật Lao động 2019 — Điều \d+ \(Tiền lương làm thêm giờ, làm việc vào ban đêm\)$/,
      ),
      '  Tiền lương làm thêm giờ vào ngày thường: 149% thấp hơn mức tối thiểu 150% theo điểm a khoản 1 Điều 98 Bộ luật Lao động 2019.',
      '  Yêu cầu: không thấp hơn 150% · Văn bản: 149%',
    ]);
  });

  it('--json prints the findings, --lang en the English report, --date the law of another date', async () => {
    const path = exportFile('wage.json', agreement({ effective_date: '2025-07-01' }));
    const json = await cli('check', path, '--json');
    expect(json.code).toBe(0);
    const report = z
      .object({
        title: z.string(),
        kind: z.string(),
        basis: z.object({ legalDate: z.string(), minimumWage: z.string().nullable() }),
        counts: z.object({ violation: z.number() }),
        findings: z.array(z.object({ ruleId: z.string(), severity: z.string() })),
      })
      .parse(JSON.parse(json.output));
    expect(report.basis).toMatchObject({ legalDate: '2025-07-01', minimumWage: 'D74/2024' });

    // The agreement states the 2026 minimum (5,310,000) as its minimum: lawful in 2025 and 2026.
    // A lowest wage of 5,000,000 passes in 2025 but not under the 2026 decree.
    const lowWage = exportFile('low.json', { ...agreement({ effective_date: '2025-07-01', min_wage_monthly: 5_000_000 }) });
    expect((await cli('check', lowWage)).code).toBe(0);
    const in2026 = await cli('check', lowWage, '--date', '2026-01-01', '--lang', 'en');
    expect(in2026.code).toBe(1);
    expect(in2026.output).toContain(
      'Law in force on 01/01/2026 (the date asked for); regional minimum wage: Decree 293/2025/ND-CP (from 1 Jan 2026), region I',
    );
    expect(in2026.output).toMatch(/^VIOLATION {2}Regional minimum wage — Labour Code 2019 Art\. 91 — Art\. \d+ \(/m);
    expect(in2026.output).toMatch(/^1 violation, 0 warnings, \d+ notes?\.$/m);
  });

  it('usage errors exit 2 with the usage', async () => {
    for (const args of [
      ['check'],
      ['check', 'a.json', 'b.json'],
      ['check', 'a.json', '--date', '2026-02-30'],
      ['check', 'a.json', '--lang', 'fr'],
      ['check', 'a.json', '--dates'],
    ]) {
      const { code, output } = await cli(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(output).toContain('Usage: npm run cli');
    }
  });

  it('an unreadable or invalid file exits 2 with a clear message', async () => {
    expect(await cli('check', join(folder.path, 'missing.json'))).toEqual({
      code: 2,
      output: `Cannot read ${join(folder.path, 'missing.json')}: no such file.`,
    });
    const notJson = exportFile('notes.txt', 'Thỏa ước { chưa xong');
    expect(await cli('check', notJson)).toEqual({
      code: 2,
      output: expect.stringMatching(new RegExp(`^${notJson.replace(/[.\\/]/g, '\\$&')} is not valid JSON: `)),
    });
    const wrong = exportFile('wrong.json', { ...agreement(), format: 'docx', kind: 'contract', blocks: [] });
    const invalid = await cli('check', wrong);
    expect(invalid.code).toBe(2);
    expect(invalid.output.split('\n')).toEqual([
      `${wrong} is not a Thỏa Ước document export (format "thoa-uoc-document", version 1):`,
      expect.stringMatching(/^ {2}format: /),
      expect.stringMatching(/^ {2}kind: /),
      expect.stringMatching(/^ {2}blocks: /),
    ]);
  });

  it('the export format accepts a byte-order mark, extra fields, and user variable definitions', async () => {
    const document = {
      ...agreement(),
      exportedAt: '2026-09-01T10:00:00Z',
      variableDefinitions: [
        { id: 'user.sunday_rate', type: 'percent', label: { vi: 'Làm thêm Chủ nhật', en: 'Sunday overtime' }, default: 200, rule: 'pay.ot_weekly_rest' },
      ],
    };
    expect(exportedDocumentSchema.safeParse(document).success).toBe(true);
    expect((await cli('check', exportFile('bom.json', `\uFEFF${JSON.stringify(document)}`))).code).toBe(0);
  });
});
