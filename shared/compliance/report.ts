/** Findings as text for people: the command line prints this; the editor may show the same lines. */
import type { Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { countOf, type CountedNoun } from '#shared/format/counts';
import type { ComplianceBasis } from '#shared/compliance/checkDocument';
import { indexDocument } from '#shared/compliance/documentIndex';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { Finding, Severity } from '#shared/compliance/types';
import type { Bilingual } from '#shared/templates/schema';

const severityWords: Record<Severity, Bilingual> = {
  violation: { vi: 'VI PHẠM', en: 'VIOLATION' },
  warning: { vi: 'CẢNH BÁO', en: 'WARNING' },
  information: { vi: 'LƯU Ý', en: 'NOTE' },
};

/** What the counts count, in each language. */
const findingNouns: Record<Severity, CountedNoun> = {
  violation: { vi: 'vi phạm', en: { one: 'violation', other: 'violations' } },
  warning: { vi: 'cảnh báo', en: { one: 'warning', other: 'warnings' } },
  information: { vi: 'lưu ý', en: { one: 'note', other: 'notes' } },
};

/** "1 violation, 0 warnings, 2 notes." / "1 vi phạm, 0 cảnh báo, 2 lưu ý." */
export function describeCounts(counts: Record<Severity, number>, language: Language): string {
  return `${(['violation', 'warning', 'information'] as const).map((severity) => countOf(counts[severity], findingNouns[severity], language)).join(', ')}.`;
}

/** Where the date of the law applied came from, for people. */
export const legalDateSources: Record<ComplianceBasis['legalDateSource'], { vi: string; en: string }> = {
  'dates.asOf': { vi: 'ngày được chọn để kiểm tra', en: 'the date asked for' },
  effective_date: { vi: 'ngày hiệu lực ghi trong văn bản', en: 'the effective date in the text' },
  'dates.effective': { vi: 'ngày hiệu lực', en: 'the effective date' },
  'dates.reference': { vi: 'ngày ký, ngày tạo hoặc hôm nay', en: 'the signing or creation date, or today' },
};

/** Counts of findings by severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { violation: 0, warning: 0, information: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The report: what law was applied, the counts, then each finding with its article. */
export function formatFindingsReport(
  findings: readonly Finding[],
  options: { title: string; blocks: readonly TopLevelBlock[]; basis: ComplianceBasis; language: Language },
): string[] {
  const { language, basis } = options;
  const articles = new Map(indexDocument(options.blocks).articles.map((article) => [article.clauseId, article]));
  const counts = countFindings(findings);
  const date = formatIsoDate(basis.legalDate);
  const wage = basis.minimumWage
    ? `${basis.minimumWage.decree[language]}${basis.region ? (language === 'vi' ? `, vùng ${basis.region}` : `, region ${basis.region}`) : ''}`
    : language === 'vi'
      ? 'chưa có bảng'
      : 'no table';
  const lines =
    language === 'vi'
      ? [
          `Kiểm tra tuân thủ: “${options.title}”`,
          `Pháp luật áp dụng ngày ${date} (${legalDateSources[basis.legalDateSource].vi}); lương tối thiểu vùng: ${wage}; nghỉ lễ, tết: ${basis.publicHolidayDays.total} ngày.`,
          describeCounts(counts, language),
        ]
      : [
          `Compliance check: “${options.title}”`,
          `Law in force on ${date} (${legalDateSources[basis.legalDateSource].en}); regional minimum wage: ${wage}; public holidays: ${basis.publicHolidayDays.total} days.`,
          describeCounts(counts, language),
        ];
  for (const finding of findings) {
    const article = finding.clauseId ? articles.get(finding.clauseId) : undefined;
    const where = article ? ` — ${language === 'vi' ? 'Điều' : 'Art.'} ${article.number}${article.title ? ` (${article.title})` : ''}` : '';
    // The rule by its title and provision, as every report names it; its id is for programs (--json).
    lines.push('', `${severityWords[finding.severity][language]}  ${finding.rule[language]}${where}`, `  ${finding.message[language]}`);
    const expected = `${language === 'vi' ? 'Yêu cầu' : 'Expected'}: ${finding.expected[language]}`;
    lines.push(
      `  ${expected}${finding.actual && !finding.message[language].includes('“') ? ` · ${language === 'vi' ? 'Văn bản' : 'Found'}: ${finding.actual[language]}` : ''}`,
    );
  }
  if (findings.length === 0) lines.push('', language === 'vi' ? 'Không phát hiện vấn đề nào.' : 'No findings.');
  return lines;
}
