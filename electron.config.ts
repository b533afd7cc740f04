import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CORE_WORKER_ENTRY } from './main/shell/core-worker-file';
import { PDF_READER_ENTRY } from './main/core/import/pdf/pdf-thread';

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
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      assetsInlineLimit: 0,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // electron-vite leaves the renderer unminified, and all of the first chunk is parsed before
        // the first paint. Names shortened and whitespace dropped, but no compression: it rewrites
        // DOMPurify's argument loops as [...arguments].slice(1), which made sanitising a book slower.
        output: { minify: { compress: false, mangle: true, codegen: { removeWhitespace: true } } },
      },
    },
  },
});
