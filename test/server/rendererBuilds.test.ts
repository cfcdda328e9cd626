import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { defaultRendererFolder, testRendererFolder } from '#main/server/serverMode';

/** The files of a build that mention a name, by their path inside it. */
function filesMentioning(folder: string, name: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path, 'utf8').includes(name))
    .map((path) => path.slice(folder.length));
}

describe('the builds of the interface', () => {
  it(
    'the debug hook window.thoaUocDebug is in the test build only: no script, style or source map of the production build mentions it',
    { timeout: 300_000 },
    () => {
      ensureRendererBuilt(defaultRendererFolder, () => {});
      // Built by the global setup: its scripts carry the hook, so the search below would find it.
      expect(filesMentioning(testRendererFolder, 'thoaUocDebug').filter((path) => path.endsWith('.js'))).not.toEqual([]);
      expect(readdirSync(join(defaultRendererFolder, 'assets')).filter((name) => name.endsWith('.js'))).not.toEqual([]);
      expect(filesMentioning(defaultRendererFolder, 'thoaUocDebug')).toEqual([]);
    },
  );

  it('the API contract is not among the scripts a page loads at start: its schemas are built when the first call is made', { timeout: 300_000 }, () => {
    ensureRendererBuilt(defaultRendererFolder, () => {});
    const html = readFileSync(join(defaultRendererFolder, 'index.html'), 'utf8');
    const startScripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] as string);
    const sourcesOf = (script: string): string[] =>
      (JSON.parse(readFileSync(join(defaultRendererFolder, `${script}.map`), 'utf8')) as { sources: string[] }).sources;
    const allScripts = readdirSync(join(defaultRendererFolder, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `assets/${name}`);
    const isContract = (source: string): boolean => source.endsWith('shared/api/contract.ts');
    expect(startScripts).not.toEqual([]);
    expect(startScripts.flatMap(sourcesOf).filter(isContract)).toEqual([]);
    // It is in the build, in a script of its own that the client loads.
    expect(allScripts.filter((script) => sourcesOf(script).some(isContract))).toHaveLength(1);
  });
});
