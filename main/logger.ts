export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

/** Structured log lines: an event name plus fields, one line each. */
export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

const levelOrder: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /^[\w.:/@-]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** A logger writing `time level event key=value ...` lines to a stream (stderr by default). */
export function createStreamLogger(
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  return {
    log(level, event, fields = {}) {
      if (levelOrder[level] < levelOrder[minLevel]) return;
      const pairs = Object.entries(fields).map(([key, value]) => `${key}=${formatValue(value)}`);
      write(`${new Date().toISOString()} ${level.toUpperCase()} ${event}${pairs.length ? ' ' + pairs.join(' ') : ''}\n`);
    },
  };
}

/** A logger that keeps its lines in memory (for tests that check what was logged). */
export function createMemoryLogger(): Logger & { lines: { level: LogLevel; event: string; fields: LogFields }[] } {
  const lines: { level: LogLevel; event: string; fields: LogFields }[] = [];
  return {
    lines,
    log(level, event, fields = {}) {
      lines.push({ level, event, fields });
    },
  };
}
