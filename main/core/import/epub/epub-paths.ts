/*
 * Hrefs inside a book (the OPF's manifest, the nav's links, a chapter's links) are URLs relative
 * to the file they are written in, percent-encoded ("Chapter%201.xhtml"); the zip names files as
 * decoded paths from the book's root. A href that leaves the book (`../../x`, a scheme, a
 * host) points at nothing in it.
 */

export interface BookLocation {
  /** The zip path of the file. */
  path: string;
  /** The fragment after '#', decoded; null when there is none. */
  fragment: string | null;
}

export function resolveHref(fromFile: string, href: string): BookLocation | null {
  const trimmed = href.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed) || trimmed.startsWith('//')) return null;
  const hash = trimmed.indexOf('#');
  const pathPart = stripQuery(hash < 0 ? trimmed : trimmed.slice(0, hash));
  const fragment = hash < 0 ? null : decode(trimmed.slice(hash + 1));
  if (fragment === undefined) return null;
  if (pathPart === '') return { path: fromFile, fragment };
  const decoded = decode(pathPart);
  if (decoded === undefined) return null;
  const steps = decoded.startsWith('/') ? [] : fromFile.split('/').slice(0, -1);
  for (const step of decoded.split('/')) {
    if (step === '' || step === '.') continue;
    if (step === '..') {
      if (steps.length === 0) return null;
      steps.pop();
    } else steps.push(step);
  }
  return steps.length === 0 ? null : { path: steps.join('/'), fragment };
}

function stripQuery(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
