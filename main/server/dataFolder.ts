import { homedir } from 'node:os';
import { join } from 'node:path';

export const databaseFileName = 'thoa-uoc.sqlite';

/**
 * The per-user data folder when none is given: %APPDATA%\Thoa Uoc on Windows,
 * ~/Library/Application Support/Thoa Uoc on macOS, $XDG_DATA_HOME/thoa-uoc (or
 * ~/.local/share/thoa-uoc) elsewhere. THOA_UOC_DATA overrides it.
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.THOA_UOC_DATA) return env.THOA_UOC_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Thoa Uoc');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Thoa Uoc');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'thoa-uoc');
}
