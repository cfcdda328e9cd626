/**
 * Contracts, probation, transfer and termination: LC Art. 20, 24-29, 35-36, 46-48 and Decree 145
 * Art. 7-8 (rules probation.*, contract.fixed_term, transfer.temporary, notice.*, term.settlement,
 * severance, job_loss).
 */
import { lc } from '#shared/compliance/citations';
import { calendarDaysValue, numberWritten, pattern, percentValue, workingDaysValue } from '#shared/compliance/patterns';
import { bilingual, formatQuantity, quantity } from '#shared/compliance/quantities';
import { expectedText, limitMessage } from '#shared/compliance/evaluateLimits';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { parseQuantity, quote, segments } from '#shared/compliance/text';
import type { RuleFinding } from '#shared/compliance/types';

const probationTopic = /thu viec|probation/;

/** The probation cap of the job category named near the number (LC Art. 25(1)-(4)). */
function probationCap(around: string): number {
  if (/quan ly doanh nghiep|enterprise manager|managers? of the enterprise/.test(around)) return 180;
  if (/cao dang|dai hoc|college|university/.test(around)) return 60;
  if (/trung cap|cong nhan ky thuat|nhan vien nghiep vu|intermediate|technical workers?|professional staff/.test(around)) return 30;
  return 180;
}

/** The statutory notice for a contract type named in the text (LC Art. 35(1), 36(2)); null if none is named. */
function statutoryNotice(around: string): { days: number; unit: 'days' | 'workingDays' } | null {
  if (/khong xac dinh thoi han|indefinite/.test(around)) return { days: 45, unit: 'days' };
  if (/tu 12 thang den 36 thang|12 (?:to|-|–) 36 months|12 months or more|from 12 to 36/.test(around)) return { days: 30, unit: 'days' };
  if (/duoi 12 thang|less than 12 months|under 12 months/.test(around)) return { days: 3, unit: 'workingDays' };
  return null;
}

const specialJobs = /quan ly doanh nghiep|thanh vien to lai|thuyen vien|enterprise managers?|air ?crew|seafarers?/;
/** Who gives the notice: the employer ("Người sử dụng lao động báo trước cho người lao động")... */
const employerGives =
  /(?:nguoi su dung lao dong|employer|cong ty|the company)[^.;:]{0,40}(?:bao truoc|gives?[^.;]{0,30}notice)|bao truoc cho nguoi lao dong|notice to the (?:worker|employee)/;
/** ...or the worker ("người lao động phải báo trước cho người sử dụng lao động"). */
const employeeGives =
  /(?:nguoi lao dong|worker|employee)[^.;:]{0,40}(?:bao truoc|gives?[^.;]{0,30}notice)|bao truoc cho (?:nguoi su dung lao dong|cong ty)|notice to the (?:employer|company)|notice (?:a|the) (?:worker|employee) gives/;
const noticeWords = /bao truoc|notice/;

/**
 * Notice periods written in the text. A worker's notice may not be made longer than LC Art. 35(1)
 * (45 / 30 days / 3 working days; 120 days for the special jobs of Decree 145 Art. 7), since that
 * restricts the right to resign; an employer's notice may not be shorter than Art. 36(2).
 */
function checkNoticeText(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    const lead = sentence.unit.lead?.folded ?? '';
    const whole = `${lead} ${sentence.folded}`;
    if (!noticeWords.test(whole)) continue;
    const employee = employeeGives.test(whole);
    const employer = employerGives.test(whole);
    if (employee === employer) continue; // neither, or both: not a notice period the text sets
    for (const part of segments(sentence.folded)) {
      for (const [value, unit] of [
        [calendarDaysValue, 'days'],
        [workingDaysValue, 'workingDays'],
      ] as const) {
        for (const match of part.matchAll(value)) {
          const written = parseQuantity(match[1] ?? '');
          const contract = statutoryNotice(part) ?? statutoryNotice(lead);
          if (!contract || unit !== contract.unit) continue;
          const quoted = quote(sentence.text);
          if (employee) {
            const cap = specialJobs.test(whole) ? 120 : contract.days;
            if (written <= cap) continue;
            findings.push(
              context.finding({
                ruleId: 'notice.employee',
                severity: 'violation',
                citation: lc(35, 1),
                message: bilingual((language) =>
                  language === 'vi'
                    ? `Thời hạn báo trước khi người lao động đơn phương chấm dứt hợp đồng: ${formatQuantity(written, unit, language)} dài hơn ${formatQuantity(cap, unit, language)} theo khoản 1 Điều 35 Bộ luật Lao động 2019; thỏa thuận không được kéo dài thời hạn này vì hạn chế quyền nghỉ việc của người lao động. Văn bản: “${quoted}”`
                    : `Notice a worker gives to resign: ${formatQuantity(written, unit, language)} is longer than the ${formatQuantity(cap, unit, language)} of Labour Code 2019 Art. 35(1); an agreement may not lengthen it, as that restricts the worker's right to resign. Text: “${quoted}”`,
                ),
                expected: expectedText('atMost', cap, unit),
                actual: bilingual((language) => `${formatQuantity(written, unit, language)} — “${quoted}”`),
                clauseIds: sentence.article ? [sentence.article.clauseId] : [],
              }),
            );
          } else if (written < contract.days) {
            findings.push(
              context.finding({
                ruleId: 'notice.employer',
                severity: 'violation',
                citation: lc(36, 2),
                message: bilingual(
                  (language) =>
                    `${limitMessage({ vi: 'Thời hạn báo trước khi người sử dụng lao động đơn phương chấm dứt hợp đồng', en: 'Notice the employer gives to terminate' }, written, 'atLeast', contract.days, unit, lc(36, 2))[language]} ${language === 'vi' ? 'Văn bản' : 'Text'}: “${quoted}”`,
                ),
                expected: expectedText('atLeast', contract.days, unit),
                actual: bilingual((language) => `${formatQuantity(written, unit, language)} — “${quoted}”`),
                clauseIds: sentence.article ? [sentence.article.clauseId] : [],
              }),
            );
          }
        }
      }
    }
  }
  return findings;
}

/** The final settlement: 14 working days, up to 30 days only in the cases of LC Art. 48(1)(a)-(d). */
function checkSettlement(context: RuleContext): RuleFinding[] {
  const fact = context.variable('settlement_working_days');
  if (!fact?.shown || fact.number === undefined || fact.number <= 14) return [];
  const what = fact.definition?.label ?? { vi: 'Thời hạn thanh toán khi chấm dứt hợp đồng', en: 'Final settlement deadline' };
  const severity = fact.number > 30 ? 'violation' : 'warning';
  return [
    context.finding({
      ruleId: 'term.settlement',
      severity,
      citation: lc(48, 1),
      message: limitMessage(
        what,
        fact.number,
        'atMost',
        severity === 'violation' ? 30 : 14,
        'workingDays',
        lc(48, 1),
        severity === 'warning'
          ? {
              vi: 'Chỉ được kéo dài đến 30 ngày trong các trường hợp luật định (doanh nghiệp chấm dứt hoạt động, thay đổi cơ cấu, chia tách, sáp nhập...).',
              en: 'It may reach 30 days only in the cases the law lists (closure, restructuring, merger or division...).',
            }
          : undefined,
      ),
      expected: { vi: 'không quá 14 ngày làm việc (30 ngày trong trường hợp luật định)', en: 'at most 14 working days (30 in the cases the law lists)' },
      actual: quantity(fact.number, 'workingDays'),
      clauseIds: fact.clauseIds,
      variableId: fact.id,
    }),
  ];
}

const monthsOfWage = pattern(
  String.raw`(?:bang|duoc tro cap|allowance of|equal to|paid)\s+`,
  String.raw`(\d+(?:[.,]\d+)?|mot nua|nua|half(?: a)?|one)`,
  String.raw`\s?(?:thang|months?'?)\s?(?:tien )?(?:luong|wages?|pay|salary)`,
);

const percentOfMonth = pattern(
  String.raw`(?:bang|of)\s+`,
  numberWritten,
  String.raw`\s?%\s?(?:tien luong thang|(?:of )?(?:a|one) month'?s? (?:wage|pay|salary))`,
);

function wordsToNumber(written: string): number {
  if (/nua|half/.test(written)) return 0.5;
  if (/one/.test(written)) return 1;
  return parseQuantity(written);
}

/** Severance (½ month a year, LC Art. 46) and job-loss allowance (1 month a year, at least 2, Art. 47) written as months. */
function checkAllowancesText(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    for (const part of segments(sentence.folded)) {
      const isJobLoss = /mat viec|job[- ]loss|loss of (?:job|employment)/.test(part);
      const isSeverance = /thoi viec|severance/.test(part);
      if (!isJobLoss && !isSeverance) continue;
      if (!/moi nam|each year|per year|for every year|a year of/.test(part)) continue;
      const written = [
        ...[...part.matchAll(monthsOfWage)].map((match) => wordsToNumber(match[1] ?? '')),
        ...[...part.matchAll(percentOfMonth)].map((match) => parseQuantity(match[1] ?? '') / 100),
      ];
      for (const months of written) {
        const floor = isJobLoss ? 1 : 0.5;
        if (!(months < floor)) continue;
        const quoted = quote(sentence.text);
        const ruleId = isJobLoss ? 'job_loss' : 'severance';
        const citation = isJobLoss ? lc(47, 1) : lc(46, 1);
        const what = isJobLoss
          ? { vi: 'Trợ cấp mất việc làm mỗi năm làm việc', en: 'Job-loss allowance per year of service' }
          : { vi: 'Trợ cấp thôi việc mỗi năm làm việc', en: 'Severance allowance per year of service' };
        findings.push(
          context.finding({
            ruleId,
            severity: 'violation',
            citation,
            message: bilingual(
              (language) =>
                `${limitMessage(what, months, 'atLeast', floor, 'months', citation)[language]} ${language === 'vi' ? 'Văn bản' : 'Text'}: “${quoted}”`,
            ),
            expected: expectedText('atLeast', floor, 'months'),
            actual: bilingual((language) => `${formatQuantity(months, 'months', language)} — “${quoted}”`),
            clauseIds: sentence.article ? [sentence.article.clauseId] : [],
          }),
        );
      }
    }
  }
  return findings;
}

const transferTopic =
  /tam thoi chuyen|chuyen (?:nguoi lao dong )?(?:sang )?lam (?:cong )?viec khac|temporary transfer|temporarily transfer|transfer(?:red)? to (?:other|another)/;

export const employmentRules: readonly RuleDefinition[] = [
  {
    id: 'probation.duration',
    what: { vi: 'Thời gian thử việc', en: 'Probation period' },
    floor: { vi: 'không quá 180 / 60 / 30 ngày, 6 ngày làm việc theo công việc', en: 'at most 180 / 60 / 30 days, 6 working days by job' },
    citation: lc(25), // LC Art. 24(3), 25
    appliesTo: 'all',
    variables: [
      { variableId: 'probation_days_manager', atMost: 180, unit: 'days', citation: lc(25, 1) },
      { variableId: 'probation_days_college', atMost: 60, unit: 'days', citation: lc(25, 2) },
      { variableId: 'probation_days_intermediate', atMost: 30, unit: 'days', citation: lc(25, 3) },
      { variableId: 'probation_days_other', atMost: 6, unit: 'workingDays', citation: lc(25, 4) },
    ],
    text: [
      { topic: probationTopic, unless: /duoi 0?1 thang|less than (?:one|1) month/, value: calendarDaysValue, unit: 'days', atMost: probationCap },
      { topic: probationTopic, value: workingDaysValue, unit: 'workingDays', atMost: 6, citation: lc(25, 4) },
    ],
  },
  {
    id: 'probation.wage',
    what: { vi: 'Tiền lương thử việc', en: 'Probation wage' },
    floor: { vi: 'ít nhất 85% mức lương của công việc', en: "at least 85% of the job's wage" },
    citation: lc(26), // LC Art. 26
    appliesTo: 'all',
    variables: [{ variableId: 'probation_wage_percent', atLeast: 85, unit: 'percent' }],
    text: [{ topic: probationTopic, where: /luong|wage|pay/, value: percentValue, unit: 'percent', atLeast: 85 }],
  },
  {
    id: 'contract.fixed_term',
    what: { vi: 'Hợp đồng lao động xác định thời hạn', en: 'Fixed-term labour contracts' },
    floor: { vi: 'không quá 36 tháng; chỉ ký thêm 01 lần', en: 'at most 36 months; renewed once' },
    citation: lc(20, 1, 'b'), // LC Art. 20(1)(b), 20(2)
    appliesTo: 'all',
    variables: [
      {
        variableId: 'indefinite_contract_after_months',
        atMost: 72,
        unit: 'months',
        citation: lc(20, 2),
        note: {
          vi: 'Chỉ được giao kết thêm 01 hợp đồng xác định thời hạn (tối đa 2 × 36 tháng), sau đó phải là hợp đồng không xác định thời hạn.',
          en: 'Only one further fixed-term contract is allowed (at most 2 × 36 months); after that the contract must be indefinite.',
        },
      },
    ],
    text: [
      {
        where: /xac dinh thoi han|fixed[- ]term/,
        unless: /bao truoc|notice|tu 12 thang|12 (?:to|-) 36|duoi|less than|under/,
        value: pattern(String.raw`(?:khong qua|toi da|den|up to|no more than|at most|not exceeding|of)\s+`, numberWritten, String.raw`\s?(?:thang|months?)\b`),
        unit: 'months',
        atMost: 36,
      },
    ],
  },
  {
    id: 'transfer.temporary',
    what: { vi: 'Tạm thời chuyển người lao động làm công việc khác', en: 'Temporary transfer to other work' },
    floor: {
      vi: '≤ 60 ngày làm việc/năm; báo trước ≥ 3 ngày làm việc; lương mới ≥ 85%; giữ lương cũ 30 ngày làm việc',
      en: '≤ 60 working days a year; ≥ 3 working days notice; new wage ≥ 85%; old wage kept 30 working days',
    },
    citation: lc(29), // LC Art. 29
    appliesTo: 'all',
    variables: [
      { variableId: 'transfer_max_working_days_per_year', atMost: 60, unit: 'workingDays', citation: lc(29, 1) },
      { variableId: 'transfer_notice_working_days', atLeast: 3, unit: 'workingDays', citation: lc(29, 2) },
      { variableId: 'transfer_wage_percent', atLeast: 85, unit: 'percent', citation: lc(29, 3) },
      { variableId: 'transfer_wage_protection_working_days', atLeast: 30, unit: 'workingDays', citation: lc(29, 3) },
    ],
    text: [
      {
        topic: transferTopic,
        where: /cong don|trong (?:01|mot) nam|a year|per year|in total/,
        value: workingDaysValue,
        unit: 'workingDays',
        atMost: 60,
        citation: lc(29, 1),
      },
      { topic: transferTopic, where: /bao truoc|biet truoc|notice|in advance/, value: workingDaysValue, unit: 'workingDays', atLeast: 3, citation: lc(29, 2) },
      {
        topic: transferTopic,
        where: /cong viec cu|former|previous|old (?:job|work|wage)/,
        value: percentValue,
        unit: 'percent',
        atLeast: 85,
        citation: lc(29, 3),
      },
      { topic: transferTopic, where: /giu nguyen|keeps?|kept|retain/, value: workingDaysValue, unit: 'workingDays', atLeast: 30, citation: lc(29, 3) },
    ],
  },
  {
    id: 'notice.employee',
    what: { vi: 'Thời hạn báo trước của người lao động', en: 'Notice given by the worker' },
    floor: {
      vi: 'không dài hơn 45 / 30 ngày / 3 ngày làm việc (120 ngày với nghề đặc thù)',
      en: 'no longer than 45 / 30 days / 3 working days (120 days for special jobs)',
    },
    citation: lc(35, 1), // LC Art. 35; Decree 145 Art. 7
    appliesTo: 'all',
    check: checkNoticeText,
  },
  {
    id: 'notice.employer',
    what: { vi: 'Thời hạn báo trước của người sử dụng lao động', en: 'Notice given by the employer' },
    floor: { vi: 'ít nhất 45 / 30 ngày / 3 ngày làm việc', en: 'at least 45 / 30 days / 3 working days' },
    citation: lc(36, 2), // LC Art. 36(2)-(3)
    appliesTo: 'all',
    variables: [
      { variableId: 'employer_notice_indefinite_days', atLeast: 45, unit: 'days', citation: lc(36, 2, 'a') },
      { variableId: 'employer_notice_fixed_days', atLeast: 30, unit: 'days', citation: lc(36, 2, 'b') },
      { variableId: 'employer_notice_short_working_days', atLeast: 3, unit: 'workingDays', citation: lc(36, 2, 'c') },
    ],
  },
  {
    id: 'term.settlement',
    what: { vi: 'Thanh toán khi chấm dứt hợp đồng', en: 'Final settlement' },
    floor: { vi: 'trong 14 ngày làm việc (30 ngày trong trường hợp luật định)', en: 'within 14 working days (30 in the cases listed)' },
    citation: lc(48, 1), // LC Art. 48(1)
    appliesTo: 'all',
    check: checkSettlement,
  },
  {
    id: 'severance',
    what: { vi: 'Trợ cấp thôi việc', en: 'Severance allowance' },
    floor: { vi: 'mỗi năm làm việc nửa tháng tiền lương (50%)', en: "half a month's wage per year of service (50%)" },
    citation: lc(46, 1), // LC Art. 46; Decree 145 Art. 8
    appliesTo: 'all',
    variables: [
      {
        variableId: 'severance_wage_percent_per_year',
        atLeast: 50,
        unit: 'percent',
        note: { vi: '(50% là nửa tháng tiền lương cho mỗi năm làm việc).', en: "(50% is half a month's wage per year of service)." },
      },
    ],
    check: checkAllowancesText,
  },
  {
    id: 'job_loss',
    what: { vi: 'Trợ cấp mất việc làm', en: 'Job-loss allowance' },
    floor: { vi: 'mỗi năm làm việc 01 tháng tiền lương, ít nhất 02 tháng', en: "1 month's wage per year of service, at least 2 months" },
    citation: lc(47, 1), // LC Art. 47(1)
    appliesTo: 'all',
    variables: [
      {
        variableId: 'job_loss_wage_percent_per_year',
        atLeast: 100,
        unit: 'percent',
        note: { vi: '(100% là 01 tháng tiền lương cho mỗi năm làm việc).', en: "(100% is one month's wage per year of service)." },
      },
      { variableId: 'job_loss_min_months', atLeast: 2, unit: 'months' },
    ],
    text: [
      {
        where: /mat viec|job[- ]loss/,
        value: pattern(String.raw`(?:it nhat bang|it nhat|toi thieu|at least|no less than|minimum of)\s+`, numberWritten, String.raw`\s?(?:thang|months?'?)`),
        unit: 'months',
        atLeast: 2,
      },
    ],
  },
];
