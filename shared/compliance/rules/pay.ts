/**
 * Overtime and night pay: LC Art. 98 and Decree 145 Art. 55-57 (rules pay.*). Rates are
 * percentages of the hourly wage actually paid for a normal working day.
 */
import { d145, lc } from '#shared/compliance/citations';
import { expectedText, limitMessage } from '#shared/compliance/evaluateLimits';
import { daytimeWords, holidayWords, nightWords, overtimeWords, percentValue, timesValue, weeklyRestWords } from '#shared/compliance/patterns';
import { bilingual, formatQuantity } from '#shared/compliance/quantities';
import type { RuleDefinition, TextLimit } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { parseQuantity, quote, segments } from '#shared/compliance/text';
import type { RuleFinding } from '#shared/compliance/types';

const weekdayWords = /ngay thuong|ngay lam viec binh thuong|normal (?:working )?days?|weekdays?|ordinary (?:working )?days?/;
const notOvertimeRate = new RegExp(`${nightWords.source}|${daytimeWords.source}`);

/** A rate written as "150%" or "1,5 lần" in a part of a sentence about overtime on one type of day. */
function overtimeRateText(where: RegExp, unless: RegExp, atLeast: number): TextLimit[] {
  return [
    { topic: overtimeWords, where, unless, value: percentValue, unit: 'percent', atLeast },
    { topic: overtimeWords, where, unless, value: timesValue, scale: 100, unit: 'percent', atLeast },
  ];
}

const includesHolidayPay = /(?:bao gom|gom ca|tinh ca|da tinh|including|inclusive of|includes)[^.;]{0,40}?(?:ngay le|le,? tet|holiday)/g;

/**
 * Holiday overtime is at least 300% NOT counting the holiday's own wage (Decree 145 Art. 55(1)(b),
 * 55(3)): a rate that "includes" the holiday pay may leave daily-paid workers short.
 */
function checkHolidayPayIncluded(context: RuleContext): RuleFinding[] {
  return context.index.sentences.flatMap((sentence) => {
    const aboutHolidayOvertime = sentence.folded.includes('⟦ot_rate_holiday⟧') || (overtimeWords.test(sentence.context) && holidayWords.test(sentence.folded));
    if (!aboutHolidayOvertime) return [];
    const included = [...sentence.folded.matchAll(includesHolidayPay)].some(
      (match) => !/(?:khong|chua|not|excluding)\s*$/.test(sentence.folded.slice(Math.max(0, (match.index ?? 0) - 12), match.index)),
    );
    if (!included) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'pay.ot_holiday',
        severity: 'warning',
        citation: d145(55, 1, 'b'),
        message: {
          vi: `Tiền lương làm thêm giờ vào ngày lễ, tết ít nhất bằng 300%, chưa kể tiền lương ngày lễ, tết mà người hưởng lương ngày được nhận thêm (điểm c khoản 1 Điều 98 Bộ luật Lao động 2019; Điều 55 Nghị định 145/2020/NĐ-CP). Điều khoản ghi mức này đã “bao gồm” tiền lương ngày lễ. Văn bản: “${quoted}”`,
          en: `Holiday overtime is at least 300% not counting the holiday's own wage, which daily-paid workers receive on top (Labour Code 2019 Art. 98(1)(c); Decree 145/2020/ND-CP Art. 55). The clause says the rate "includes" the holiday pay. Text: “${quoted}”`,
        },
        expected: { vi: 'ít nhất 300%, chưa kể tiền lương ngày lễ, tết', en: "at least 300%, not counting the holiday's own wage" },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

const nightOvertimeWords = /lam them(?: gio)? (?:vao )?ban dem|night overtime|overtime (?:worked )?(?:at|during the) night/;
const daytimeBase = /luong (?:lam (?:viec )?)?(?:vao )?ban ngay|daytime (?:wage|pay|rate)|of the daytime/;
const daytimeOvertime = /lam them(?: gio)? (?:vao )?ban ngay|daytime overtime|overtime (?:during|in) the day/g;

/**
 * The minimum total rate of night overtime (LC Art. 98(3); Decree 145 Art. 57): day-type overtime
 * rate + 30% night premium + 20% of the daytime rate of that day. On a normal day 150 + 30 + 20 =
 * 200%, or 210% with daytime overtime that day; on a weekly rest day 270%; on a holiday 390%.
 */
function nightOvertimeMinimum(part: string): number {
  if (holidayWords.test(part)) return 390;
  if (weeklyRestWords.test(part)) return 270;
  const withDaytime = [...part.matchAll(daytimeOvertime)].some(
    (match) => !/(?:khong|no|without)\s*$/.test(part.slice(Math.max(0, (match.index ?? 0) - 10), match.index)),
  );
  return withDaytime ? 210 : 200;
}

function checkNightOvertimeText(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    if (!nightOvertimeWords.test(sentence.folded)) continue;
    for (const part of segments(sentence.folded)) {
      for (const match of part.matchAll(percentValue)) {
        const start = match.index ?? 0;
        if (daytimeBase.test(part.slice(0, start))) continue; // the base "100% of the daytime wage", not a rate
        const value = parseQuantity(match[1] ?? '');
        const isTotal = value >= 100;
        const minimum = isTotal ? nightOvertimeMinimum(part) : 20;
        if (value >= minimum) continue;
        const quoted = quote(sentence.text);
        const what = isTotal
          ? { vi: 'Tiền lương làm thêm giờ vào ban đêm', en: 'Night overtime pay' }
          : { vi: 'Phần trả thêm khi làm thêm giờ vào ban đêm', en: 'Night overtime premium' };
        const note = isTotal
          ? {
              vi: `(150% + 30% + 20% × ${minimum === 210 ? '150' : '100'}% của ngày thường${minimum > 210 ? '; cao hơn vào ngày nghỉ hằng tuần, ngày lễ' : ''}).`,
              en: `(150% + 30% + 20% × ${minimum === 210 ? '150' : '100'}% on a normal day${minimum > 210 ? '; more on rest days and holidays' : ''}).`,
            }
          : { vi: '(20% tiền lương làm vào ban ngày của ngày đó).', en: '(20% of the daytime wage of that day).' };
        findings.push(
          context.finding({
            ruleId: 'pay.night_ot_extra',
            severity: 'violation',
            citation: lc(98, 3),
            message: bilingual(
              (language) =>
                `${limitMessage(what, value, 'atLeast', minimum, 'percent', lc(98, 3), note)[language]} ${language === 'vi' ? 'Văn bản' : 'Text'}: “${quoted}”`,
            ),
            expected: expectedText('atLeast', minimum, 'percent'),
            actual: bilingual((language) => `${formatQuantity(value, 'percent', language)} — “${quoted}”`),
            clauseIds: sentence.article ? [sentence.article.clauseId] : [],
          }),
        );
      }
    }
  }
  return findings;
}

const nightPremiumPart = /^(?=.*(?:ban dem|\bnight))(?=.*(?:tra them|duoc tra|phu cap|extra|premium|additional))/;

export const payRules: readonly RuleDefinition[] = [
  {
    id: 'pay.ot_weekday',
    what: { vi: 'Tiền lương làm thêm giờ vào ngày thường', en: 'Overtime pay on normal days' },
    floor: { vi: 'ít nhất 150%', en: 'at least 150%' },
    citation: lc(98, 1, 'a'), // LC Art. 98(1)(a); Decree 145 Art. 55
    appliesTo: 'all',
    variables: [{ variableId: 'ot_rate_weekday', atLeast: 150, unit: 'percent' }],
    text: overtimeRateText(weekdayWords, new RegExp(`${notOvertimeRate.source}|${holidayWords.source}|${weeklyRestWords.source}`), 150),
  },
  {
    id: 'pay.ot_weekly_rest',
    what: { vi: 'Tiền lương làm thêm giờ vào ngày nghỉ hằng tuần', en: 'Overtime pay on weekly rest days' },
    floor: { vi: 'ít nhất 200%', en: 'at least 200%' },
    citation: lc(98, 1, 'b'), // LC Art. 98(1)(b)
    appliesTo: 'all',
    variables: [{ variableId: 'ot_rate_weekly_rest', atLeast: 200, unit: 'percent' }],
    text: overtimeRateText(weeklyRestWords, new RegExp(`${notOvertimeRate.source}|${holidayWords.source}`), 200),
  },
  {
    id: 'pay.ot_holiday',
    what: { vi: 'Tiền lương làm thêm giờ vào ngày lễ, tết, ngày nghỉ có hưởng lương', en: 'Overtime pay on public holidays, Tết and paid days off' },
    floor: { vi: 'ít nhất 300%, chưa kể tiền lương ngày lễ', en: "at least 300%, not counting the holiday's own wage" },
    citation: lc(98, 1, 'c'), // LC Art. 98(1)(c); Decree 145 Art. 55(1)(b), 55(3)
    appliesTo: 'all',
    variables: [{ variableId: 'ot_rate_holiday', atLeast: 300, unit: 'percent' }],
    text: overtimeRateText(holidayWords, notOvertimeRate, 300),
    check: checkHolidayPayIncluded,
  },
  {
    id: 'pay.night_premium',
    what: { vi: 'Tiền lương làm việc vào ban đêm (trả thêm)', en: 'Night work premium' },
    floor: { vi: 'trả thêm ít nhất 30%', en: 'at least 30% extra' },
    citation: lc(98, 2), // LC Art. 98(2); Decree 145 Art. 56
    appliesTo: 'all',
    variables: [{ variableId: 'night_premium_percent', atLeast: 30, unit: 'percent' }],
    text: [
      { where: nightPremiumPart, unless: new RegExp(`${overtimeWords.source}|${daytimeWords.source}`), value: percentValue, unit: 'percent', atLeast: 30 },
    ],
  },
  {
    id: 'pay.night_ot_extra',
    what: { vi: 'Tiền lương làm thêm giờ vào ban đêm', en: 'Night overtime pay' },
    floor: {
      vi: 'thêm 20% lương ban ngày: tối thiểu 200% (210% nếu có làm thêm ban ngày)',
      en: '20% of the daytime wage on top: at least 200% (210% after daytime overtime)',
    },
    citation: lc(98, 3), // LC Art. 98(3); Decree 145 Art. 57
    appliesTo: 'all',
    variables: [{ variableId: 'night_ot_extra_percent', atLeast: 20, unit: 'percent' }],
    check: checkNightOvertimeText,
  },
];
