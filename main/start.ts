import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '#main/electron/electronRuntime';
import { buildElectronBundle } from '#main/electron/electronBundle';
import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { runServerMode } from '#main/server/runServerMode';
import { defaultRendererFolder } from '#main/server/serverMode';

/** `npm start`: the desktop app where Electron is installed, otherwise server mode in a browser. */
async function start(): Promise<void> {
  const electron = findElectronBinary();
  if (!electron) {
    console.log('The Electron runtime is not installed on this machine, so Thỏa Ước starts in server mode: open the link below in a browser.');
    await runServerMode(process.argv.slice(2));
    return;
  }
  ensureRendererBuilt(defaultRendererFolder, (line) => console.log(line));
  const entry = buildElectronBundle();
  const child = spawn(electron, [entry, ...process.argv.slice(2)], { stdio: 'inherit', cwd: fileURLToPath(new URL('../', import.meta.url)) });
  child.on('exit', (code) => process.exit(code ?? 0));
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
