import type { z } from 'zod';
import { variableTypes } from '#shared/templates/variableTypes';

/** One thing wrong with a template pack or a template: where (a path or a line) and what. */
export interface PackProblem {
  /** Where, as a path into the pack (`templates[3].body[1].text.vi`) or a place in the file (`line 3, column 5`). */
  path: string;
  message: string;
}

const simpleKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as one reads it in JavaScript: `templates[3].body[1].text.vi`, `values["user.meal"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && simpleKey.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path === '' ? '(the whole pack)' : path;
}

/**
 * Joins problems into one message: `path: message` for one; numbered, `3 problems: (1) path:
 * message (2) …`, for several, the first `limit` of them and how many more there are.
 */
export function describePackProblems(problems: readonly PackProblem[], limit = 20): string {
  const [only] = problems;
  if (problems.length === 1 && only) return `${only.path}: ${only.message}`;
  const shown = problems.slice(0, limit).map((problem, index) => `(${index + 1}) ${problem.path}: ${problem.message}`);
  const more = problems.length - shown.length;
  return `${problems.length} problems: ${shown.join(' ')}${more > 0 ? ` … and ${more} more` : ''}`;
}

/** A value as a message shows what was found: `the number 42`, `the text "abc"`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
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

const expectedNames: Record<string, string> = {
  string: 'a text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [...]',
  object: 'an object {...}',
};

const expectedName = (expected: string): string => expectedNames[expected] ?? expected;

function sizeMessage(issue: { origin: string; code: 'too_small' | 'too_big' }, bound: number | bigint): string {
  const limit = Number(bound);
  if (issue.origin === 'string' && issue.code === 'too_small' && limit <= 1) return 'must not be empty';
  if (issue.origin === 'string') return `must be at ${issue.code === 'too_small' ? 'least' : 'most'} ${limit} characters long`;
  if (issue.origin === 'array') return `must have at ${issue.code === 'too_small' ? 'least' : 'most'} ${limit} item${limit === 1 ? '' : 's'}`;
  return `must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${limit}`;
}

/** What one zod issue means, in words, with what was found. */
function issueMessage(issue: z.core.$ZodIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined
        ? `is missing (${expectedName(issue.expected)} is required)`
        : `must be ${expectedName(issue.expected)}, found ${describeValue(found)}`;
    case 'invalid_value': {
      const isVariableType = issue.path.length === 3 && issue.path[0] === 'variables' && issue.path[2] === 'type';
      const options = issue.values.map((value) => String(value)).join(', ');
      return isVariableType
        ? `unknown variable type ${typeof found === 'string' ? JSON.stringify(found) : describeValue(found)}; the types are ${variableTypes.join(', ')}`
        : `is ${describeValue(found)}; expected one of: ${options}`;
    }
    case 'invalid_format':
      return issue.format === 'datetime'
        ? `must be a date and time in UTC such as 2027-01-04T08:30:00.000Z, found ${describeValue(found)}`
        : `${issue.message}, found ${describeValue(found)}`;
    case 'too_small':
      return `${sizeMessage(issue, issue.minimum)}, found ${describeValue(found)}`;
    case 'too_big':
      return `${sizeMessage(issue, issue.maximum)}, found ${describeValue(found)}`;
    case 'invalid_union': {
      const expected = issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' ? [expectedName(inner.expected)] : [])));
      return expected.length > 0 ? `must be ${expected.join(' or ')}, found ${describeValue(found)}` : `has an unexpected form (${issue.message})`;
    }
    case 'invalid_key':
      return `the key is not valid: ${issue.issues.map((inner) => inner.message).join('; ')}`;
    default:
      return issue.message;
  }
}

/** Zod issues as problems with readable paths; each unknown field is a problem of its own. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], root: unknown, prefix: readonly PropertyKey[] = []): PackProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'unknown field; a template pack allows only the fields of its format' }));
    }
    return [{ path: formatPath(path), message: issueMessage(issue, valueAt(root, issue.path)) }];
  });
}
