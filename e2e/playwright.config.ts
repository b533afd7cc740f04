import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { ELECTRON_SKIP_REASON, findElectronExecutable } from './electron-binary';
import type { FixtureOptions } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Workers load this file too; say it once, from the runner.
if (process.env.TEST_WORKER_INDEX === undefined && !findElectronExecutable(repoRoot)) {
  console.log(`e2e: the electron project is skipped: ${ELECTRON_SKIP_REASON}.`);
}

export default defineConfig<FixtureOptions>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // Conditions, not delays: these bound how long a busy 2-CPU machine may take to reach them (a
  // test with two axe scans, each in light and dark, went past 30 s with another job running beside it).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The whole run (both projects) must stay well inside CI's budget, or something hangs.
  globalTimeout: 15 * 60_000,
  // Failure screenshots are taken by the fixture, which also covers Electron windows.
  use: { screenshot: 'off', trace: 'off', actionTimeout: 10_000, navigationTimeout: 15_000 },
  projects: [
    { name: 'chromium', use: { appKind: 'chromium' } },
    { name: 'electron', use: { appKind: 'electron' } },
  ],
});
