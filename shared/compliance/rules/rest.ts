/**
 * Breaks and rest: LC Art. 109-111 and Decree 145 Art. 63-64 (rules break.mid_shift,
 * break.shift_change, rest.weekly).
 */
import { d145, lc } from '#shared/compliance/citations';
import { expectedText, limitMessage } from '#shared/compliance/evaluateLimits';
import { hoursValue, minutesValue, nightWords, numberWritten, pattern, weeklyRestWords } from '#shared/compliance/patterns';
import { quantity } from '#shared/compliance/quantities';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { quote } from '#shared/compliance/text';
import { minutesOfDay, span } from '#shared/compliance/timeOfDay';
import type { RuleFinding } from '#shared/compliance/types';

/** The lunch break of office hours: at least 30 minutes (LC Art. 109(1)). */
function checkLunchBreak(context: RuleContext): RuleFinding[] {
  const start = context.variable('lunch_break_start');
  const end = context.variable('lunch_break_end');
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (from === undefined || to === undefined || !start?.shown) return [];
  const minutes = span(from, to);
  if (minutes >= 30) return [];
  const what = { vi: 'Nghỉ trưa', en: 'Lunch break' };
  return [
    context.finding({
      ruleId: 'break.mid_shift',
      severity: 'violation',
      citation: lc(109, 1),
      message: limitMessage(what, minutes, 'atLeast', 30, 'minutes', lc(109, 1)),
      expected: expectedText('atLeast', 30, 'minutes'),
      actual: quantity(minutes, 'minutes'),
      clauseIds: start.clauseIds,
    }),
  ];
}

const unpaidContinuousBreak =
  /(?:ca lien tuc|continuous shift)[^.;]*(?:nghi giua (?:gio|ca)|break)[^.;]*(?:khong (?:duoc )?tinh vao (?:thoi )?gio lam viec|khong (?:duoc )?huong luong|is not (?:counted as )?(?:paid|working time)|unpaid)/;

/** In continuous shifts the mid-shift break is paid working time (Decree 145 Art. 63; LC Art. 109(1)). */
function checkContinuousShiftBreak(context: RuleContext): RuleFinding[] {
  return context.index.sentences.flatMap((sentence) => {
    if (!unpaidContinuousBreak.test(sentence.folded)) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'break.mid_shift',
        severity: 'violation',
        citation: d145(63),
        message: {
          vi: `Khi làm việc theo ca liên tục từ 06 giờ trở lên, thời gian nghỉ giữa giờ được tính vào thời giờ làm việc có hưởng lương (Điều 63 Nghị định 145/2020/NĐ-CP). Văn bản: “${quoted}”`,
          en: `In continuous shifts of 6 hours or more the mid-shift break counts as paid working time (Decree 145/2020/ND-CP Art. 63). Text: “${quoted}”`,
        },
        expected: { vi: 'nghỉ giữa giờ tính vào giờ làm việc', en: 'the break counted as paid working time' },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

const dayNames = /chu nhat|thu (?:hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)\b|sunday|monday|tuesday|wednesday|thursday|friday|saturday/;

/** Labour regulations name the weekly rest day (LC Art. 111(2); Decree 145 Art. 69(2)(a)). */
function checkRestDayNamed(context: RuleContext): RuleFinding[] {
  if (context.isAgreement) return [];
  const named =
    context.variable('weekly_rest_day')?.shown ||
    context.index.sentences.some((sentence) => weeklyRestWords.test(sentence.context) && dayNames.test(sentence.folded));
  if (named) return [];
  return [
    context.finding({
      ruleId: 'rest.weekly',
      severity: 'violation',
      citation: lc(111, 2),
      message: {
        vi: 'Nội quy lao động phải quy định ngày nghỉ hằng tuần là ngày Chủ nhật hoặc một ngày cố định khác (khoản 2 Điều 111 Bộ luật Lao động 2019); văn bản chưa nêu ngày nào.',
        en: 'The labour regulations must name the weekly rest day, Sunday or another fixed day (Labour Code 2019 Art. 111(2)); the text names none.',
      },
      expected: { vi: 'nêu ngày nghỉ hằng tuần', en: 'the weekly rest day named' },
    }),
  ];
}

export const restRules: readonly RuleDefinition[] = [
  {
    id: 'break.mid_shift',
    what: { vi: 'Nghỉ giữa giờ', en: 'Mid-shift break' },
    floor: { vi: '≥ 30 phút liên tục; ≥ 45 phút khi làm việc ban đêm', en: '≥ 30 consecutive minutes; ≥ 45 for night work' },
    citation: lc(109, 1), // LC Art. 109(1); Decree 145 Art. 63-64
    appliesTo: 'all',
    variables: [
      { variableId: 'break_minutes_day', atLeast: 30, unit: 'minutes' },
      { variableId: 'break_minutes_night', atLeast: 45, unit: 'minutes' },
    ],
    text: [
      {
        topic: /nghi giua (?:gio|ca)|mid-shift break|\bbreak\b/,
        where: minutesValue,
        unless: /giai lao|rest pause|hanh kinh|menstruat|nuoi con|nursing|chuyen ca/,
        value: minutesValue,
        unit: 'minutes',
        atLeast: (around) => (nightWords.test(around) ? 45 : 30),
      },
    ],
    check: (context) => [...checkLunchBreak(context), ...checkContinuousShiftBreak(context)],
  },
  {
    id: 'break.shift_change',
    what: { vi: 'Nghỉ trước khi chuyển ca', en: 'Rest before changing shifts' },
    floor: { vi: 'ít nhất 12 giờ', en: 'at least 12 hours' },
    citation: lc(110), // LC Art. 110
    appliesTo: 'all',
    variables: [{ variableId: 'shift_change_rest_hours', atLeast: 12, unit: 'hours' }],
    text: [{ where: /chuyen (?:sang )?ca|doi ca|chang(?:e|ing) shifts?|switch(?:ing)? shifts?|between shifts/, value: hoursValue, unit: 'hours', atLeast: 12 }],
  },
  {
    id: 'rest.weekly',
    what: { vi: 'Nghỉ hằng tuần', en: 'Weekly rest' },
    floor: {
      vi: '≥ 24 giờ liên tục/tuần hoặc bình quân ≥ 4 ngày/tháng; nội quy nêu ngày nghỉ',
      en: '≥ 24 consecutive hours a week or an average of ≥ 4 days a month; the regulations name the day',
    },
    citation: lc(111, 1), // LC Art. 111
    appliesTo: 'all',
    text: [
      { topic: weeklyRestWords, value: pattern(numberWritten, String.raw`\s?(?:gio lien tuc|consecutive hours)`), unit: 'hours', atLeast: 24 },
      {
        topic: weeklyRestWords,
        value: pattern(String.raw`(?:binh quan|average of)[^;]*?`, numberWritten, String.raw`\s?(?:ngay|days)`),
        unit: 'days',
        atLeast: 4,
      },
    ],
    check: checkRestDayNamed,
  },
];
