import { useOp } from '../data/op-queries';

/**
 * A scanned PDF has pages but no text: said plainly where the text would be, so an empty reader is
 * not taken for a failed import.
 */
export function ScanNote({ documentId }: { documentId: number }) {
  const file = useOp('documents.parts', { id: documentId }).data?.file;
  if (file?.kind !== 'pdf' || file.hasText) return null;
  const pages = `${file.partCount} page${file.partCount === 1 ? '' : 's'}`;
  return (
    <p className="reader-scan-note">
      This PDF is a scan: its {pages} have no text to highlight or search. The file is kept in the library and in its archive.
    </p>
  );
}
