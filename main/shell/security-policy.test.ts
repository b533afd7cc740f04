import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
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
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
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
