/**
 * Builds the browser host (`npm run web`, and every e2e test's app) into out/host: its server and
 * the worker entries, each one ES module with the packages left to node_modules. Run from
 * the TypeScript sources, every start compiled the whole core three times through tsx (the server
 * and each worker register their own loader): on a busy 2-CPU machine a host took 11 s to start.
 *
 * out/host sits two levels below the package root, as main/host and main/core do, so the paths the
 * code finds from its own file (the renderer in out/renderer, resources/, the worker entry beside
 * the server) are the same built or not.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

await build({
  entryPoints: [
    path.join(root, 'main/host/serve.ts'),
    path.join(root, 'main/service/core-worker.ts'),
    // pdf.js answers only asynchronously: the library's worker reads each PDF on a thread of its own (pdf-thread.ts).
    path.join(root, 'main/core/import/pdf/pdf-reader-worker.ts'),
  ],
  outdir: path.join(root, 'out/host'),
  entryNames: '[name]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
