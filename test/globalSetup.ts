import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { defaultRendererFolder } from '#main/server/serverMode';

/** End-to-end tests drive the built interface: build it once, before any test file runs. */
export default function setup(): void {
  ensureRendererBuilt(defaultRendererFolder, (line) => console.log(line));
}
