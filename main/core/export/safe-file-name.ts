/**
 * File names that every desktop system accepts and that Obsidian can link to: the characters
 * Windows forbids, plus `#^[]|` which end a wikilink target early.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Room for a " (999)" suffix and ".md" inside the 255 bytes most file systems allow. */
export const MAX_NAME_BYTES = 120;

export function safeFileName(title: string, fallback = 'Untitled'): string {
  // `%%` would open an Obsidian comment inside every wikilink to the file.
  let name = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/%{2,}/g, '%').replace(/\s+/g, ' ').trim();
  name = truncateBytes(name, MAX_NAME_BYTES);
  // Windows drops trailing dots and spaces silently, so two names could collide after the fact.
  name = name.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (name.length === 0) return fallback;
  if (RESERVED.test(name)) name = `${name}_`;
  return name;
}

/** Cuts to at most `max` UTF-8 bytes without splitting a character (or a surrogate pair). */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * Hands out names unique up to case (macOS and Windows fold case), adding " (2)", " (3)"…
 * One allocator per folder; a vault shares one across folders so `[[name]]` finds one file.
 */
export class FileNameAllocator {
  private readonly taken = new Set<string>();

  /**
   * With an extension ("pdf"), the name is taken with it and a " (2)" goes before it: Obsidian
   * links an attachment by its whole name, so `[[report.pdf]]` must name one file, not a note
   * whose title is "report.pdf" too.
   */
  allocate(title: string, extension = ''): string {
    const base = safeFileName(title);
    const suffix = extension ? `.${extension}` : '';
    let name = `${base}${suffix}`;
    for (let n = 2; this.taken.has(foldKey(name)); n++) name = `${base} (${n})${suffix}`;
    this.taken.add(foldKey(name));
    return name;
  }
}

/**
 * Names a file system may take for one. Lower case alone keeps `ς` and `σ`, `ſ` and `s`, `ı` and
 * `i` apart, which NTFS and APFS fold together; folding more than they do only costs a " (2)".
 */
const foldKey = (name: string) => name.normalize('NFKC').toUpperCase().toLowerCase();
