/**
 * Reading the text of clauses: diacritic-insensitive matching (patterns are written without
 * Vietnamese diacritics, in lower case), sentences, numbers written the Vietnamese or the English
 * way, and whether a term is negated ("Nghiêm cấm phạt tiền" is a prohibition, not a fine).
 */

/** A variable chip inside text the rules read: numbers inside it are never read as text. */
export const chipPattern = /⟦([^⟧]*)⟧/g;

/** The marker a variable chip leaves in the text the rules read. */
export function chipMarker(variableId: string): string {
  return `⟦${variableId}⟧`;
}

/**
 * Lower case without diacritics, "đ" as "d", one output character per input UTF-16 unit, so that
 * an index found in the folded text is the same index in the original (NFC) text.
 */
export function fold(text: string): string {
  let folded = '';
  for (const character of text) folded += foldCharacter(character);
  return folded;
}

// Folding a character costs a normalisation: remember each character once.
const foldedCharacters = new Map<string, string>();

function foldCharacter(character: string): string {
  const known = foldedCharacters.get(character);
  if (known !== undefined) return known;
  let folded: string;
  if (character === 'đ' || character === 'Đ') folded = 'd';
  else if (character.length > 1)
    folded = character; // astral characters keep their two units
  else {
    const base = character.normalize('NFD').charAt(0);
    const lower = base.toLowerCase();
    folded = lower.length === 1 ? lower : base;
  }
  if (foldedCharacters.size < 10_000) foldedCharacters.set(character, folded);
  return folded;
}

export interface Sentence {
  /** The sentence as written (NFC), chips as ⟦id⟧. */
  text: string;
  /** `text` folded. */
  folded: string;
}

/**
 * The sentences of a text: a split after ".", "!" or "?" followed by a space and a capital letter,
 * a digit or a chip (so "Art. 98(3)" and "5.310.000" stay whole). `folded` is fold(text), passed
 * when already known.
 */
export function splitSentences(text: string, folded = fold(text)): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /(?<=[.!?])\s+(?=[\p{Lu}⟦])/gu;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') sentences.push({ text: trimmed, folded: folded.slice(start + leading, start + leading + trimmed.length) });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index ?? 0);
    start = (match.index ?? 0) + match[0].length;
  }
  push(text.length);
  return sentences;
}

/** Parts of a folded sentence separated by ";" (and, with `commas`, by ","). */
export function segments(folded: string, commas = false): string[] {
  return folded
    .split(commas ? /[;,]/ : /;/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

/**
 * A quantity as written in a clause: "06" → 6, "1,5" or "1.5" → 1.5, "5.310.000" or "5,310,000" →
 * 5310000 (a separator followed by exactly three digits groups thousands).
 */
export function parseQuantity(written: string): number {
  const compact = written.replace(/\s/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  return Number(compact.replace(',', '.'));
}

/** A short quotation of a sentence for a finding. */
export function quote(text: string, max = 160): string {
  const plain = text.replace(chipPattern, '…').replace(/\s+/g, ' ').trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

// Words that forbid what follows ("Nghiêm cấm phạt tiền", "It is prohibited to fine") or what
// precedes ("Fines ... are prohibited").
const prohibitionBefore =
  /nghiem cam|\bbi cam\b|\bcam (?:moi|cac|viec|ap dung|phat|tru|cat|su dung)\b|prohibit|forbid|\bbanned?\b|not (?:be )?(?:permitted|allowed)/;
const prohibitionAfter =
  /^[^.;]*?(?:\bbi (?:nghiem )?cam\b|\bla hanh vi (?:bi )?(?:nghiem )?cam\b|(?:is|are) (?:strictly )?(?:prohibited|forbidden|not (?:permitted|allowed))|\bprohibited\b)/;
// Simple negations, and the words after which what follows is a consequence again
// ("Người lao động không mặc đồng phục bị phạt tiền": the fine is not negated).
const negationWord = /\b(?:khong|chua|chang|no|not|never|nor|without|cannot)\b|n't\b/g;
const negationWordOnce = new RegExp(negationWord.source);
const consequence = /(?<!khong )\bbi\b|\bthi\b|\bse\b|:|\b(?:will|shall) be\b|\bis (?:then )?(?:fined|charged|deducted)\b|\bresults? in\b/;
// After "Nghiêm cấm:" a colon introduces the list of what is prohibited.
const consequenceAfterProhibition = new RegExp(consequence.source.replace('|:|', '|'));
const sentenceInitialNegation = /^(?:\W*)(?:khong|no|not|never)\b/;

/**
 * Whether the term found at [start, end) of a folded sentence is negated or prohibited: a
 * prohibition before or after it, a negation at the start of the sentence or within twelve words
 * before it (or inside the match itself, unless `inside` is false for terms whose own wording is
 * negative, "không được từ chối"), unless a consequence ("bị", "thì", ":", "will be") stands
 * between the negation and the term.
 */
export function isNegated(folded: string, start: number, end: number, options: { inside?: boolean } = {}): boolean {
  const before = folded.slice(0, start);
  const inside = folded.slice(start, end);
  const after = folded.slice(end);
  const prohibitionEnd = lastMatchEnd(before, prohibitionBefore);
  if (prohibitionEnd >= 0 && !consequenceAfterProhibition.test(before.slice(prohibitionEnd))) return true;
  if (prohibitionAfter.test(after)) return true;
  if (options.inside !== false && negationWordOnce.test(inside)) return true;
  if (sentenceInitialNegation.test(before) && !consequence.test(before)) return true;
  const window = before.split(/\s+/).slice(-12).join(' ');
  const negations = [...window.matchAll(negationWord)];
  const last = negations.at(-1);
  if (last?.index === undefined) return false;
  return !consequence.test(window.slice(last.index));
}

/** Where the last match of a pattern in a text ends, or -1. */
function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(globalPattern(pattern))) end = (match.index ?? 0) + match[0].length;
  return end;
}

const globalTwins = new WeakMap<RegExp, RegExp>();

/** The global twin of a pattern (matchAll needs the flag), made once per pattern. */
export function globalPattern(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let twin = globalTwins.get(pattern);
  if (!twin) {
    twin = new RegExp(pattern.source, `${pattern.flags}g`);
    globalTwins.set(pattern, twin);
  }
  return twin;
}

/** Whether a folded text mentions a term matching `pattern` that is not negated. */
export function hasAffirmed(folded: string, pattern: RegExp, options: { inside?: boolean } = {}): { start: number; end: number } | null {
  const global = globalPattern(pattern);
  global.lastIndex = 0;
  if (!global.test(folded)) return null;
  global.lastIndex = 0;
  for (const match of folded.matchAll(global)) {
    const start = match.index ?? 0;
    if (!isNegated(folded, start, start + match[0].length, options)) return { start, end: start + match[0].length };
  }
  return null;
}
