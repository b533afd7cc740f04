import type { Library } from '../core/db/library';
import { FieldbookError } from '../core/errors';
import { resolveLibraryFile } from '../core/library-location';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';
import { CliFailure } from './cli-io';

/** Opens the library the desktop app would (or the one --library names), creating it when new. */
export function openCliLibrary(libraryFlag: string | undefined, env: NodeJS.ProcessEnv): Library {
  const file = resolveLibraryFile(libraryFlag, env);
  try {
    return openLibrary(file, { resourcesDir: packageResourcesDir(), user: 'command' });
  } catch (error) {
    if (error instanceof FieldbookError) throw new CliFailure(error.message);
    throw error;
  }
}
