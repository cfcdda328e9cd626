import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { testRendererFolder } from '#main/server/serverMode';

/** End-to-end tests drive the built interface, in its test build: build it once, before any test file runs. */
export default function setup(): void {
  ensureRendererBuilt(testRendererFolder, (line) => console.log(line), 'test');
}
