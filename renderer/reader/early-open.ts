import type { OpOutputs, OpResult } from '../../main/common/contract';
import { api } from '../api/client';
import { routeFromHash } from '../route';

/*
 * When the app starts on a document, its text, parts and highlights are asked for as the code
 * starts, not once React has rendered and run its effects: the answers are on their way while the
 * page is still being built, and ahead of the sidebar's lists in the library's queue. The reader's
 * hooks take them (once: a later open or retry asks afresh). The parts come before the highlights:
 * the reader shows the text once it has both it and its parts, and a book's highlights take the
 * longest to read, so the text is put on the page while they are still on their way.
 */
interface EarlyAnswers {
  id: number;
  document: Promise<OpResult<OpOutputs['documents.get']>> | null;
  parts: Promise<OpResult<OpOutputs['documents.parts']>> | null;
  highlights: Promise<OpResult<OpOutputs['highlights.list']>> | null;
}

let early: EarlyAnswers | null = null;

let asked = false;

/** Asks for the document the address opens at, if it opens at one; only the first call of a page load asks. */
export function askForOpeningDocument(hash: string): void {
  if (asked) return;
  asked = true;
  const route = routeFromHash(hash);
  if (route.kind !== 'document') return;
  early = {
    id: route.id,
    document: api.call('documents.get', { id: route.id }),
    parts: api.call('documents.parts', { id: route.id }),
    highlights: api.call('highlights.list', { documentId: route.id }),
  };
}

/** One answer asked for at start, if it is this document's and not taken yet: each is handed over once. */
function take<K extends Exclude<keyof EarlyAnswers, 'id'>>(key: K, documentId: number): EarlyAnswers[K] {
  if (early?.id !== documentId) return null;
  const answer = early[key];
  early[key] = null;
  return answer;
}

/** The document's text asked for at start. */
export const takeEarlyDocument = (id: number) => take('document', id);
/** Its parts (a PDF's pages, a book's chapters) asked for at start. */
export const takeEarlyParts = (id: number) => take('parts', id);
/** Its highlights asked for at start. */
export const takeEarlyHighlights = (documentId: number) => take('highlights', documentId);
