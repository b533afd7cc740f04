/**
 * The one `test` every spec imports. Its `page` is the Fieldbook window, whichever project runs:
 * a tab on the browser host (project chromium) or the Electron app's first window (project electron).
 * Each test gets a fresh library in its own temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, _electron, type Browser, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { startBrowserHost, type BrowserHostProcess } from './browser-host-process';
import { ELECTRON_SKIP_REASON, findElectronExecutable } from './electron-binary';

export type AppKind = 'chromium' | 'electron';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const VIEWPORT = { width: 1280, height: 800 };

export interface FieldbookApp {
  readonly kind: AppKind;
  /** The library folder this test's app works on. Specs must not read it: act through the UI. */
  readonly libraryDir: string;
  /** The current window. Electron opens a new one after start(), so read this again afterwards. */
  readonly page: Page;
  /**
   * Stops whatever holds the library: the browser host process, or the Electron app. 'kill' is a
   * crash or power cut (SIGKILL); 'quit' is a clean stop.
   */
  stop(how?: 'quit' | 'kill'): Promise<void>;
  /** Starts it again on the same library and shows the app (the same tab in Chromium, a new window in Electron). */
  start(): Promise<Page>;
  /**
   * A second window on the same running library, as a person opens one: another tab at the
   * address the host printed, or File > New Window in the desktop app.
   */
  openAnotherWindow(): Promise<Page>;
}

interface Fixtures {
  app: FieldbookApp;
}

export interface FixtureOptions {
  appKind: AppKind;
}

interface WorkerFixtures {
  /** Launched on first use only, so the electron project never starts a browser. */
  chromiumBrowser: () => Promise<Browser>;
}

export const test = base.extend<Fixtures & FixtureOptions, WorkerFixtures>({
  appKind: ['chromium', { option: true }],

  chromiumBrowser: [
    async ({ playwright }, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => (launched ??= playwright.chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })));
      if (launched) await (await launched).close();
    },
    { scope: 'worker' },
  ],

  app: async ({ appKind, chromiumBrowser }, use, testInfo) => {
    const electronExecutable = appKind === 'electron' ? findElectronExecutable(REPO_ROOT) : null;
    if (appKind === 'electron' && !electronExecutable) testInfo.skip(true, ELECTRON_SKIP_REASON);

    const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-e2e-'));
    let session: AppSession | undefined;
    try {
      session =
        appKind === 'chromium'
          ? new BrowserHostSession(REPO_ROOT, libraryDir, await chromiumBrowser())
          : new ElectronSession(REPO_ROOT, libraryDir, electronExecutable as string);
      await session.start();
      await use(session);
    } finally {
      if (session) {
        await attachFailureEvidence(session, testInfo);
        await session.dispose();
      }
      fs.rmSync(libraryDir, { recursive: true, force: true });
    }
  },

  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };

/**
 * Saves a screenshot of the window under test-results/ (CI keeps that folder) and attaches it to the
 * report, so a reviewer can look at the UI without running it.
 */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** A failing run keeps what the person would have seen, and whatever the page complained about. */
async function attachFailureEvidence(session: AppSession, testInfo: TestInfo): Promise<void> {
  const problems = session.problems();
  if (problems.length > 0) await testInfo.attach('page-errors.txt', { body: problems.join('\n'), contentType: 'text/plain' });
  if (testInfo.status === testInfo.expectedStatus) return;
  const page = session.currentPage();
  if (page && !page.isClosed()) {
    const file = testInfo.outputPath('screenshot-on-failure.png');
    const taken = await page.screenshot({ path: file, fullPage: true }).then(
      () => true,
      () => false,
    );
    if (taken) await testInfo.attach('screenshot-on-failure', { path: file, contentType: 'image/png' });
  }
  const log = session.backendLog();
  if (log) await testInfo.attach('backend-output.txt', { body: log, contentType: 'text/plain' });
}

interface AppSession extends FieldbookApp {
  currentPage(): Page | undefined;
  problems(): string[];
  backendLog(): string;
  dispose(): Promise<void>;
}

/** Uncaught errors and console errors (CSP violations land there) are evidence worth keeping. */
function watchForProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
}

class BrowserHostSession implements AppSession {
  readonly kind = 'chromium' as const;
  private host: BrowserHostProcess | undefined;
  private lastLog = '';
  private tab: Page | undefined;
  private readonly seen: string[] = [];

  constructor(
    private readonly repoRoot: string,
    readonly libraryDir: string,
    private readonly browser: Browser,
  ) {}

  get page(): Page {
    if (!this.tab) throw new Error('The app has not been started yet.');
    return this.tab;
  }

  currentPage(): Page | undefined {
    return this.tab;
  }

  async start(): Promise<Page> {
    if (!this.tab) {
      const context = await this.browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
      this.tab = await context.newPage();
      watchForProblems(this.tab, this.seen);
    }
    // A restarted host has a new port and secret: the tab follows it there, as a person would.
    this.host = await startBrowserHost(this.repoRoot, this.libraryDir);
    await this.tab.goto(this.host.url);
    return this.tab;
  }

  async openAnotherWindow(): Promise<Page> {
    if (!this.host) throw new Error('The app has not been started yet.');
    const tab = await this.page.context().newPage();
    watchForProblems(tab, this.seen);
    await tab.goto(this.host.url);
    return tab;
  }

  async stop(how: 'quit' | 'kill' = 'quit'): Promise<void> {
    if (!this.host) return;
    this.lastLog += this.host.output();
    await this.host.stop(how === 'kill' ? 'SIGKILL' : 'SIGTERM');
    this.host = undefined;
  }

  problems(): string[] {
    return this.seen;
  }

  backendLog(): string {
    return this.lastLog + (this.host?.output() ?? '');
  }

  async dispose(): Promise<void> {
    await this.tab?.context().close();
    await this.stop('quit');
  }
}

class ElectronSession implements AppSession {
  readonly kind = 'electron' as const;
  private electronApp: ElectronApplication | undefined;
  private window: Page | undefined;
  private log = '';
  private readonly seen: string[] = [];

  constructor(
    private readonly repoRoot: string,
    readonly libraryDir: string,
    private readonly executablePath: string,
  ) {}

  get page(): Page {
    if (!this.window) throw new Error('The app has not been started yet.');
    return this.window;
  }

  currentPage(): Page | undefined {
    return this.window;
  }

  async start(): Promise<Page> {
    const mainScript = path.join(this.repoRoot, 'out', 'main', 'main.js');
    if (!fs.existsSync(mainScript)) throw new Error(`${mainScript} is missing: run npm run build first.`);
    this.electronApp = await _electron.launch({
      executablePath: this.executablePath,
      args: [mainScript],
      cwd: this.repoRoot,
      env: { ...process.env, FIELDBOOK_LIBRARY: this.libraryDir },
    });
    const child = this.electronApp.process();
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    this.window = await this.electronApp.firstWindow();
    await this.window.setViewportSize(VIEWPORT);
    watchForProblems(this.window, this.seen);
    await this.window.waitForLoadState('load');
    return this.window;
  }

  async openAnotherWindow(): Promise<Page> {
    const electronApp = this.electronApp;
    if (!electronApp) throw new Error('The app has not been started yet.');
    const opened = electronApp.waitForEvent('window');
    await electronApp.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new-window')?.click());
    const window = await opened;
    await window.setViewportSize(VIEWPORT);
    watchForProblems(window, this.seen);
    await window.waitForLoadState('load');
    return window;
  }

  async stop(how: 'quit' | 'kill' = 'quit'): Promise<void> {
    const electronApp = this.electronApp;
    if (!electronApp) return;
    this.electronApp = undefined;
    const child = electronApp.process();
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (how === 'kill') {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    } else {
      await electronApp.close();
    }
  }

  problems(): string[] {
    return this.seen;
  }

  backendLog(): string {
    return this.log;
  }

  async dispose(): Promise<void> {
    await this.stop('quit');
  }
}
