import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the bundled Electron entry lands (package.json "main"). */
export const electronEntry = `${projectRoot}dist/electron/main.cjs`;

/**
 * Bundles the Electron entry and preload into CommonJS (a sandboxed preload must be one file).
 * Native and Electron modules stay external; paths are passed explicitly by main.ts, so the
 * bundle never relies on import.meta.url.
 */
export function buildElectronBundle(): string {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    // playwright-core prints server mode's PDFs; the desktop prints with Electron (printToPdf.ts).
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate', 'playwright-core'],
    absWorkingDir: projectRoot,
    logLevel: 'warning' as const,
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  buildSync({ ...common, entryPoints: ['main/electron/main.ts'], outfile: electronEntry });
  buildSync({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: `${projectRoot}dist/electron/preload.cjs`, define: {}, banner: {} });
  return electronEntry;
}
