import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BUILT_HOST } from '../e2e/browser-host-process';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

export interface BrowserSession {
  page: Page;
  close(): Promise<void>;
}

/** True when the built UI and Debian's Chromium are both there; the browser benchmarks need them. */
export function browserBenchmarksAvailable(): string | null {
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html')) || !fs.existsSync(path.join(ROOT, BUILT_HOST))) {
    return 'the UI is not built (run npm run build first)';
  }
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  return null;
}

/**
 * The app as a person runs it where Electron can't: the browser host on a library, and Chromium
 * on the address it prints. The library is built by the caller before this starts.
 */
export async function openInBrowser(libraryDir: string, extraArgs: string[] = []): Promise<BrowserSession> {
  const host: ChildProcess = spawn(process.execPath, [BUILT_HOST, '--library', libraryDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    host.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    host.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    host.on('exit', (code) => reject(new Error(`the browser host stopped (${code}): ${output}`)));
  });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  return {
    page,
    close: async () => {
      await browser.close();
      host.kill('SIGTERM');
      await new Promise((resolve) => host.once('exit', resolve));
    },
  };
}
