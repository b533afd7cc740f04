import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LIBRARY_FILE_NAME = 'library.sqlite';

/**
 * The folder Electron would call userData for an app named Fieldbook, computed without Electron
 * so the command line and the browser host open the same library as the desktop app.
 */
export function appDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fieldbook');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fieldbook');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Fieldbook');
}

/**
 * `--library PATH` wins over FIELDBOOK_LIBRARY, which wins over the app-data folder. PATH names a
 * library folder (created when missing), or an existing library file.
 */
export function resolveLibraryFile(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.FIELDBOOK_LIBRARY;
  if (!chosen) return path.join(appDataFolder(env), LIBRARY_FILE_NAME);
  const resolved = path.resolve(chosen);
  if (fs.existsSync(resolved) && fs.statSync(resolved).isFile()) return resolved;
  if (/\.(sqlite|db|fieldbook)$/i.test(resolved)) return resolved;
  return path.join(resolved, LIBRARY_FILE_NAME);
}
