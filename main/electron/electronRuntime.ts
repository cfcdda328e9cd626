import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, if it is installed, found without running the `electron` package's
 * entry point (which would try to download it, impossible without internet access).
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  let packageFolder: string;
  try {
    packageFolder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distFolder = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageFolder, 'dist');
  const binary = relative ? join(distFolder, relative) : null;
  return binary && existsSync(binary) ? binary : null;
}
