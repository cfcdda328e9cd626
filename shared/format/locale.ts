/** Interface languages: Vietnamese by default, English. */
export type Language = 'vi' | 'en';

/** Numbers and dates follow Vietnamese conventions (5.310.000; 05/01/2027) in Vietnamese. */
export function localeOf(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

// Creating an Intl formatter costs far more than using one (about a millisecond): keep one per
// language and kind, made on first use.
function cached<F>(make: (locale: string) => F): (language: Language) => F {
  const made = new Map<Language, F>();
  return (language) => {
    let format = made.get(language);
    if (!format) {
      format = make(localeOf(language));
      made.set(language, format);
    }
    return format;
  };
}

const numberFormat = cached((locale) => new Intl.NumberFormat(locale));
const vndFormat = cached((locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }));
const dateFormat = cached((locale) => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }));
const dateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }));

/** A number with the language's digit grouping (5.310.000 in Vietnamese, 5,310,000 in English). */
export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}

/** Money in đồng, always with the ₫ sign after the amount in Vietnamese (5.310.000 ₫). */
export function formatVnd(value: number, language: Language): string {
  return vndFormat(language).format(value);
}

export function formatDate(value: Date | string, language: Language): string {
  return dateFormat(language).format(new Date(value));
}

export function formatDateTime(value: Date | string, language: Language): string {
  return dateTimeFormat(language).format(new Date(value));
}

// Vietnam keeps UTC+7 all year: its wall-clock time is the UTC time of the instant seven hours on.
const vietnamOffsetMs = 7 * 3_600_000;
const vietnamDateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }));

/** A moment as people in Vietnam read it on their clocks (10:30 04/01/2027), whatever this machine's time zone. */
export function formatVietnamDateTime(value: Date | string, language: Language): string {
  return vietnamDateTimeFormat(language).format(new Date(new Date(value).getTime() + vietnamOffsetMs));
}
