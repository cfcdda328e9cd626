import { types } from 'node:util';

/**
 * How much of a logged value a line keeps: enough to diagnose, never enough to flood the log or
 * to make one line cost more than the work it reports.
 */
export const logValueLimits = {
  depth: 6,
  /** Items of an array, map or set, and keys of an object. */
  entries: 50,
  /** Objects and arrays in one value, all levels together. */
  objects: 500,
  /** Characters of one string (an error's stack included). */
  stringChars: 8192,
  /** Characters of one value's strings and keys together; other leaves count as 8 each. */
  totalChars: 64 * 1024,
  /** Characters of one key. */
  keyChars: 128,
  /** Bytes of a binary value shown (in hex); the rest is only counted. */
  binaryBytes: 32,
} as const;

interface Walk {
  /** What is left of the value's budgets (logValueLimits.objects, .totalChars). */
  objects: number;
  chars: number;
  /** The objects being converted above the current one: meeting one again is a cycle. */
  ancestors: Set<object>;
}

/**
 * Turns any value into one that JSON represents faithfully and cheaply: errors keep their type,
 * message, stack, cause and own fields; BigInts, symbols and non-finite numbers become strings;
 * binaries are described (type, size, first bytes); cycles, proxies and throwing getters become
 * markers; long strings and large containers are cut. It never throws.
 */
function toLogValue(value: unknown): unknown {
  return convert(value, { objects: logValueLimits.objects, chars: logValueLimits.totalChars, ancestors: new Set() }, 0);
}

/** A line's fields, converted by `toLogValue`; always a plain object. */
export function toLogFields(fields: unknown): Record<string, unknown> {
  const converted = toLogValue(fields);
  return isPlainRecord(converted) ? converted : { fields: converted };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function convert(value: unknown, walk: Walk, depth: number): unknown {
  const converted = convertValue(value, walk, depth);
  if (typeof converted !== 'object' || converted === null) walk.chars -= typeof converted === 'string' ? converted.length : 8;
  return converted;
}

function convertValue(value: unknown, walk: Walk, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return cutString(value, walk);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
    case 'symbol':
      return cutString(value.toString(), walk);
  }
  if (value === null) return null;
  const object = value as object;
  // A proxy's traps may throw or lie on any access, even `instanceof`: it is not opened.
  if (types.isProxy(object)) return '[Proxy]';
  if (typeof object === 'function') return `[function ${cutKey(typeName(object, 'anonymous', true))}]`;
  if (walk.ancestors.has(object)) return '[Circular]';
  if (walk.objects <= 0) return '[…]';
  walk.objects -= 1;
  walk.ancestors.add(object);
  try {
    return convertObject(object, walk, depth);
  } catch {
    // A throwing iterator or getter of a built-in: the value is described, not read.
    return `[unreadable ${cutKey(typeName(object))}]`;
  } finally {
    walk.ancestors.delete(object);
  }
}

function convertObject(object: object, walk: Walk, depth: number): unknown {
  if (types.isBoxedPrimitive(object)) return convert(unbox(object), walk, depth);
  if (types.isDate(object)) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (types.isAnyArrayBuffer(object) || ArrayBuffer.isView(object)) return describeBinary(object);
  if (depth >= logValueLimits.depth) return `[${cutKey(typeName(object))}]`;
  if (types.isNativeError(object) || object instanceof Error) return convertError(object, walk, depth);
  const inner = (item: unknown): unknown => convert(item, walk, depth + 1);
  if (Array.isArray(object)) return convertItems(object, object.length, walk, inner);
  if (types.isMap(object)) return convertItems(object.entries(), object.size, walk, ([key, item]: [unknown, unknown]) => [inner(key), inner(item)]);
  if (types.isSet(object)) return convertItems(object.values(), object.size, walk, inner);
  const toJSON = readProperty(object, 'toJSON');
  if (typeof toJSON === 'function') {
    // The object says how it serialises; a toJSON returning the object itself meets it as a cycle.
    try {
      return inner(toJSON.call(object));
    } catch {
      return `[unreadable ${cutKey(typeName(object))}]`;
    }
  }
  return convertKeys(object, Object.keys(object), walk, depth);
}

function convertItems<T>(items: Iterable<T>, size: number, walk: Walk, convertItem: (item: T) => unknown): unknown[] {
  const converted: unknown[] = [];
  for (const item of items) {
    if (converted.length === logValueLimits.entries || walk.chars <= 0) break;
    converted.push(convertItem(item));
  }
  if (size > converted.length) converted.push(`… ${size - converted.length} more`);
  return converted;
}

function convertKeys(object: object, keys: string[], walk: Walk, depth: number): Record<string, unknown> {
  // No prototype: a key named __proto__ is then a field like any other, not a prototype to set.
  const converted = Object.create(null) as Record<string, unknown>;
  let count = 0;
  for (const key of keys) {
    if (count === logValueLimits.entries || walk.chars <= 0) break;
    const cut = cutKey(key);
    walk.chars -= cut.length;
    converted[cut] = convert(readProperty(object, key), walk, depth + 1);
    count += 1;
  }
  if (keys.length > count) converted['…'] = `${keys.length - count} more keys`;
  return converted;
}

const errorOwnKeys = new Set(['type', 'message', 'stack', 'cause', 'errors']);

/** An error as type, message, stack, its own fields (code, errno, path...), its cause and, for an AggregateError, its errors. */
function convertError(error: object, walk: Walk, depth: number): Record<string, unknown> {
  const inner = (item: unknown): unknown => convert(item, walk, depth + 1);
  const converted: Record<string, unknown> = {
    type: cutKey(typeName(error, 'Error')),
    message: inner(readProperty(error, 'message')),
    stack: inner(readProperty(error, 'stack')),
    ...convertKeys(
      error,
      Object.keys(error).filter((key) => !errorOwnKeys.has(key)),
      walk,
      depth,
    ),
  };
  if ('cause' in error) converted.cause = inner(readProperty(error, 'cause'));
  if (error instanceof AggregateError) converted.errors = inner(readProperty(error, 'errors'));
  return converted;
}

function describeBinary(binary: ArrayBufferLike | ArrayBufferView): Record<string, unknown> {
  const bytes = ArrayBuffer.isView(binary) ? new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength) : new Uint8Array(binary);
  const shown = bytes.subarray(0, logValueLimits.binaryBytes);
  return {
    type: cutKey(typeName(binary)),
    bytes: bytes.byteLength,
    hex: Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString('hex') + (bytes.byteLength > shown.byteLength ? '…' : ''),
  };
}

/** The primitive in a box (`new String(...)`, ...), read with its type's own valueOf, not the object's. */
function unbox(boxed: object): unknown {
  if (types.isStringObject(boxed)) return String.prototype.valueOf.call(boxed);
  if (types.isNumberObject(boxed)) return Number.prototype.valueOf.call(boxed);
  if (types.isBooleanObject(boxed)) return Boolean.prototype.valueOf.call(boxed);
  if (types.isBigIntObject(boxed)) return BigInt.prototype.valueOf.call(boxed);
  return Symbol.prototype.valueOf.call(boxed);
}

function readProperty(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return '[unreadable]';
  }
}

/** The name of the object's class (of the function itself for a function), read without trusting it. */
function typeName(object: object, fallback = 'Object', ofFunction = false): string {
  try {
    const named = ofFunction ? object : (Object.getPrototypeOf(object) as { constructor?: unknown } | null)?.constructor;
    const name = typeof named === 'function' ? (named as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name !== '' ? name : fallback;
  } catch {
    return fallback;
  }
}

function cutString(text: string, walk: Walk): string {
  const limit = Math.max(0, Math.min(logValueLimits.stringChars, walk.chars));
  if (text.length <= limit) return text;
  return `${keepWholeCharacters(text, limit)}… (${text.length - limit} more characters)`;
}

function cutKey(key: string): string {
  return key.length <= logValueLimits.keyChars ? key : `${keepWholeCharacters(key, logValueLimits.keyChars)}…`;
}

/** The first `length` UTF-16 units, one fewer where the cut would split a surrogate pair. */
function keepWholeCharacters(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
