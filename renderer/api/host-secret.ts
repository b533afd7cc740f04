/**
 * The browser host's per-run secret, as the page keeps it. It arrives once in the address's
 * fragment (`/#secret=...`), which browsers never send to any server, and is kept in
 * sessionStorage, which belongs to this origin (port included) and this tab alone: unlike a
 * cookie, no other server on 127.0.0.1 ever receives it, and a reload still finds it.
 */
const STORAGE_KEY = 'fieldbook.host-secret';
const BOOTSTRAP_FRAGMENT = /^#secret=([A-Za-z0-9_-]+)$/;

/** The parts of `window` this needs, so a test can hand in its own. */
export interface PageAddress {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Takes the secret out of the address bar (so it is not left on screen, in a screenshot or in a
 * copied link) into sessionStorage, and returns whichever secret this tab holds, or null.
 */
export function takeHostSecret(page: PageAddress): string | null {
  const offered = BOOTSTRAP_FRAGMENT.exec(page.location.hash)?.[1];
  if (offered) {
    try {
      page.sessionStorage.setItem(STORAGE_KEY, offered);
    } catch {
      // Storage turned off: the secret still works until this tab reloads.
    }
    page.history.replaceState(page.history.state, '', `${page.location.pathname}${page.location.search}`);
    return offered;
  }
  try {
    return page.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
