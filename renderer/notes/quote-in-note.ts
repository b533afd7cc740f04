import type { Highlight, NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import type { HighlightQuote } from '../editor/nodes/HighlightQuoteNode';
import { rememberHighlight } from '../editor/passage-places';
import { quotedWords } from '../highlights/quote-text';
import { withQuoteAppended } from './note-body';
import { lastOpenedNote, loadedNotes, noteById, putNote, rememberOpenedNote } from './notes-store';

const MAX_TITLE = 500;

/** What a quote keeps of the document it comes from: its title as it was, and its uid (null if it could not be read). */
export interface QuotedDocument {
  uid: string | null;
  title: string;
}

export async function quotedDocument(documentId: number): Promise<QuotedDocument> {
  const result = await api.call('documents.list', {});
  const document = result.ok ? result.value.find((doc) => doc.id === documentId) : undefined;
  return { uid: document?.uid ?? null, title: document?.title ?? 'Untitled document' };
}

/** A highlight as a quote names it, by uid; where it is is remembered, so the quote opens it at once. */
export function quoteOf(highlight: Pick<Highlight, 'id' | 'uid' | 'documentId' | 'exact' | 'area' | 'comment'>, document: QuotedDocument): HighlightQuote {
  rememberHighlight(highlight);
  return { highlightUid: highlight.uid, documentUid: document.uid, documentTitle: document.title, quote: quotedWords(highlight) };
}

export type QuoteOutcome = { ok: true; note: NoteSummary; created: boolean } | { ok: false; error: OpError };

// Quotes land one after another: two quick clicks must not both read the note and one overwrite the other.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Adds a highlight to the note the researcher opened last (or, when there is none, to a new
 * "Notes on <document>"), and says which note it went to.
 */
export function quoteInNote(highlight: Highlight): Promise<QuoteOutcome> {
  const run = queue.then(() => appendQuote(highlight));
  queue = run.catch(() => undefined);
  return run;
}

async function appendQuote(highlight: Highlight): Promise<QuoteOutcome> {
  const document = await quotedDocument(highlight.documentId);
  const documentTitle = document.title;
  // Without the list (it failed to load), the quote goes to a new note rather than nowhere.
  const notes = await loadedNotes().catch(() => null);
  const lastId = lastOpenedNote();
  const target = lastId === null ? undefined : noteById(notes, lastId);

  let created = false;
  const opened = target
    ? await api.call('notes.get', { id: target.id })
    : await api.call('notes.create', { title: `Notes on ${documentTitle}`.slice(0, MAX_TITLE) });
  if (!opened.ok) return { ok: false, error: opened.error };
  if (!target) {
    created = true;
    rememberOpenedNote(opened.value.id);
  }

  const note = opened.value;
  const body = withQuoteAppended(note.body, quoteOf(highlight, document));
  const saved = await api.call('notes.save', { id: note.id, title: note.title, body });
  if (!saved.ok) return { ok: false, error: saved.error };
  putNote(saved.value);
  return { ok: true, note: saved.value, created };
}
