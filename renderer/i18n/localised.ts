/**
 * The English strings are the type source of every `t()` call (renderer/i18n/typedKeys.ts); the
 * Vietnamese ones must have exactly their keys. Plural forms are the one difference: English
 * has `key_one` and `key_other`, Vietnamese (no grammatical number) `key_other` alone.
 */
type EnglishOnlyPlural = `${string}_one`;

/** The shape of a translation of strings `T`: the same keys, each with a string, less the plural forms only English has. */
export type Localised<T> = { [K in keyof T as K extends EnglishOnlyPlural ? never : K]: T[K] extends string ? string : Localised<T[K]> };

/** Words for each of a list of keys (the API's error reasons); those that count something have both English plural forms. */
export type WordsFor<Keys extends string, Counted extends Keys = never> = { [K in Keys as K extends Counted ? `${K}_one` | `${K}_other` : K]: string };
