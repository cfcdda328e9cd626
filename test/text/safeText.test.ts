import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { hasVisibleCharacter, problemOfFreeText, problemOfSingleLineName, stripXmlIllegal, xmlIllegalCharacters } from '#shared/text/safeText';

// The character rules every way text comes in shares (shared/text/safeText.ts), checked against
// an XML parser: what the rules let through, a file can hold.

function isWellFormed(text: string): boolean {
  let wellFormed = true;
  const parser = new SaxesParser();
  parser.on('error', () => {
    wellFormed = false;
  });
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  parser.write(`<t>${escaped}</t>`).close();
  return wellFormed;
}

/** Any string of UTF-16 units, lone surrogates and noncharacters included. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));

describe('safe text', () => {
  it('what stripXmlIllegal leaves is always well-formed XML text, and passes as free text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyUnits), (text) => {
        const stripped = stripXmlIllegal(text);
        expect(isWellFormed(stripped)).toBe(true);
        expect(xmlIllegalCharacters(stripped)).toEqual([]);
        expect(problemOfFreeText(stripped)).toBeNull();
      }),
    );
  });

  it('free text is refused exactly when an XML parser would refuse it', () => {
    // Without unpaired surrogates: saxes reads a lone high surrogate together with whatever unit
    // follows it, so it cannot be the judge of those (the example test below covers them).
    const paired = fc.oneof(anyText, anyUnits).filter((text) => !/\p{Cs}/u.test(text));
    fc.assert(
      fc.property(paired, (text) => {
        expect(problemOfFreeText(text) === null).toBe(isWellFormed(text));
      }),
    );
  });

  it('keeps surrogate pairs whole and drops only what is illegal', () => {
    expect(stripXmlIllegal('a\u{1F600}b\uD800c\uDC00d\u0001e\uFFFEf\uFFFFg\tn\r\n')).toBe('a\u{1F600}bcdefg\tn\r\n');
    expect(xmlIllegalCharacters('x\u0001y\u0001z\uFFFF')).toEqual(['\u0001', '\uFFFF']);
  });

  it('a name accepted is one line, well-formed, with something visible', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyUnits), (text) => {
        if (problemOfSingleLineName(text) !== null) return;
        expect(isWellFormed(text)).toBe(true);
        expect(/[\n\r\t\u2028\u2029\u202A-\u202E\u2066-\u2069]/u.test(text)).toBe(false);
        expect(hasVisibleCharacter(text)).toBe(true);
      }),
    );
  });

  it('accepts the names people write, in any script', () => {
    for (const name of [
      'Nguyễn Thị Hường',
      'Công ty TNHH May Sài Gòn',
      'نقابة العمال',
      '株式会社',
      'O\u2019Brien',
      'Phòng Nhân sự (HR) – 2027',
      'Lê\u00A0Văn An',
      '\u{1F91D} Thỏa thuận',
    ]) {
      expect({ name, problem: problemOfSingleLineName(name) }).toEqual({ name, problem: null });
    }
  });
});
