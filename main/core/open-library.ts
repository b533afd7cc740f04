import { removeRestoreLeftovers } from './backup/backup-library';
import { Library, type OpenOptions } from './db/library';
import { addFirstRunContent } from './first-run';

export interface OpenLibraryOptions extends OpenOptions {
  resourcesDir: string;
}

/** Opens (creating and seeding when new) the library every front end works on. */
export function openLibrary(file: string, options: OpenLibraryOptions): Library {
  const { library, created } = Library.open(file, options);
  try {
    // Open as a user, no restore can be under way (library-lock.ts): what one left is litter.
    if (options.user) removeRestoreLeftovers(file);
    if (created) addFirstRunContent(library, options.resourcesDir);
  } catch (error) {
    library.close();
    throw error;
  }
  return library;
}
