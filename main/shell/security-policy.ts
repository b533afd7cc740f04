/**
 * The window's security settings, kept free of any electron import so a unit test can read them
 * and fail if one of them regresses (see security-policy.test.ts).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;


export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  } as const;
}

/**
 * Only the app's own pages, blobs it made (an export being saved) and the DevTools may load
 * anything; every other request is cancelled.
 */
export function isAppRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('devtools://');
}

/** An IPC call is answered only when it comes from the app's own top-level page. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/** Links in documents may open in the system browser, after the user confirms, and only these. */
export function isExternalWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
