import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  // pdf.js's data (see electron.config.ts): its glyph maps, standard fonts, wasm decoders and colour profile.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/x-font-type1',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.icc': 'application/vnd.iccprofile',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  file: string;
  size: number;
  contentType: string;
  cacheControl: string;
}

/** Where Vite puts the files it names after a hash of their content (electron.config.ts keeps its default). */
const HASHED_ASSETS_DIR = 'assets';

/**
 * index.html names this build's files, so it is never kept. The files under assets/ change their
 * name whenever their content changes: kept for good, a page load takes them (and V8's cached
 * compilation of the scripts) from the browser's cache instead of from this host. Anything else
 * (pdf.js's data, under fixed names) is asked again each time.
 */
function cacheControlFor(rootRealPath: string, file: string): string {
  if (file === path.join(rootRealPath, 'index.html')) return 'no-store';
  if (isInside(path.join(rootRealPath, HASHED_ASSETS_DIR), file)) return 'max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * Maps a URL path to a file inside root, or null. Null for anything that would leave root: `..`
 * segments (raw or percent-encoded), backslashes, NUL bytes, and symlinks pointing outside.
 */
export function resolveStaticFile(rootRealPath: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = path.resolve(rootRealPath, relative);
  if (!isInside(rootRealPath, candidate)) return null;
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (!isInside(rootRealPath, real)) return null;
  const stat = fs.statSync(real);
  if (!stat.isFile()) return null;
  return { file: real, size: stat.size, contentType: contentTypeFor(real), cacheControl: cacheControlFor(rootRealPath, real) };
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root + path.sep);
}
