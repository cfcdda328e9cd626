/**
 * Paid public holidays (nghỉ lễ, tết), dated and data-driven so that a change of law is one entry
 * (labour-code.md sections 3 `leave.public_holidays` and 7.1).
 *
 * Each holiday has the period during which the law grants it (`inForce`), how many paid days it
 * gives, and the dates it falls on. Solar holidays repeat every year; the lunar ones (Tết, Hùng
 * Kings) and the days the Prime Minister fixes each year (LC Art. 112(3): which days of Tết, and
 * the day next to National Day) are explicit dated entries for 2024–2030 (`datedYears`).
 */
import { isWithin, shiftDate, yearOf, type IsoDate } from '#shared/calendar/isoDate';
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
  /** False while the primary text has not been read (labour-code.md section 7.1). */
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
  { id: 'new_year', name: { vi: 'Tết Dương lịch', en: 'New Year' }, days: 1, citation: lc112('a'), source: lc112Source, inForce: { from: labourCode2019 }, confirmed: true, fixed: { month: 1, day: 1 } },
  // LC Art. 112(1)(b): Tết Âm lịch, 5 days; the Prime Minister fixes which (Art. 112(3)).
  { id: 'lunar_new_year', name: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' }, days: 5, citation: lc112('b'), source: lc112Source, inForce: { from: labourCode2019 }, confirmed: true },
  // LC Art. 112(1)(c): Ngày Chiến thắng, 1 day (30 April).
  { id: 'victory_day', name: { vi: 'Ngày Chiến thắng', en: 'Victory Day' }, days: 1, citation: lc112('c'), source: lc112Source, inForce: { from: labourCode2019 }, confirmed: true, fixed: { month: 4, day: 30 } },
  // LC Art. 112(1)(d): Ngày Quốc tế lao động, 1 day (1 May).
  { id: 'labour_day', name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' }, days: 1, citation: lc112('d'), source: lc112Source, inForce: { from: labourCode2019 }, confirmed: true, fixed: { month: 5, day: 1 } },
  // LC Art. 112(1)(đ): Quốc khánh, 2 days: 2 September and one day before or after (Art. 112(3)).
  { id: 'national_day', name: { vi: 'Quốc khánh', en: 'National Day' }, days: 2, citation: lc112('đ'), source: lc112Source, inForce: { from: labourCode2019 }, confirmed: true },
  // LC Art. 112(1)(e): Giỗ Tổ Hùng Vương, 1 day (10th day of the 3rd lunar month).
  { id: 'hung_kings', name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings Commemoration Day' }, days: 1, citation: lc112('e'), source: lc112Source, inForce: { from: labourCode2019 }, confirmed: true },
  // REPORTED, NOT CONFIRMED (labour-code.md section 7.1): Vietnam Culture Day, 24 November, a paid
  // day off from 1 Jul 2026 under NA Resolution 28/2026/QH16 as reported by several independent
  // 2026 sources; the primary text was not read, nor whether it amends LC Art. 112(1). One entry:
  // delete it, or set `confirmed: true`, once the text is read.
  {
    id: 'culture_day',
    name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
    days: 1,
    citation: { law: 'LC2019', article: 112, clause: 1 },
    source: { vi: 'Nghị quyết 28/2026/QH16 (theo báo cáo, chưa đối chiếu văn bản gốc)', en: 'NA Resolution 28/2026/QH16 (reported, primary text not verified)' },
    inForce: { from: '2026-07-01' },
    confirmed: false,
    fixed: { month: 11, day: 24 },
  },
];

/**
 * Mùng 1 Tết, the first day of the lunar year, in Vietnam's time zone (UTC+7). Computed from the
 * astronomical new moons and checked against published calendars (Tết 2026 is 17 Feb 2026, Tết
 * 2027 is 6 Feb 2027). 2030 differs from the Chinese calendar (UTC+8: 3 Feb) because the new moon
 * falls at 23:07 on 2 Feb in Hanoi.
 */
export const lunarNewYearDays: Readonly<Record<number, IsoDate>> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
};

/** The years for which the lunar and Prime-Minister-fixed holidays are dated below. */
export const datedYears = { first: 2024, last: 2030 } as const;

/**
 * The dates of the holidays that are not the same every year. The Prime Minister fixes each year
 * which five days of Tết and which day next to 2 September are off (LC Art. 112(3)); until his
 * decision is entered here, the table uses the usual choice: the last day of the old lunar year and
 * the first four of the new one, and the neighbour of 2 September nearer a weekend (the day before
 * when 2 September is a Wednesday). Replace a year's entry by the decision when it is published.
 */
export const datedHolidays: Readonly<Record<'lunar_new_year' | 'hung_kings' | 'national_day', Readonly<Record<number, readonly IsoDate[]>>>> = {
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

function datesOf(definition: PublicHolidayDefinition, year: number): readonly IsoDate[] {
  if (definition.fixed) return [`${year}-${String(definition.fixed.month).padStart(2, '0')}-${String(definition.fixed.day).padStart(2, '0')}`];
  if (definition.id === 'lunar_new_year' || definition.id === 'hung_kings' || definition.id === 'national_day') return datedHolidays[definition.id][year] ?? [];
  return [];
}

/** The public holidays observed on a date, among those in force on that date. */
export function publicHolidaysOn(date: IsoDate): PublicHolidayDefinition[] {
  const year = yearOf(date);
  return holidayDefinitionsInForce(date).filter((definition) => datesOf(definition, year).includes(date));
}

/** Whether a date is a paid public holiday in force on that date. */
export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidaysOn(date).length > 0;
}

/** Every public-holiday date of a calendar year, in order, with the holiday it belongs to. */
export function publicHolidaysOfYear(year: number): { date: IsoDate; holiday: PublicHolidayId }[] {
  const days = publicHolidayDefinitions.flatMap((definition) =>
    datesOf(definition, year)
      .filter((date) => isWithin(date, definition.inForce.from, definition.inForce.to))
      .map((date) => ({ date, holiday: definition.id })),
  );
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether the lunar and decided holidays of a date's year are in the table (2024–2030). */
export function holidaysAreDated(date: IsoDate): boolean {
  const year = yearOf(date);
  return year >= datedYears.first && year <= datedYears.last;
}

/** The eve of Tết and the first four days of the lunar year: the usual five days (see datedHolidays). */
export function usualTetDays(lunarNewYear: IsoDate): IsoDate[] {
  return [-1, 0, 1, 2, 3].map((offset) => shiftDate(lunarNewYear, offset));
}
