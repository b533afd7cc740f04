#!/usr/bin/env node
// `npm start`: build, make sure better-sqlite3 exists for Electron's ABI, then launch the app.
// The Electron build lives in node_modules/.fieldbook-electron/<version>/, apart from the Node
// build that the tests use, so neither ever overwrites the other.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

/** The Electron executable, fetching it once (Electron downloads its binary on first use) if need be. */
function electronBinary() {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const installed = () => {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  };
  if (installed()) return installed();
  console.log("Fetching Electron's binary (once)…");
  const fetched = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { cwd: root, encoding: 'utf8' });
  if (fetched.status !== 0) {
    const lines = (fetched.stderr || fetched.stdout || '').trim().split('\n');
    console.error(`  ${lines.find((line) => /error/i.test(line)) ?? lines[0]}`);
  }
  return installed();
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) fail([`fieldbook: ${[command, ...args].join(' ')} failed.`]);
}

function ensureNativeBinding(electronVersion) {
  const target = path.join(root, 'node_modules', '.fieldbook-electron', electronVersion, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-native-'));
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const copy = path.join(work, 'better-sqlite3');
  fs.cpSync(source, copy, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  run(process.execPath, [
    nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`,
  ], { cwd: copy });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}

const binary = electronBinary();
if (!binary) {
  fail([
    'fieldbook: the Electron binary is not installed.',
    'npm installs the electron package, but Electron fetches its binary from its own servers, which this machine cannot reach.',
    'Where the network allows it, `npm start` fetches it by itself (or run: node node_modules/electron/install.js).',
    'Meanwhile, run Fieldbook in your browser instead:  npm run web',
  ]);
}

const electronVersion = require('electron/package.json').version;
const nativeBinding = ensureNativeBinding(electronVersion);
run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build', '--config', 'electron.config.ts']);
const child = spawn(binary, ['.', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FIELDBOOK_NATIVE_BINDING: nativeBinding },
});
child.on('exit', (code) => process.exit(code ?? 0));
