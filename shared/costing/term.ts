/**
 * The term of a costing as calendar months: the first and last may be partial when the term does
 * not start on the first of a month. Days are day numbers (shared/calendar/isoDate.ts).
 */
import { fromDayNumber, toDayNumber, type IsoDate } from '#shared/calendar/isoDate';

export interface TermMonth {
  /** "2026-07". */
  key: string;
  year: number;
  /** Days in the calendar month. */
  days: number;
  /** The first and last day of the month inside the term (day numbers, inclusive). */
  firstActive: number;
  lastActive: number;
}

export interface Term {
  start: IsoDate;
  /** The last day of the term (inclusive). */
  end: IsoDate;
  months: TermMonth[];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The same day `count` months later, on the month's last day when it has no such day (31 Jan + 1 month = 28 Feb). */
export function addMonths(date: IsoDate, count: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + count;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (((month % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth));
  return `${targetYear}-${pad(targetMonth)}-${pad(day)}`;
}

/** The term from `start` for `months` months: it ends the day before the same day `months` later. */
export function termOf(start: IsoDate, months: number): Term {
  const firstDay = toDayNumber(start);
  const lastDay = toDayNumber(addMonths(start, months)) - 1;
  const end = fromDayNumber(lastDay);
  const list: TermMonth[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  for (;;) {
    const days = daysInMonth(year, month);
    const monthStart = toDayNumber(`${year}-${pad(month)}-01`);
    if (monthStart > lastDay) break;
    list.push({ key: `${year}-${pad(month)}`, year, days, firstActive: Math.max(firstDay, monthStart), lastActive: Math.min(lastDay, monthStart + days - 1) });
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return { start, end, months: list };
}
