/**
 * Dates of the lifecycle: terms in months and their last days. "Today" is the date in Vietnam
 * (vietnamDate of shared/format/vietnamTime), whatever the clock of the machine says.
 */
import { fromDayNumber, shiftDate, toDayNumber, type IsoDate } from '#shared/calendar/isoDate';

/** The same day `months` months later; the month's last day when it has no such day (31 Jan + 1 month = 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  toDayNumber(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Math.round(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / 86_400_000));
}

/** The last day of a term of `months` months from its first day: 36 months from 1 Jan 2027 end on 31 Dec 2029. */
export function termLastDay(firstDay: IsoDate, months: number): IsoDate {
  return shiftDate(addMonths(firstDay, months), -1);
}

/** The later of two dates (ISO dates compare as strings). */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
