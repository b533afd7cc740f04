import type { OpOutputs, OpResult } from '../../main/common/contract';
import { api } from '../api/client';
import { routeFromHash } from '../route';

/*
 * When the app starts on a document, its text and highlights are asked for as the code starts,
 * not once React has rendered and run its effects: the answers are on their way while the page
 * is still being built, and ahead of the sidebar's lists in the library's queue. The reader's
 * hooks take them (once: a later open or retry asks afresh).
 */
interface EarlyAnswers {
  id: number;
  document: Promise<OpResult<OpOutputs['documents.get']>> | null;
  highlights: Promise<OpResult<OpOutputs['highlights.list']>> | null;
}

let early: EarlyAnswers | null = null;

/** Asks for the document the address opens at, if it opens at one. */
export function askForOpeningDocument(hash: string): void {
  const route = routeFromHash(hash);
  if (route.kind !== 'document') return;
  early = {
    id: route.id,
    document: api.call('documents.get', { id: route.id }),
    highlights: api.call('highlights.list', { documentId: route.id }),
  };
}

/** The document asked for at start, if it is this one and not taken yet. */
export function takeEarlyDocument(id: number): EarlyAnswers['document'] {
  if (early?.id !== id) return null;
  const answer = early.document;
  early.document = null;
  return answer;
}

/** The highlights asked for at start, if they are this document's and not taken yet. */
export function takeEarlyHighlights(documentId: number): EarlyAnswers['highlights'] {
  if (early?.id !== documentId) return null;
  const answer = early.highlights;
  early.highlights = null;
  return answer;
}
