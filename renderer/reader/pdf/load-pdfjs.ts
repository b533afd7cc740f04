import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js and its viewer components, loaded the first time a PDF is opened (their own chunk: a
 * reader of web pages never pays for them). The viewer module reads the library from
 * `globalThis.pdfjsLib`, which the library's module sets: hence one after the other.
 */
export async function loadPdfjs() {
  const lib = await import('pdfjs-dist');
  const viewer = await import('pdfjs-dist/web/pdf_viewer.mjs');
  await import('pdfjs-dist/web/pdf_viewer.css');
  if (!lib.GlobalWorkerOptions.workerPort) {
    lib.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  }
  return { lib, viewer };
}

export type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;

/**
 * Where pdf.js finds the data it asks for by name, copied into the build by electron.config.ts.
 * Absolute, on the page's own origin: the worker resolves a relative URL against its own script.
 */
function dataUrl(dir: string): string {
  return new URL(`pdfjs/${dir}/`, document.baseURI).href;
}

/** How every PDF is opened: no JavaScript compiled from the file, nothing fetched from outside the app. */
export function documentOptions(data: Uint8Array) {
  return {
    data,
    isEvalSupported: false,
    enableXfa: false,
    cMapUrl: dataUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataUrl('standard_fonts'),
    wasmUrl: dataUrl('wasm'),
    iccUrl: dataUrl('iccs'),
  };
}
