import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, shiftDate, weekdayOf } from '#shared/calendar/isoDate';
import {
  datedHolidays,
  holidayDefinitionsInForce,
  isPublicHoliday,
  lunarNewYearDays,
  publicHolidayDaysInForce,
  publicHolidaysOfYear,
  publicHolidaysOn,
  usualTetDays,
} from '#shared/calendar/publicHolidays';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDayDeadline,
  dayOff,
  daysLeft,
  isWorkingDay,
  sundayRestCalendar,
  weekendRestCalendar,
  workingDaysLeft,
  type WorkingCalendar,
} from '#shared/calendar/workingDays';

describe('ISO dates', () => {
  it('accepts real dates only and does day arithmetic', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('26-02-01')).toBe(false);
    expect(shiftDate('2026-12-25', 10)).toBe('2027-01-04');
    expect(daysBetween('2026-02-17', '2027-02-06')).toBe(354);
    expect(weekdayOf('2027-02-06')).toBe(6); // Saturday
  });
});

describe('public holidays (LC Art. 112; 24/11 reported from 1 Jul 2026)', () => {
  it('dates the lunar new year as published calendars do', () => {
    expect(lunarNewYearDays[2026]).toBe('2026-02-17');
    expect(lunarNewYearDays[2027]).toBe('2027-02-06');
    expect(lunarNewYearDays[2024]).toBe('2024-02-10');
    expect(lunarNewYearDays[2025]).toBe('2025-01-29');
    expect(datedHolidays.hung_kings[2026]).toEqual(['2026-04-26']);
    expect(datedHolidays.hung_kings[2025]).toEqual(['2025-04-07']);
  });

  it('gives five Tết days (the eve and four days) and two National Day days for every dated year', () => {
    for (let year = 2024; year <= 2030; year += 1) {
      const tet = lunarNewYearDays[year] ?? '';
      expect(datedHolidays.lunar_new_year[year], `${year}`).toEqual(usualTetDays(tet));
      expect(datedHolidays.national_day[year], `${year}`).toContain(`${year}-09-02`);
      expect(datedHolidays.national_day[year]).toHaveLength(2);
      expect(datedHolidays.hung_kings[year]).toHaveLength(1);
    }
  });

  it('counts 11 paid days until 30 Jun 2026 and 12 from 1 Jul 2026, the 12th unconfirmed', () => {
    expect(publicHolidayDaysInForce('2026-06-30')).toEqual({ total: 11, confirmed: 11 });
    expect(publicHolidayDaysInForce('2026-07-01')).toEqual({ total: 12, confirmed: 11 });
    expect(holidayDefinitionsInForce('2025-01-01').map((holiday) => holiday.id)).not.toContain('culture_day');
  });

  it('knows each year’s holiday dates, and 24/11 only from 2026', () => {
    const of2027 = publicHolidaysOfYear(2027);
    expect(of2027.reduce((days) => days + 1, 0)).toBe(12);
    expect(of2027.map((day) => day.date)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02', '2027-09-03', '2027-11-24',
    ]);
    expect(publicHolidaysOfYear(2025)).toHaveLength(11);
    expect(isPublicHoliday('2025-11-24')).toBe(false);
    expect(isPublicHoliday('2026-11-24')).toBe(true);
    expect(publicHolidaysOn('2026-02-17').map((holiday) => holiday.id)).toEqual(['lunar_new_year']);
    expect(isPublicHoliday('2026-02-21')).toBe(false);
  });
});

describe('deadlines (Civil Code Art. 147-148; LC Art. 111(3))', () => {
  it('adds calendar days', () => {
    expect(addCalendarDays('2027-03-01', 10)).toBe('2027-03-11');
    expect(addCalendarDays('2027-12-28', 10)).toBe('2028-01-07');
  });

  it('a 10-day deadline (filing a CLA, Art. 77) that ends on a holiday moves to the next working day', () => {
    // Signed Thu 21 Jan 2027; day 10 is Sun 31 Jan: a rest day, so Mon 1 Feb.
    expect(calendarDayDeadline('2027-01-21', 10)).toBe('2027-02-01');
    // Signed 27 Jan 2027: day 10 is Sat 6 Feb, Tết; the next working days are taken by Tết and its
    // compensatory day, so the deadline is Thu 11 Feb.
    expect(calendarDayDeadline('2027-01-27', 10)).toBe('2027-02-11');
    // Signed 20 Apr 2027: day 10 is Fri 30 Apr (Victory Day), then Sat 1 May (Labour Day) and
    // Sunday 2 May; Monday 3 May is the first working day (no holiday fell on the Sunday).
    expect(calendarDayDeadline('2027-04-20', 10)).toBe('2027-05-03');
  });

  it('7 working days across Tết 2027 skip the five Tết days, Sundays and the compensatory day', () => {
    // Wed 3 Feb 2027: Thu 4 (1); Fri 5 - Tue 9 Tết; Sun 7 is also the rest day, so Wed 10 is the
    // compensatory day (LC Art. 111(3)); Thu 11 (2), Fri 12 (3), Sat 13 (4), Mon 15 (5), Tue 16 (6), Wed 17 (7).
    expect(addWorkingDays('2027-02-03', 7)).toBe('2027-02-17');
    expect(dayOff('2027-02-10')).toBe('compensatory');
    const noCompensation: WorkingCalendar = { ...sundayRestCalendar, compensatoryDays: false };
    expect(addWorkingDays('2027-02-03', 7, noCompensation)).toBe('2027-02-16');
  });

  it('with Saturday and Sunday rest, Tết 2027 owes two compensatory days', () => {
    // Sat 6 and Sun 7 are Tết and rest days: Wed 10 and Thu 11 are off. Wed 3 Feb: Thu 4 (1),
    // Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5), Thu 18 (6), Fri 19 (7).
    expect(addWorkingDays('2027-02-03', 7, weekendRestCalendar)).toBe('2027-02-19');
    expect(isWorkingDay('2027-02-11', weekendRestCalendar)).toBe(false);
    expect(isWorkingDay('2027-02-11', sundayRestCalendar)).toBe(true);
  });

  it('the registration authority’s 7 working days (Art. 119(3)) over National Day 2026', () => {
    // Dossier received Fri 28 Aug 2026; offices rest Saturday and Sunday; 1-2 Sep are holidays.
    expect(addWorkingDays('2026-08-28', 7, weekendRestCalendar)).toBe('2026-09-10');
  });

  it('counts days left from a reference date', () => {
    expect(daysLeft('2027-02-01', '2027-02-11')).toBe(10);
    expect(daysLeft('2027-02-12', '2027-02-11')).toBe(-1);
    expect(workingDaysLeft('2027-02-03', '2027-02-17')).toBe(7);
    expect(workingDaysLeft('2027-02-17', '2027-02-17')).toBe(0);
    expect(workingDaysLeft('2027-02-17', '2027-02-03')).toBe(-7);
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2027-01-04', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2027-01-04', 1.5)).toThrow(RangeError);
    expect(addWorkingDays('2027-01-04', 0)).toBe('2027-01-04');
  });
});
