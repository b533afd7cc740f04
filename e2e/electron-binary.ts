import fs from 'node:fs';
import path from 'node:path';

/**
 * Where node_modules/electron would find its executable, or null when it isn't installed. Mirrors
 * electron/index.js (path.txt names the executable inside dist/) without requiring it: that module
 * starts a download when the binary is missing, and there is no network here or in CI.
 */
export function findElectronExecutable(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const executable = path.join(distDir, relative || 'electron');
  return fs.existsSync(executable) ? executable : null;
}

export const ELECTRON_SKIP_REASON =
  'Electron binary not installed (node node_modules/electron/install.js fetches it); the same specs ran in Chromium';
