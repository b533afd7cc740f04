import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * pdfjs-dist 5.6.205, pinned: the last line that runs on Node 20, which the command line and the
 * browser host run on (6.x needs Node >= 22.13). Its text extraction decides every offset a
 * highlight stores, so the version is part of `EXTRACTION` below.
 */
export const PDFJS_VERSION = '5.6.205';

/**
 * How the text was taken from a PDF: the library, its version and the version of Fieldbook's own
 * joining rules (page-lines.ts, pdf-paragraphs.ts, main/common/fold-pdf-text.ts). Bump the last number
 * whenever a rule changes what text a PDF gives, so stored offsets are never trusted across it.
 */
export const PDF_EXTRACTION = `pdfjs-${PDFJS_VERSION}/1`;

/** The installed package's folder: fonts and character maps are read from it, never from a URL. */
function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/**
 * pdf.js's options for reading a file Fieldbook did not write. No eval (a font program can make
 * pdf.js compile code otherwise), no system fonts, no network: cmaps and standard fonts come from
 * the package on disk, and the bytes are handed over whole. Scripting is a viewer feature and is
 * never set up here, so a PDF's JavaScript or launch actions have nothing to run in.
 */
export function pdfjsOptions(bytes: Uint8Array, password: string | undefined) {
  const dir = packageDir();
  const folder = (name: string) => path.join(dir, name) + path.sep;
  return {
    data: bytes,
    password,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    // Only errors: a damaged file is reported through the refusal, not through the console.
    verbosity: 0,
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
  };
}
