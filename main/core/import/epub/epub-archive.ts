import { unzipSync } from 'fflate';
import { ImportRefusal } from '../import-refusal';

/*
 * An EPUB is a zip from anywhere, read as hostile: the central directory is read first, without
 * inflating anything, and the book is refused when it claims more entries or more bytes than any
 * real book has (a zip bomb says so up front, or is cut off at the size it claims: fflate inflates
 * an entry into a buffer of its declared size), or names an entry outside the book (`../`, an
 * absolute path). Nothing is ever written to disk; entries are inflated only when asked for.
 */

/** Moby-Dick has 170 entries; a book with images and fonts has a few hundred. */
export const MAX_EPUB_ENTRIES = 10_000;
/** Everything in the book, inflated: text, images and fonts (only the text is inflated, but the claim says what it is). */
export const MAX_EPUB_INFLATED_BYTES = 512 * 1024 * 1024;
/** One chapter, package or table of contents; a chapter of a megabyte is already long. */
export const MAX_EPUB_ENTRY_BYTES = 64 * 1024 * 1024;

export interface EpubArchive {
  has(path: string): boolean;
  /** The entry's bytes, inflated; refused when it is missing, too large or damaged. */
  read(path: string, what: string): Uint8Array;
  /** The entry as UTF-8 (or UTF-16 with a BOM), as EPUB's text files must be. */
  readText(path: string, what: string): string;
}

export function openEpubArchive(fileName: string, bytes: Uint8Array): EpubArchive {
  const sizes = entrySizes(fileName, bytes);
  const read = (path: string, what: string): Uint8Array => {
    const size = sizes.get(path);
    if (size === undefined) throw new ImportRefusal(fileName, `its ${what} (${path}) is missing`);
    if (size > MAX_EPUB_ENTRY_BYTES) throw new ImportRefusal(fileName, `its ${what} (${path}) is larger than ${MAX_EPUB_ENTRY_BYTES / 1024 / 1024} MB`);
    let entry: Uint8Array | undefined;
    try {
      entry = unzipSync(bytes, { filter: (info) => info.name === path })[path];
    } catch (error) {
      throw new ImportRefusal(fileName, `the zip is damaged (${describe(error)})`);
    }
    if (!entry) throw new ImportRefusal(fileName, `its ${what} (${path}) could not be read`);
    return entry;
  };
  return {
    has: (path) => sizes.has(path),
    read,
    readText: (path, what) => decodeText(fileName, read(path, what), `${what} (${path})`),
  };
}

/** Name → inflated size, as the central directory declares them; checked before anything is inflated. */
function entrySizes(fileName: string, bytes: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (sizes.size >= MAX_EPUB_ENTRIES) throw new ImportRefusal(fileName, `it holds more than ${MAX_EPUB_ENTRIES} files, more than any book`);
        if (!isInsideBook(entry.name)) throw new ImportRefusal(fileName, `it names a file outside the book (${JSON.stringify(entry.name)})`);
        total += entry.originalSize;
        if (total > MAX_EPUB_INFLATED_BYTES) {
          throw new ImportRefusal(fileName, `its files would come to more than ${MAX_EPUB_INFLATED_BYTES / 1024 / 1024} MB once unpacked`);
        }
        sizes.set(entry.name, entry.originalSize);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal(fileName, `it is not a complete zip file, as an EPUB is (${describe(error)}); it may have been cut short while downloading`);
  }
  return sizes;
}

/** A zip path that stays inside the book: relative, forward slashes, no `..` or `.` step, no drive. */
export function isInsideBook(path: string): boolean {
  if (path.length === 0 || path.startsWith('/') || path.includes('\\') || path.includes('\0') || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((step, index, steps) => step !== '..' && step !== '.' && (step !== '' || index === steps.length - 1));
}

/**
 * EPUB's text files are UTF-8 or UTF-16 (with a BOM); an older book's chapter may still declare
 * another encoding in its XML declaration (`encoding="iso-8859-1"`), which is then honoured.
 */
function decodeText(fileName: string, bytes: Uint8Array, what: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  for (const label of [utf16 ?? 'utf-8', declared]) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // Not that encoding (or a label no decoder knows): try the one declared, then refuse.
    }
  }
  throw new ImportRefusal(fileName, `its ${what} is not UTF-8 text${declared ? ` nor ${declared}` : ''}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
