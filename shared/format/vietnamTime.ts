/**
 * Dates and times as people in Vietnam read them, whatever the time zone of the browser or of the
 * server: the only place that turns a moment into a date or a clock time (lint forbids the
 * machine-local Date getters, toLocale…String and Intl.DateTimeFormat elsewhere).
 *
 * Legal dates here are Vietnam's (periods count local calendar days, Civil Code 2015 Art. 147), and
 * the papers the product writes give the hours as the people in the room read them. Vietnam
 * (Asia/Ho_Chi_Minh) has kept UTC+7 all year since 1975, without daylight saving, so its wall
 * clock is the UTC clock of the moment seven hours on: no time-zone database is needed, and Node and
 * every browser agree to the minute.
 *
 * Dates are written dd/MM/yyyy and times 24-hour HH:mm in both languages; a date with a time reads
 * "10:30 05/01/2027" in Vietnamese and "05/01/2027, 10:30" in English.
 */
import { isIsoDate, type IsoDate } from '#shared/calendar/isoDate';
import type { Language } from '#shared/format/locale';

/** A moment: a Date, an ISO 8601 timestamp, or milliseconds since the epoch. */
export type Instant = Date | string | number;

/** The IANA name of Vietnam's time zone, for what must name it (an HTML time element, a test's browser). */
export const vietnamTimeZone = 'Asia/Ho_Chi_Minh';

const vietnamOffsetMs = 7 * 3_600_000;

/** A moment in milliseconds; a RangeError for anything that is not one. */
function millisecondsOf(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not a moment in time: ${String(instant)}`);
  return ms;
}

/** What a clock in Vietnam shows at a moment: its date (YYYY-MM-DD) and time (HH:mm). */
export function vietnamClock(instant: Instant): { date: IsoDate; time: string } {
  const local = new Date(millisecondsOf(instant) + vietnamOffsetMs).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The calendar date in Vietnam at a moment ("today" is vietnamDate(Date.now())). */
export function vietnamDate(instant: Instant): IsoDate {
  return vietnamClock(instant).date;
}

/** The moment a day begins in Vietnam (00:00 there), as an ISO timestamp: 2027-01-05 begins at 2027-01-04T17:00:00.000Z. */
export function vietnamMidnight(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - vietnamOffsetMs).toISOString();
}

/** A calendar date as Vietnamese (and British) readers write it: 05/01/2027. No time zone can shift it. */
export function formatIsoDate(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The date in Vietnam at a moment: 05/01/2027. */
export function formatVietnamDate(instant: Instant): string {
  return formatIsoDate(vietnamDate(instant));
}

/** The time in Vietnam at a moment, 24-hour: 04:14. */
export function formatVietnamTime(instant: Instant): string {
  return vietnamClock(instant).time;
}

/** A moment as a clock in Vietnam shows it: "10:30 05/01/2027" in Vietnamese, "05/01/2027, 10:30" in English. */
export function formatVietnamDateTime(instant: Instant, language: Language): string {
  const { date, time } = vietnamClock(instant);
  return language === 'vi' ? `${time} ${formatIsoDate(date)}` : `${formatIsoDate(date)}, ${time}`;
}
