/**
 * Paid public holidays (nghỉ lễ, tết), dated and data-driven so that a change of law is one entry.
 *
 * Each holiday has the period during which the law grants it (`inForce`), how many paid days it
 * gives, and the dates it falls on. Solar holidays repeat every year. The lunar ones (Tết, Hùng
 * Kings) and the days the Prime Minister fixes each year (LC Art. 112(3): which days of Tết, and
 * the day next to National Day) come from the table `datedHolidays` where it has the year, and
 * are otherwise computed from the law with the lunar calendar (lunarCalendar.ts) and marked so.
 * Years the module cannot date, before the Labour Code 2019 or past the lunar calendar, throw
 * UnknownHolidayYearError: a deadline is never counted as if they had no holidays.
 */
import { isWithin, shiftDate, weekdayOf, yearOf, type IsoDate, type Weekday } from '#shared/calendar/isoDate';
import { lunarCalendarYears, lunarNewYear, lunarToSolar } from '#shared/calendar/lunarCalendar';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';

export type PublicHolidayId = 'new_year' | 'lunar_new_year' | 'victory_day' | 'labour_day' | 'national_day' | 'hung_kings' | 'culture_day';

export interface PublicHolidayDefinition {
  id: PublicHolidayId;
  name: Bilingual;
  /** Paid days off the holiday gives each year. */
  days: number;
  citation: LegalCitation;
  /** The instrument that grants it, as people cite it. */
  source: Bilingual;
  /** When the law grants it (inclusive; `to` absent while in force). */
  inForce: { from: IsoDate; to?: IsoDate };
  /** False while the primary text granting it has not been read. */
  confirmed: boolean;
  /** The same day every year (month 1-12, day), or the dated table below. */
  fixed?: { month: number; day: number };
}

/** The Labour Code 2019 took effect on 1 Jan 2021 with 11 days (Art. 112(1)); the 2012 Code gave 10. */
const labourCode2019 = '2021-01-01';

const lc112 = (point: string): LegalCitation => ({ law: 'LC2019', article: 112, clause: 1, point });
const lc112Source: Bilingual = { vi: 'Điều 112 Bộ luật Lao động 2019', en: 'Labour Code 2019 Art. 112' };

export const publicHolidayDefinitions: readonly PublicHolidayDefinition[] = [
  // LC Art. 112(1)(a): Tết Dương lịch, 1 day (1 January).
  {
    id: 'new_year',
    name: { vi: 'Tết Dương lịch', en: 'New Year' },
    days: 1,
    citation: lc112('a'),
    source: lc112Source,
    inForce: { from: labourCode2019 },
    confirmed: true,
    fixed: { month: 1, day: 1 },
  },
  // LC Art. 112(1)(b): Tết Âm lịch, 5 days; the Prime Minister fixes which (Art. 112(3)).
  {
    id: 'lunar_new_year',
    name: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
    days: 5,
    citation: lc112('b'),
    source: lc112Source,
    inForce: { from: labourCode2019 },
    confirmed: true,
  },
  // LC Art. 112(1)(c): Ngày Chiến thắng, 1 day (30 April).
  {
    id: 'victory_day',
    name: { vi: 'Ngày Chiến thắng', en: 'Victory Day' },
    days: 1,
    citation: lc112('c'),
    source: lc112Source,
    inForce: { from: labourCode2019 },
    confirmed: true,
    fixed: { month: 4, day: 30 },
  },
  // LC Art. 112(1)(d): Ngày Quốc tế lao động, 1 day (1 May).
  {
    id: 'labour_day',
    name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
    days: 1,
    citation: lc112('d'),
    source: lc112Source,
    inForce: { from: labourCode2019 },
    confirmed: true,
    fixed: { month: 5, day: 1 },
  },
  // LC Art. 112(1)(đ): Quốc khánh, 2 days: 2 September and one day before or after (Art. 112(3)).
  {
    id: 'national_day',
    name: { vi: 'Quốc khánh', en: 'National Day' },
    days: 2,
    citation: lc112('đ'),
    source: lc112Source,
    inForce: { from: labourCode2019 },
    confirmed: true,
  },
  // LC Art. 112(1)(e): Giỗ Tổ Hùng Vương, 1 day (10th day of the 3rd lunar month).
  {
    id: 'hung_kings',
    name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings Commemoration Day' },
    days: 1,
    citation: lc112('e'),
    source: lc112Source,
    inForce: { from: labourCode2019 },
    confirmed: true,
  },
  // REPORTED, NOT CONFIRMED: Vietnam Culture Day, 24 November, a paid
  // day off from 1 Jul 2026 under NA Resolution 28/2026/QH16 as reported by several independent
  // 2026 sources; the primary text was not read, nor whether it amends LC Art. 112(1). One entry:
  // delete it, or set `confirmed: true`, once the text is read.
  {
    id: 'culture_day',
    name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
    days: 1,
    citation: { law: 'LC2019', article: 112, clause: 1 },
    source: {
      vi: 'Nghị quyết 28/2026/QH16 (theo báo cáo, chưa đối chiếu văn bản gốc)',
      en: 'NA Resolution 28/2026/QH16 (reported, primary text not verified)',
    },
    inForce: { from: '2026-07-01' },
    confirmed: false,
    fixed: { month: 11, day: 24 },
  },
];

/** The years whose holidays are dated: from the Labour Code 2019 (before it, the 2012 Code's are not held) to the lunar calendar's last. */
export const holidayYears = { first: 2021, last: lunarCalendarYears.last } as const;

/** Thrown when asked for the holidays of a year outside `holidayYears`: deadlines over it cannot be counted. */
export class UnknownHolidayYearError extends RangeError {
  /** Why, in both languages, for the people who read the deadline. */
  readonly reason: Bilingual;

  constructor(readonly year: number) {
    super(`the public holidays of ${year} are not known: they are dated for ${holidayYears.first}–${holidayYears.last} only`);
    this.name = 'UnknownHolidayYearError';
    this.reason = {
      vi: `Không tính được: chưa có các ngày nghỉ lễ, tết của năm ${year} (lịch chỉ có các năm ${holidayYears.first}–${holidayYears.last})`,
      en: `Cannot be counted: the public holidays of ${year} are not known (the calendar covers ${holidayYears.first}–${holidayYears.last})`,
    };
  }
}

/** Whether the holidays of a year are dated (`holidayYears`). */
export function isHolidayYearKnown(year: number): boolean {
  return Number.isInteger(year) && year >= holidayYears.first && year <= holidayYears.last;
}

type YearlyHolidayId = 'lunar_new_year' | 'hung_kings' | 'national_day';

/**
 * The holidays that are not on the same date every year, as entered for a year: the Prime
 * Minister's decision (LC Art. 112(3)) where one was published, else the usual choice that
 * `computedDates` also makes. An entry here overrides the computation; replace a year's entry by
 * the decision when it is published, or add the year.
 */
export const datedHolidays: Readonly<Record<YearlyHolidayId, Readonly<Record<number, readonly IsoDate[]>>>> = {
  lunar_new_year: {
    2024: ['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13'],
    2025: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'],
    2026: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    2027: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
    2028: ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29'],
    2029: ['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16'],
    2030: ['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'],
  },
  // 10th day of the 3rd lunar month (no leap 3rd month in 2024-2030).
  hung_kings: {
    2024: ['2024-04-18'],
    2025: ['2025-04-07'],
    2026: ['2026-04-26'],
    2027: ['2027-04-16'],
    2028: ['2028-04-04'],
    2029: ['2029-04-23'],
    2030: ['2030-04-12'],
  },
  // 2 September and the adjacent day: 3 Sep in 2024 and 1 Sep in 2025 were the days decided.
  national_day: {
    2024: ['2024-09-02', '2024-09-03'],
    2025: ['2025-09-01', '2025-09-02'],
    2026: ['2026-09-01', '2026-09-02'],
    2027: ['2027-09-02', '2027-09-03'],
    2028: ['2028-09-01', '2028-09-02'],
    2029: ['2029-09-02', '2029-09-03'],
    2030: ['2030-09-02', '2030-09-03'],
  },
};

/** The holidays the law grants on a date (whatever day of the year it is). */
export function holidayDefinitionsInForce(date: IsoDate): PublicHolidayDefinition[] {
  return publicHolidayDefinitions.filter((definition) => isWithin(date, definition.inForce.from, definition.inForce.to));
}

/** Paid public-holiday days per year in force on a date: all of them, and those confirmed. */
export function publicHolidayDaysInForce(date: IsoDate): { total: number; confirmed: number } {
  const inForce = holidayDefinitionsInForce(date);
  return {
    total: inForce.reduce((sum, definition) => sum + definition.days, 0),
    confirmed: inForce.filter((definition) => definition.confirmed).reduce((sum, definition) => sum + definition.days, 0),
  };
}

/** The eve of Tết and the first four days of the lunar year: the usual five days of Tết. */
export function usualTetDays(lunarNewYearDay: IsoDate): IsoDate[] {
  return [-1, 0, 1, 2, 3].map((offset) => shiftDate(lunarNewYearDay, offset));
}

/**
 * The day off next to 2 September, by the weekday of 2 September, as the decisions of 2021-2025
 * chose it: a weekday; of two weekdays, the one next to a weekend (Monday or Friday); when neither
 * is (2 September a Wednesday, which none of those years was), the day before, as the table does.
 */
const nationalDayNeighbour: Readonly<Record<Weekday, -1 | 1>> = { 0: 1, 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1 };

/**
 * A yearly holiday's dates as the law gives them, for a year the table does not have. The lunar
 * dates are exact (the 10th of the 3rd month: of the ordinary 3rd month when a leap one follows);
 * which five days of Tết and which neighbour of 2 September are off is the Prime Minister's yearly
 * choice (LC Art. 112(3)), estimated by the usual one.
 */
function computedDates(id: YearlyHolidayId, year: number): IsoDate[] {
  if (id === 'lunar_new_year') return usualTetDays(lunarNewYear(year));
  if (id === 'hung_kings') return [lunarToSolar({ year, month: 3, day: 10, leap: false })];
  const nationalDay = `${year}-09-02`;
  return [nationalDay, shiftDate(nationalDay, nationalDayNeighbour[weekdayOf(nationalDay)])].sort();
}

/**
 * Where a holiday's date comes from: `fixed`, the same day every year by law; `table`, entered in
 * `datedHolidays`; `computed`, from the law and the lunar calendar, not from an announced
 * decision (an interface may call it estimated).
 */
export type HolidayDateSource = 'fixed' | 'table' | 'computed';

export interface PublicHolidayDay {
  date: IsoDate;
  holiday: PublicHolidayId;
  source: HolidayDateSource;
}

function datesOf(definition: PublicHolidayDefinition, year: number): { dates: readonly IsoDate[]; source: HolidayDateSource } {
  if (definition.fixed)
    return { dates: [`${year}-${String(definition.fixed.month).padStart(2, '0')}-${String(definition.fixed.day).padStart(2, '0')}`], source: 'fixed' };
  if (definition.id === 'lunar_new_year' || definition.id === 'hung_kings' || definition.id === 'national_day') {
    const dated = datedHolidays[definition.id][year];
    return dated ? { dates: dated, source: 'table' } : { dates: computedDates(definition.id, year), source: 'computed' };
  }
  return { dates: [], source: 'fixed' };
}

// Deadlines ask about every day of a year: each year's holidays are listed once.
const yearCache = new Map<number, readonly PublicHolidayDay[]>();

/** Every public-holiday date of a calendar year, in order; throws UnknownHolidayYearError outside `holidayYears`. */
export function publicHolidaysOfYear(year: number): readonly PublicHolidayDay[] {
  if (!isHolidayYearKnown(year)) throw new UnknownHolidayYearError(year);
  const cached = yearCache.get(year);
  if (cached) return cached;
  const days = publicHolidayDefinitions.flatMap((definition) => {
    const { dates, source } = datesOf(definition, year);
    return dates.filter((date) => isWithin(date, definition.inForce.from, definition.inForce.to)).map((date) => ({ date, holiday: definition.id, source }));
  });
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  yearCache.set(year, days);
  return days;
}

/** The public holidays observed on a date, among those in force on that date. */
export function publicHolidaysOn(date: IsoDate): PublicHolidayDefinition[] {
  const ids = publicHolidaysOfYear(yearOf(date))
    .filter((day) => day.date === date)
    .map((day) => day.holiday);
  return publicHolidayDefinitions.filter((definition) => ids.includes(definition.id));
}

/** Whether a date is a paid public holiday in force on that date. */
export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidaysOfYear(yearOf(date)).some((day) => day.date === date);
}
