/**
 * Normal working hours and night work: LC Art. 105-106 and Decree 145 Art. 58 (rules hours.*,
 * night.window). Overtime is in overtime.ts, breaks and rest in rest.ts.
 */
import { lc } from '#shared/compliance/citations';
import { expectedText, limitMessage } from '#shared/compliance/evaluateLimits';
import { hoursPer, nightWords, weeklyRegimeWords } from '#shared/compliance/patterns';
import { bilingual, formatQuantity, quantity } from '#shared/compliance/quantities';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { quote } from '#shared/compliance/text';
import { minutesOfDay, span } from '#shared/compliance/timeOfDay';
import type { RuleFinding } from '#shared/compliance/types';
import type { Bilingual } from '#shared/templates/schema';

/** Whether the document sets hours by the week (LC Art. 105(2)) in the articles given. */
function mentionsWeeklyRegime(context: RuleContext, clauseIds: readonly string[]): boolean {
  const articles = clauseIds.length > 0 ? context.articles.filter((article) => clauseIds.includes(article.clauseId)) : context.articles;
  return articles.some((article) => weeklyRegimeWords.test(article.foldedBody));
}

/**
 * A daily length of normal work: up to 8 hours (LC Art. 105(1)); up to 10 where hours are set by
 * the week (Art. 105(2)), which is lawful only under that regime: a warning then.
 */
function dailyLength(context: RuleContext, what: Bilingual, hours: number, clauseIds: string[], variableId?: string): RuleFinding[] {
  if (hours <= 8) return [];
  const weekly = mentionsWeeklyRegime(context, clauseIds);
  const overTen = hours > 10;
  const citation = weekly ? lc(105, 2) : lc(105, 1);
  const limit = weekly ? 10 : 8;
  if (weekly && !overTen) {
    return [
      context.finding({
        ruleId: 'hours.weekly_regime_daily_cap',
        severity: 'warning',
        citation,
        message: bilingual((language) =>
          language === 'vi'
            ? `${what.vi}: ${formatQuantity(hours, 'hours', language)} một ngày chỉ hợp pháp khi thời giờ làm việc được quy định theo tuần và đã thông báo cho người lao động (không quá 10 giờ/ngày và 48 giờ/tuần, khoản 2 Điều 105 Bộ luật Lao động 2019); theo ngày thì không quá 8 giờ.`
            : `${what.en}: ${formatQuantity(hours, 'hours', language)} a day is lawful only where hours are set by the week and notified to workers (at most 10 hours a day and 48 a week, Labour Code 2019 Art. 105(2)); set by the day, at most 8.`,
        ),
        expected: { vi: 'không quá 8 giờ/ngày (10 giờ/ngày nếu quy định theo tuần)', en: 'at most 8 hours a day (10 if hours are set by the week)' },
        actual: quantity(hours, 'hours'),
        clauseIds,
        ...(variableId ? { variableId } : {}),
      }),
    ];
  }
  return [
    context.finding({
      ruleId: weekly ? 'hours.weekly_regime_daily_cap' : 'hours.daily_normal',
      severity: 'violation',
      citation,
      message: limitMessage(what, hours, 'atMost', limit, 'hours', citation),
      expected: expectedText('atMost', limit, 'hours'),
      actual: quantity(hours, 'hours'),
      clauseIds,
      ...(variableId ? { variableId } : {}),
    }),
  ];
}

function checkDailyHours(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const fact of [
    context.variable('hours_per_day'),
    ...context.variablesWithRule('hours.daily_normal').filter((f) => f.definition?.type === 'hours' && f.id !== 'hours_per_day'),
  ]) {
    if (fact?.shown && fact.number !== undefined)
      findings.push(
        ...dailyLength(
          context,
          fact.definition?.label ?? { vi: 'Thời giờ làm việc bình thường', en: 'Normal working hours' },
          fact.number,
          fact.clauseIds,
          fact.id,
        ),
      );
  }
  // Shifts: for continuous shifts the break counts as working time (Decree 145 Art. 63), so the
  // length of the shift is its working time.
  for (const shift of [1, 2, 3, 4]) {
    const start = context.variable(`shift_${shift}_start`);
    const end = context.variable(`shift_${shift}_end`);
    const from = minutesOfDay(start);
    const to = minutesOfDay(end);
    if (from === undefined || to === undefined || !start?.shown || !end?.shown) continue;
    const hours = span(from, to) / 60;
    findings.push(
      ...dailyLength(
        context,
        { vi: `Ca ${shift} (${String(start.value)}–${String(end.value)})`, en: `Shift ${shift} (${String(start.value)}–${String(end.value)})` },
        hours,
        [...start.clauseIds, ...end.clauseIds],
      ),
    );
  }
  // Office hours: from start to end, less the lunch break, which is not working time.
  const officeStart = minutesOfDay(context.variable('office_start_time'));
  const officeEnd = minutesOfDay(context.variable('office_end_time'));
  if (officeStart !== undefined && officeEnd !== undefined && context.variable('office_start_time')?.shown) {
    const lunchStart = minutesOfDay(context.variable('lunch_break_start'));
    const lunchEnd = minutesOfDay(context.variable('lunch_break_end'));
    const lunch = lunchStart !== undefined && lunchEnd !== undefined ? span(lunchStart, lunchEnd) : 0;
    const hours = (span(officeStart, officeEnd) - lunch) / 60;
    findings.push(
      ...dailyLength(
        context,
        { vi: 'Giờ hành chính (trừ nghỉ trưa)', en: 'Office hours (less the lunch break)' },
        hours,
        context.variable('office_start_time')?.clauseIds ?? [],
      ),
    );
  }
  return findings;
}

function checkWeeklyHint(context: RuleContext): RuleFinding[] {
  const fact = context.variable('hours_per_week');
  if (!fact?.shown || fact.number === undefined || fact.number <= 40 || fact.number > 48) return [];
  return [
    context.finding({
      ruleId: 'hours.weekly_normal',
      severity: 'information',
      citation: lc(105, 1),
      message: bilingual((language) =>
        language === 'vi'
          ? `Thời giờ làm việc bình thường ${formatQuantity(fact.number ?? 0, 'hours', language)}/tuần là hợp pháp; Nhà nước khuyến khích thực hiện tuần làm việc 40 giờ (khoản 1 Điều 105 Bộ luật Lao động 2019).`
          : `Normal hours of ${formatQuantity(fact.number ?? 0, 'hours', language)} a week are lawful; the State encourages a 40-hour week (Labour Code 2019 Art. 105(1)).`,
      ),
      expected: { vi: 'không quá 48 giờ/tuần (khuyến khích 40 giờ)', en: 'at most 48 hours a week (40 encouraged)' },
      actual: quantity(fact.number, 'hours'),
      clauseIds: fact.clauseIds,
      variableId: fact.id,
    }),
  ];
}

const nightRange =
  /(?:tu|from|between)\s+(\d{1,2})(?:(?::|h|\.)(\d{2})|\s*gio(?:\s*(\d{2})\s*phut)?|\s*(p\.?m\.?))?\s*(?:(?:toi|dem)\s+)?(?:den|to|and|until|-|–)\s+(\d{1,2})(?:(?::|h|\.)(\d{2})|\s*gio|\s*(a\.?m\.?))?/g;

/** Night work is 22:00 to 06:00 (LC Art. 106): a narrower window is less favourable. */
function checkNightWindow(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    if (!nightWords.test(sentence.folded) || /\bca \d|shift \d/.test(sentence.folded)) continue;
    for (const match of sentence.folded.matchAll(nightRange)) {
      let start = Number(match[1]) * 60 + Number(match[2] ?? match[3] ?? 0);
      if (match[4] && Number(match[1]) < 12) start += 12 * 60;
      const end = Number(match[5]) * 60 + Number(match[6] ?? 0);
      if (start < 18 * 60) continue; // not an evening-to-morning range
      const narrower = start > 22 * 60 || end < 6 * 60;
      if (!narrower) continue;
      const quoted = quote(sentence.text);
      findings.push(
        context.finding({
          ruleId: 'night.window',
          severity: 'violation',
          citation: lc(106),
          message: {
            vi: `Giờ làm việc ban đêm tính từ 22 giờ đến 06 giờ sáng ngày hôm sau (Điều 106 Bộ luật Lao động 2019); khoảng thời gian hẹp hơn làm mất phụ cấp làm đêm. Văn bản: “${quoted}”`,
            en: `Night work is from 22:00 to 06:00 the next morning (Labour Code 2019 Art. 106); a narrower window takes away night pay. Text: “${quoted}”`,
          },
          expected: { vi: 'từ 22 giờ đến 06 giờ', en: 'from 22:00 to 06:00' },
          actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
          clauseIds: sentence.article ? [sentence.article.clauseId] : [],
        }),
      );
    }
  }
  return findings;
}

const normalHoursTopic = /thoi gio lam viec binh thuong|gio lam viec binh thuong|normal (?:working )?hours|working hours|thoi gio lam viec/;

export const workingTimeRules: readonly RuleDefinition[] = [
  {
    id: 'hours.daily_normal',
    what: { vi: 'Thời giờ làm việc bình thường trong ngày', en: 'Normal working hours a day' },
    floor: { vi: 'không quá 8 giờ/ngày', en: 'at most 8 hours a day' },
    citation: lc(105, 1), // LC Art. 105(1)
    appliesTo: 'all',
    text: [{ topic: normalHoursTopic, unless: /theo tuan|by the week|lam them|overtime/, value: hoursPer('day'), unit: 'hours', atMost: 8 }],
    check: checkDailyHours,
  },
  {
    id: 'hours.weekly_normal',
    what: { vi: 'Thời giờ làm việc bình thường trong tuần', en: 'Normal working hours a week' },
    floor: { vi: 'không quá 48 giờ/tuần (khuyến khích 40)', en: 'at most 48 hours a week (40 encouraged)' },
    citation: lc(105, 1), // LC Art. 105(1)-(2)
    appliesTo: 'all',
    variables: [{ variableId: 'hours_per_week', atMost: 48, unit: 'hours' }],
    text: [{ topic: normalHoursTopic, unless: /lam them|overtime/, value: hoursPer('week'), unit: 'hours', atMost: 48 }],
    check: checkWeeklyHint,
  },
  {
    id: 'hours.weekly_regime_daily_cap',
    what: { vi: 'Giờ làm việc trong ngày khi quy định theo tuần', en: 'Daily hours where hours are set by the week' },
    floor: { vi: 'không quá 10 giờ/ngày', en: 'at most 10 hours a day' },
    citation: lc(105, 2), // LC Art. 105(2)
    appliesTo: 'all',
    text: [{ where: weeklyRegimeWords, unless: /lam them|overtime/, value: hoursPer('day'), unit: 'hours', atMost: 10 }],
  },
  {
    id: 'night.window',
    what: { vi: 'Giờ làm việc ban đêm', en: 'Night work hours' },
    floor: { vi: 'từ 22 giờ đến 06 giờ', en: '22:00 to 06:00' },
    citation: lc(106), // LC Art. 106
    appliesTo: 'all',
    check: checkNightWindow,
  },
];
