/**
 * Texts that come from outside (a template pack, a saved template) are plain text: they must not
 * carry markup or script that some future view, an export to HTML or a copy into another program
 * could bring to life. These rules refuse such texts outright instead of escaping them, so that
 * what is stored is exactly what was shown to the person who checked the pack.
 */

import type { Bilingual } from '#shared/templates/schema';
import { describeCharacter, xmlIllegalCharacters } from '#shared/text/safeText';

interface TextRule {
  pattern: RegExp;
  describe: (match: string) => Bilingual;
}

/** Shows a short, printable excerpt of what matched (control characters as U+XXXX). */
function excerpt(match: string): string {
  const printable = [...match.slice(0, 40)]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || isBidiControl(code) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : char;
    })
    .join('');
  return `"${printable}${match.length > 40 ? '…' : ''}"`;
}

/** Unicode bidirectional embedding, override and isolate controls (the "Trojan Source" characters). */
function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

const plainText = { en: '(template texts are plain text)', vi: '(văn bản của mẫu là văn bản thuần)' };

const rules: readonly TextRule[] = [
  { pattern: /<\s*script\b/i, describe: () => ({ en: `contains a <script> tag ${plainText.en}`, vi: `chứa thẻ <script> ${plainText.vi}` }) },
  {
    pattern: /\b(?:java|vb)\s*script\s*:/i,
    describe: (match) => ({ en: `contains a script URL ${excerpt(match)} ${plainText.en}`, vi: `chứa địa chỉ mã lệnh ${excerpt(match)} ${plainText.vi}` }),
  },
  {
    pattern: /\bdata\s*:\s*text\/html/i,
    describe: (match) => ({
      en: `contains an HTML data URL ${excerpt(match)} ${plainText.en}`,
      vi: `chứa địa chỉ dữ liệu HTML ${excerpt(match)} ${plainText.vi}`,
    }),
  },
  {
    pattern: /\bon[a-z]{3,}\s*=/i,
    describe: (match) => ({
      en: `contains what looks like an HTML event-handler attribute ${excerpt(match)} ${plainText.en}`,
      vi: `chứa thứ giống thuộc tính xử lý sự kiện HTML ${excerpt(match)} ${plainText.vi}`,
    }),
  },
  {
    pattern: /<[a-z!?/][^<>]{0,60}>?/i,
    describe: (match) => ({
      en: `contains HTML markup ${excerpt(match)} (template texts are plain text, without tags)`,
      vi: `chứa thẻ HTML ${excerpt(match)} (văn bản của mẫu là văn bản thuần, không có thẻ)`,
    }),
  },
  {
    pattern: /&(?:#\d+|#x[0-9a-f]+|lt|gt|amp|quot|apos);/i,
    describe: (match) => ({
      en: `contains the HTML character reference ${excerpt(match)} (write the character itself)`,
      vi: `chứa mã ký tự HTML ${excerpt(match)} (hãy viết chính ký tự đó)`,
    }),
  },
  {
    // C0 controls but tab and line feed, DEL, C1 controls: finding them is the point of this rule.
    // eslint-disable-next-line no-control-regex
    pattern: /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u,
    describe: (match) => ({
      en: `contains the control character ${excerpt(match).slice(1, -1)} (only line breaks and tabs are allowed)`,
      vi: `chứa ký tự điều khiển ${excerpt(match).slice(1, -1)} (chỉ được dùng xuống dòng và tab)`,
    }),
  },
  {
    pattern: /[\u202A-\u202E\u2066-\u2069]/u,
    describe: (match) => ({
      en: `contains the invisible text-direction control ${excerpt(match).slice(1, -1)}`,
      vi: `chứa ký tự ẩn điều khiển hướng chữ ${excerpt(match).slice(1, -1)}`,
    }),
  },
];

/**
 * Why a text may not be stored as template text (markup, script, control characters, or what no
 * document can hold, such as U+FFFE: see safeText.ts), or null.
 */
export function unsafeTextProblem(text: string): Bilingual | null {
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match) return rule.describe(match[0]);
  }
  const illegal = xmlIllegalCharacters(text).map(describeCharacter);
  if (illegal.length === 0) return null;
  const listed = illegal.join(', ');
  return {
    en: `contains ${illegal.length === 1 ? 'the character' : 'the characters'} ${listed}, which no document can hold`,
    vi: `chứa ký tự ${listed}, ký tự mà không văn bản nào chứa được`,
  };
}
