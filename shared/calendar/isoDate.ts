/**
 * Calendar dates as ISO strings (YYYY-MM-DD), with no time of day and no time zone: a legal
 * deadline is a matter of days. Arithmetic goes through day numbers (days since 1970-01-01).
 */

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

/** Days of the week as Date#getUTCDay numbers them: 0 is Sunday, 6 is Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

/** Whether a string is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = isoPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day number of a date (days since 1970-01-01); throws on anything but a real YYYY-MM-DD date. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / millisecondsPerDay);
}

/** The date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}

/** The date `days` days after `date` (before it when negative). */
export function shiftDate(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The day of the week of a date (0 = Sunday). */
export function weekdayOf(date: IsoDate): Weekday {
  return new Date(`${date}T00:00:00Z`).getUTCDay() as Weekday;
}

/** The calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Whether `date` lies in [from, to]; an absent bound is open. ISO dates compare as strings. */
export function isWithin(date: IsoDate, from: IsoDate | undefined, to: IsoDate | undefined): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}
