import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { BenchmarkError } from './benchmark';

/** A server running in its own process, found by a line it prints when it listens. */
export interface ChildServer {
  readonly name: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** The last lines it wrote (stdout and stderr), for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

export interface StartChildServerOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Matches the line announcing that it listens; group 1 is the port. */
  listening: RegExp;
  timeoutMs?: number;
}

const keptOutputLines = 40;

/**
 * Starts a server process and resolves once it prints its listening line. Its output is always
 * drained (a child writing to a full pipe would block), and the tail kept for error messages.
 */
export function startChildServer(options: StartChildServerOptions): Promise<ChildServer> {
  const child = spawn(options.command, [...options.args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let exited = child.exitCode !== null;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    exited = true;
  });
  const output = (): string => lines.join('\n');

  return new Promise<ChildServer>((resolve, reject) => {
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new BenchmarkError(`${options.name} did not start: ${reason}\n${output()}`));
    };
    const timer = setTimeout(() => fail(`no listening line within ${options.timeoutMs ?? 30_000} ms`), options.timeoutMs ?? 30_000);
    const onText = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        lines.push(line);
        if (lines.length > keptOutputLines) lines.shift();
        const match = options.listening.exec(line);
        if (match && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({
            name: options.name,
            port: Number(match[1]),
            process: child,
            output,
            async stop() {
              if (exited) return;
              child.kill('SIGTERM');
              const grace = setTimeout(() => child.kill('SIGKILL'), 5_000);
              await exitedPromise;
              clearTimeout(grace);
            },
          });
        }
      }
    };
    child.stdout.on('data', onText);
    child.stderr.on('data', onText);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
  });
}

/**
 * A TCP port that was free a moment ago on 127.0.0.1, for a server that cannot report the port
 * it picked itself (the reference y-websocket server prints the port it was given).
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no port'))));
    });
  });
}
