import type { Language } from '#shared/format/locale';

/** A noun in each language; English has a singular and a plural form, Vietnamese one form. */
export interface CountedNoun {
  vi: string;
  en: { one: string; other: string };
}

/** A count with its noun, as people write it: "1 violation", "2 violations", "2 vi phạm". */
export function countOf(count: number, noun: CountedNoun, language: Language): string {
  if (language === 'vi') return `${count} ${noun.vi}`;
  return `${count} ${count === 1 ? noun.en.one : noun.en.other}`;
}
