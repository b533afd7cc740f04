import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';
import {
  isAppRequest,
  isExternalWebLink,
  isTrustedSender,
  secureWebPreferences,
} from './security-policy';

describe('the window’s security settings', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('keeps the renderer isolated and sandboxed, with no Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('allows no remote origin, inline script or plugin in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|unsafe-hashes|https?:|\*/);
  });

  it('lets scripts compile WebAssembly (pdf.js decodes scans with it) but never eval JavaScript', () => {
    const scripts = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scripts).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('is the policy renderer/index.html carries too (less frame-ancestors, which a meta tag cannot set)', () => {
    const indexHtml = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('lets only the app’s own pages load', () => {
    expect(isAppRequest('app://fieldbook/assets/index.js')).toBe(true);
    expect(isAppRequest('https://example.com/tracker.gif')).toBe(false);
    expect(isAppRequest('file:///etc/passwd')).toBe(false);
    expect(isAppRequest('app://fieldbook.evil/x')).toBe(false);
    expect(isAppRequest('blob:app://fieldbook/6f1c2a9e-1111-4c3b-9a1e-000000000000')).toBe(true);
    expect(isAppRequest('blob:https://example.com/6f1c2a9e')).toBe(false);
  });

  it('answers IPC only from the app’s top-level page', () => {
    expect(isTrustedSender('app://fieldbook/index.html', true)).toBe(true);
    expect(isTrustedSender('app://fieldbook/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('offers only web links to the system browser', () => {
    expect(isExternalWebLink('https://example.com')).toBe(true);
    expect(isExternalWebLink('javascript:alert(1)')).toBe(false);
    expect(isExternalWebLink('file:///etc/passwd')).toBe(false);
  });
});

describe('the Electron shell’s source', () => {
  const shellDir = path.dirname(fileURLToPath(import.meta.url));
  const source = fs
    .readdirSync(shellDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => fs.readFileSync(path.join(shellDir, name), 'utf8'))
    .join('\n');
  const main = fs.readFileSync(path.join(shellDir, 'main.ts'), 'utf8');

  it('builds every window from the secure preferences and loosens none of them', () => {
    expect(main).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag): true/);
    expect(source).not.toMatch(/(contextIsolation|sandbox|webSecurity): false/);
    expect(source).not.toMatch(/enableBlinkFeatures|loadFile\(|file:\/\//);
  });

  it('turns on the sandbox for every renderer and guards navigation, windows, permissions and requests', () => {
    for (const guard of [
      'app.enableSandbox()',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'webRequest.onBeforeRequest',
      "on('will-navigate'",
      "on('will-attach-webview'",
      'setWindowOpenHandler',
      'isTrustedSender(',
      'loadURL(APP_ENTRY_URL)',
    ]) {
      expect(main).toContain(guard);
    }
  });
});
