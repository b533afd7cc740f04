import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where `npm run build` leaves the browser host (main/tools/build-host.mjs). */
export const BUILT_HOST = 'out/host/serve.js';

export interface BrowserHostProcess {
  /** The bootstrap URL the host printed, its secret in the fragment (the page moves it to sessionStorage). */
  readonly url: string;
  /** Everything the host wrote so far, for failure reports. */
  output(): string;
  /** 'SIGTERM' is a clean stop (the library closes); 'SIGKILL' is a crash or power cut. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

const READY_LINE = /Fieldbook is running at (http:\/\/127\.0\.0\.1:\d+\/#secret=[A-Za-z0-9_-]+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Runs the server behind `npm run web` (without the build), as `npm run build` leaves it in
 * out/host, as a child process, so a test can kill it mid-edit and start another on the same
 * library. Node runs the built file itself, with no launcher between: SIGKILL reaches the server.
 */
export function startBrowserHost(repoRoot: string, libraryDir: string): Promise<BrowserHostProcess> {
  const env = { ...process.env };
  // The --library flag must be the only way this host finds its library.
  delete env.FIELDBOOK_LIBRARY;
  const server = path.join(repoRoot, BUILT_HOST);
  if (!fs.existsSync(server)) return Promise.reject(new Error(`${server} is missing: run npm run build first.`));
  const child = spawn(process.execPath, [server, '--library', libraryDir, '--port', '0'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const record = (chunk: string) => (log += chunk);
  child.stdout.setEncoding('utf8').on('data', record);
  child.stderr.setEncoding('utf8').on('data', record);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The browser host did not start within ${START_TIMEOUT_MS} ms. Its output:\n${log}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The browser host exited (code ${code}) before it was ready. Its output:\n${log}`));
    };
    const onOutput = () => {
      const url = READY_LINE.exec(log)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout.off('data', onOutput);
      resolve({ url, output: () => log, stop: (signal = 'SIGTERM') => stopChild(child, signal) });
    };
    child.once('exit', onExit);
    child.stdout.on('data', onOutput);
  });
}

async function stopChild(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
