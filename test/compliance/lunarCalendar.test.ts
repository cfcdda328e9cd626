import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, shiftDate, toDayNumber } from '#shared/calendar/isoDate';
import { lunarCalendarYears, lunarNewYear, lunarToSolar, newMoonJde, solarToLunar, sunApparentLongitude, type LunarDate } from '#shared/calendar/lunarCalendar';

// The Vietnamese lunisolar calendar computed at UTC+7 (shared/calendar/lunarCalendar.ts), checked
// against the worked examples of Meeus's Astronomical Algorithms and against published dates.

const firstDay = toDayNumber(lunarNewYear(lunarCalendarYears.first));
const lastDay = toDayNumber(lunarToSolar({ year: lunarCalendarYears.last, month: 12, day: 29, leap: false }));

/** The leap month of a lunar year, or null. */
function leapMonthOf(year: number): number | null {
  for (let month = 1; month <= 12; month += 1) {
    try {
      lunarToSolar({ year, month, day: 1, leap: true });
      return month;
    } catch {
      // Not this month.
    }
  }
  return null;
}

describe('astronomy (Meeus, Astronomical Algorithms, 2nd ed.)', () => {
  it('the new moon of February 1977 (example 49.a): JDE 2443192.65118, 18 Feb 1977 3h37m TD', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  it('the sun on 13 October 1992 0h TD (example 25.a): apparent longitude 199.90895°', () => {
    expect(sunApparentLongitude(2448908.5)).toBeCloseTo(199.90895, 4);
  });
});

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('dates Tết where Vietnam and China differ: 29 Jan 1968, 21 Jan 1985, 17 Feb 2007, 2 Feb 2030', () => {
    // 1968: the new moon at 23:29 in Hanoi, 00:29 in Beijing (the first Tết reckoned at UTC+7; South
    // Vietnam, still at UTC+8, kept 30 Jan). 1985: the December solstice of 1984 fell at 23:23 on
    // 21 Dec in Hanoi, 00:23 on 22 Dec in Beijing, the day of a new moon; China's 11th month began
    // that day, Vietnam's on 23 Nov, so Vietnam's Tết came a month before China's (20 Feb).
    // 2007 and 2030: new moons at 23:15 and 23:08 in Hanoi, after midnight in Beijing.
    expect([1968, 1985, 2007, 2030].map(lunarNewYear)).toEqual(['1968-01-29', '1985-01-21', '2007-02-17', '2030-02-02']);
  });

  it('dates Tết and the leap months of recent years as the published calendars do', () => {
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].map(lunarNewYear)).toEqual([
      '2020-01-25',
      '2021-02-12',
      '2022-02-01',
      '2023-01-22',
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
    ]);
    // Leap 4th month of 2020 (from 23 May), 2nd of 2023 (22 Mar), 6th of 2025 (25 Jul), 11th of 2033 (22 Dec).
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, leap: true });
    // The eve of Tết 2026 is the 29th of the 12th month of Ất Tỵ (a short month).
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });

  it('converts both ways over its whole range (property)', () => {
    const years = fc.integer({ min: lunarCalendarYears.first, max: lunarCalendarYears.last });
    // Every month has at least 29 days.
    const days = fc.integer({ min: 1, max: 29 });
    const ordinary = fc.record({ year: years, month: fc.integer({ min: 1, max: 12 }), day: days, leap: fc.constant(false) });
    // A leap month: of the first year from the one drawn that has one.
    const leap = fc.record({ year: years, day: days }).map(({ year, day }): LunarDate => {
      let leapYear = year;
      while (leapMonthOf(leapYear) === null) leapYear = leapYear < lunarCalendarYears.last ? leapYear + 1 : lunarCalendarYears.first;
      return { year: leapYear, month: leapMonthOf(leapYear) ?? 0, day, leap: true };
    });
    fc.assert(
      fc.property(fc.oneof(ordinary, leap), (date) => {
        expect(solarToLunar(lunarToSolar(date))).toEqual(date);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: firstDay, max: lastDay - 1 }), (day) => {
        const date = fromDayNumber(day);
        const lunar = solarToLunar(date);
        expect(lunarToSolar(lunar)).toBe(date);
        // The next day is the next lunar day, or the first of a month after a 29th or 30th.
        const next = solarToLunar(shiftDate(date, 1));
        expect(next.day === lunar.day + 1 || (next.day === 1 && lunar.day >= 29)).toBe(true);
      }),
    );
  });

  it('has years of 353-355 days, or 383-385 with one leap month', () => {
    for (let year = lunarCalendarYears.first; year < lunarCalendarYears.last; year += 1) {
      const length = toDayNumber(lunarNewYear(year + 1)) - toDayNumber(lunarNewYear(year));
      expect([353, 354, 355, 383, 384, 385], `${year}`).toContain(length);
      expect(leapMonthOf(year) !== null, `${year}`).toBe(length > 355);
    }
  });

  it('refuses dates outside 1968–2199 and lunar dates a year does not have', () => {
    expect(() => lunarNewYear(1967)).toThrow(RangeError);
    expect(() => lunarNewYear(2200)).toThrow(/computed for the years 1968–2199 only: 2200/);
    expect(() => solarToLunar('1968-01-28')).toThrow(/1968-01-28 is outside them/);
    expect(solarToLunar('1968-01-29')).toEqual({ year: 1968, month: 1, day: 1, leap: false });
    expect(() => solarToLunar('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => lunarToSolar({ year: 2026, month: 3, day: 1, leap: true })).toThrow(/has no leap month 3/);
    // The 12th month of Ất Tỵ (2025) has 29 days.
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toThrow(/has 29 days: not 30/);
    expect(() => lunarToSolar({ year: 2026, month: 13, day: 1, leap: false })).toThrow(RangeError);
  });
});
