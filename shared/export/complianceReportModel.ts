import type { ComplianceReport } from '#shared/api/lifecycle';
import { formatCitation } from '#shared/compliance/citations';
import { describeCounts, legalDateSources } from '#shared/compliance/report';
import type { Severity } from '#shared/compliance/types';
import type { DocumentKind } from '#shared/documents/kinds';
import { countOf, type CountedNoun } from '#shared/format/counts';
import type { Language } from '#shared/format/locale';
import { fill, formatOfficialDate, type Bilingual } from '#shared/export/officialFrame';
import type { ContentBlock, RenderDocument } from '#shared/export/renderModel';
import { buildSectionedDocument } from '#shared/export/reportModel';
import {
  articleName,
  authorityOrganisation,
  bodyParagraph,
  bulletItem,
  documentName,
  numberedItem,
  reportTexts,
  signatureOf,
} from '#shared/export/reportBlocks';

/**
 * The compliance report (báo cáo kết quả kiểm tra) in the official layout: the law applied, the
 * counts, then each finding of the check with its article, rule, severity and the provision of
 * the law it comes from. Signed by whoever checked it for the labour authority.
 */

type Finding = ComplianceReport['findings'][number];

/** What the conclusion counts. */
const provision: CountedNoun = { vi: 'nội dung', en: { one: 'provision', other: 'provisions' } };

const texts = {
  typeName: { vi: 'BÁO CÁO', en: 'REPORT' },
  summary: { vi: 'Kết quả kiểm tra nội dung văn bản theo pháp luật lao động', en: 'Result of the check of the document against labour law' },
  fileTitle: { vi: 'Báo cáo kiểm tra tuân thủ - {{title}}', en: 'Compliance report - {{title}}' },
  subject: { vi: 'Văn bản được kiểm tra: {{document}}.', en: 'Document checked: {{document}}.' },
  basis: { vi: 'Căn cứ kiểm tra', en: 'Basis of the check' },
  legalDate: { vi: 'Pháp luật có hiệu lực tại {{date}} ({{source}}).', en: 'The law in force on {{date}} ({{source}}).' },
  minimumWage: { vi: 'Mức lương tối thiểu vùng: {{wage}}.', en: 'Regional minimum wage: {{wage}}.' },
  wageRegion: { vi: '{{decree}}, vùng {{region}}', en: '{{decree}}, region {{region}}' },
  noWageTable: { vi: 'chưa có bảng lương tối thiểu áp dụng', en: 'no minimum-wage table applies' },
  holidays: { vi: 'Số ngày nghỉ lễ, tết trong năm: {{days}} ngày.', en: 'Public holidays in the year: {{days}} days.' },
  results: { vi: 'Tổng hợp kết quả', en: 'Summary of results' },
  findings: { vi: 'Các nội dung phát hiện', en: 'Findings' },
  rule: { vi: 'Quy tắc:', en: 'Rule:' },
  finding: { vi: 'Nhận xét:', en: 'Finding:' },
  expected: { vi: 'Pháp luật quy định:', en: 'The law requires:' },
  actual: { vi: 'Văn bản ghi:', en: 'The document says:' },
  citation: { vi: 'Căn cứ pháp lý:', en: 'Legal basis:' },
  figures: { vi: 'Số liệu áp dụng:', en: 'Figures from:' },
  conclusion: { vi: 'Kết luận', en: 'Conclusion' },
  violations: {
    vi: 'Văn bản có {{provisions}} trái hoặc thấp hơn mức pháp luật lao động quy định; các nội dung này cần được sửa đổi.',
    en: 'The document has {{provisions}} contrary to or below what labour law requires, each to be amended.',
  },
  noViolation: { vi: 'Không phát hiện nội dung trái pháp luật lao động.', en: 'No provision contrary to labour law was found.' },
  warnings: {
    vi: 'Các cảnh báo và lưu ý cần được xem xét theo thực tế của doanh nghiệp.',
    en: 'The warnings and notes are to be weighed against the facts of the enterprise.',
  },
  automatic: {
    vi: 'Kết quả được lập tự động theo bảng quy tắc kiểm tra; người kiểm tra xem xét trước khi kết luận.',
    en: 'The results are drawn up automatically from the table of rules; the checker reviews them before concluding.',
  },
  checker: { vi: 'NGƯỜI KIỂM TRA', en: 'CHECKED BY' },
} satisfies Record<string, Bilingual>;

const severityNames: Record<Severity, Bilingual> = {
  violation: { vi: 'VI PHẠM', en: 'VIOLATION' },
  warning: { vi: 'CẢNH BÁO', en: 'WARNING' },
  information: { vi: 'LƯU Ý', en: 'NOTE' },
};

export interface ComplianceReportExport {
  report: ComplianceReport;
  kind: DocumentKind;
  /** The labour authority the document was sent to, if recorded. */
  authority: string | null;
  /** Who signs the report: the reviewer exporting it; null leaves the name to be written by hand. */
  checker: string | null;
  language: Language;
}

function findingBlocks(
  finding: Finding,
  position: number,
  articles: ReadonlyMap<string, { number: number; title: string }>,
  language: Language,
): ContentBlock[] {
  const say = (text: Bilingual): string => text[language];
  const article = finding.clauseId ? articles.get(finding.clauseId) : undefined;
  const where = article ? articleName(article, language) : say(reportTexts.wholeDocument);
  const detail = (lead: Bilingual, text: string): ContentBlock => bodyParagraph(text, say(lead));
  return [
    numberedItem(position, `[${say(severityNames[finding.severity])}] ${where}`, ''),
    detail(texts.rule, finding.rule[language]),
    detail(texts.finding, finding.message[language]),
    detail(texts.expected, finding.expected[language]),
    ...(finding.actual ? [detail(texts.actual, finding.actual[language])] : []),
    detail(texts.citation, formatCitation(finding.citation, language)),
    ...(finding.source ? [detail(texts.figures, finding.source[language])] : []),
  ];
}

/** The compliance report of a document as the render model. */
export function buildComplianceReportDocument({ report, kind, authority, checker, language }: ComplianceReportExport): RenderDocument {
  const say = (text: Bilingual, values: Record<string, string> = {}): string => fill(text[language], values);
  const { basis, counts } = report;
  const source = Object.hasOwn(legalDateSources, basis.legalDateSource)
    ? legalDateSources[basis.legalDateSource as keyof typeof legalDateSources][language]
    : basis.legalDateSource;
  const wage = basis.minimumWage
    ? basis.region
      ? say(texts.wageRegion, { decree: basis.minimumWage[language], region: basis.region })
      : basis.minimumWage[language]
    : say(texts.noWageTable);
  const articles = new Map(report.articles.map((article) => [article.clauseId, article]));
  const conclusion = [
    bodyParagraph(counts.violation > 0 ? say(texts.violations, { provisions: countOf(counts.violation, provision, language) }) : say(texts.noViolation)),
  ];
  if (counts.warning + counts.information > 0) conclusion.push(bodyParagraph(say(texts.warnings)));
  conclusion.push({ type: 'paragraph', role: 'note', runs: [{ text: say(texts.automatic), italic: true }] });
  return buildSectionedDocument({
    language,
    title: say(texts.fileTitle, { title: report.title }),
    organisations: authorityOrganisation(authority, language),
    typeName: texts.typeName,
    summary: say(texts.summary),
    place: null,
    date: report.checkedOn,
    opening: [bodyParagraph(say(texts.subject, { document: documentName(kind, report.title, language) }))],
    sections: [
      {
        title: say(texts.basis),
        blocks: [
          bulletItem(say(texts.legalDate, { date: formatOfficialDate(basis.legalDate, language), source })),
          bulletItem(say(texts.minimumWage, { wage })),
          bulletItem(say(texts.holidays, { days: String(basis.publicHolidayDays) })),
        ],
      },
      { title: say(texts.results), blocks: [bodyParagraph(describeCounts(counts, language))] },
      {
        title: say(texts.findings),
        blocks:
          report.findings.length === 0
            ? [bodyParagraph(say(reportTexts.none))]
            : report.findings.flatMap((finding, index) => findingBlocks(finding, index + 1, articles, language)),
      },
      { title: say(texts.conclusion), blocks: conclusion },
    ],
    signatures: [signatureOf(texts.checker, checker, language)],
  });
}
