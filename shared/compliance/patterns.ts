/**
 * Pieces of the text patterns, written on folded text (lower case, no diacritics: "ngày làm việc"
 * is "ngay lam viec"). Each pattern reads Vietnamese and English.
 */

/** A number as written: 6, 06, 1,5, 1.5. */
export const numberWritten = String.raw`(\d+(?:[.,]\d+)?)`;

/** Builds a global, unicode pattern from pieces (strings are sources, not literals). */
export function pattern(...pieces: string[]): RegExp {
  return new RegExp(pieces.join(''), 'gu');
}

/** "150%", "150 %", "150 phần trăm", "150 per cent". */
export const percentValue = pattern(numberWritten, String.raw`\s?(?:%|phan tram|per ?cent)`);

/** "1,5 lần" / "1.5 times" (scale by 100 to read as a percent). */
export const timesValue = pattern(numberWritten, String.raw`\s?(?:lan|times)\b`);

/** "45 ngày" / "45 days" (calendar days; working days excluded). */
export const calendarDaysValue = pattern(numberWritten, String.raw`\s?(?:ngay(?! lam viec)|(?:calendar )?days?\b(?!'))`);

/** "3 ngày làm việc" / "3 working days". */
export const workingDaysValue = pattern(numberWritten, String.raw`\s?(?:ngay lam viec|working days?)\b`);

/** "8 giờ" / "8 hours" (not "giờ làm thêm" counts). */
export const hoursValue = pattern(numberWritten, String.raw`\s?(?:gio\b|h\b|hours?\b)`);

/** "30 phút" / "30 minutes". */
export const minutesValue = pattern(numberWritten, String.raw`\s?(?:phut|minutes?|mins?)\b`);

/** "6 tháng" / "6 months". */
export const monthsValue = pattern(numberWritten, String.raw`\s?(?:thang|months?)\b`);

/** "3 năm" / "3 years". */
export const yearsValue = pattern(numberWritten, String.raw`\s?(?:nam|years?)\b`);

/** Night work (ban đêm). */
export const nightWords = /ban dem|\bnight/;

/** Overtime (làm thêm giờ). */
export const overtimeWords = /lam them|overtime/;

/** Daytime (ban ngày), for the base of the night overtime premium. */
export const daytimeWords = /ban ngay|daytime/;

/** Public holidays, Tết and other paid days off. */
export const holidayWords = /ngay le|nghi le|le,? tet|\btet\b|public holidays?|\bholidays?\b|ngay nghi co huong luong|paid (?:days? )?(?:off|leave)/;

/** Weekly rest days. */
export const weeklyRestWords = /nghi hang tuan|weekly rest|rest days?\b/;

/** Working hours set by the week (LC Art. 105(2)). */
export const weeklyRegimeWords = /theo tuan|by the week|weekly basis|on a weekly/;

/** "không quá 8 giờ trong 01 ngày", "at most 48 hours a week", "5 hours on a normal working day". */
export function hoursPer(period: 'day' | 'week' | 'month'): RegExp {
  const connector = String.raw`\s?(?:gio|hours?)\s?(?:trong |moi |mot |\/ ?|a |per |each |in (?:a |one )?|on (?:a |any )?)?(?:01 |1 |mot )?(?:normal |ordinary )?(?:working )?`;
  const cap =
    period === 'week'
      ? String.raw`(?:khong qua|toi da|at most|no more than|not exceed|up to|va|and)\s+`
      : String.raw`(?:khong qua|toi da|at most|no more than|not exceed|up to)\s+`;
  const word = { day: String.raw`(?:ngay|day)\b`, week: String.raw`(?:tuan|week)\b`, month: String.raw`(?:thang|month)\b` }[period];
  return pattern(cap, numberWritten, connector, word);
}
