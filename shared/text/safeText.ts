/**
 * The characters people's text may hold, in one place for every way text comes in: the API's
 * schemas (textSchemas.ts), template packs, the .docx importer, the Word and HTML writers, and the
 * sync write policy.
 *
 * - Anything that may end up in a file must be a character XML 1.0 allows (its `Char`
 *   production): no C0 control but tab, line feed and carriage return, no U+FFFE or U+FFFF, no
 *   unpaired surrogate. One such character makes a .docx's document.xml ill-formed, and Word
 *   refuses the whole file.
 * - A name (a title, a display name, a version's name) is one line of visible text: besides the
 *   above, no control character at all (line breaks and tabs included), no bidirectional
 *   embedding, override or isolate (they make a name read differently from what it holds, as in
 *   "Trojan Source"), no noncharacter, and at least one character that is neither white space
 *   nor invisible (zero-width space and the like).
 *
 * Texts are compared and stored in Unicode normalisation form C (NFC): the API's schemas normalise
 * every name and free text they accept.
 */

/** What XML 1.0 does not allow, as one code point each (the `u` flag keeps surrogate pairs whole). */
const xmlIllegalPattern = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const bidiControlPattern = /[\u202A-\u202E\u2066-\u2069]/u;
/** Line and paragraph breaks and tabs: a name is one line. */
const lineBreakPattern = /[\t\n\v\f\r\u0085\u2028\u2029]/u;
const controlPattern = /\p{Cc}/u;
const noncharacterPattern = /\p{Noncharacter_Code_Point}/u;
const unpairedSurrogatePattern = /\p{Cs}/u;
/** Characters that show nothing: white space and the default-ignorable ones (zero-width space, joiners, BOM, fillers…). */
const visiblePattern = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;

/** The form texts are stored and compared in: Unicode normalisation form C (composed: "ỏ" is one character, not "o" and a hook). */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** A character as people look it up: `U+FFFE`. */
export function describeCharacter(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The distinct characters of `text` that no XML document may hold, in the order they first appear. */
export function xmlIllegalCharacters(text: string): string[] {
  return [...new Set(text.match(xmlIllegalPattern) ?? [])];
}

/** `text` without the characters no XML document may hold: for what is written to a file, or imported from one. */
export function stripXmlIllegal(text: string): string {
  return text.replace(xmlIllegalPattern, '');
}

/** Whether `text` shows anything: a character that is neither white space nor invisible. */
export function hasVisibleCharacter(text: string): boolean {
  return visiblePattern.test(text);
}

/** Why a text that only looks empty is refused. */
export const invisibleTextProblem = 'has no visible character (only spaces or invisible characters such as the zero-width space)';

const listed = (characters: readonly string[]): string => characters.map(describeCharacter).join(', ');

/**
 * Why `text` cannot be kept as free text (a comment, a rationale, a finding: several lines
 * allowed), or null. Only what no file can hold is refused; emptiness is the caller's rule.
 */
export function problemOfFreeText(text: string): string | null {
  const illegal = xmlIllegalCharacters(text);
  if (illegal.length === 0) return null;
  return `contains ${illegal.length === 1 ? 'the character' : 'the characters'} ${listed(illegal)}, which no document can hold (control characters other than tab and line break, U+FFFE, U+FFFF, broken surrogates)`;
}

/**
 * Why `text` cannot be a name (a document's title, a person's display name, a version's name:
 * one line of visible text), or null. The text is expected trimmed and normalised (NFC).
 */
export function problemOfSingleLineName(text: string): string | null {
  if (text === '') return 'must not be empty';
  const match = (pattern: RegExp): string | null => pattern.exec(text)?.[0] ?? null;
  const lineBreak = match(lineBreakPattern);
  if (lineBreak) return `contains a line break or tab (${describeCharacter(lineBreak)}); a name is a single line`;
  const control = match(controlPattern);
  if (control) return `contains the control character ${describeCharacter(control)}`;
  const bidi = match(bidiControlPattern);
  if (bidi) return `contains the invisible text-direction control ${describeCharacter(bidi)}, which makes text read differently from what it holds`;
  const surrogate = match(unpairedSurrogatePattern);
  if (surrogate) return `contains a broken character (the unpaired surrogate ${describeCharacter(surrogate)})`;
  const noncharacter = match(noncharacterPattern);
  if (noncharacter) return `contains ${describeCharacter(noncharacter)}, which is not a character`;
  if (!hasVisibleCharacter(text)) return invisibleTextProblem;
  return null;
}
