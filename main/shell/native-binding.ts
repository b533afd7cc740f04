import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build in node_modules, so the
 * tests (Node) and the app (Electron) never overwrite each other's .node file.
 * main/tools/start-electron.mjs builds it; this finds it.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, 'node_modules', '.fieldbook-electron', electronVersion, 'better_sqlite3.node');
}

export function findElectronNativeBinding(appRoot: string, electronVersion: string, env = process.env): string | undefined {
  const candidate = env.FIELDBOOK_NATIVE_BINDING ?? electronNativeBindingPath(appRoot, electronVersion);
  return fs.existsSync(candidate) ? candidate : undefined;
}
