import { useId, useState, type ReactNode } from 'react';
import type { DocumentSummary, Highlight } from '../../main/common/records';
import { actorStyle } from '../actors/actor-colours';
import { useActors } from '../actors/actors-store';
import { passageTitle } from '../highlights/quote-text';
import { useHighlights } from '../highlights/use-highlights';
import { lastOpenedDocument, rememberOpenedDocument } from '../reader/last-document';
import { navigate } from '../route';
import { startHighlightDrag } from './highlight-drag';
import type { QuotedDocument } from './quote-in-note';
import '../styles/side-panels.css';
import '../styles/evidence.css';

interface Props {
  /** The library's documents; null until they have arrived. */
  documents: DocumentSummary[] | null;
  /** How the view beside uses a passage, said above the list ("Drag a passage into the note, …"). */
  usage: string;
  /** What dragging a passage does there, said as the quote's tooltip. */
  dragTitle: string;
  /**
   * Each passage's own action, its keyboard way in: "Quote in note" beside a note, "Add as
   * evidence" beside an analysis. Every entry drags the same payload (highlight-drag.ts), and
   * the view beside decides what a drop means.
   */
  action(highlight: Highlight, from: QuotedDocument): ReactNode;
}

const documentTitle = (doc: DocumentSummary | undefined) => doc?.title.trim() || 'Untitled document';

/**
 * Beside an open note or analysis: the highlights of the document read last (or another one chosen
 * here), ready to be dragged in or used with the entry's action, so writing never means switching away.
 */
export function EvidencePanel({ documents, usage, dragTitle, action }: Props) {
  const selectId = useId();
  const [chosen, setChosen] = useState<number | null>(lastOpenedDocument);
  // A remembered document may have been deleted since; then there is nothing to list until one is chosen.
  const documentId = documents === null || documents.some((doc) => doc.id === chosen) ? chosen : null;
  const source = documents?.find((doc) => doc.id === documentId);
  const { highlights, error, reload } = useHighlights(documentId);

  const choose = (value: string) => {
    const id = Number(value);
    if (!Number.isInteger(id) || id <= 0) return;
    setChosen(id);
    rememberOpenedDocument(id);
  };

  return (
    <aside aria-label="Evidence" className="evidence-panel">
      <h2 className="evidence-heading">Evidence</h2>
      {documents === null && <p className="evidence-note">Loading documents…</p>}
      {documents?.length === 0 && <p className="evidence-note">No documents yet. Import one into the library to quote from it.</p>}
      {documents && documents.length > 0 && (
        <div className="evidence-document">
          <label htmlFor={selectId}>Document</label>
          <select id={selectId} className="evidence-select" value={documentId ?? ''} onChange={(event) => choose(event.target.value)}>
            {documentId === null && <option value="">Choose a document…</option>}
            {documents.map((doc) => (
              <option key={doc.id} value={doc.id}>
                {documentTitle(doc)}
              </option>
            ))}
          </select>
        </div>
      )}
      {documentId !== null && error && (
        <div role="alert" className="evidence-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {documentId !== null && highlights === null && !error && <p className="evidence-note">Loading highlights…</p>}
      {highlights?.length === 0 && <p className="evidence-note">No highlights in this document yet.</p>}
      {highlights && highlights.length > 0 && (
        <>
          <p className="evidence-note">{usage}</p>
          <ol className="evidence-list">
            {highlights.map((highlight) => (
              <EvidenceEntry key={highlight.id} highlight={highlight} dragTitle={dragTitle}>
                {action(highlight, { uid: source?.uid ?? null, title: documentTitle(source) })}
              </EvidenceEntry>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

function EvidenceEntry({ highlight, dragTitle, children }: { highlight: Highlight; dragTitle: string; children: ReactNode }) {
  const { byId } = useActors();
  const tagged = highlight.actorIds.flatMap((actorId) => byId.get(actorId) ?? []);
  const quote = passageTitle(highlight);
  const orphaned = highlight.status === 'orphaned';

  return (
    <li className="evidence-entry" data-colour={highlight.colour} data-id={highlight.id}>
      {orphaned ? (
        <p className="evidence-quote" draggable onDragStart={(event) => startHighlightDrag(event, highlight)}>
          {quote}
        </p>
      ) : (
        <button
          type="button"
          className="evidence-quote"
          draggable
          title={`${dragTitle}, or click to open the passage`}
          onDragStart={(event) => startHighlightDrag(event, highlight)}
          onClick={() => navigate({ kind: 'document', id: highlight.documentId, highlightId: highlight.id })}
        >
          <span className="visually-hidden">Open in document: </span>{quote}
        </button>
      )}
      {orphaned && <p className="evidence-hint">Not found in the current version of the document.</p>}
      {tagged.length > 0 && (
        <ul className="actor-chips evidence-actors" aria-label="Actors">
          {tagged.map((actor) => (
            <li key={actor.id} className="actor-chip" style={actorStyle(actor.colour)}>
              {actor.name}
            </li>
          ))}
        </ul>
      )}
      {children}
    </li>
  );
}
