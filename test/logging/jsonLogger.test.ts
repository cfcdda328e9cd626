import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger, createMemoryLogger, fileDestination, type LogLevel } from '#main/logger';
import { logValueLimits } from '#main/logValue';
import { createTempFolder } from '../helpers/tempFolder';

/** A JSON logger writing into an array: each entry is one written line, as it would reach stderr. */
function collectingLogger(minLevel: LogLevel = 'debug') {
  const written: string[] = [];
  const logger = createJsonLogger({ write: (line: string) => void written.push(line) }, minLevel);
  return { logger, written, parsed: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** A line is at most this long whatever it holds (the limits of logValue, with JSON's quoting). */
const maxLineChars = 256 * 1024;

// fast-check prints generated values (to report a failure, to keep map keys unique): hostile
// objects give it their name through its own symbol, which the logger does not read.
const named = (name: string) => ({ [fc.toStringMethod]: () => name });

// Built once: the property below reuses them rather than allocate megabytes per run.
const hugeBytes = Object.assign(new Uint8Array(16 * 1024 * 1024).fill(0xab), named('hugeBytes'));
const hugeString = 'Điều 1. '.repeat(256 * 1024);

function throwingGetter(): object {
  return Object.defineProperty({ kept: 1, ...named('throwingGetter') }, 'broken', {
    enumerable: true,
    get: () => {
      throw new Error('getter refuses');
    },
  });
}

/** A proxy refusing every string property and every reflection (fast-check's own symbols aside). */
function throwingProxy(): object {
  const refuse = (): never => {
    throw new Error('trap refuses');
  };
  const forFastCheck: Record<symbol, unknown> = named('throwingProxy');
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'symbol' ? forFastCheck[key] : refuse()),
      has: (_target, key) => (typeof key === 'symbol' ? key in forFastCheck : refuse()),
      ownKeys: refuse,
      getPrototypeOf: refuse,
      getOwnPropertyDescriptor: refuse,
    },
  );
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Values JSON.stringify throws on, loses, or spends megabytes on. */
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.string().map((description) => Symbol(description)),
  fc.func(fc.integer()),
  fc.double(),
  fc.string({ unit: 'binary' }),
  fc
    .constantFrom<() => unknown>(
      () => hugeBytes,
      () => hugeBytes.buffer,
      () => Object.assign(Buffer.from(hugeBytes.buffer), named('hugeBuffer')),
      () => Object.assign(new DataView(hugeBytes.buffer, 3), named('hugeDataView')),
      () => new Float64Array(hugeBytes.buffer, 8, 1024),
      () => hugeString,
      () => new Date(Number.NaN),
      () => 10n ** 4000n,
      throwingGetter,
      throwingProxy,
      () => Object.create(throwingProxy()) as object,
      () => ({
        toJSON: () => {
          throw new Error('toJSON refuses');
        },
        ...named('throwingToJSON'),
      }),
      () => ({ ...Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`key${index}`, index])), ...named('tenThousandKeys') }),
    )
    .map((make) => make()),
);

const { hostile } = fc.letrec<{ hostile: unknown; error: Error; cycle: object }>((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small' },
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      values: [hostileLeaf, fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)],
    }),
    tie('error'),
    tie('cycle'),
  ),
  // Errors with a cause (possibly itself), own fields, and AggregateErrors.
  error: fc.tuple(fc.string(), tie('hostile'), fc.constantFrom('plain', 'type', 'self-caused', 'aggregate')).map(([message, cause, kind]) => {
    if (kind === 'aggregate') return new AggregateError([cause, new Error(message)], message);
    const error = kind === 'type' ? new TypeError(message, { cause }) : new Error(message, { cause });
    if (kind === 'self-caused') error.cause = error;
    return Object.assign(error, { code: 'E_TEST', detail: cause });
  }),
  cycle: tie('hostile').map((inside) => {
    const cycle: Record<string, unknown> = { inside, list: [] };
    (cycle.list as unknown[]).push(cycle, [cycle]);
    cycle.self = cycle;
    return cycle;
  }),
}));

describe('the JSON logger (pino)', () => {
  it('writes one JSON object per line: level, time, pid, hostname, event, the fields, and msg', () => {
    const { logger, written, parsed } = collectingLogger();
    logger.log('warn', 'sync.refused', { code: 4401, reason: 'missing, unknown or revoked token', remote: '127.0.0.1' });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\{.*\}\n$/);
    const [line] = parsed();
    expect(line).toEqual({
      level: 'warn',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      hostname: expect.any(String),
      event: 'sync.refused',
      code: 4401,
      reason: 'missing, unknown or revoked token',
      remote: '127.0.0.1',
      msg: 'sync.refused',
    });
  });

  it('keeps an error whole: type, message, stack, own fields (code), and its cause with its own stack', () => {
    const { logger, parsed } = collectingLogger();
    const cause = Object.assign(new RangeError('disk is full'), { code: 'ENOSPC' });
    logger.log('error', 'sync.room_failed', { document: 'd1', error: new Error('the update could not be stored', { cause }) });
    const [line] = parsed();
    expect(line?.error).toEqual({
      type: 'Error',
      message: 'the update could not be stored',
      stack: expect.stringMatching(/^Error: the update could not be stored\n\s+at .*jsonLogger\.test\.ts/),
      cause: { type: 'RangeError', message: 'disk is full', code: 'ENOSPC', stack: expect.stringMatching(/^RangeError: disk is full\n\s+at /) },
    });
  });

  it('describes what JSON cannot hold: BigInt, symbol, function, NaN, cycles, proxies, throwing getters, big binaries and strings', () => {
    const { logger, parsed } = collectingLogger();
    const circular: Record<string, unknown> = { name: 'room' };
    circular.self = circular;
    logger.log('info', 'test.values', {
      big: 2n ** 70n,
      symbol: Symbol('awareness'),
      callback: function onLeft() {},
      ratio: Number.NaN,
      circular,
      proxy: throwingProxy(),
      getter: throwingGetter(),
      update: hugeBytes,
      text: hugeString,
      when: new Date(Date.UTC(2027, 0, 4)),
      clients: new Map([[7, { side: 'union' }]]),
    });
    const [line] = parsed();
    expect(line).toMatchObject({
      big: '1180591620717411303424',
      symbol: 'Symbol(awareness)',
      callback: '[function onLeft]',
      ratio: 'NaN',
      circular: { name: 'room', self: '[Circular]' },
      proxy: '[Proxy]',
      getter: { kept: 1, broken: '[unreadable]' },
      update: { type: 'Uint8Array', bytes: hugeBytes.length, hex: `${'ab'.repeat(logValueLimits.binaryBytes)}…` },
      text: expect.stringMatching(new RegExp(`^(Điều 1\\. ){10}.*… \\(${hugeString.length - logValueLimits.stringChars} more characters\\)$`)),
      when: '2027-01-04T00:00:00.000Z',
      clients: [[7, { side: 'union' }]],
    });
  });

  it('never throws, and writes one parseable line of bounded size, whatever the fields and bindings hold', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.string(), (value, bound, key) => {
        const { logger, written, parsed } = collectingLogger();
        // A revoked proxy throws on any look, fast-check's included: it is made here, not generated.
        logger.child({ bound }).log('error', 'test.hostile', { [key]: value, value, revoked: revokedProxy() });
        expect(written).toHaveLength(1);
        expect(written[0]?.length).toBeLessThan(maxLineChars);
        expect(parsed()[0]).toMatchObject({ level: 'error', event: 'test.hostile', msg: 'test.hostile' });
      }),
      { numRuns: 300 },
    );
  });

  it('child bindings are on every line of the child and of its children; a line field of the same name wins', () => {
    const { logger, parsed } = collectingLogger();
    const room = logger.child({ document: 'd1' });
    const connection = room.child({ participant: 'p1', side: 'union' });
    room.log('info', 'sync.room_loaded');
    connection.log('info', 'sync.connected');
    connection.log('warn', 'sync.malformed_frame', { reason: 'truncated', side: 'employer' });
    logger.log('info', 'server.stopping');
    expect(parsed().map(({ event, document, participant, side, reason }) => ({ event, document, participant, side, reason }))).toEqual([
      { event: 'sync.room_loaded', document: 'd1', participant: undefined, side: undefined, reason: undefined },
      { event: 'sync.connected', document: 'd1', participant: 'p1', side: 'union', reason: undefined },
      { event: 'sync.malformed_frame', document: 'd1', participant: 'p1', side: 'employer', reason: 'truncated' },
      { event: 'server.stopping', document: undefined, participant: undefined, side: undefined, reason: undefined },
    ]);
  });

  it('renames a field that has the name of a line key instead of writing the key twice', () => {
    const { logger, written, parsed } = collectingLogger();
    logger.child({ event: 'bound' }).log('info', 'test.names', { level: 'high', msg: 'hello', time: 3 });
    expect(written[0]?.match(/"level":/g)).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({
      level: 'info',
      event: 'test.names',
      msg: 'test.names',
      field_level: 'high',
      field_msg: 'hello',
      field_time: 3,
      field_event: 'bound',
    });
  });

  it('writes nothing below its level', () => {
    const { logger, parsed } = collectingLogger('warn');
    logger.log('debug', 'test.debug');
    logger.log('info', 'test.info');
    logger.log('warn', 'test.warn');
    logger.log('error', 'test.error');
    expect(parsed().map((line) => line.event)).toEqual(['test.warn', 'test.error']);
  });

  it('a destination that throws does not throw into the caller: the line is dropped, the next ones still go', () => {
    const written: string[] = [];
    let failing = true;
    const logger = createJsonLogger({
      write: (line: string) => {
        if (failing) throw new Error('EPIPE: the reader went away');
        written.push(line);
      },
    });
    expect(() => logger.log('error', 'test.lost', { error: new Error('x') })).not.toThrow();
    failing = false;
    logger.log('info', 'test.kept');
    expect(written.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['test.kept']);
  });
});

describe('the desktop log file', () => {
  const folders: ReturnType<typeof createTempFolder>[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) folder.remove();
  });

  it('is created with its folder and appended to across openings', () => {
    const folder = createTempFolder();
    folders.push(folder);
    const path = join(folder.path, 'logs', 'thoa-uoc.log');
    createJsonLogger(fileDestination(path)).log('info', 'test.first');
    createJsonLogger(fileDestination(path)).child({ document: 'd1' }).log('warn', 'test.second');
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.event, line.document])).toEqual([
      ['test.first', undefined],
      ['test.second', 'd1'],
    ]);
  });

  it('past its size when opened, becomes .old (replacing the previous one) and a new file starts', () => {
    const folder = createTempFolder();
    folders.push(folder);
    const path = join(folder.path, 'thoa-uoc.log');
    writeFileSync(`${path}.old`, 'the previous old file\n');
    writeFileSync(path, 'x'.repeat(2048));
    createJsonLogger(fileDestination(path, 1024)).log('info', 'test.after_rotation');
    expect(readFileSync(`${path}.old`, 'utf8')).toBe('x'.repeat(2048));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ event: 'test.after_rotation' });
    // Under the size it is kept and appended to.
    createJsonLogger(fileDestination(path, 1024)).log('info', 'test.appended');
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    expect(statSync(`${path}.old`).size).toBe(2048);
  });

  it('that cannot be opened does not fail the start (lines go to stderr instead)', () => {
    const folder = createTempFolder();
    folders.push(folder);
    // A file where the log folder should be: the folder cannot be made.
    writeFileSync(join(folder.path, 'logs'), '');
    const path = join(folder.path, 'logs', 'thoa-uoc.log');
    expect(() => createJsonLogger(fileDestination(path), 'error')).not.toThrow();
    expect(existsSync(path)).toBe(false);
  });
});

describe('the memory logger (tests)', () => {
  it('keeps fields as given, with child bindings merged in (a line field of the same name wins)', () => {
    const logger = createMemoryLogger();
    const error = new Error('boom');
    const connection = logger.child({ document: 'd1' }).child({ participant: 'p1' });
    connection.log('warn', 'sync.socket_error', { error, participant: 'p2' });
    logger.log('info', 'server.stopping');
    expect(logger.lines).toEqual([
      { level: 'warn', event: 'sync.socket_error', fields: { document: 'd1', participant: 'p2', error } },
      { level: 'info', event: 'server.stopping', fields: {} },
    ]);
    expect(logger.lines[0]?.fields.error).toBe(error);
  });
});
