/** Quantities in findings, formatted for each language (vi-VN: 5.310.000 ₫, 1,5 tháng). */
import { formatNumber, formatVnd, type Language } from '#shared/format/locale';
import type { Bilingual } from '#shared/templates/schema';

export type Unit = 'percent' | 'days' | 'workingDays' | 'hours' | 'minutes' | 'months' | 'years' | 'money' | 'moneyPerHour' | 'people' | 'times';

const unitWords: Record<Exclude<Unit, 'percent' | 'money' | 'moneyPerHour'>, { vi: string; en: [string, string] }> = {
  days: { vi: 'ngày', en: ['day', 'days'] },
  workingDays: { vi: 'ngày làm việc', en: ['working day', 'working days'] },
  hours: { vi: 'giờ', en: ['hour', 'hours'] },
  minutes: { vi: 'phút', en: ['minute', 'minutes'] },
  months: { vi: 'tháng', en: ['month', 'months'] },
  years: { vi: 'năm', en: ['year', 'years'] },
  people: { vi: 'người', en: ['person', 'people'] },
  times: { vi: 'lần', en: ['time', 'times'] },
};

/** A quantity with its unit: "150%", "45 ngày", "3 working days", "5.310.000 ₫". */
export function formatQuantity(value: number, unit: Unit, language: Language): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, language)}%`;
    case 'money':
      return formatVnd(value, language);
    case 'moneyPerHour':
      return language === 'vi' ? `${formatVnd(value, language)}/giờ` : `${formatVnd(value, language)} an hour`;
    default: {
      const words = unitWords[unit];
      return language === 'vi' ? `${formatNumber(value, language)} ${words.vi}` : `${formatNumber(value, language)} ${value === 1 ? words.en[0] : words.en[1]}`;
    }
  }
}

/** The same text in both languages, from one function of the language. */
export function bilingual(write: (language: Language) => string): Bilingual {
  return { vi: write('vi'), en: write('en') };
}

/** A quantity in both languages. */
export function quantity(value: number, unit: Unit): Bilingual {
  return bilingual((language) => formatQuantity(value, unit, language));
}
