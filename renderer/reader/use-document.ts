import type { DocumentFull } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';
import { takeEarlyDocument } from './early-open';

export type DocumentState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'open'; document: DocumentFull }
  | { status: 'failed'; error: OpError };

/**
 * The document with this id, read again when a newer version replaces it. While it is read again
 * the one already open stays on screen, so the reader neither blanks nor loses its place.
 */
export function useDocument(id: number | null): { state: DocumentState; retry(): void } {
  const asked = id ?? 0;
  const { data, error, refetch } = useOp('documents.get', { id: asked }, {
    enabled: id !== null,
    // The page asked for the document it opens on while the app's code was still loading.
    read: () => takeEarlyDocument(asked),
    // A book's text is the largest answer there is; keeping closed ones would hold them all.
    forgetWhenUnused: true,
  });
  if (id === null) return { state: { status: 'none' }, retry: refetch };
  if (data) return { state: { status: 'open', document: data }, retry: refetch };
  if (error) return { state: { status: 'failed', error }, retry: refetch };
  return { state: { status: 'loading' }, retry: refetch };
}
