import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '#main/cli/runCli';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The real server mode (`main/server.ts`) running as a child process. */
export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** What it wrote so far on stderr alone: its log lines. */
  errorOutput(): string;
}

/**
 * `node --import tsx main/server.ts --port PORT --data FOLDER --no-build`, its output collected;
 * `launcher` runs it through another command (e.g. `prlimit --fsize=N --`).
 */
function spawnServerProcess(dataFolder: string, port: number, launcher: readonly string[] = []) {
  return spawnServerCommand([...launcher, process.execPath, '--import', 'tsx', 'main/server.ts', '--port', String(port), '--data', dataFolder, '--no-build']);
}

/** A server process run with `command`, its output collected. */
function spawnServerCommand(command: readonly string[]) {
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errorOutput = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
    errorOutput += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, output: () => output, errorOutput: () => errorOutput };
}

/**
 * Starts the real server mode and waits for "listening on". `--no-build` skips rebuilding the
 * interface, which these tests never load.
 */
export function spawnServer(dataFolder: string, port = 0, timeoutMs = 15_000, launcher: readonly string[] = []): Promise<ServerProcess> {
  return untilListening(spawnServerProcess(dataFolder, port, launcher), timeoutMs);
}

/** Server mode with these arguments (e.g. `--store`, `--relay` for a hosted instance), once it listens. */
export function spawnServerWith(args: readonly string[], timeoutMs = 15_000): Promise<ServerProcess> {
  return untilListening(spawnServerCommand([process.execPath, '--import', 'tsx', 'main/server.ts', '--host', '127.0.0.1', '--no-build', ...args]), timeoutMs);
}

function untilListening({ child, exited, output, errorOutput }: ReturnType<typeof spawnServerCommand>, timeoutMs: number): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(output())?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, port: Number(new URL(url).port), child, exited, output, errorOutput });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before listening:\n${output()}`));
    });
  });
}

/** Starts the real server mode expecting it to give up (a refused start): its exit code and output. */
export async function runRefusedServer(dataFolder: string, timeoutMs = 15_000): Promise<{ code: number | null; output: string }> {
  const { child, exited, output } = spawnServerProcess(dataFolder, 0);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  // A server that starts after all is stopped at once, and the caller hears of it below.
  child.stdout.on('data', () => {
    if (/listening on/.test(output())) child.kill('SIGKILL');
  });
  const { code } = await exited;
  clearTimeout(timer);
  if (/listening on/.test(output())) throw new Error(`the server started instead of being refused:\n${output()}`);
  return { code, output: output() };
}

/** Runs the command line (`runCli`) on a data folder with --json and parses what it prints. */
export async function runCliJson(dataFolder: string, args: string[]): Promise<unknown> {
  let printed = '';
  const exitCode = await runCli(['--data', dataFolder, '--json', ...args], (text) => {
    printed += text;
  });
  if (exitCode !== 0) throw new Error(`cli ${args.join(' ')} exited with ${exitCode}: ${printed}`);
  return JSON.parse(printed) as unknown;
}
