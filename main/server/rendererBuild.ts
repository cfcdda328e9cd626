import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/renderer is missing or older than the sources it is built from. */
export function isRendererStale(rendererFolder: string): boolean {
  const index = join(rendererFolder, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestModification(join(projectRoot, 'renderer')), newestModification(join(projectRoot, 'shared')));
  return statSync(index).mtimeMs < sources;
}

/**
 * The interface people use (`production`), or the one end-to-end tests and benchmarks drive
 * (`test`): the same, except that it exposes the open document to them as `window.thoaUocDebug`.
 */
export type RendererMode = 'production' | 'test';

/** Builds the renderer with Vite into `rendererFolder` when it is missing or stale (a checkout; packaged apps ship it built). */
export function ensureRendererBuilt(rendererFolder: string, log: (line: string) => void, mode: RendererMode = 'production'): void {
  if (!isRendererStale(rendererFolder)) return;
  log(mode === 'production' ? 'Building the interface (vite build)…' : 'Building the interface for tests (vite build --mode test)…');
  const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
  const vite = join(dirname(vitePackage), 'bin', 'vite.js');
  // Always React's production build: Vite takes NODE_ENV from the environment, and under vitest it
  // is "test", which would bundle React's development build (several times slower to render).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', mode, '--outDir', rendererFolder, '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) throw new Error('Building the interface failed (see the messages above).');
}
