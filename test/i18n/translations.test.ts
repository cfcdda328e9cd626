import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ruleTable } from '#shared/compliance/ruleTable';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { otherLanguageIn } from './languageChecks';

const pluralForms = /_(zero|one|two|few|many|other)$/;

/** Every string of a translation by its dotted key. */
function leaves(strings: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(strings)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null) for (const [inner, text] of leaves(value, path)) found.set(inner, text);
    else found.set(path, value);
  }
  return found;
}

const english = leaves(en);
const vietnamese = leaves(vi);
const withoutPlural = (key: string): string => key.replace(pluralForms, '');
const placeholders = (text: unknown): string[] => [...String(text).matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();

describe('the interface strings', () => {
  it('has a non-empty string for every key, in both languages', () => {
    for (const [language, strings] of [
      ['en', english],
      ['vi', vietnamese],
    ] as const) {
      const empty = [...strings].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => `${language}: ${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('has the same keys in both languages, Vietnamese having only the `other` form of a plural', () => {
    expect([...new Set([...vietnamese.keys()].map(withoutPlural))].sort()).toEqual([...new Set([...english.keys()].map(withoutPlural))].sort());
    expect([...vietnamese.keys()].filter((key) => pluralForms.test(key) && !key.endsWith('_other'))).toEqual([]);
    const englishPlurals = [...english.keys()].filter((key) => pluralForms.test(key)).map(withoutPlural);
    const incomplete = [...new Set(englishPlurals)].filter(
      (base) => !english.has(`${base}_one`) || !english.has(`${base}_other`) || !vietnamese.has(`${base}_other`),
    );
    expect(incomplete).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differing: string[] = [];
    for (const [key, text] of vietnamese) {
      const forms = key.endsWith('_other') ? [english.get(key), english.get(key.replace(/_other$/, '_one'))] : [english.get(key)];
      for (const form of forms) {
        // An English singular may say "one" instead of the count.
        const expected = placeholders(form).filter((name) => name !== 'count');
        const found = placeholders(text).filter((name) => name !== 'count');
        if (expected.join() !== found.join()) differing.push(`${key}: en {{${expected.join('}}, {{')}}}, vi {{${found.join('}}, {{')}}}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('speaks one language per table: no English left in a Vietnamese string, no Vietnamese in an English one but the product’s name', () => {
    for (const [language, strings] of [
      ['vi', vietnamese],
      ['en', english],
    ] as const) {
      const mixed = [...strings].flatMap(([key, text]) => {
        const words = otherLanguageIn(String(text).replace(/\{\{[^}]*\}\}/g, ' '), language);
        return words.length === 0 ? [] : [`${language} ${key}: ${words.join(', ')}`];
      });
      expect(mixed).toEqual([]);
    }
  });

  it('names the compliance rules, their floors and notes in each language alone', () => {
    const mixed = ruleTable.flatMap((rule) =>
      (['vi', 'en'] as const).flatMap((language) => {
        const words = [rule.what, rule.floor].flatMap((text) => otherLanguageIn(text[language], language));
        return words.length === 0 ? [] : [`${language} ${rule.id}: ${words.join(', ')}`];
      }),
    );
    expect(mixed).toEqual([]);
  });

  it('counts in the grammar of each language: one comment, two comments; Vietnamese one form', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
    expect(instance.t('negotiation.threadsShort', { count: 1 })).toBe('1 comment');
    expect(instance.t('negotiation.threadsShort', { count: 2 })).toBe('2 comments');
    expect(instance.t('negotiation.threadsShort', { count: 1, lng: 'vi' })).toBe('1 ý kiến');
    expect(instance.t('negotiation.threadsShort', { count: 5, lng: 'vi' })).toBe('5 ý kiến');
  });
});
