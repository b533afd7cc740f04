import fs from 'node:fs';
import path from 'node:path';
import type { Library } from './db/library';
import { importFile } from './import/import-document';

export const BUNDLED_ARTICLE = 'aqim-state-sanctuary.html';

/**
 * A new library starts with the bundled article, imported exactly as a user's file would be.
 * Only on creation: an article the user deleted stays deleted.
 */
export function addFirstRunContent(library: Library, resourcesDir: string): void {
  const file = path.join(resourcesDir, BUNDLED_ARTICLE);
  const outcome = importFile(library, BUNDLED_ARTICLE, fs.readFileSync(file));
  if (outcome.status === 'refused') throw new Error(`The bundled article could not be imported: ${outcome.message}`);
}
