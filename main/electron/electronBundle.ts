import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the bundled Electron entry lands (package.json "main"). */
export const electronEntry = `${projectRoot}dist/electron/main.cjs`;

/** The bundled file worker (main/export/fileWorker.ts), beside the entry that starts it. */
export const fileWorkerBundle = `${projectRoot}dist/electron/fileWorker.cjs`;

/**
 * Bundles the Electron entry, the preload and the file worker into CommonJS (a sandboxed preload
 * must be one file). Native and Electron modules stay external; paths are passed explicitly by
 * main.ts, except the file worker's, which fileWorkers.ts finds beside the bundle's import.meta.url.
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
  buildSync({ ...common, entryPoints: ['main/export/fileWorker.ts'], outfile: fileWorkerBundle });
  return electronEntry;
}
