/**
 * The browser host as its own process, on a stand-in renderer (the built UI is not needed to reach
 * the library). Prints `ready URL` once it serves; SIGTERM closes it as Ctrl+C would.
 * Usage: node --import tsx host-process.fixture.ts LIBRARY_FILE RENDERER_DIR
 */
import { packageResourcesDir } from '../core/resources-dir';
import { startHost } from './server';

const [libraryFile, rendererDir] = process.argv.slice(2);
if (!libraryFile || !rendererDir) throw new Error('usage: host-process.fixture.ts LIBRARY_FILE RENDERER_DIR');
const host = await startHost({ libraryFile, rendererDir, resourcesDir: packageResourcesDir() });
process.stdout.write(`ready ${host.url}\n`);
process.once('SIGTERM', () => void host.close().then(() => process.exit(0)));
