import path from 'node:path';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MIMETYPE_ENTRY = 'mimetypeapplication/epub+zip';

/**
 * An EPUB by its name, or by what it holds: the OCF's first entry is `mimetype`, stored, holding
 * `application/epub+zip`, so it is seen at a fixed place in the first local header (a book saved
 * under another name is still a book). A damaged `.epub` goes to the EPUB import, which says what
 * is wrong with it.
 */
export function isEpub(fileName: string, bytes: Uint8Array): boolean {
  if (path.extname(fileName).toLowerCase() === '.epub') return true;
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return false;
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  const extraLength = bytes[28]! | (bytes[29]! << 8);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  const content = new TextDecoder().decode(bytes.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + 20));
  return `${name}${content}` === MIMETYPE_ENTRY;
}
