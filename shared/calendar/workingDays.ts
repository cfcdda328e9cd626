/**
 * Deadlines in calendar days and in working days, for the procedures of the Labour Code: bargaining
 * logistics within 7 working days (Art. 70), filing a CLA within 10 days (Art. 77), registering
 * labour regulations within 10 days and the authority's 7 working days (Art. 119), effect 15 days
 * after a complete dossier (Art. 121).
 *
 * Counting follows the Civil Code 2015: a period in days starts on the day after the event (Art.
 * 147(1)), and when its last day is a day off it ends at the end of the next working day (Art.
 * 148(5)). Days off are the weekly rest days (Sunday unless configured), the public holidays in force
 * on each date (publicHolidays.ts), and the compensatory day owed when a holiday falls on a weekly
 * rest day (LC Art. 111(3)).
 *
 * A count that reaches a year whose holidays are not known (publicHolidays.ts `holidayYears`)
 * throws UnknownHolidayYearError rather than treat that year as having none: callers show the
 * deadline as not countable.
 */
import { daysBetween, fromDayNumber, shiftDate, toDayNumber, weekdayOf, yearOf, type IsoDate, type Weekday } from '#shared/calendar/isoDate';
import { holidayYears, isHolidayYearKnown, isPublicHoliday, UnknownHolidayYearError } from '#shared/calendar/publicHolidays';

export interface WorkingCalendar {
  /** The weekly rest days (LC Art. 111(2)): Sunday by default. */
  weeklyRestDays: readonly Weekday[];
  /** Whether a holiday on a weekly rest day gives the next working day off (LC Art. 111(3)). */
  compensatoryDays: boolean;
  /** Which dates are public holidays; the dated table of publicHolidays.ts by default. */
  isHoliday: (date: IsoDate) => boolean;
}

/** Sunday rest, the Labour Code's default (Art. 111(2)), with the holidays in force on each date. */
export const sundayRestCalendar: WorkingCalendar = { weeklyRestDays: [0], compensatoryDays: true, isHoliday: isPublicHoliday };

/** Saturday and Sunday rest, as in offices and state agencies (Sở Nội vụ counts its working days so). */
export const weekendRestCalendar: WorkingCalendar = { weeklyRestDays: [6, 0], compensatoryDays: true, isHoliday: isPublicHoliday };

/** Why a date is not a working day. */
export type DayOff = 'weekly_rest' | 'public_holiday' | 'compensatory';

// The compensatory days of a calendar depend on the holidays before them: computed once per year.
const offDaysCache = new WeakMap<WorkingCalendar, Map<number, Map<number, DayOff>>>();

function offDaysOfYear(calendar: WorkingCalendar, year: number): Map<number, DayOff> {
  let byYear = offDaysCache.get(calendar);
  if (!byYear) {
    byYear = new Map();
    offDaysCache.set(calendar, byYear);
  }
  const cached = byYear.get(year);
  if (cached) return cached;
  if (!isHolidayYearKnown(year)) throw new UnknownHolidayYearError(year);
  const off = new Map<number, DayOff>();
  // Start in mid-December of the year before, so that a compensatory day owed for a holiday late
  // in December (none today, but the table may change) still lands in January; the first known
  // year starts on 1 January (the Labour Code 2019 took effect then).
  const first = Math.max(toDayNumber(`${year - 1}-12-15`), toDayNumber(`${holidayYears.first}-01-01`));
  const last = toDayNumber(`${year}-12-31`);
  let owed = 0;
  for (let day = first; day <= last; day += 1) {
    const date = fromDayNumber(day);
    const isRest = calendar.weeklyRestDays.includes(weekdayOf(date));
    const isHoliday = calendar.isHoliday(date);
    let reason: DayOff | undefined;
    if (isHoliday) {
      reason = 'public_holiday';
      if (isRest && calendar.compensatoryDays) owed += 1;
    } else if (isRest) {
      reason = 'weekly_rest';
    } else if (owed > 0) {
      reason = 'compensatory';
      owed -= 1;
    }
    if (reason && yearOf(date) === year) off.set(day, reason);
  }
  byYear.set(year, off);
  return off;
}

/** Why a date is a day off under a calendar, or null on a working day; throws UnknownHolidayYearError outside `holidayYears`. */
export function dayOff(date: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): DayOff | null {
  return offDaysOfYear(calendar, yearOf(date)).get(toDayNumber(date)) ?? null;
}

/** Whether a date is a working day under a calendar. */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): boolean {
  return dayOff(date, calendar) === null;
}

/** The date `days` calendar days after `date`: plain date arithmetic. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return shiftDate(date, days);
}

/** The first working day on or after a date. */
export function nextWorkingDay(date: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): IsoDate {
  let current = date;
  while (!isWorkingDay(current, calendar)) current = shiftDate(current, 1);
  return current;
}

/**
 * The last day of a period of `days` calendar days from an event ("within 10 days of signing"):
 * the event's day is not counted (Civil Code Art. 147(1)); a last day that is a day off moves to the
 * next working day (Civil Code Art. 148(5)).
 */
export function calendarDayDeadline(event: IsoDate, days: number, calendar: WorkingCalendar = sundayRestCalendar): IsoDate {
  return nextWorkingDay(addCalendarDays(event, days), calendar);
}

/**
 * The last day of a period of `days` working days from an event ("within 07 working days of
 * receiving"): counts the working days after the event's day. Zero days is the event's day.
 */
export function addWorkingDays(event: IsoDate, days: number, calendar: WorkingCalendar = sundayRestCalendar): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number not below 0: ${days}`);
  let current = event;
  for (let counted = 0; counted < days; ) {
    current = shiftDate(current, 1);
    if (isWorkingDay(current, calendar)) counted += 1;
  }
  return current;
}

/** Calendar days left from a reference date to a deadline: 0 on the day itself, negative once past. */
export function daysLeft(reference: IsoDate, deadline: IsoDate): number {
  return daysBetween(reference, deadline);
}

/**
 * Working days left from a reference date to a deadline: the working days after the reference day
 * up to and including the deadline (0 on the deadline itself); negative, counted the same way, once
 * the deadline has passed.
 */
export function workingDaysLeft(reference: IsoDate, deadline: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): number {
  const sign = deadline >= reference ? 1 : -1;
  const [from, to] = sign === 1 ? [reference, deadline] : [deadline, reference];
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day += 1) if (isWorkingDay(fromDayNumber(day), calendar)) count += 1;
  return sign * count;
}
