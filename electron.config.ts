import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CORE_WORKER_ENTRY } from './main/shell/core-worker-file';
import { PDF_READER_ENTRY } from './main/core/import/pdf/pdf-thread';

/** renderer/early-start.ts's entry: see firstScreenFirst below. */
const EARLY_START = 'early-start';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'main/shell/main.ts'),
          // The library runs in worker threads of the main process: their entry is a file of its own.
          [CORE_WORKER_ENTRY]: resolve(__dirname, 'main/service/core-worker.ts'),
          // pdf.js answers only asynchronously; the library's worker waits on a thread of its own that reads each PDF.
          [PDF_READER_ENTRY]: resolve(__dirname, 'main/core/import/pdf/pdf-reader-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or node_modules: one CommonJS file, dependencies bundled.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), pdfjsData(), firstScreenFirst()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      assetsInlineLimit: 0,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html'), [EARLY_START]: resolve(__dirname, 'renderer/early-start.ts') },
        // electron-vite leaves the renderer unminified, and all of the first chunk is parsed before
        // the first paint. Names shortened and whitespace dropped, but no compression: it rewrites
        // DOMPurify's argument loops as [...arguments].slice(1), which made sanitising a book slower.
        output: { minify: { compress: false, mangle: true, codegen: { removeWhitespace: true } } },
      },
    },
  },
});

/** The faces the first screen is set in (renderer/styles/fonts.ts bundles them all). */
const FIRST_SCREEN_FACES = ['inter-latin-400-normal.woff2', 'inter-latin-600-normal.woff2', 'literata-latin-400-normal.woff2', 'literata-latin-600-normal.woff2'];

/**
 * What the first screen needs is asked for as the page starts, ahead of the app's code:
 * - its faces, preloaded: otherwise they are asked for only once the page is laid out, and a
 *   document's text waits for them;
 * - renderer/early-start.ts, as a module of its own: a module runs only once everything it
 *   imports is loaded, so inside the app's bundle it would wait for all of it. Rollup gives the two
 *   entries their shared modules (the API client) in one chunk, so both use one instance of them.
 * In the build only: its files' names are known once it is written (dev needs neither).
 */
function firstScreenFirst(): Plugin {
  return {
    name: 'fieldbook-first-screen-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const outputs = Object.values(bundle ?? {});
        const early = outputs.find((output) => output.type === 'chunk' && output.isEntry && output.name === EARLY_START);
        if (!early) throw new Error(`the ${EARLY_START} entry is missing from the renderer's build`);
        const faces = FIRST_SCREEN_FACES.map((face) => {
          const asset = outputs.find((output) => output.type === 'asset' && output.names.includes(face));
          if (!asset) throw new Error(`the font ${face} is missing from the renderer's build`);
          return `<link rel="preload" as="font" type="font/woff2" crossorigin href="./${asset.fileName}" />`;
        });
        // Right before the app's script, so after the CSP meta, which governs only what follows it.
        const appScript = html.indexOf('<script type="module"');
        if (appScript < 0 || html.indexOf('<script type="module"', appScript + 1) >= 0) throw new Error('index.html should have one module script, the app');
        const first = [...faces, `<script type="module" crossorigin src="./${early.fileName}"></script>`];
        return `${html.slice(0, appScript)}${first.join('\n    ')}\n    ${html.slice(appScript)}`;
      },
    },
  };
}

/** What pdf.js fetches at run time besides its code: glyph maps, the 14 standard fonts, its wasm decoders, a colour profile. */
const PDFJS_DATA = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
const PDFJS_ROOT = resolve(__dirname, 'node_modules/pdfjs-dist');

/**
 * pdf.js's data files, shipped with the renderer under pdfjs/ (renderer/reader/pdf/pdfjs-assets.ts
 * names them) so that a PDF never makes the app ask anything of the network. Copied, not imported:
 * pdf.js asks for them by name, a few of hundreds, only when a PDF needs one.
 */
function pdfjsData(): Plugin {
  let outDir = '';
  return {
    name: 'fieldbook-pdfjs-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const file = resolve(PDFJS_ROOT, decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\/+/, ''));
        const inside = PDFJS_DATA.some((dir) => file.startsWith(resolve(PDFJS_ROOT, dir) + sep));
        if (!inside || !existsSync(file) || !statSync(file).isFile()) return next();
        if (file.endsWith('.wasm')) res.setHeader('content-type', 'application/wasm');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const dir of PDFJS_DATA) cpSync(resolve(PDFJS_ROOT, dir), resolve(outDir, 'pdfjs', dir), { recursive: true });
    },
  };
}
