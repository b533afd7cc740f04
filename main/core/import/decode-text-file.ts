import { MAX_IMPORT_BYTES, oversizeReason } from '../../api';
import { ImportRefusal } from './import-refusal';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns a file's bytes into text, or refuses it. NUL bytes and a run of control characters are how
 * binary files (PDF, images, archives) give themselves away even when they happen to decode.
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImportRefusal(fileName, 'the file is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportRefusal(fileName, oversizeReason(bytes.byteLength));
  if (looksBinary(bytes)) throw new ImportRefusal(fileName, 'it is a binary file, not text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportRefusal(fileName, 'it is not valid UTF-8 text');
  }
  if (text.trim().length === 0) throw new ImportRefusal(fileName, 'the file has no text');
  return text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, FF and CR are text; the rest of C0 is not.
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
  }
  return control / sample.length > 0.1;
}
