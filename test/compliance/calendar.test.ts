import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, shiftDate, weekdayOf } from '#shared/calendar/isoDate';
import { lunarNewYear, lunarToSolar } from '#shared/calendar/lunarCalendar';
import {
  datedHolidays,
  holidayDefinitionsInForce,
  holidayYears,
  isPublicHoliday,
  publicHolidayDaysInForce,
  publicHolidaysOfYear,
  publicHolidaysOn,
  UnknownHolidayYearError,
  usualTetDays,
} from '#shared/calendar/publicHolidays';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDayDeadline,
  dayOff,
  daysLeft,
  isWorkingDay,
  nextWorkingDay,
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
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
    expect(datedHolidays.hung_kings[2026]).toEqual(['2026-04-26']);
    expect(datedHolidays.hung_kings[2025]).toEqual(['2025-04-07']);
  });

  it('the computed Tết, Hùng Kings and National Day days equal the table for every year it holds', () => {
    const years = Object.keys(datedHolidays.lunar_new_year).map(Number);
    expect(years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    for (const year of years) {
      // The table's Tết is the eve and the first four days: its second day is mùng 1.
      expect(datedHolidays.lunar_new_year[year], `${year}`).toEqual(usualTetDays(lunarNewYear(year)));
      expect(datedHolidays.hung_kings[year], `${year}`).toEqual([lunarToSolar({ year, month: 3, day: 10, leap: false })]);
      expect(datedHolidays.national_day[year], `${year}`).toContain(`${year}-09-02`);
      expect(datedHolidays.national_day[year]).toHaveLength(2);
    }
    // Beyond the table the same days are computed, and marked as such; within it they come from it.
    const lunarDays = (year: number) =>
      publicHolidaysOfYear(year).filter((day) => day.holiday === 'lunar_new_year' || day.holiday === 'hung_kings' || day.holiday === 'national_day');
    for (const year of years)
      expect(
        lunarDays(year).every((day) => day.source === 'table'),
        `${year}`,
      ).toBe(true);
    expect(publicHolidaysOfYear(2030).find((day) => day.holiday === 'new_year')?.source).toBe('fixed');
  });

  it('computes the holidays of the years after the table from the law, marked as computed', () => {
    // Tết Tân Hợi is Thu 23 Jan 2031; Hùng Kings 10/3 is Tue 1 Apr; 2 Sep 2031 is a Tuesday, so Monday 1 Sep.
    expect(publicHolidaysOfYear(2031)).toEqual([
      { date: '2031-01-01', holiday: 'new_year', source: 'fixed' },
      ...['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25', '2031-01-26'].map((date) => ({ date, holiday: 'lunar_new_year', source: 'computed' })),
      { date: '2031-04-01', holiday: 'hung_kings', source: 'computed' },
      { date: '2031-04-30', holiday: 'victory_day', source: 'fixed' },
      { date: '2031-05-01', holiday: 'labour_day', source: 'fixed' },
      { date: '2031-09-01', holiday: 'national_day', source: 'computed' },
      { date: '2031-09-02', holiday: 'national_day', source: 'computed' },
      { date: '2031-11-24', holiday: 'culture_day', source: 'fixed' },
    ]);
    // The years before the table: Tết 2021-2023 (12 Feb, 1 Feb, 22 Jan) and Hùng Kings (21 Apr, 10 Apr, 29 Apr) as observed.
    expect([2021, 2022, 2023].map((year) => publicHolidaysOfYear(year).filter((day) => day.holiday === 'lunar_new_year')[1]?.date)).toEqual([
      '2021-02-12',
      '2022-02-01',
      '2023-01-22',
    ]);
    expect([2021, 2022, 2023].map((year) => publicHolidaysOfYear(year).find((day) => day.holiday === 'hung_kings')?.date)).toEqual([
      '2021-04-21',
      '2022-04-10',
      '2023-04-29',
    ]);
  });

  it('gives Hùng Kings on the ordinary 3rd month when a leap 3rd month follows', () => {
    const leapYear = Array.from({ length: holidayYears.last - 2031 + 1 }, (_, index) => 2031 + index).find((year) => {
      try {
        lunarToSolar({ year, month: 3, day: 1, leap: true });
        return true;
      } catch {
        return false;
      }
    });
    expect(leapYear).toBeDefined();
    const year = leapYear ?? 0;
    const hungKings = publicHolidaysOfYear(year).find((day) => day.holiday === 'hung_kings')?.date;
    expect(hungKings).toBe(lunarToSolar({ year, month: 3, day: 10, leap: false }));
    expect(hungKings && hungKings < lunarToSolar({ year, month: 3, day: 1, leap: true })).toBe(true);
  });

  it('places the day next to National Day as the decisions do, by the weekday of 2 September', () => {
    const neighbour = (year: number) =>
      publicHolidaysOfYear(year)
        .filter((day) => day.holiday === 'national_day')
        .map((day) => day.date)
        .find((date) => date !== `${year}-09-02`);
    // 2021 Thu → Fri 3; 2022 Fri → Thu 1; 2023 Sat → Fri 1; 2032 Thu → Fri 3; 2035 Sun → Mon 3; 2037 Wed → Tue 1.
    expect([2021, 2022, 2023, 2032, 2035, 2037].map(neighbour)).toEqual(['2021-09-03', '2022-09-01', '2023-09-01', '2032-09-03', '2035-09-03', '2037-09-01']);
  });

  it('does not date the holidays of a year it does not know', () => {
    expect(() => publicHolidaysOfYear(2020)).toThrow(UnknownHolidayYearError);
    expect(() => isPublicHoliday('2200-01-01')).toThrow(UnknownHolidayYearError);
    expect(() => publicHolidaysOn('2020-02-12')).toThrow(/public holidays of 2020 are not known: they are dated for 2021–2199 only/);
    expect(isPublicHoliday('2199-12-31')).toBe(false);
    expect(isPublicHoliday('2021-01-01')).toBe(true);
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
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-09-02',
      '2027-09-03',
      '2027-11-24',
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

  it('7 working days from Mon 20 Jan 2031, after the table, skip Tết 2031 and its compensatory days', () => {
    // Tết 2031 is Wed 22 (the eve) to Sun 26 Jan; Sun 26 is also the rest day, so Mon 27 is off.
    // Tue 21 (1); Tue 28 (2), Wed 29 (3), Thu 30 (4), Fri 31 (5), Sat 1 Feb (6), Mon 3 Feb (7).
    expect(addWorkingDays('2031-01-20', 7)).toBe('2031-02-03');
    expect(dayOff('2031-01-27')).toBe('compensatory');
    // Monday to Friday: Sat 25 and Sun 26 owe Mon 27 and Tue 28; Tue 21 (1), Wed 29 ... Wed 5 Feb (7).
    expect(addWorkingDays('2031-01-20', 7, weekendRestCalendar)).toBe('2031-02-05');
    // Filing within 10 days of signing on Mon 13 Jan 2031: day 10 is Thu 23 Jan, Tết: Tue 28 Jan.
    expect(calendarDayDeadline('2031-01-13', 10)).toBe('2031-01-28');
  });

  it('refuses to count through a year whose holidays it does not know, and counts from the first one it does', () => {
    expect(() => addWorkingDays('2020-12-28', 3)).toThrow(UnknownHolidayYearError);
    expect(() => calendarDayDeadline('2020-12-10', 10)).toThrow(UnknownHolidayYearError);
    expect(() => addWorkingDays('2199-12-28', 7)).toThrow(UnknownHolidayYearError);
    expect(() => workingDaysLeft('2199-12-20', '2200-01-05')).toThrow(UnknownHolidayYearError);
    expect(() => nextWorkingDay('2200-01-01')).toThrow(/public holidays of 2200 are not known/);
    const custom: WorkingCalendar = { weeklyRestDays: [0], compensatoryDays: true, isHoliday: () => false };
    expect(() => isWorkingDay('2020-06-01', custom)).toThrow(UnknownHolidayYearError);
    // Fri 1 Jan 2021 (New Year) was the first day of the Labour Code 2019.
    expect(dayOff('2021-01-01')).toBe('public_holiday');
    expect(addWorkingDays('2020-12-31', 1)).toBe('2021-01-02');
    // Fri 20 Dec 2199: Sat 21 (1), Mon 23 (2) ... Sat 28 (7), the last year the calendar knows.
    expect(addWorkingDays('2199-12-20', 7)).toBe('2199-12-28');
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2027-01-04', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2027-01-04', 1.5)).toThrow(RangeError);
    expect(addWorkingDays('2027-01-04', 0)).toBe('2027-01-04');
  });
});
