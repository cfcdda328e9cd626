import type { Language } from '#shared/format/locale';

/** A chapter or article heading found at the start of a paragraph. */
export interface HeadingMatch {
  kind: 'chapter' | 'article';
  /** As written: "IV", "4", "12". */
  number: string;
  /** Letters after an article number ("5a": a proposed or inserted article). */
  suffix: string;
  /** The title on the same line ("" when it is on the next line). */
  title: string;
  /** Characters of the paragraph's trimmed text before the title. */
  prefixLength: number;
  language: Language;
}

const chapterPattern = /^(Chương|CHƯƠNG|Chapter|CHAPTER)\s+([IVXLCDM]{1,8}|\d{1,3})(?![\p{L}\p{N}])\s*(?:[.:–—-]\s*)?/u;
const articlePattern = /^(Điều|ĐIỀU|Article|ARTICLE)\s+(\d{1,4})([a-zđ]?)(?![\p{L}\p{N}])\s*([.:–—-])?\s*/u;

/** Signing titles and the recipients label: where the body of the document ends. */
export const signaturePattern = /^(ĐẠI DIỆN|TM\.|KT\.|TL\.|TUQ\.|Q\.\s|NGƯỜI SỬ DỤNG LAO ĐỘNG$|ON BEHALF|FOR THE|Nơi nhận\s*:|Recipients\s*:)/u;

/** "Phụ lục I", "Annex": an appendix, after the signatures. */
export const annexHeadingPattern = /^(Phụ lục|PHỤ LỤC|Annex|ANNEX)(?![\p{L}\p{N}])/u;

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a Roman numeral ("XIV" → 14); NaN for anything else. */
export function parseRoman(numeral: string): number {
  let total = 0;
  for (let index = 0; index < numeral.length; index += 1) {
    const value = romanValues[numeral[index] ?? ''];
    const next = romanValues[numeral[index + 1] ?? ''] ?? 0;
    if (value === undefined) return Number.NaN;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * `text` is the paragraph's text with its leading spaces removed (inner spacing as in the file,
 * so that prefixLength counts the file's characters).
 *
 * A chapter ("Chương IV", "Chương 4: …", "Chapter IV") or an article ("Điều 12. Title") heading.
 * An article heading needs its full stop or colon, or a bold short line: "Điều 76 Bộ luật Lao
 * động quy định …" opening a body paragraph is not a heading.
 */
export function headingPatterns(text: string, isBold: boolean): HeadingMatch | null {
  if (text.length > 250) return null;
  const chapter = chapterPattern.exec(text);
  if (chapter) {
    const title = text.slice(chapter[0].length).replace(/\s+/g, ' ').trim();
    // "Chương này quy định…" is prose, but a numeral must follow the word to match at all.
    return {
      kind: 'chapter',
      number: chapter[2] ?? '',
      suffix: '',
      title,
      prefixLength: chapter[0].length,
      language: /^Ch(ương|ƯƠNG)/u.test(chapter[1] ?? '') ? 'vi' : 'en',
    };
  }
  const article = articlePattern.exec(text);
  if (!article) return null;
  const hasStop = article[4] !== undefined;
  if (!hasStop && !(isBold && text.length <= 200)) return null;
  return {
    kind: 'article',
    number: article[2] ?? '',
    suffix: article[3] ?? '',
    title: text.slice(article[0].length).replace(/\s+/g, ' ').trim(),
    prefixLength: article[0].length,
    language: /^Đ/u.test(article[1] ?? '') ? 'vi' : 'en',
  };
}
