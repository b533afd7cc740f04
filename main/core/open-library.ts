import { Library, type OpenOptions } from './db/library';
import { addFirstRunContent } from './first-run';

export interface OpenLibraryOptions extends OpenOptions {
  resourcesDir: string;
}

/** Opens (creating and seeding when new) the library every front end works on. */
export function openLibrary(file: string, options: OpenLibraryOptions): Library {
  const { library, created } = Library.open(file, options);
  if (created) addFirstRunContent(library, options.resourcesDir);
  return library;
}
