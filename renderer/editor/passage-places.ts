import type { Highlight, Note } from '../../main/common/records';
import type { Route } from '../route';

export type PassagePlace = Note['passages'][string];

/**
 * Where each quoted passage is, by its highlight's uid. A quote names its passage by uid and the
 * reader is opened by ids, so the ids come with the note that quotes it (Note.passages) and
 * with each highlight the person quotes. A highlight's id and document never change, so what is
 * learnt once stays true for as long as the library is open.
 */
const places = new Map<string, PassagePlace>();

export function rememberPassages(passages: Note['passages']): void {
  for (const [uid, place] of Object.entries(passages)) places.set(uid, place);
}

export function rememberHighlight(highlight: Pick<Highlight, 'uid' | 'id' | 'documentId'>): void {
  places.set(highlight.uid, { highlightId: highlight.id, documentId: highlight.documentId });
}

/** The reader's route to a quoted passage; null when this library does not hold it. */
export function passageRoute(highlightUid: string | null): Route | null {
  const place = highlightUid === null ? undefined : places.get(highlightUid);
  return place ? { kind: 'document', id: place.documentId, highlightId: place.highlightId } : null;
}
