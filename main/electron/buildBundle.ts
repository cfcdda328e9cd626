import { buildElectronBundle } from '#main/electron/electronBundle';

console.log(`Electron bundle written to ${buildElectronBundle()}`);
