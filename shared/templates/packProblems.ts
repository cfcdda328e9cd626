import type { z } from 'zod';
import { formatNumber } from '#shared/format/locale';
import type { Bilingual } from '#shared/templates/schema';
import { variableTypes } from '#shared/templates/variableTypes';

/**
 * One thing wrong with a template pack or a template: where, and what in both languages (the
 * interface shows the one it speaks; the server's refusal and the command line say the English).
 */
export interface PackProblem {
  /** Where, as a path into the pack (`templates[3].body[1].text.vi`); empty for the whole file. */
  path: string;
  /** Where in the file's text, when the file is not JSON at all. */
  at?: { line: number; column: number };
  message: Bilingual;
}

const simpleKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as one reads it in JavaScript: `templates[3].body[1].text.vi`, `values["user.meal"]`; empty for the whole pack. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && simpleKey.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/** Where a problem is, in words: `templates[3].id`, `line 3, column 5`, `the whole file`. */
export function problemPlace(problem: PackProblem): Bilingual {
  if (problem.at) return { en: `line ${problem.at.line}, column ${problem.at.column}`, vi: `dòng ${problem.at.line}, cột ${problem.at.column}` };
  return problem.path === '' ? { en: 'the whole file', vi: 'cả tệp' } : { en: problem.path, vi: problem.path };
}

/**
 * Joins problems into one message: `place: message` for one; numbered, `3 problems: (1) place:
 * message (2) …`, for several, the first `limit` of them and how many more there are. The English
 * is the server's refusal and the logs'; a refusal's reason carries both for the interface.
 */
export function describePackProblems(problems: readonly PackProblem[], limit = 20): Bilingual {
  return bilingual((language) => {
    const [only] = problems;
    if (problems.length === 1 && only) return `${problemPlace(only)[language]}: ${only.message[language]}`;
    const shown = problems.slice(0, limit).map((problem, index) => `(${index + 1}) ${problemPlace(problem)[language]}: ${problem.message[language]}`);
    const more = problems.length - shown.length;
    if (language === 'vi')
      return `${formatNumber(problems.length, 'vi')} lỗi: ${shown.join(' ')}${more > 0 ? ` … và ${formatNumber(more, 'vi')} lỗi khác` : ''}`;
    return `${formatNumber(problems.length, 'en')} problems: ${shown.join(' ')}${more > 0 ? ` … and ${formatNumber(more, 'en')} more` : ''}`;
  });
}

/** Both languages' words joined by a function of each: for messages built from parts already bilingual. */
export function bilingual(word: (language: keyof Bilingual) => string): Bilingual {
  return { en: word('en'), vi: word('vi') };
}

/** A value as a message shows what was found: `the number 42`, `the text "abc"`. */
export function describeValue(value: unknown): Bilingual {
  if (value === undefined) return { en: 'nothing', vi: 'không có gì' };
  if (value === null) return { en: 'null', vi: 'null' };
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return { en: `the text ${quoted}`, vi: `văn bản ${quoted}` };
  }
  if (typeof value === 'number') return bilingual((language) => `${language === 'en' ? 'the number' : 'số'} ${formatNumber(value, language)}`);
  if (typeof value === 'boolean') return { en: String(value), vi: String(value) };
  if (Array.isArray(value)) return { en: `a list of ${value.length} item${value.length === 1 ? '' : 's'}`, vi: `một danh sách ${value.length} mục` };
  return { en: 'an object', vi: 'một đối tượng' };
}

/** The value at a zod path inside what was parsed; undefined where there is none. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || typeof segment === 'symbol') return undefined;
    value = Object.hasOwn(value, segment) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return value;
}

const expectedNames: Record<string, Bilingual> = {
  string: { en: 'a text in double quotes', vi: 'một văn bản trong dấu ngoặc kép' },
  number: { en: 'a number', vi: 'một số' },
  int: { en: 'a whole number', vi: 'một số nguyên' },
  boolean: { en: 'true or false', vi: 'true hoặc false' },
  array: { en: 'a list [...]', vi: 'một danh sách [...]' },
  object: { en: 'an object {...}', vi: 'một đối tượng {...}' },
};

const expectedName = (expected: string): Bilingual => expectedNames[expected] ?? { en: expected, vi: expected };

function sizeMessage(issue: { origin: string; code: 'too_small' | 'too_big' }, bound: number | bigint): Bilingual {
  const limit = Number(bound);
  const least = issue.code === 'too_small';
  if (issue.origin === 'string' && least && limit <= 1) return { en: 'must not be empty', vi: 'không được để trống' };
  return bilingual((language) => {
    const count = formatNumber(limit, language);
    if (language === 'vi') {
      const bound = least ? 'ít nhất' : 'nhiều nhất';
      if (issue.origin === 'string') return `phải dài ${bound} ${count} ký tự`;
      if (issue.origin === 'array') return `phải có ${bound} ${count} mục`;
      return `phải ${least ? 'từ' : 'không quá'} ${count}${least ? ' trở lên' : ''}`;
    }
    if (issue.origin === 'string') return `must be at ${least ? 'least' : 'most'} ${count} characters long`;
    if (issue.origin === 'array') return `must have at ${least ? 'least' : 'most'} ${count} item${limit === 1 ? '' : 's'}`;
    return `must be ${least ? 'at least' : 'at most'} ${count}`;
  });
}

const found = (value: unknown): Bilingual =>
  bilingual((language) => (language === 'en' ? `found ${describeValue(value).en}` : `nhưng là ${describeValue(value).vi}`));

/** `first, found second`: a message and what was found, in each language. */
const withFound = (message: Bilingual, value: unknown): Bilingual => bilingual((language) => `${message[language]}, ${found(value)[language]}`);

/** What one zod issue means, in words, with what was found. */
function issueMessage(issue: z.core.$ZodIssue, value: unknown): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedName(issue.expected);
      return value === undefined
        ? { en: `is missing (${expected.en} is required)`, vi: `còn thiếu (cần ${expected.vi})` }
        : withFound({ en: `must be ${expected.en}`, vi: `phải là ${expected.vi}` }, value);
    }
    case 'invalid_value': {
      const isVariableType = issue.path.length === 3 && issue.path[0] === 'variables' && issue.path[2] === 'type';
      const options = issue.values.map((option) => String(option)).join(', ');
      if (isVariableType) {
        const name = typeof value === 'string' ? JSON.stringify(value) : describeValue(value).en;
        return {
          en: `unknown variable type ${name}; the types are ${variableTypes.join(', ')}`,
          vi: `kiểu biến ${typeof value === 'string' ? name : describeValue(value).vi} không có; các kiểu là ${variableTypes.join(', ')}`,
        };
      }
      return bilingual((language) =>
        language === 'en' ? `is ${describeValue(value).en}; expected one of: ${options}` : `là ${describeValue(value).vi}; cần một trong: ${options}`,
      );
    }
    case 'invalid_format':
      return issue.format === 'datetime'
        ? withFound({ en: 'must be a date and time in UTC such as 2027-01-04T08:30:00.000Z', vi: 'phải là ngày giờ UTC như 2027-01-04T08:30:00.000Z' }, value)
        : issue.format === 'regex'
          ? withFound(
              {
                en: 'must be an id: lowercase letters, digits, "_", "-" or "." (2 to 80 characters)',
                vi: 'phải là một mã: chữ thường không dấu, chữ số, "_", "-" hoặc "." (2 đến 80 ký tự)',
              },
              value,
            )
          : withFound({ en: `must have the form ${issue.format}`, vi: `phải có dạng ${issue.format}` }, value);
    case 'too_small':
      return withFound(sizeMessage(issue, issue.minimum), value);
    case 'too_big':
      return withFound(sizeMessage(issue, issue.maximum), value);
    case 'invalid_union': {
      const expected = issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' ? [expectedName(inner.expected)] : [])));
      return expected.length > 0
        ? withFound({ en: `must be ${expected.map((name) => name.en).join(' or ')}`, vi: `phải là ${expected.map((name) => name.vi).join(' hoặc ')}` }, value)
        : { en: 'has an unexpected form', vi: 'có dạng không đúng' };
    }
    case 'invalid_key':
      return { en: 'the key is not valid', vi: 'khóa không hợp lệ' };
    default:
      return { en: issue.message, vi: 'có giá trị không hợp lệ' };
  }
}

/** Zod issues as problems with readable paths; each unknown field is a problem of its own. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], root: unknown, prefix: readonly PropertyKey[] = []): PackProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: { en: 'unknown field; a template pack allows only the fields of its format', vi: 'trường không có trong định dạng gói mẫu' },
      }));
    }
    return [{ path: formatPath(path), message: issueMessage(issue, valueAt(root, issue.path)) }];
  });
}
