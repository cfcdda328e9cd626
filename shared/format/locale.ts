/** Interface languages: Vietnamese by default, English. */
export type Language = 'vi' | 'en';

/** Numbers follow Vietnamese conventions (5.310.000) in Vietnamese; dates and times are shared/format/vietnamTime's. */
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

/** A number with the language's digit grouping (5.310.000 in Vietnamese, 5,310,000 in English). */
export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}

/** Money in đồng, always with the ₫ sign after the amount in Vietnamese (5.310.000 ₫). */
export function formatVnd(value: number, language: Language): string {
  return vndFormat(language).format(value);
}
