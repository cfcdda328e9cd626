import { fill, type Bilingual } from '#shared/export/officialFrame';
import { formatNumber, formatVnd, type Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { CostingChange } from '#shared/costing/scenario';

/** A change of a costing scenario in words, for the command line's table and the exports. */

const texts = {
  percent: { vi: 'Tăng lương {{value}}% từ {{from}}', en: 'Wage raise of {{value}}% from {{from}}' },
  flat: { vi: 'Tăng lương {{amount}}/tháng từ {{from}}', en: 'Wage raise of {{amount}} a month from {{from}}' },
  yearly: { vi: ', lặp lại hằng năm', en: ', repeated each year' },
  yearlyTimes: { vi: ', lặp lại hằng năm ({{times}} lần)', en: ', repeated each year ({{times}} times)' },
  wage: { vi: 'Mức lương mới {{amount}}/tháng từ {{from}}', en: 'New wage of {{amount}} a month from {{from}}' },
  regularAllowance: { vi: 'Phụ cấp thường xuyên thay đổi {{amount}}/tháng từ {{from}}', en: 'Regular allowance changed by {{amount}} a month from {{from}}' },
  irregularAllowance: {
    vi: 'Phụ cấp không thường xuyên thay đổi {{amount}}/tháng từ {{from}}',
    en: 'Irregular allowance changed by {{amount}} a month from {{from}}',
  },
  bonus: { vi: 'Thưởng một lần {{amount}} ngày {{on}}', en: 'One-off bonus of {{amount}} on {{on}}' },
  regular: { vi: ' (tính đóng bảo hiểm)', en: ' (subject to contributions)' },
  overtime: {
    vi: 'Làm thêm giờ {{day}}: {{old}}% → {{new}}%, {{hours}} giờ/tháng từ {{from}}',
    en: 'Overtime on {{day}}: {{old}}% → {{new}}%, {{hours}} hours a month from {{from}}',
  },
  night: {
    vi: 'Làm việc ban đêm: trả thêm {{old}}% → {{new}}%, {{hours}} giờ/tháng từ {{from}}',
    en: 'Night work: premium {{old}}% → {{new}}%, {{hours}} hours a month from {{from}}',
  },
  grades: { vi: '; ngạch {{list}}', en: '; grades {{list}}' },
  steps: { vi: '; bậc {{list}}', en: '; steps {{list}}' },
} satisfies Record<string, Bilingual>;

const overtimeDays: Record<Extract<CostingChange, { kind: 'overtime' }>['day'], Bilingual> = {
  weekday: { vi: 'ngày thường', en: 'weekdays' },
  restDay: { vi: 'ngày nghỉ hằng tuần', en: 'weekly rest days' },
  holiday: { vi: 'ngày lễ, tết, nghỉ có hưởng lương', en: 'public holidays and paid leave days' },
};

/** "Tăng lương 7% từ 01/01/2026; ngạch A1". */
export function describeChange(change: CostingChange, language: Language): string {
  const say = (text: Bilingual, values: Record<string, string>): string => fill(text[language], values);
  const number = (value: number): string => formatNumber(value, language);
  const money = (value: number): string => formatVnd(value, language);
  let text: string;
  switch (change.kind) {
    case 'percent':
    case 'flat': {
      const from = formatIsoDate(change.from);
      text = change.kind === 'percent' ? say(texts.percent, { value: number(change.value), from }) : say(texts.flat, { amount: money(change.amount), from });
      if (change.yearly) text += change.times === undefined ? texts.yearly[language] : say(texts.yearlyTimes, { times: String(change.times) });
      break;
    }
    case 'wage':
      text = say(texts.wage, { amount: money(change.monthlyWage), from: formatIsoDate(change.from) });
      break;
    case 'allowance':
      text = say(change.regular ? texts.regularAllowance : texts.irregularAllowance, { amount: money(change.amount), from: formatIsoDate(change.from) });
      break;
    case 'bonus':
      text = say(texts.bonus, { amount: money(change.amount), on: formatIsoDate(change.on) }) + (change.regular ? texts.regular[language] : '');
      break;
    case 'overtime':
      text = say(texts.overtime, {
        day: overtimeDays[change.day][language],
        old: number(change.oldRate),
        new: number(change.newRate),
        hours: number(change.hours),
        from: formatIsoDate(change.from),
      });
      break;
    case 'night':
      text = say(texts.night, { old: number(change.oldRate), new: number(change.newRate), hours: number(change.hours), from: formatIsoDate(change.from) });
      break;
  }
  if (change.grades) text += say(texts.grades, { list: change.grades.join(', ') });
  if (change.steps) text += say(texts.steps, { list: change.steps.join(', ') });
  return text;
}
