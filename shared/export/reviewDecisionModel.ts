import { formatCitation, lc } from '#shared/compliance/citations';
import { isCollectiveAgreement, type DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import type { AuthorityAnswer } from '#shared/lifecycle/model';
import { fill, formatOfficialDate, labels, upper, type Bilingual } from '#shared/export/officialFrame';
import type { PartyNames } from '#shared/export/parties';
import type { ContentBlock, RenderDocument } from '#shared/export/renderModel';
import { buildSectionedDocument } from '#shared/export/reportModel';
import {
  articleName,
  authorityOrganisation,
  bodyParagraph,
  bulletItem,
  documentName,
  groundParagraph,
  numberedItem,
  reportTexts,
} from '#shared/export/reportBlocks';

/**
 * The labour authority's answer on a document sent to it, in the official layout: a notice
 * (thông báo) giving the decision (accepted, or amendments requested), its reasons and the
 * reviewer's recorded findings on articles. Labour Code Art. 77 (an agreement sent to the
 * authority) and Art. 119 (labour regulations filed for registration; an answer within 07 working days).
 */

const texts = {
  typeName: { vi: 'THÔNG BÁO', en: 'NOTICE' },
  summary: { vi: 'Kết quả xem xét {{document}}', en: 'Result of the review of the {{document}}' },
  fileTitle: { vi: 'Thông báo kết quả xem xét - {{title}}', en: 'Review decision - {{title}}' },
  agreementGround: { vi: 'Căn cứ {{citation}} về gửi thỏa ước lao động tập thể', en: 'Pursuant to {{citation}} on sending collective labour agreements' },
  regulationsGround: { vi: 'Căn cứ {{citation}} về đăng ký nội quy lao động', en: 'Pursuant to {{citation}} on the registration of labour regulations' },
  receivedGround: { vi: 'Căn cứ hồ sơ nhận {{date}}', en: 'Having regard to the file received on {{date}}' },
  announces: { vi: '{{authority}} thông báo kết quả xem xét như sau:', en: '{{authority}} gives the result of its review as follows:' },
  decisionSection: { vi: 'Kết quả xem xét', en: 'Decision' },
  accepted: { vi: 'Chấp thuận văn bản (lần xem xét thứ {{round}}, {{date}}).', en: 'The document is accepted (review round {{round}}, {{date}}).' },
  amendmentsRequested: {
    vi: 'Đề nghị sửa đổi, bổ sung văn bản (lần xem xét thứ {{round}}, {{date}}).',
    en: 'Amendments to the document are requested (review round {{round}}, {{date}}).',
  },
  late: { vi: 'Thông báo được đưa ra sau thời hạn {{date}} ({{citation}}).', en: 'This answer was given after the time limit of {{date}} ({{citation}}).' },
  reasons: { vi: 'Lý do', en: 'Reasons' },
  findings: { vi: 'Nhận xét về nội dung văn bản', en: 'Findings on the text' },
  rule: { vi: 'Quy tắc:', en: 'Rule:' },
  requests: { vi: 'Đề nghị', en: 'Requests' },
  amend: {
    vi: 'Đề nghị người sử dụng lao động và tổ chức đại diện người lao động sửa đổi, bổ sung các nội dung nêu trên và gửi lại văn bản đã sửa đổi.',
    en: 'The employer and the workers’ representative organisation are asked to amend the provisions above and to send the amended document again.',
  },
  signer: { vi: 'NGƯỜI XEM XÉT', en: 'REVIEWING OFFICER' },
  archive: { vi: '- Lưu: VT.', en: '- Archive.' },
} satisfies Record<string, Bilingual>;

/** A finding as the reviewer recorded it with the decision. */
export interface RecordedFinding {
  clauseId: string;
  /** The rule it breaks, by its title and provision (shared/compliance/ruleNames.ts), if the reviewer named one. */
  rule: Bilingual | null;
  body: string;
}

export interface DecisionExport {
  documentTitle: string;
  kind: DocumentKind;
  parties: PartyNames;
  /** The labour authority the document was sent to, if recorded. */
  authority: string | null;
  /** When the authority received it (YYYY-MM-DD), if recorded. */
  receivedOn: string | null;
  round: number;
  answer: AuthorityAnswer;
  findings: readonly RecordedFinding[];
  articles: readonly { clauseId: string; number: number; title: string }[];
  language: Language;
}

function findingBlocks(findings: readonly RecordedFinding[], articles: DecisionExport['articles'], language: Language): ContentBlock[] {
  if (findings.length === 0) return [bodyParagraph(reportTexts.none[language])];
  const byId = new Map(articles.map((article) => [article.clauseId, article]));
  return findings.flatMap((finding, index): ContentBlock[] => {
    const article = byId.get(finding.clauseId);
    return [
      numberedItem(index + 1, `${article ? articleName(article, language) : reportTexts.articleGone[language]}:`, finding.body),
      ...(finding.rule ? [bodyParagraph(`${finding.rule[language]}.`, texts.rule[language])] : []),
    ];
  });
}

/** Grounds end with ";" and the last with "." (Decree 30/2020 Appendix I). */
function grounds(lines: string[]): ContentBlock[] {
  return lines.map((line, index) => groundParagraph(`${line}${index === lines.length - 1 ? '.' : ';'}`));
}

/** The authority's decision on a document, with its recorded findings, as the render model. */
export function buildReviewDecisionDocument(input: DecisionExport): RenderDocument {
  const { answer, language, parties } = input;
  const say = (text: Bilingual, values: Record<string, string> = {}): string => fill(text[language], values);
  const isAgreement = isCollectiveAgreement(input.kind);
  const authority = input.authority ?? say(reportTexts.labourAuthority);
  const decided = { round: String(input.round), date: formatOfficialDate(answer.decidedOn, language) };
  const decision = [bodyParagraph(say(answer.decision === 'accepted' ? texts.accepted : texts.amendmentsRequested, decided))];
  if (answer.late && answer.deadline)
    decision.push(bodyParagraph(say(texts.late, { date: formatOfficialDate(answer.deadline, language), citation: formatCitation(lc(119, 3), language) })));
  const requests = answer.decision === 'amendments_requested' ? [{ title: say(texts.requests), blocks: [bodyParagraph(say(texts.amend))] }] : [];
  const recipients = [parties.enterprise, parties.union].filter((name): name is string => name !== null).map((name) => `- ${name};`);
  return buildSectionedDocument({
    language,
    title: say(texts.fileTitle, { title: input.documentTitle }),
    organisations: authorityOrganisation(input.authority, language),
    typeName: texts.typeName,
    summary: say(texts.summary, { document: documentName(input.kind, input.documentTitle, language) }),
    place: null,
    date: answer.decidedOn,
    opening: [
      ...grounds([
        say(isAgreement ? texts.agreementGround : texts.regulationsGround, { citation: formatCitation(lc(isAgreement ? 77 : 119), language) }),
        ...(input.receivedOn ? [say(texts.receivedGround, { date: formatOfficialDate(input.receivedOn, language) })] : []),
      ]),
      bodyParagraph(say(texts.announces, { authority })),
    ],
    sections: [
      { title: say(texts.decisionSection), blocks: decision },
      {
        title: say(texts.reasons),
        blocks: answer.reasons.length === 0 ? [bodyParagraph(say(reportTexts.none))] : answer.reasons.map((reason) => bulletItem(reason)),
      },
      { title: say(texts.findings), blocks: findingBlocks(input.findings, input.articles, language) },
      ...requests,
    ],
    signatures: [
      { titleLines: [{ text: upper(authority, language) }, { text: say(texts.signer) }], hint: labels.signHint[language], name: answer.byName ?? '' },
    ],
    recipients: { label: labels.recipients[language], lines: [...recipients, say(texts.archive)] },
  });
}
