import { mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type DestinationStream } from 'pino';
import { toLogFields } from '#main/logValue';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

/** Structured log lines: an event name plus fields, one line each. */
export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  /** A logger whose every line also carries these fields (a line's own field of the same name wins). */
  child(bindings: LogFields): Logger;
}

/** Where JSON lines go: stderr, a file, or a test's collector. */
export type LogDestination = DestinationStream;

/** Names every line has; a field of the same name is renamed `field_<name>` rather than hide them. */
const lineKeys = new Set(['level', 'time', 'pid', 'hostname', 'event', 'msg']);

function withoutLineKeys(fields: Record<string, unknown>): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    Object.defineProperty(renamed, lineKeys.has(key) ? `field_${key}` : key, { value, enumerable: true, writable: true, configurable: true });
  }
  return renamed;
}

/**
 * A logger writing one JSON object per line (pino): `level` (debug, info, warn, error), `time`
 * (ISO 8601), `pid`, `hostname`, `event`, the bound and given fields, and `msg` (the event again,
 * for tools that show `msg`). Values of every kind are made safe first (main/logValue.ts): errors
 * keep their stack and cause. Logging never throws into the caller: a line that cannot be written
 * is dropped.
 */
export function createJsonLogger(destination: LogDestination, minLevel: LogLevel = 'info'): Logger {
  const root = pino(
    {
      level: minLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Fields arrive already converted; pino's own error serialiser (of `err`) would convert again.
      serializers: {},
    },
    destination,
  );
  // Bindings are converted once, when bound.
  const bound = (bindings: Record<string, unknown>): Logger => ({
    log(level, event, fields = {}) {
      try {
        if (!root.isLevelEnabled(level)) return;
        root[level]({ event, ...withoutLineKeys({ ...bindings, ...toLogFields(fields) }) }, event);
      } catch {
        // The destination failed (a closed pipe, a full disk): the caller's work goes on without this line.
      }
    },
    child: (more) => bound({ ...bindings, ...toLogFields(more) }),
  });
  return bound({});
}

let stderr: LogDestination | undefined;

/**
 * Standard error, written synchronously (a line is out before the process exits). One for the
 * process; a write error (the reader went away) drops the line instead of throwing or crashing.
 */
export function stderrDestination(): LogDestination {
  stderr ??= quiet(pino.destination({ dest: 2, sync: true, maxLength: maxPendingBytes }));
  return stderr;
}

/** Bytes a destination keeps while it cannot write; past them new lines are dropped. */
const maxPendingBytes = 4 * 1024 * 1024;

/**
 * A log file, appended to (its folder is created). A file larger than `rotateAtBytes` when opened
 * becomes `<file>.old` (replacing the previous one), so the two stay bounded. A file that cannot
 * be opened falls back to stderr.
 */
export function fileDestination(path: string, rotateAtBytes = 10 * 1024 * 1024): LogDestination {
  try {
    mkdirSync(dirname(path), { recursive: true });
    if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > rotateAtBytes) renameSync(path, `${path}.old`);
    return quiet(pino.destination({ dest: path, sync: true, maxLength: maxPendingBytes }));
  } catch {
    return stderrDestination();
  }
}

function quiet(destination: ReturnType<typeof pino.destination>): LogDestination {
  // Without a listener an 'error' event would be thrown, and end the process.
  destination.on('error', () => {});
  return destination;
}

export interface LoggedLine {
  level: LogLevel;
  event: string;
  fields: LogFields;
}

/** A logger that keeps its lines in memory, fields as given (for tests that check what was logged). */
export function createMemoryLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const bound = (bindings: LogFields): Logger => ({
    log(level, event, fields = {}) {
      lines.push({ level, event, fields: { ...bindings, ...fields } });
    },
    child: (more) => bound({ ...bindings, ...more }),
  });
  return { lines, ...bound({}) };
}
