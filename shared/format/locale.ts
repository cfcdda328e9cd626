/** Interface languages: Vietnamese by default, English. */
export type Language = 'vi' | 'en';

/** Numbers and dates follow Vietnamese conventions (5.310.000; 05/01/2027) in Vietnamese. */
export function localeOf(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

// Creating an Intl formatter costs far more than using one (about a millisecond): keep one per language.
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number with the language's digit grouping (5.310.000 in Vietnamese, 5,310,000 in English). */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language));
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** Money in đồng, always with the ₫ sign after the amount in Vietnamese (5.310.000 ₫). */
export function formatVnd(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(value);
}

export function formatDate(value: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(value));
}

export function formatDateTime(value: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}
