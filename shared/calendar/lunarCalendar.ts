/**
 * The Vietnamese lunisolar calendar (âm lịch), computed by the published astronomical method: the
 * rules of the Chinese calendar evaluated at Vietnam's standard time, UTC+7, as Vietnam has reckoned
 * it since the government's decision of 8 August 1967 (before, its almanacs followed UTC+8, as
 * China's do; the hour between them is why Tết is sometimes a day apart, and in 1985 a month).
 *
 * - A month begins on the day, in Vietnam, of an astronomical new moon.
 * - The month in which the December solstice falls (the sun's longitude reaching 270°) is the 11th.
 * - When 13 months begin from one 11th month to the next, the first of them after the 11th in which
 *   the sun reaches no multiple of 30° (no major solar term, trung khí) is a leap month: it takes
 *   the number of the month before it.
 *
 * The astronomy is that of Jean Meeus, Astronomical Algorithms (2nd ed., 1998): the new moons of
 * chapter 49 with all its periodic and planetary terms, the sun's apparent longitude by the
 * lower-accuracy method of chapter 25, and ΔT (dynamical minus universal time) by the polynomials
 * of Espenak and Meeus (NASA's Five Millennium Canon of Solar Eclipses, 2006). Only the days of
 * new moons and of the sun's crossings of multiples of 30° matter, so a month can start on the
 * wrong day only where one of them falls within minutes of midnight. test/compliance/
 * lunarCalendar.test.ts compares the results with published Vietnamese dates; docs/compliance.md
 * tells how they were compared with an independent ephemeris.
 */
import { fromDayNumber, toDayNumber, yearOf, type IsoDate } from '#shared/calendar/isoDate';

/** A day of the lunar calendar: `leap` marks the leap month (tháng nhuận) that repeats `month`. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/**
 * The lunar years this module dates: from 1968, the first reckoned at UTC+7, to 2199, beyond which
 * the extrapolated ΔT is no more than a guess.
 */
export const lunarCalendarYears = { first: 1968, last: 2199 } as const;

/** Julian date of 1970-01-01 00:00 UTC, where day numbers (isoDate.ts) start. */
const dayNumberEpoch = 2440587.5;
/** Vietnam's standard time, UTC+7, as a fraction of a day. */
const vietnamOffset = 7 / 24;
const synodicMonth = 29.530588861;
/** Meeus (49.1): the mean new moon k = 0, 6 January 2000, in Julian ephemeris days. */
const firstMeanNewMoon = 2451550.09766;

const sin = (degrees: number) => Math.sin((degrees * Math.PI) / 180);

/** ΔT in days at a Julian date, by Espenak and Meeus's polynomials for 1961 to 2200 and beyond. */
function deltaT(julianDate: number): number {
  const year = 2000 + (julianDate - 2451545) / 365.25;
  let seconds: number;
  if (year < 1986) {
    const t = year - 1975;
    seconds = 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  } else if (year < 2005) {
    const t = year - 2000;
    seconds = 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  } else if (year < 2050) {
    const t = year - 2000;
    seconds = 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  } else {
    const u = (year - 1820) / 100;
    seconds = -20 + 32 * u ** 2 - (year < 2150 ? 0.5628 * (2150 - year) : 0);
  }
  return seconds / 86400;
}

// Meeus table 49.A, new moon: [coefficient, power of E, multiples of M, M′, F, Ω].
const newMoonTerms: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Meeus chapter 49, the planetary arguments A1-A14: [coefficient, angle at k = 0, degrees per lunation].
const planetaryTerms: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** The true new moon number k (0 on 6 January 2000) in Julian ephemeris days (Meeus chapter 49). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const mean = firstMeanNewMoon + synodicMonth * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const sunAnomaly = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3;
  const moonAnomaly = 201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const latitudeArgument = 160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const node = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3;
  let correction = 0;
  for (const [coefficient, ePower, m, mPrime, f, omega] of newMoonTerms) {
    correction += coefficient * e ** ePower * sin(m * sunAnomaly + mPrime * moonAnomaly + f * latitudeArgument + omega * node);
  }
  for (const [index, [coefficient, start, rate]] of planetaryTerms.entries()) {
    // A1 alone has a secular term.
    correction += coefficient * sin(start + rate * k - (index === 0 ? 0.009173 * t ** 2 : 0));
  }
  return mean + correction;
}

/** The sun's apparent longitude in degrees, 0 to 360, at a Julian ephemeris day (Meeus chapter 25, lower accuracy). */
export function sunApparentLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t ** 2;
  const center = (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * sin(anomaly) + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly);
  const node = 125.04 - 1934.136 * t;
  const longitude = meanLongitude + center - 0.00569 - 0.00478 * sin(node);
  return ((longitude % 360) + 360) % 360;
}

/** The day number (isoDate.ts) of the day in Vietnam on which new moon k falls. */
function newMoonDay(k: number): number {
  const jde = newMoonJde(k);
  return Math.floor(jde - deltaT(jde) + vietnamOffset - dayNumberEpoch);
}

/** Which twelfth of the ecliptic (30° from the March equinox) the sun is in as a day begins in Vietnam. */
function solarSector(day: number): number {
  const universal = day + dayNumberEpoch - vietnamOffset;
  return Math.floor(sunApparentLongitude(universal + deltaT(universal)) / 30);
}

/** The number k of the new moon that begins the 11th month: the month of the December solstice of a solar year. */
function eleventhMonthOf(year: number): number {
  const lastDay = toDayNumber(`${year}-12-31`) + dayNumberEpoch;
  // The last mean new moon before 31 December; the true one may be a day off, or already past the solstice.
  const k = Math.floor((lastDay - firstMeanNewMoon) / synodicMonth);
  return solarSector(newMoonDay(k)) >= 9 ? k - 1 : k;
}

interface LunarMonth {
  month: number;
  leap: boolean;
  /** The day number of its first day. */
  start: number;
  days: number;
}

/** The months from the 11th month of `year - 1` up to the 11th month of `year`, numbered, the leap month marked. */
function monthsToEleventh(year: number): LunarMonth[] {
  const first = eleventhMonthOf(year - 1);
  const count = eleventhMonthOf(year) - first;
  const starts = Array.from({ length: count + 1 }, (_, index) => newMoonDay(first + index));
  const sectors = starts.map(solarSector);
  const leapAt = count === 13 ? sectors.findIndex((sector, index) => index > 0 && index < count && sector === sectors[index + 1]) : -1;
  if (count === 13 && leapAt < 0) throw new Error(`no month without a major solar term between the 11th months of ${year - 1} and ${year}`);
  return starts.slice(0, count).map((start, index) => {
    const numbered = leapAt > 0 && index >= leapAt ? index - 1 : index;
    return { month: ((10 + numbered) % 12) + 1, leap: index === leapAt, start, days: (starts[index + 1] ?? start) - start };
  });
}

// A lunar year's months are computed once: each takes some 30 new moons and solar positions.
const yearCache = new Map<number, readonly LunarMonth[]>();

/** The months of a lunar year in order, from the 1st month to the 12th (13 months in a leap year). */
function monthsOfYear(year: number): readonly LunarMonth[] {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const months = [...monthsToEleventh(year).filter((month) => month.month <= 10), ...monthsToEleventh(year + 1).filter((month) => month.month >= 11)];
  yearCache.set(year, months);
  return months;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < lunarCalendarYears.first || year > lunarCalendarYears.last) {
    throw new RangeError(`the lunar calendar is computed for the years ${lunarCalendarYears.first}–${lunarCalendarYears.last} only: ${year}`);
  }
}

/** The solar date of a lunar date; throws a RangeError on a day, month or leap month the year does not have. */
export function lunarToSolar(date: LunarDate): IsoDate {
  checkYear(date.year);
  const month = monthsOfYear(date.year).find((candidate) => candidate.month === date.month && candidate.leap === date.leap);
  if (!month) throw new RangeError(`the lunar year ${date.year} has no ${date.leap ? 'leap ' : ''}month ${date.month}`);
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > month.days) {
    throw new RangeError(`the ${date.leap ? 'leap ' : ''}month ${date.month} of the lunar year ${date.year} has ${month.days} days: not ${date.day}`);
  }
  return fromDayNumber(month.start + date.day - 1);
}

/** The lunar date of a solar date; throws a RangeError outside the lunar years 1968–2199. */
export function solarToLunar(date: IsoDate): LunarDate {
  const day = toDayNumber(date);
  // A solar year holds the end of one lunar year and the start of the next.
  for (const year of [yearOf(date), yearOf(date) - 1]) {
    if (year < lunarCalendarYears.first || year > lunarCalendarYears.last) continue;
    const month = monthsOfYear(year).find((candidate) => candidate.start <= day && day < candidate.start + candidate.days);
    if (month) return { year, month: month.month, day: day - month.start + 1, leap: month.leap };
  }
  throw new RangeError(`the lunar calendar is computed for the years ${lunarCalendarYears.first}–${lunarCalendarYears.last} only: ${date} is outside them`);
}

/** Mùng 1 Tết: the first day of a lunar year, in the solar year of the same number. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}
