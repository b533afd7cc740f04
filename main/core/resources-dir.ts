import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** resources/ at the package root, for the command line and the browser host (run from source). */
export function packageResourcesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');
}
