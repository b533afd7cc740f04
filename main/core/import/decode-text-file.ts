import { MAX_IMPORT_BYTES, oversizeReason } from '../../common/import-limits';
import { declaredHtmlEncoding } from './declared-html-encoding';
import { mayBeHtml } from './detect-format';
import { ImportRefusal } from './import-refusal';

/**
 * Turns a file's bytes into text, or refuses it. The encoding is found as a browser finds a saved
 * page's: a byte order mark, then (for HTML) the charset the page declares, then UTF-8. Plain text
 * and Markdown declare nothing, so they are UTF-8 unless a byte order mark says otherwise. NUL bytes
 * and a run of control characters are how binary files (PDF, images, archives) give themselves
 * away even when they happen to decode.
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array): string {
  return wholeText(bytes, checkTextFile(fileName, bytes).encoding);
}

/** The whole text of bytes that checkTextFile has checked, in the encoding it found. */
export function wholeText(bytes: Uint8Array, encoding: string): string {
  return fixWindows1252(encoding, new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes));
}

export interface CheckedTextFile {
  /** The encoding the text is in: textChunks reads it in pieces, decodeTextFile whole. */
  encoding: string;
  /** The text's start, leading whitespace left out: enough to tell a page by its first tag. */
  head: string;
}

/** Characters of head kept: `<!doctype html` and `<html ` are shorter. */
const HEAD_CHARACTERS = 64;

/**
 * Refuses what is not text, and finds its encoding, reading the text a piece at a time: a
 * book-length page decoded whole would be twice the file's size as UTF-16, only to be let go.
 */
export function checkTextFile(fileName: string, bytes: Uint8Array): CheckedTextFile {
  if (bytes.byteLength === 0) throw new ImportRefusal(fileName, 'the file is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportRefusal(fileName, oversizeReason(bytes.byteLength));
  const encoding = encodingOf(fileName, bytes);
  let head = '';
  let blank = true;
  for (const piece of textChunks(bytes, encoding)) {
    if (head.length < HEAD_CHARACTERS) head = (head + piece.slice(0, HEAD_CHARACTERS)).trimStart();
    if (/\S/.test(piece)) blank = false;
    if (!blank && head.length >= HEAD_CHARACTERS) break;
  }
  if (blank) throw new ImportRefusal(fileName, 'the file has no text');
  return { encoding, head };
}

/** Small enough that a piece, and what the parser keeps of it, dies young (feed-parser.ts). */
const CHUNK_BYTES = 8 * 1024;

/**
 * The text of bytes that checkTextFile has checked, in the encoding it found, a piece at a time: a
 * parser fed pieces holds a few of them, not the whole page (twice the file's size as UTF-16).
 */
export function* textChunks(bytes: Uint8Array, encoding: string): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  for (let start = 0; start < bytes.byteLength; start += CHUNK_BYTES) {
    const chunk = decoder.decode(bytes.subarray(start, start + CHUNK_BYTES), { stream: true });
    if (chunk.length > 0) yield fixWindows1252(encoding, chunk);
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield fixWindows1252(encoding, rest);
}

const BYTE_ORDER_MARKS: Array<{ encoding: string; mark: number[] }> = [
  { encoding: 'utf-8', mark: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', mark: [0xff, 0xfe] },
  { encoding: 'utf-16be', mark: [0xfe, 0xff] },
];

/** The encoding the bytes are in, having checked that they are valid in it and not binary. */
function encodingOf(fileName: string, bytes: Uint8Array): string {
  const byBom = BYTE_ORDER_MARKS.find(({ mark }) => mark.every((byte, i) => bytes[i] === byte));
  if (byBom) {
    // UTF-16 is full of NUL bytes, so it is judged binary or not by its characters instead.
    if (!decodes(byBom.encoding, bytes)) throw new ImportRefusal(fileName, `it starts with a ${nameOf(byBom.encoding)} byte order mark but is not valid ${nameOf(byBom.encoding)} text`);
    const [first = ''] = textChunks(bytes, byBom.encoding);
    if (looksBinary(codeUnits(first))) throw new ImportRefusal(fileName, 'it is a binary file, not text');
    return byBom.encoding;
  }
  if (looksBinary(bytes)) throw new ImportRefusal(fileName, 'it is a binary file, not text');
  const html = mayBeHtml(fileName);
  const declared = html ? declaredHtmlEncoding(bytes) : null;
  if (declared === 'replacement') {
    throw new ImportRefusal(fileName, 'it is in an encoding (ISO-2022-KR or similar) that cannot be read safely; save it as UTF-8 and import it again');
  }
  if (declared !== null && declared !== 'utf-8') {
    // A page saved without the server's header can carry a stale declaration: when its bytes are
    // not the declared encoding, UTF-8 gets its turn before the page is refused.
    if (decodes(declared, bytes)) return declared;
    if (!decodes('utf-8', bytes)) throw new ImportRefusal(fileName, `it declares the ${nameOf(declared)} encoding but is not valid ${nameOf(declared)} or UTF-8 text`);
    return 'utf-8';
  }
  if (!decodes('utf-8', bytes)) {
    throw new ImportRefusal(fileName, html ? 'it is not valid UTF-8 text and declares no other encoding' : 'it is not valid UTF-8 text. Save it as UTF-8 and import it again');
  }
  return 'utf-8';
}

/** Whether the bytes are valid in that encoding; checked a piece at a time, nothing kept. */
function decodes(encoding: string, bytes: Uint8Array): boolean {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  try {
    for (let start = 0; start < bytes.byteLength; start += CHUNK_BYTES) decoder.decode(bytes.subarray(start, start + CHUNK_BYTES), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Node 20's windows-1252 decoder is Latin-1 (nodejs/node#60888): bytes 0x80 to 0x9F come out as C1
 * controls where a page means €, curly quotes and dashes. The Encoding Standard's table puts them right.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(encoding: string, text: string): string {
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, windows1252Character) : text;
}

function windows1252Character(c1: string): string {
  return WINDOWS_1252_HIGH[c1.charCodeAt(0) - 0x80] ?? c1;
}

const DISPLAY_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', shift_jis: 'Shift_JIS' };

function nameOf(encoding: string): string {
  return DISPLAY_NAMES[encoding] ?? encoding;
}

function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(Math.min(text.length, 8192));
  for (let i = 0; i < units.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

function looksBinary(units: ArrayLike<number>): boolean {
  const length = Math.min(units.length, 8192);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const unit = units[i] ?? 0;
    if (unit === 0) return true;
    // Tab, LF, FF and CR are text; the rest of C0 is not.
    if (unit < 32 && unit !== 9 && unit !== 10 && unit !== 12 && unit !== 13) control++;
  }
  return control / length > 0.1;
}
