#!/usr/bin/env node
// Runs npm scripts side by side and fails when any of them fails: `npm test` runs lint and the
// typechecks this way, since each is one single-threaded process and CI's machine has two cores.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: node main/tools/run-together.mjs SCRIPT...');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const child = spawn(npm, ['run', '--silent', script], { stdio: 'inherit' });
      child.on('exit', (code, signal) => resolve({ script, ok: code === 0, why: signal ?? `exit ${code}` }));
      child.on('error', (error) => resolve({ script, ok: false, why: error.message }));
    }),
);
const results = await Promise.all(runs);
for (const { script, ok, why } of results) if (!ok) console.error(`npm run ${script} failed (${why})`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
