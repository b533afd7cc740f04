import { createHash } from 'node:crypto';
import type { ArchivedFileReference } from '../../common/records';
import { describeReference } from '../../common/file-references';
import { FieldbookError } from '../errors';

/** A file given to a restore for what its archive refers to: the name it has now, and its bytes. */
export interface GivenFile {
  name: string;
  bytes: Uint8Array;
}

/** The files given, by their bytes' SHA-256: a reference is met by the bytes, whatever the file is called now. */
export function filesBySha256(files: readonly GivenFile[]): Map<string, Uint8Array> {
  return new Map(files.map((file) => [createHash('sha256').update(file.bytes).digest('hex'), file.bytes]));
}

/** A restore that stopped, writing nothing, for want of files its archive refers to and does not carry. */
export class FilesNeededError extends FieldbookError {
  constructor(readonly files: ArchivedFileReference[]) {
    super('refused', filesNeededMessage(files));
  }
}

function filesNeededMessage(files: readonly ArchivedFileReference[]): string {
  const shown = files.slice(0, 5).map(describeReference);
  const more = files.length > shown.length ? ` and ${files.length - shown.length} more` : '';
  const count = files.length === 1 ? 'a file' : `${files.length} files`;
  return `Nothing was restored: this archive refers to ${count} it does not carry: ${shown.join(', ')}${more}. Give ${files.length === 1 ? 'it' : 'them'} to restore the archive.`;
}
