import type { ArchivedFileReference } from './records';

const KIND: Record<ArchivedFileReference['mediaType'], string> = { 'application/pdf': 'PDF', 'application/epub+zip': 'EPUB' };

/** "“report.pdf” (PDF, 1.2 MB)": what to look for, by the name it was imported as, else its document's title. */
export function describeReference(file: ArchivedFileReference): string {
  return `“${file.fileName ?? file.title}” (${KIND[file.mediaType]}, ${fileSize(file.byteSize)})`;
}

/** A size as a file manager shows it, in the binary units they count in. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
