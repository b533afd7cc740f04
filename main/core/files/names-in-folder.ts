import fs from 'node:fs';

/** The entries of a folder that may not have been made yet: a missing folder simply has none. */
export function namesInFolder(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
