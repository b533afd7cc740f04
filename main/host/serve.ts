/**
 * `npm run web`: serves the built renderer and the library to a browser on this machine.
 * Usage: node out/host/serve.js (built by npm run build; or tsx main/host/serve.ts) [--library PATH] [--port N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldbookError } from '../core/errors';
import { resolveLibraryFile } from '../core/library-location';
import { packageResourcesDir } from '../core/resources-dir';
import { parseServeArgs } from './serve-args';
import { startHost } from './server';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(packageRoot, 'out', 'renderer');

function fail(message: string, exitCode = 1): never {
  console.error(message);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 2);
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    fail(`The user interface is not built (${rendererDir} has no index.html): run npm run build first.`);
  }

  const libraryFile = resolveLibraryFile(args.library);
  let host;
  try {
    host = await startHost({ libraryFile, resourcesDir: packageResourcesDir(), rendererDir, port: args.port });
  } catch (error) {
    if (error instanceof FieldbookError) fail(error.message);
    if (isAddressInUse(error)) fail(`Port ${args.port} is already in use; choose another with --port, or --port 0 for a free one.`);
    throw error;
  }

  // The e2e fixture and people alike read this line: keep its shape.
  console.log(`Fieldbook is running at ${host.url}`);
  console.log(`Library: ${host.libraryFile}`);
  console.log('Press Ctrl+C to stop.');

  const stop = (signal: NodeJS.Signals) => {
    // Closing the library checkpoints SQLite's write-ahead log, so nothing is left half-written.
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Fieldbook could not stop cleanly after ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

main().catch((error: unknown) => {
  console.error('Fieldbook could not start the browser host:', error);
  process.exit(1);
});
