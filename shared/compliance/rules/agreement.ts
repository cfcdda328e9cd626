/**
 * Collective agreements and workplace relations: term (LC Art. 78), ratification (Art. 76), filing
 * (Art. 77), costs (Art. 89), workplace dialogue (Art. 63; Decree 145 Art. 39) and the union fee
 * (Trade Union Law 2024 Art. 29) — rules cla.*, dialogue.*, union.fee.
 */
import { formatNumber } from '#shared/format/locale';
import { d145, lc } from '#shared/compliance/citations';
import { numberWritten, pattern, workingDaysValue } from '#shared/compliance/patterns';
import { bilingual, formatQuantity, quantity } from '#shared/compliance/quantities';
import { limitMessage } from '#shared/compliance/evaluateLimits';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { hasAffirmed, quote } from '#shared/compliance/text';
import type { RuleFinding, Severity } from '#shared/compliance/types';
import type { DialogueRuleId } from '#shared/dialogue/checks';
import type { Bilingual } from '#shared/templates/schema';

/** The term of the agreement: 1 to 3 years (LC Art. 78(3)). */
function checkTerm(context: RuleContext): RuleFinding[] {
  const fact = context.variable('term_years');
  if (!context.isAgreement || fact?.number === undefined) return [];
  const years = fact.number;
  if (years >= 1 && years <= 3) return [];
  const comparison = years < 1 ? 'atLeast' : 'atMost';
  const bound = years < 1 ? 1 : 3;
  const what = { vi: 'Thời hạn của thỏa ước', en: 'Term of the agreement' };
  return [
    context.finding({
      ruleId: 'cla.term',
      severity: 'violation',
      citation: lc(78, 3),
      message: limitMessage(what, years, comparison, bound, 'years', lc(78, 3)),
      expected: { vi: 'từ 01 đến 03 năm', en: '1 to 3 years' },
      actual: quantity(years, 'years'),
      clauseIds: fact.clauseIds,
      variableId: fact.id,
    }),
  ];
}

/**
 * Ratification (LC Art. 76): an enterprise agreement needs more than 50% of ALL the enterprise's
 * workers in favour (not of the votes cast); a sector agreement more than 50% of those consulted;
 * a multi-enterprise agreement more than 50% in each signing enterprise. A vote not recorded yet is
 * noted only once the agreement is signed: a draft has had no vote.
 */
function checkVote(context: RuleContext): RuleFinding[] {
  if (!context.isAgreement) return [];
  const enterprise = context.kind === 'enterprise_agreement';
  const base = context.variable(enterprise ? 'vote_total_workers' : 'sector_vote_consulted');
  const favour = context.variable(enterprise ? 'vote_in_favour' : 'sector_vote_in_favour');
  const citation = enterprise ? lc(76, 1) : lc(76, 2);
  const clauseIds = [...(base?.clauseIds ?? []), ...(favour?.clauseIds ?? [])];
  if (base?.number === undefined || favour?.number === undefined) {
    if (!enterprise || !context.signed) return [];
    return [
      context.finding({
        ruleId: 'cla.vote',
        severity: 'information',
        citation,
        message: {
          vi: 'Thỏa ước chưa ghi kết quả lấy ý kiến: chỉ được ký khi có trên 50% tổng số người lao động của doanh nghiệp biểu quyết tán thành (khoản 1 Điều 76 Bộ luật Lao động 2019).',
          en: "The agreement does not record the vote: it may be signed only when more than 50% of all the enterprise's workers approve (Labour Code 2019 Art. 76(1)).",
        },
        expected: { vi: 'trên 50% tổng số người lao động tán thành', en: 'more than 50% of all workers in favour' },
        clauseIds,
      }),
    ];
  }
  const findings: RuleFinding[] = [];
  const total = base.number;
  const yes = favour.number;
  const people = (value: number) => quantity(value, 'people');
  if (yes > total) {
    findings.push(
      context.finding({
        ruleId: 'cla.vote',
        severity: 'warning',
        citation,
        message: bilingual((language) =>
          language === 'vi'
            ? `Kết quả lấy ý kiến không khớp: ${formatQuantity(yes, 'people', language)} tán thành nhiều hơn ${formatQuantity(total, 'people', language)} được lấy ý kiến.`
            : `The vote does not add up: ${formatQuantity(yes, 'people', language)} in favour out of ${formatQuantity(total, 'people', language)}.`,
        ),
        expected: { vi: 'số tán thành không vượt tổng số', en: 'no more votes in favour than people' },
        actual: people(yes),
        clauseIds,
      }),
    );
  }
  if (yes * 2 <= total) {
    findings.push(
      context.finding({
        ruleId: 'cla.vote',
        severity: 'violation',
        citation,
        message: bilingual((language) => {
          const share = formatQuantity(Math.round((yes / total) * 1000) / 10, 'percent', language);
          const [ayes, all] = [formatNumber(yes, language), formatNumber(total, language)];
          if (language === 'vi')
            return enterprise
              ? `Biểu quyết: ${ayes} người tán thành trên tổng số ${all} người lao động của doanh nghiệp (${share}) — không đạt trên 50% tổng số người lao động, chưa đủ điều kiện ký (khoản 1 Điều 76 Bộ luật Lao động 2019). Tỷ lệ tính trên toàn bộ người lao động, không phải trên số phiếu.`
              : `Biểu quyết: ${ayes} người tán thành trên ${all} người được lấy ý kiến (${share}) — không đạt trên 50% (khoản 2 Điều 76 Bộ luật Lao động 2019).`;
          return enterprise
            ? `Vote: ${ayes} in favour out of ${all} workers of the enterprise (${share}) — not more than 50% of all workers, so the agreement may not be signed (Labour Code 2019 Art. 76(1)). The share is of all workers, not of the votes cast.`
            : `Vote: ${ayes} in favour out of ${all} consulted (${share}) — not more than 50% (Labour Code 2019 Art. 76(2)).`;
        }),
        expected: bilingual((language) =>
          language === 'vi'
            ? `trên 50%: ít nhất ${formatQuantity(Math.floor(total / 2) + 1, 'people', language)}`
            : `more than 50%: at least ${formatQuantity(Math.floor(total / 2) + 1, 'people', language)}`,
        ),
        actual: people(yes),
        clauseIds,
      }),
    );
  } else if (enterprise && context.headcount !== undefined && context.headcount > total && yes * 2 <= context.headcount) {
    const headcount = context.headcount;
    findings.push(
      context.finding({
        ruleId: 'cla.vote',
        severity: 'warning',
        citation,
        message: bilingual((language) =>
          language === 'vi'
            ? `Biểu quyết tính trên ${formatQuantity(total, 'people', language)} nhưng doanh nghiệp có ${formatQuantity(headcount, 'people', language)}; khoản 1 Điều 76 Bộ luật Lao động 2019 tính trên toàn bộ người lao động của doanh nghiệp, và ${formatQuantity(yes, 'people', language)} tán thành không quá một nửa số đó.`
            : `The vote counts ${formatQuantity(total, 'people', language)} but the enterprise has ${formatQuantity(headcount, 'people', language)}; Labour Code 2019 Art. 76(1) counts all its workers, and ${formatQuantity(yes, 'people', language)} in favour is not more than half of them.`,
        ),
        expected: bilingual((language) =>
          language === 'vi'
            ? `trên 50% của ${formatQuantity(headcount, 'people', language)}`
            : `more than 50% of ${formatQuantity(headcount, 'people', language)}`,
        ),
        actual: people(yes),
        clauseIds,
      }),
    );
  }
  return findings;
}

const costsOnWorkers =
  /chi phi[^.;]{0,120}(?:thuong luong|ky ket|gui|cong bo)[^.;]{0,80}do (?:phia |ben )?(?:tap the )?(?:nguoi lao dong|cong doan)|(?:cong doan|(?<!su dung )nguoi lao dong)[^.;]{0,20}(?:chiu|chi tra|dong gop)[^.;]{0,40}chi phi|chi phi[^.;]{0,120}(?:chia (?:doi|deu)|moi ben chiu)|costs?[^.;]{0,100}(?:negotiat|conclu|sign|publi)[^.;]{0,80}(?:borne|paid|shared) (?:equally )?by (?:the )?(?:union|workers?|worker side|both|each part)|costs?[^.;]{0,100}(?:shared|split) equally/;

/** The employer bears all costs of bargaining, signing, sending and publicising (LC Art. 89). */
function checkCosts(context: RuleContext): RuleFinding[] {
  if (!context.isAgreement) return [];
  return context.index.sentences.flatMap((sentence) => {
    if (!hasAffirmed(sentence.folded, costsOnWorkers)) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'cla.costs',
        severity: 'violation',
        citation: lc(89),
        message: {
          vi: `Mọi chi phí cho việc thương lượng, ký kết, sửa đổi, bổ sung, gửi và công bố thỏa ước do người sử dụng lao động chi trả (Điều 89 Bộ luật Lao động 2019). Văn bản: “${quoted}”`,
          en: `All costs of negotiating, signing, amending, sending and publicising the agreement are borne by the employer (Labour Code 2019 Art. 89). Text: “${quoted}”`,
        },
        expected: { vi: 'người sử dụng lao động chi trả', en: 'borne by the employer' },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

const dialogueTopic = /doi thoai|dialogue/;

/**
 * The findings of one rule from the checks of the workspace's dialogue records (shared/dialogue/checks.ts):
 * each check short of the law, as a violation of it, or as a warning when `severity` says so.
 */
function dialogueRecordFindings(ruleId: DialogueRuleId, expected: Bilingual, severity: Severity = 'violation') {
  return (context: RuleContext): RuleFinding[] =>
    context.dialogueChecks
      .filter((check) => check.ruleId === ruleId && check.status === 'problem')
      .map((check) => context.finding({ ruleId, severity, citation: check.citation, message: check.message, expected }));
}

const periodicFloor = { vi: 'ít nhất mỗi năm một lần', en: 'at least once a year' };
const procedureFloor = {
  vi: 'gửi nội dung trước ≥ 5 ngày làm việc; công bố ≤ 3 ngày làm việc',
  en: 'agenda ≥ 5 working days before; publication ≤ 3 working days after',
};
const compositionFloor = {
  vi: 'bên người sử dụng lao động ≥ 3 người gồm người đại diện theo pháp luật; bên người lao động theo số lao động',
  en: 'employer side ≥ 3 with the legal representative; worker side by headcount',
};
const writtenAnswersFloor = { vi: 'trả lời bằng văn bản đúng hạn đã hẹn', en: 'written answers by the day promised' };

export const agreementRules: readonly RuleDefinition[] = [
  {
    id: 'cla.term',
    what: { vi: 'Thời hạn thỏa ước', en: 'Term of the agreement' },
    floor: { vi: 'từ 01 đến 03 năm', en: '1 to 3 years' },
    citation: lc(78, 3), // LC Art. 78(3)
    appliesTo: 'agreements',
    text: [
      {
        topic: /^(?:hieu luc|thoi han|effect|term)|(?:hieu luc va thoi han|effect and term)/,
        value: pattern(
          String.raw`(?:thoi han\s+|(?:term|period) of\s+|(?:in force|remains in force|valid) for\s+)`,
          numberWritten,
          String.raw`\s?(?:nam|years?)\b`,
        ),
        unit: 'years',
        atLeast: 1,
        atMost: 3,
      },
      {
        topic: /^(?:hieu luc|thoi han|effect|term)|(?:hieu luc va thoi han|effect and term)/,
        value: pattern(
          String.raw`(?:thoi han\s+|(?:term|period) of\s+|(?:in force|remains in force|valid) for\s+)`,
          numberWritten,
          String.raw`\s?(?:thang|months?)\b`,
        ),
        scale: 1 / 12,
        unit: 'years',
        atLeast: 1,
        atMost: 3,
      },
    ],
    check: checkTerm,
  },
  {
    id: 'cla.vote',
    what: { vi: 'Lấy ý kiến người lao động trước khi ký', en: 'Ratification vote' },
    floor: {
      vi: 'doanh nghiệp: trên 50% tổng số người lao động; ngành, nhiều doanh nghiệp: trên 50% số người được lấy ý kiến',
      en: 'enterprise: more than 50% of all workers; sector, multi-enterprise: more than 50% of those consulted',
    },
    citation: lc(76, 1), // LC Art. 76(1)-(2)
    appliesTo: 'agreements',
    check: checkVote,
  },
  {
    id: 'cla.filing',
    what: { vi: 'Gửi thỏa ước đến Sở Nội vụ', en: 'Sending the agreement to the Department of Home Affairs' },
    floor: { vi: 'trong 10 ngày kể từ ngày ký', en: 'within 10 days of signing' },
    citation: lc(77), // LC Art. 77
    appliesTo: 'agreements',
    text: [
      {
        topic: /thoa uoc|agreement/,
        where: /(?:gui|send|sends|file|files)[^.;]{0,120}(?:so noi vu|co quan|authority|home affairs)/,
        value: pattern(String.raw`(?:trong (?:thoi han\s+)?|within\s+)`, numberWritten, String.raw`\s?(?:ngay|days)(?! lam viec| working)`),
        unit: 'days',
        atMost: 10,
      },
    ],
  },
  {
    id: 'cla.costs',
    what: { vi: 'Chi phí thương lượng, ký kết thỏa ước', en: 'Costs of the agreement' },
    floor: { vi: 'do người sử dụng lao động chi trả', en: 'borne by the employer' },
    citation: lc(89), // LC Art. 89
    appliesTo: 'agreements',
    check: checkCosts,
  },
  {
    id: 'dialogue.periodic',
    what: { vi: 'Đối thoại định kỳ tại nơi làm việc', en: 'Periodic workplace dialogue' },
    floor: periodicFloor,
    citation: lc(63, 2, 'a'), // LC Art. 63(2); Decree 145 Art. 37-39
    appliesTo: 'all',
    check: dialogueRecordFindings('dialogue.periodic', periodicFloor),
    variables: [{ variableId: 'dialogue_interval_months', atMost: 12, unit: 'months' }],
    text: [
      {
        topic: dialogueTopic,
        where: /dinh ky|periodic|it nhat|at least/,
        value: pattern(
          String.raw`(?:(?:dinh ky|it nhat)[^.;]{0,20}?|(?:at least )?every\s+)`,
          numberWritten,
          String.raw`\s?(?:thang|months?)\s?(?:mot|01|1)?\s?(?:lan)?`,
        ),
        unit: 'months',
        atMost: 12,
      },
    ],
  },
  {
    id: 'dialogue.procedure',
    what: { vi: 'Trình tự đối thoại định kỳ', en: 'Procedure of periodic dialogue' },
    floor: procedureFloor,
    citation: d145(39), // Decree 145 Art. 39-40
    appliesTo: 'all',
    check: dialogueRecordFindings('dialogue.procedure', procedureFloor),
    text: [
      {
        topic: dialogueTopic,
        where: /gui truoc|truoc it nhat|beforehand|in advance|sent at least/,
        value: workingDaysValue,
        unit: 'workingDays',
        atLeast: 5,
        citation: d145(39),
      },
      { topic: dialogueTopic, where: /cong bo|cong khai|publish/, value: workingDaysValue, unit: 'workingDays', atMost: 3, citation: d145(39) },
    ],
  },
  {
    id: 'dialogue.composition',
    what: { vi: 'Thành phần đối thoại tại nơi làm việc', en: 'Composition of workplace dialogue' },
    floor: compositionFloor,
    citation: d145(38), // Decree 145 Art. 38: read from the dialogue records, the document holds no list of representatives
    appliesTo: 'all',
    check: dialogueRecordFindings('dialogue.composition', compositionFloor),
  },
  {
    id: 'dialogue.written_answers',
    what: { vi: 'Trả lời bằng văn bản sau đối thoại', en: 'Written answers after a dialogue' },
    floor: writtenAnswersFloor,
    citation: d145(39), // Decree 145 Art. 39: what the meeting leaves to answer in writing, by the day the minutes set
    appliesTo: 'all',
    check: dialogueRecordFindings('dialogue.written_answers', writtenAnswersFloor, 'warning'),
  },
  {
    id: 'union.fee',
    what: { vi: 'Kinh phí công đoàn', en: 'Trade union fee' },
    floor: { vi: '2% quỹ tiền lương đóng bảo hiểm xã hội (chưa đối chiếu văn bản gốc)', en: '2% of the social-insurance payroll (primary text not verified)' },
    citation: { law: 'TUL2024', article: 29 }, // Trade Union Law 50/2024/QH15: its primary text was not read (docs/compliance.md, Uncertainties)
    appliesTo: 'agreements',
    text: [
      {
        where: /kinh phi cong doan|union fee/,
        unless: /doan phi|dues/,
        value: pattern(String.raw`(?:bang|of|la)\s+`, numberWritten, String.raw`\s?(?:%|phan tram|per ?cent)`),
        unit: 'percent',
        atLeast: 2,
        severity: 'warning',
      },
    ],
  },
];
