/**
 * Labour discipline and material liability: LC Art. 122-130 and Decree 145/2020/NĐ-CP Art. 70-72
 * (rules discipline.*, liability.damage_cap). Sanctions are found by text
 * patterns, diacritic-insensitive and aware of negation ("Nghiêm cấm phạt tiền" prohibits a fine).
 */
import { d145, lc } from '#shared/compliance/citations';
import { calendarDaysValue, monthsValue, numberWritten, pattern, percentValue, workingDaysValue } from '#shared/compliance/patterns';
import { bilingual, formatQuantity } from '#shared/compliance/quantities';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { globalPattern, isNegated, parseQuantity, quote, segments } from '#shared/compliance/text';
import type { RuleFinding } from '#shared/compliance/types';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';

interface SanctionPattern {
  pattern: RegExp;
  /** A match whose original (accented) text matches this is another word ("phát tiền" hands out money). */
  notWhenWritten?: RegExp;
  /** The wording is negative in itself ("không lương", "without pay"): only a negation before it counts. */
  negativeWording?: true;
  /** The sentence must also match this (the word is a sanction only in a disciplinary context). */
  context?: RegExp;
  name: Bilingual;
}

const disciplinaryContext = /ky luat|xu ly|hinh thuc|vi pham|disciplin|sanction|penalt|punish|offen[cs]e|breach|violat|late|absen/;

/** Fines and wage or bonus cuts: prohibited in place of discipline (LC Art. 127(2)). */
const prohibitedSanctions: readonly SanctionPattern[] = [
  { pattern: /phat tien|phat (?:\d[\d.,]*\s?(?:dong|d\b|vnd|nghin|ngan|trieu)|mot khoan)/, notWhenWritten: /ph[áÁ]t/, name: { vi: 'phạt tiền', en: 'a fine' } },
  { pattern: /(?<!khau )tru luong|cat (?:giam )?(?:tien )?luong/, name: { vi: 'trừ, cắt lương', en: 'a wage cut' } },
  { pattern: /cat (?:giam )?(?:tien )?thuong|tru (?:tien )?thuong/, context: disciplinaryContext, name: { vi: 'cắt thưởng', en: 'a bonus cut' } },
  { pattern: /\ba fine\b|\bfines\b|\bfined\b|(?:monetary|financial|cash) penalt/, name: { vi: 'phạt tiền', en: 'a fine' } },
  {
    pattern:
      /wage (?:cuts?|reductions?|deductions?)|(?:cut|dock|reduc)(?:s|ed|ing)? (?:the |their |his |her )?(?:wages?|pay|salary)|deduct(?:s|ed|ing)?\b[^.;]{0,40}(?:as (?:a )?(?:penalty|punishment|sanction))/,
    context: disciplinaryContext,
    name: { vi: 'trừ, cắt lương', en: 'a wage cut' },
  },
  {
    pattern: /(?:withhold|withholding|cut|cutting|forfeit(?:ing)?|los(?:e|es|ing))\b[^.;]{0,20}bonus|bonus(?:es)? (?:is |are )?(?:cut|withheld|forfeited)/,
    context: disciplinaryContext,
    name: { vi: 'cắt thưởng', en: 'a bonus cut' },
  },
];

/** Other sanctions than the four of LC Art. 124. */
const otherSanctions: readonly SanctionPattern[] = [
  { pattern: /canh cao/, context: disciplinaryContext, name: { vi: 'cảnh cáo', en: 'a formal warning (cảnh cáo)' } },
  {
    pattern: /ha (?:bac|ngach) luong|ha luong|giang chuc|giang cap|demotion in (?:pay|salary) grade|(?:pay|salary) grade (?:reduction|demotion)/,
    context: disciplinaryContext,
    name: { vi: 'hạ bậc lương', en: 'a pay-grade demotion' },
  },
  { pattern: /buoc thoi viec/, name: { vi: 'buộc thôi việc', en: 'forced resignation (buộc thôi việc)' } },
  {
    pattern: /dinh chi (?:cong viec )?khong (?:huong )?luong|unpaid suspension|suspension without pay|suspended without pay/,
    negativeWording: true,
    context: disciplinaryContext,
    name: { vi: 'đình chỉ công việc không lương', en: 'unpaid suspension' },
  },
  {
    pattern:
      /chuyen (?:sang )?lam (?:cong )?viec khac[^.;]{0,40}(?:trung phat|hinh thuc (?:xu ly )?ky luat)|transfer(?:red)?[^.;]{0,30}as (?:a )?(?:punishment|sanction|disciplinary)/,
    name: { vi: 'chuyển làm công việc khác để trừng phạt', en: 'transfer to other work as a punishment' },
  },
];

function sanctionFindings(
  context: RuleContext,
  patterns: readonly SanctionPattern[],
  ruleId: string,
  citation: LegalCitation,
  explain: Bilingual,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    for (const sanction of patterns) {
      if (!sanction.pattern.test(sentence.folded)) continue;
      if (sanction.context && !sanction.context.test(sentence.context)) continue;
      const found = [...sentence.folded.matchAll(globalPattern(sanction.pattern))].some((match) => {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (sanction.notWhenWritten?.test(sentence.text.slice(start, end))) return false;
        return !isNegated(sentence.folded, start, end, { inside: !sanction.negativeWording });
      });
      if (!found) continue;
      const quoted = quote(sentence.text);
      findings.push(
        context.finding({
          ruleId,
          severity: 'violation',
          citation,
          message: bilingual(
            (language) =>
              `${explain[language]} ${language === 'vi' ? `Điều khoản áp dụng ${sanction.name.vi}` : `The clause imposes ${sanction.name.en}`}: “${quoted}”`,
          ),
          expected: {
            vi: 'chỉ khiển trách, kéo dài thời hạn nâng lương (≤ 6 tháng), cách chức, sa thải',
            en: 'only reprimand, pay-raise delay (≤ 6 months), demotion, dismissal',
          },
          actual: { vi: `${sanction.name.vi} — “${quoted}”`, en: `${sanction.name.en} — “${quoted}”` },
          clauseIds: sentence.article ? [sentence.article.clauseId] : [],
        }),
      );
      break; // one finding per sentence and group
    }
  }
  return findings;
}

const absencePair =
  /(\d+)\s?(?:ngay|working days?|days?)\s?(?:lam viec\s)?(?:cong don\s|in total\s|cumulative(?:ly)?\s)?(?:trong|within|in)\s(?:thoi han\s|vong\s|thoi gian\s|khoang thoi gian\s|a period of\s)?(\d+)\s?(?:ngay|days?)/g;
const consecutiveAbsence = /(\d+)\s?(?:ngay\s(?:lam viec\s)?lien tuc|consecutive (?:working )?days)/g;
const dismissalWords = /sa thai|dismiss/;
const absenceWords = /bo viec|vang mat|nghi viec khong|absen|abandon/;

/**
 * Dismissal for absence only at 5 days in 30 or 20 days in 365 (LC Art. 125(4)): a clause with N
 * days in M is lawful only if N ≥ 5 within M ≤ 30, or N ≥ 20 within M ≤ 365.
 */
function checkAbsenceThresholds(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    if (!dismissalWords.test(sentence.context) || !absenceWords.test(sentence.folded)) continue;
    for (const part of segments(sentence.folded)) {
      const thresholds: { days: number; window: number }[] = [];
      for (const match of part.matchAll(absencePair)) thresholds.push({ days: parseQuantity(match[1] ?? ''), window: parseQuantity(match[2] ?? '') });
      for (const match of part.matchAll(consecutiveAbsence)) thresholds.push({ days: parseQuantity(match[1] ?? ''), window: parseQuantity(match[1] ?? '') });
      for (const { days, window } of thresholds) {
        const lawful = (days >= 5 && window <= 30) || (days >= 20 && window <= 365);
        if (lawful) continue;
        const quoted = quote(sentence.text);
        findings.push(
          context.finding({
            ruleId: 'discipline.dismissal_grounds',
            severity: 'violation',
            citation: lc(125, 4),
            message: bilingual((language) =>
              language === 'vi'
                ? `Sa thải vì tự ý bỏ việc chỉ khi bỏ việc 05 ngày cộng dồn trong 30 ngày hoặc 20 ngày cộng dồn trong 365 ngày không có lý do chính đáng (khoản 4 Điều 125 Bộ luật Lao động 2019); điều khoản đặt ngưỡng ${formatQuantity(days, 'days', language)} trong ${formatQuantity(window, 'days', language)}. Văn bản: “${quoted}”`
                : `Dismissal for absence is allowed only at 5 days in total within 30 days or 20 days within 365 days without good reason (Labour Code 2019 Art. 125(4)); the clause sets ${formatQuantity(days, 'days', language)} within ${formatQuantity(window, 'days', language)}. Text: “${quoted}”`,
            ),
            expected: { vi: '05 ngày trong 30 ngày hoặc 20 ngày trong 365 ngày', en: '5 days within 30, or 20 days within 365' },
            actual: bilingual((language) => `${formatQuantity(days, 'days', language)} / ${formatQuantity(window, 'days', language)} — “${quoted}”`),
            clauseIds: sentence.article ? [sentence.article.clauseId] : [],
          }),
        );
      }
    }
  }
  return findings;
}

const financeWords = /tai chinh|tai san|bi mat|finance|financial|assets?|secrets?/;

export const disciplineRules: readonly RuleDefinition[] = [
  {
    id: 'discipline.forms',
    what: { vi: 'Hình thức xử lý kỷ luật lao động', en: 'Disciplinary sanctions' },
    floor: { vi: 'chỉ 4 hình thức; kéo dài thời hạn nâng lương không quá 6 tháng', en: 'only the four forms; pay-raise delay at most 6 months' },
    citation: lc(124), // LC Art. 124
    appliesTo: 'all',
    variables: [{ variableId: 'raise_delay_months', atMost: 6, unit: 'months', citation: lc(124, 2) }],
    text: [
      {
        value: pattern(
          String.raw`(?:keo dai thoi han nang luong\s+(?:khong qua\s+|toi da\s+|den\s+|la\s+)?|(?:delay(?:ing)? (?:of )?(?:the )?pay[- ]raises?|pay[- ]raise delay)\s+(?:by\s+|of\s+|for\s+)?(?:up to\s+|no more than\s+|at most\s+)?)`,
          numberWritten,
          String.raw`\s?(?:thang|months?)`,
        ),
        unit: 'months',
        atMost: 6,
        citation: lc(124, 2),
      },
    ],
    check: (context) =>
      sanctionFindings(context, otherSanctions, 'discipline.forms', lc(124), {
        vi: 'Chỉ được xử lý kỷ luật bằng khiển trách, kéo dài thời hạn nâng lương không quá 6 tháng, cách chức hoặc sa thải (Điều 124 Bộ luật Lao động 2019).',
        en: 'The only disciplinary sanctions are reprimand, delay of a pay raise by up to 6 months, demotion and dismissal (Labour Code 2019 Art. 124).',
      }),
  },
  {
    id: 'discipline.prohibited',
    what: { vi: 'Hành vi bị nghiêm cấm khi xử lý kỷ luật', en: 'Prohibited disciplinary practices' },
    floor: { vi: 'không phạt tiền, cắt lương thay việc xử lý kỷ luật', en: 'no fines or wage cuts instead of discipline' },
    citation: lc(127, 2), // LC Art. 127
    appliesTo: 'all',
    check: (context) =>
      sanctionFindings(context, prohibitedSanctions, 'discipline.prohibited', lc(127, 2), {
        vi: 'Nghiêm cấm phạt tiền, cắt lương thay việc xử lý kỷ luật lao động (khoản 2 Điều 127 Bộ luật Lao động 2019).',
        en: 'Fines and wage cuts in place of labour discipline are prohibited (Labour Code 2019 Art. 127(2)).',
      }),
  },
  {
    id: 'discipline.dismissal_grounds',
    what: { vi: 'Căn cứ sa thải', en: 'Grounds for dismissal' },
    floor: { vi: 'tự ý bỏ việc 05 ngày/30 ngày hoặc 20 ngày/365 ngày', en: 'absence of 5 days in 30 or 20 days in 365' },
    citation: lc(125), // LC Art. 125
    appliesTo: 'all',
    check: checkAbsenceThresholds,
  },
  {
    id: 'discipline.limitation',
    what: { vi: 'Thời hiệu xử lý kỷ luật lao động', en: 'Limitation period for discipline' },
    floor: {
      vi: 'không quá 6 tháng (12 tháng: tài chính, tài sản, bí mật); kéo dài không quá 60 ngày',
      en: 'at most 6 months (12: finance, assets, secrets); extension at most 60 days',
    },
    citation: lc(123), // LC Art. 123
    appliesTo: 'all',
    text: [
      {
        topic: /^(?=.*(?:thoi hieu|limitation))(?=.*(?:ky luat|disciplin))/,
        unless: /boi thuong|compensat|trach nhiem vat chat|xoa ky luat|expunge|keo dai thoi hieu|extended/,
        value: monthsValue,
        unit: 'months',
        atMost: (around) => (financeWords.test(around) ? 12 : 6),
        citation: lc(123, 1),
      },
      {
        topic: /^(?=.*(?:thoi hieu|limitation))(?=.*(?:ky luat|disciplin))/,
        where: /keo dai|extend/,
        value: pattern(String.raw`(?:khong qua|toi da|up to|no more than|at most|by)\s+`, numberWritten, String.raw`\s?(?:ngay|days)`),
        unit: 'days',
        atMost: 60,
        citation: lc(123, 2),
      },
    ],
  },
  {
    id: 'discipline.expunge',
    what: { vi: 'Xóa kỷ luật', en: 'Expungement of sanctions' },
    floor: {
      vi: 'khiển trách sau 3 tháng; kéo dài thời hạn nâng lương sau 6 tháng; cách chức sau 3 năm',
      en: 'reprimand after 3 months; pay-raise delay after 6 months; demotion after 3 years',
    },
    citation: lc(126, 1), // LC Art. 126
    appliesTo: 'all',
    text: [
      {
        topic: /xoa ky luat|expunge|duoc xoa|cleared/,
        value: pattern(String.raw`(?:khien trach sau\s+|reprimand[^.;,]*?after\s+)`, numberWritten, String.raw`\s?(?:thang|months?)`),
        unit: 'months',
        atMost: 3,
        what: { vi: 'Xóa kỷ luật khiển trách', en: 'Expungement of a reprimand' },
      },
      {
        topic: /xoa ky luat|expunge|duoc xoa|cleared/,
        value: pattern(String.raw`(?:nang luong sau\s+|raise delay[^.;,]*?after\s+)`, numberWritten, String.raw`\s?(?:thang|months?)`),
        unit: 'months',
        atMost: 6,
        what: { vi: 'Xóa kỷ luật kéo dài thời hạn nâng lương', en: 'Expungement of a pay-raise delay' },
      },
      {
        topic: /xoa ky luat|expunge|duoc xoa|cleared/,
        value: pattern(String.raw`(?:cach chuc sau\s+|demotion[^.;,]*?after\s+)`, numberWritten, String.raw`\s?(?:nam|years?)`),
        unit: 'years',
        atMost: 3,
        what: { vi: 'Xóa kỷ luật cách chức', en: 'Expungement of a demotion' },
      },
    ],
  },
  {
    id: 'discipline.suspension',
    what: { vi: 'Tạm đình chỉ công việc', en: 'Suspension from work' },
    floor: { vi: 'không quá 15 ngày (90 ngày trường hợp đặc biệt); tạm ứng 50% tiền lương', en: 'at most 15 days (90 in special cases); 50% wage advance' },
    citation: lc(128, 2), // LC Art. 128
    appliesTo: 'all',
    variables: [
      { variableId: 'suspension_max_days', atMost: 15, unit: 'days' },
      { variableId: 'suspension_advance_percent', atLeast: 50, unit: 'percent' },
    ],
    text: [
      {
        topic: /tam dinh chi|suspen/,
        where: /tam dinh chi|suspen|dac biet|special/,
        commas: true,
        value: calendarDaysValue,
        unit: 'days',
        atMost: (around) => (/dac biet|special/.test(around) ? 90 : 15),
      },
      { topic: /tam dinh chi|suspen/, where: /tam ung|advance/, value: percentValue, unit: 'percent', atLeast: 50 },
    ],
  },
  {
    id: 'discipline.principles',
    what: { vi: 'Thông báo họp xử lý kỷ luật', en: 'Notice of the disciplinary meeting' },
    floor: { vi: 'thông báo trước ít nhất 5 ngày làm việc', en: 'at least 5 working days before' },
    citation: d145(70, 2, 'a'), // LC Art. 122; Decree 145 Art. 70
    appliesTo: 'all',
    text: [
      {
        topic: /hop xu ly ky luat|cuoc hop xu ly ky luat|disciplinary (?:meeting|hearing)/,
        where: /truoc|before|beforehand|in advance/,
        unless: /boi thuong|compensat/,
        value: workingDaysValue,
        unit: 'workingDays',
        atLeast: 5,
      },
    ],
  },
  {
    id: 'liability.damage_cap',
    what: { vi: 'Bồi thường thiệt hại do sơ suất, không nghiêm trọng', en: 'Compensation for minor negligent damage' },
    floor: {
      vi: 'nhiều nhất 3 tháng tiền lương (thiệt hại không quá 10 tháng lương tối thiểu vùng)',
      en: "at most 3 months' wages (damage up to 10 months of the regional minimum)",
    },
    citation: lc(129, 1), // LC Art. 129(1), 130; Decree 145 Art. 71-72
    appliesTo: 'all',
    variables: [{ variableId: 'liability_minor_cap_months', atMost: 3, unit: 'months' }],
    text: [
      {
        where: /^(?=.*(?:so suat|negligen|vo y))(?=.*(?:khong nghiem trong|minor|not serious))/,
        value: pattern(
          String.raw`(?:boi thuong (?:nhieu nhat|toi da|khong qua)\s+|(?:pays?|compensat\w*|liable for) (?:at most|up to|no more than)\s+)`,
          numberWritten,
          String.raw`\s?(?:thang|months?'?)`,
        ),
        unit: 'months',
        atMost: 3,
      },
      {
        where: /^(?=.*(?:so suat|negligen|vo y))(?=.*(?:khong nghiem trong|minor|not serious))/,
        value: pattern(numberWritten, String.raw`\s?(?:thang luong toi thieu|months? of (?:the )?regional minimum)`),
        unit: 'months',
        atLeast: 10,
        what: { vi: 'Ngưỡng thiệt hại không nghiêm trọng (tháng lương tối thiểu vùng)', en: 'Threshold of minor damage (months of the regional minimum wage)' },
      },
    ],
  },
];
