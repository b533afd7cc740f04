/**
 * The encoding an HTML page declares in its first 1024 bytes, found as a browser finds it: the
 * HTML Standard's "prescan a byte stream to determine its encoding" (a `<meta charset>` or a
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, skipping comments and the attributes
 * of other tags, so `charset=` inside a script's attribute or a style sheet declares nothing),
 * then an XML declaration. Answers the name `TextDecoder` uses, `'replacement'` for the encodings
 * the Encoding Standard decodes as one U+FFFD (ISO-2022-KR and its kin, which are unsafe to read),
 * or null when nothing usable is declared, including an unknown label such as `x-bogus`.
 */
export function declaredHtmlEncoding(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, PRESCAN_BYTES);
  return prescan(head) ?? xmlDeclarationEncoding(head);
}

const PRESCAN_BYTES = 1024;

/** Labels the Encoding Standard maps to its replacement encoding; Node's TextDecoder knows none of them. */
const REPLACEMENT_LABELS = new Set(['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement']);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isSpace(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function lowerChar(byte: number): string {
  return String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
}

/** The Encoding Standard's "get an encoding": a label to the decoder's name, null when unknown. */
export function encodingForLabel(label: string): string | null {
  const trimmed = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  if (REPLACEMENT_LABELS.has(trimmed)) return 'replacement';
  // Node's decoder lacks x-user-defined; a page declaring it is read as windows-1252, as browsers do.
  if (trimmed === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/** A declaration in an ASCII-compatible page cannot be UTF-16: the bytes prove otherwise. */
function asDeclared(encoding: string): string {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

/** Thrown when the scan runs past the bytes it may read; the prescan then has no answer. */
class OutOfBytes extends Error {}

class Cursor {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get byte(): number {
    const byte = this.bytes[this.position];
    if (byte === undefined) throw new OutOfBytes();
    return byte;
  }

  at(offset: number): number | undefined {
    return this.bytes[this.position + offset];
  }

  startsWithIgnoringCase(ascii: string): boolean {
    for (let i = 0; i < ascii.length; i++) {
      const byte = this.at(i);
      if (byte === undefined || lowerChar(byte) !== ascii[i]) return false;
    }
    return true;
  }

  skipPast(ascii: string, from: number): void {
    const codes = [...ascii].map((c) => c.charCodeAt(0));
    for (let i = from; i + codes.length <= this.bytes.length; i++) {
      if (codes.every((code, k) => this.bytes[i + k] === code)) {
        this.position = i + codes.length - 1;
        return;
      }
    }
    throw new OutOfBytes();
  }
}

function prescan(bytes: Uint8Array): string | null {
  const cursor = new Cursor(bytes);
  try {
    while (cursor.position < bytes.length) {
      if (cursor.startsWithIgnoringCase('<!--')) {
        // The closing "--" may share the opening's dashes: "<!-->" is a whole comment.
        cursor.skipPast('-->', cursor.position + 2);
      } else if (cursor.startsWithIgnoringCase('<meta') && isMetaEnd(cursor.at(5))) {
        cursor.position += 6;
        const found = readMeta(cursor);
        if (found !== null) return found;
      } else if (cursor.byte === LT && (isLetter(cursor.at(1) ?? 0) || (cursor.at(1) === SLASH && isLetter(cursor.at(2) ?? 0)))) {
        skipTagName(cursor);
        while (readAttribute(cursor) !== null);
      } else if (cursor.byte === LT && (cursor.at(1) === 0x21 || cursor.at(1) === SLASH || cursor.at(1) === 0x3f)) {
        cursor.skipPast('>', cursor.position + 2);
      }
      cursor.position++;
    }
  } catch (error) {
    if (!(error instanceof OutOfBytes)) throw error;
  }
  return null;
}

function skipTagName(cursor: Cursor): void {
  do cursor.position++;
  while (!isSpace(cursor.byte) && cursor.byte !== GT);
}

function isMetaEnd(byte: number | undefined): boolean {
  return byte !== undefined && (isSpace(byte) || byte === SLASH);
}

/** A `<meta>`'s attributes, read to its `>`; its encoding when it declares one that is usable. */
function readMeta(cursor: Cursor): string | null {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  let charsetFailed = false;
  for (let attribute = readAttribute(cursor); attribute !== null; attribute = readAttribute(cursor)) {
    if (seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    if (attribute.name === 'http-equiv') {
      if (attribute.value === 'content-type') gotPragma = true;
    } else if (attribute.name === 'content') {
      const label = charsetInContentType(attribute.value);
      const encoding = label === null ? null : encodingForLabel(label);
      // An unknown label here is ignored, but a failed charset attribute is not overridden.
      if (encoding !== null && charset === null && !charsetFailed) {
        charset = encoding;
        needPragma = true;
      }
    } else if (attribute.name === 'charset') {
      charset = encodingForLabel(attribute.value);
      charsetFailed = charset === null;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) return null;
  return asDeclared(charset);
}

interface Attribute {
  name: string;
  value: string;
}

/** The HTML Standard's "get an attribute": the next attribute of a tag, or null at its `>`. */
function readAttribute(cursor: Cursor): Attribute | null {
  while (isSpace(cursor.byte) || cursor.byte === SLASH) cursor.position++;
  if (cursor.byte === GT) return null;
  let name = '';
  for (;;) {
    const byte = cursor.byte;
    if (byte === EQUALS && name !== '') {
      cursor.position++;
      return readValue(cursor, name);
    }
    if (isSpace(byte)) break;
    if (byte === SLASH || byte === GT) return { name, value: '' };
    name += lowerChar(byte);
    cursor.position++;
  }
  while (isSpace(cursor.byte)) cursor.position++;
  if (cursor.byte !== EQUALS) return { name, value: '' };
  cursor.position++;
  return readValue(cursor, name);
}

function readValue(cursor: Cursor, name: string): Attribute {
  while (isSpace(cursor.byte)) cursor.position++;
  let value = '';
  const first = cursor.byte;
  if (first === DQUOTE || first === SQUOTE) {
    for (;;) {
      cursor.position++;
      if (cursor.byte === first) {
        cursor.position++;
        return { name, value };
      }
      value += lowerChar(cursor.byte);
    }
  }
  if (first === GT) return { name, value };
  for (;;) {
    value += lowerChar(cursor.byte);
    cursor.position++;
    if (isSpace(cursor.byte) || cursor.byte === GT) return { name, value };
  }
}

/** The HTML Standard's "extracting a character encoding from a meta element", on a content value. */
export function charsetInContentType(content: string): string | null {
  const pattern = /charset[\t\n\f\r ]*=[\t\n\f\r ]*/i;
  const match = pattern.exec(content);
  if (match === null) return null;
  const rest = content.slice(match.index + match[0].length);
  if (rest === '') return null;
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    return close === -1 ? null : rest.slice(1, close);
  }
  return rest.split(/[\t\n\f\r ;]/, 1)[0] ?? null;
}

/** The HTML Standard's "get an XML encoding", for an `.xhtml` page that declares `<?xml … encoding="…"?>`. */
function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const text = new TextDecoder('windows-1252').decode(bytes);
  if (!text.startsWith('<?xml')) return null;
  const end = text.indexOf('>');
  if (end === -1) return null;
  const match = /encoding[\0- ]*=[\0- ]*(["'])([^"']*)\1/.exec(text.slice(0, end));
  if (match === null || /[\0- ]/.test(match[2] ?? '')) return null;
  const encoding = encodingForLabel(match[2] ?? '');
  return encoding === null ? null : asDeclared(encoding);
}
