/**
 * JSON parsing with a readable syntax error: where (line and column, counted from 1) and what was
 * expected. JSON.parse does the parsing; only when it fails does a small scanner walk the text to
 * find the first error, because engines word (and place) their messages differently.
 */
import type { Bilingual } from '#shared/templates/schema';

export interface JsonSyntaxError {
  line: number;
  column: number;
  /** What is wrong at that place, e.g. `expected "," or "}" after a property value, found "]"`. */
  message: Bilingual;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapePattern = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const literals = ['true', 'false', 'null'] as const;

/** Where in the text an offset is, as 1-based line and column. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describeFound(text: string, offset: number): Bilingual {
  if (offset >= text.length) return { en: 'the end of the file', vi: 'cuối tệp' };
  const code = text.charCodeAt(offset);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20 || code === 0x7f) return { en: `the control character ${hex}`, vi: `ký tự điều khiển ${hex}` };
  const character = JSON.stringify(String.fromCodePoint(text.codePointAt(offset) ?? code));
  return { en: character, vi: character };
}

interface Failure {
  offset: number;
  expected: Bilingual;
}

/**
 * Scans the text as JSON without building values and returns the first place where it stops being
 * JSON, or null if it is valid. A loop over three states with an explicit stack of open containers,
 * not recursion, so that hostile nesting (a megabyte of "[") cannot overflow the call stack.
 */
function firstSyntaxError(text: string): Failure | null {
  const containers: ('object' | 'array')[] = [];
  let expecting: 'value' | 'key' | 'after' = 'value';
  let offset = 0;
  const skipWhitespace = (): void => {
    while (offset < text.length && ' \t\n\r'.includes(text.charAt(offset))) offset += 1;
  };
  /** Scans a string starting at its opening quote; returns a failure or null. */
  const scanString = (): Failure | null => {
    offset += 1;
    for (;;) {
      if (offset >= text.length) return { offset, expected: { en: 'a closing " to end the string', vi: 'dấu " đóng chuỗi' } };
      const char = text.charAt(offset);
      if (char === '"') {
        offset += 1;
        return null;
      }
      if (text.charCodeAt(offset) < 0x20)
        return {
          offset,
          expected: {
            en: 'a character allowed in a string (a line break is written \\n, a tab \\t)',
            vi: 'một ký tự được phép trong chuỗi (xuống dòng viết là \\n, tab là \\t)',
          },
        };
      if (char === '\\') {
        escapePattern.lastIndex = offset;
        if (!escapePattern.test(text))
          return {
            offset,
            expected: {
              en: 'a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)',
              vi: 'một chuỗi thoát hợp lệ (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t hoặc \\uXXXX)',
            },
          };
        offset = escapePattern.lastIndex;
      } else {
        offset += 1;
      }
    }
  };
  /** Opens a container; an empty one closes at once. */
  const open = (kind: 'object' | 'array'): void => {
    offset += 1;
    skipWhitespace();
    if (text.charAt(offset) === (kind === 'object' ? '}' : ']')) {
      offset += 1;
      expecting = 'after';
    } else {
      containers.push(kind);
      expecting = kind === 'object' ? 'key' : 'value';
    }
  };
  /** Scans a string, number or literal; false when none starts here. */
  const scanScalar = (): Failure | null | false => {
    if (text.charAt(offset) === '"') return scanString();
    numberPattern.lastIndex = offset;
    if (numberPattern.test(text)) {
      offset = numberPattern.lastIndex;
      return null;
    }
    const literal = literals.find((word) => text.startsWith(word, offset));
    if (!literal) return false;
    offset += literal.length;
    return null;
  };

  for (;;) {
    skipWhitespace();
    const char = text.charAt(offset);
    if (expecting === 'value') {
      if (char === '{' || char === '[') {
        open(char === '{' ? 'object' : 'array');
        continue;
      }
      const scanned = scanScalar();
      if (scanned === false)
        return {
          offset,
          expected: {
            en: 'a value (an object, an array, a string in double quotes, a number, true, false or null)',
            vi: 'một giá trị (đối tượng, danh sách, chuỗi trong dấu ngoặc kép, số, true, false hoặc null)',
          },
        };
      if (scanned) return scanned;
      expecting = 'after';
    } else if (expecting === 'key') {
      if (char !== '"') return { offset, expected: { en: 'a property name in double quotes', vi: 'tên thuộc tính trong dấu ngoặc kép' } };
      const failure = scanString();
      if (failure) return failure;
      skipWhitespace();
      if (text.charAt(offset) !== ':') return { offset, expected: { en: '":" after the property name', vi: 'dấu ":" sau tên thuộc tính' } };
      offset += 1;
      expecting = 'value';
    } else {
      const container = containers.at(-1);
      if (container === undefined)
        return offset < text.length ? { offset, expected: { en: 'the end of the file after the JSON value', vi: 'hết tệp sau giá trị JSON' } } : null;
      if (char === ',') {
        offset += 1;
        expecting = container === 'object' ? 'key' : 'value';
      } else if (char === (container === 'object' ? '}' : ']')) {
        offset += 1;
        containers.pop();
      } else {
        return {
          offset,
          expected:
            container === 'object'
              ? { en: '"," or "}" after a property value', vi: 'dấu "," hoặc "}" sau giá trị của thuộc tính' }
              : { en: '"," or "]" after an array item', vi: 'dấu "," hoặc "]" sau một mục của danh sách' },
        };
      }
    }
  }
}

/** Parses JSON text (a leading byte-order mark is ignored); a syntax error says where and what. */
export function parseJsonText(text: string): JsonParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const failure = firstSyntaxError(source) ?? { offset: 0, expected: { en: `valid JSON (${detail})`, vi: `JSON hợp lệ (${detail})` } };
    const offset = failure.offset + (source === text ? 0 : 1);
    const found = describeFound(text, offset);
    return {
      ok: false,
      error: {
        ...lineAndColumn(text, offset),
        message: { en: `expected ${failure.expected.en}, found ${found.en}`, vi: `cần ${failure.expected.vi}, nhưng gặp ${found.vi}` },
      },
    };
  }
}
