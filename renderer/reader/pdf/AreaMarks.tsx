import { useEffect, useId, useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { OpError } from '../../../main/common/contract';
import type { Highlight, HighlightArea, HighlightColour } from '../../../main/common/records';
import { ActorCombobox } from '../../actors/ActorCombobox';
import { useActors } from '../../actors/actors-store';
import { ColourPicker } from '../../highlights/ColourPicker';
import type { PassageCode } from '../../highlights/passage-code';
import { ThemeCombobox } from '../../themes/ThemeCombobox';
import { useThemes } from '../../themes/themes-store';
import { areaBetween, areaStyle, isLargeEnough, type Point } from './area-geometry';

interface Props {
  /** The layer over each drawn page, by page number. */
  layers: ReadonlyMap<number, HTMLElement>;
  /** The document's area highlights. */
  highlights: readonly Highlight[];
  activeId: number | null;
  /** "Select area" is on: a drag on a page draws a rectangle instead of selecting text. */
  drawing: boolean;
  colour: HighlightColour;
  onColourChange(colour: HighlightColour): void;
  /** Saves the area (tagged with the actor or theme, if one is given): whether it is stored, and the problem to show. */
  onCreate(area: HighlightArea, colour: HighlightColour, code?: PassageCode): Promise<AreaSaved>;
  onOpen(highlight: Highlight): void;
  /** How a page is cited ("p. 12"), for the marks' names. */
  pageName(pageNumber: number): string;
}

/** An area stored but not tagged is stored: its toolbar must not offer to make it again. */
export type AreaSaved = { saved: false; problem: OpError } | { saved: true; problem: OpError | null };

interface Draft {
  area: HighlightArea;
  /** False while the mouse is still down. */
  done: boolean;
}

/** Area highlights on a PDF's drawn pages, and the rectangle being drawn for a new one with its toolbar. */
export function AreaMarks({ layers, highlights, activeId, drawing, colour, onColourChange, onCreate, onOpen, pageName }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const start = useRef<{ page: HTMLElement; pageNumber: number; from: Point } | null>(null);
  const draftElement = useRef<HTMLDivElement>(null);

  // Each layer takes the drag while drawing is on; otherwise it lets the text under it be selected.
  useEffect(() => {
    for (const layer of layers.values()) layer.classList.toggle('pdf-area-layer-drawing', drawing);
  }, [layers, drawing]);

  const pointerDown = (pageNumber: number, event: PointerEvent<HTMLDivElement>) => {
    if (!drawing || event.button !== 0 || (event.target as Element).closest('.pdf-area-mark')) return;
    const page = event.currentTarget;
    event.preventDefault();
    page.setPointerCapture(event.pointerId);
    start.current = { page, pageNumber, from: { x: event.clientX, y: event.clientY } };
    setDraft({ area: areaBetween(pageNumber, page.getBoundingClientRect(), start.current.from, start.current.from), done: false });
  };
  const pointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const begun = start.current;
    if (!begun) return;
    setDraft({ area: areaBetween(begun.pageNumber, begun.page.getBoundingClientRect(), begun.from, { x: event.clientX, y: event.clientY }), done: false });
  };
  const pointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const begun = start.current;
    if (!begun) return;
    start.current = null;
    const area = areaBetween(begun.pageNumber, begun.page.getBoundingClientRect(), begun.from, { x: event.clientX, y: event.clientY });
    setDraft(isLargeEnough(area) ? { area, done: true } : null);
  };

  return (
    <>
      {[...layers].map(([pageNumber, layer]) =>
        createPortal(
          <div
            className="pdf-area-surface"
            onPointerDown={(event) => pointerDown(pageNumber, event)}
            onPointerMove={pointerMove}
            onPointerUp={pointerUp}
          >
            {highlights
              .filter((highlight) => highlight.area?.page === pageNumber)
              .map((highlight) => (
                <button
                  key={highlight.id}
                  type="button"
                  className={highlight.id === activeId ? 'pdf-area-mark pdf-area-mark-active' : 'pdf-area-mark'}
                  data-colour={highlight.colour}
                  style={areaStyle(highlight.area!)}
                  aria-label={`Area highlight on ${pageName(pageNumber)}`}
                  onClick={() => onOpen(highlight)}
                />
              ))}
            {draft && draft.area.page === pageNumber && <div ref={draftElement} className="pdf-area-draft" data-colour={colour} style={areaStyle(draft.area)} />}
          </div>,
          layer,
          `areas-${pageNumber}`,
        ),
      )}
      {draft?.done && (
        <AreaToolbar
          anchor={draftElement}
          area={draft.area}
          colour={colour}
          onColourChange={onColourChange}
          onCreate={async (chosen, code) => {
            const outcome = await onCreate(draft.area, chosen, code);
            if (outcome.saved && !outcome.problem) setDraft(null);
            return outcome;
          }}
          onCancel={() => setDraft(null)}
        />
      )}
    </>
  );
}

interface ToolbarProps {
  anchor: RefObject<HTMLDivElement | null>;
  area: HighlightArea;
  colour: HighlightColour;
  onColourChange(colour: HighlightColour): void;
  onCreate(colour: HighlightColour, code?: PassageCode): Promise<AreaSaved>;
  onCancel(): void;
}

const STILL_SAVING: OpError = { code: 'refused', message: 'The area is still being saved.' };

const GAP = 8;

/** Beside a rectangle just drawn: its colour, Highlight area, an actor or a theme to tag it with at once (as the selection's toolbar has), and Cancel (or Escape). */
function AreaToolbar({ anchor, area, colour, onColourChange, onCreate, onCancel }: ToolbarProps) {
  const toolbar = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const radioName = useId();
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);
  const { actors } = useActors();
  const { rows: themes } = useThemes();

  // Below the rectangle when there is room, else above it; always in the window. Focus comes here, so the keyboard can finish.
  useLayoutEffect(() => {
    const element = toolbar.current;
    const box = anchor.current?.getBoundingClientRect();
    if (!element || !box) return;
    const { offsetWidth: width, offsetHeight: height } = element;
    let top = box.bottom + GAP;
    if (top + height > window.innerHeight - GAP) top = Math.max(GAP, box.top - height - GAP);
    const left = Math.min(Math.max(box.left, GAP), window.innerWidth - width - GAP);
    element.style.top = `${Math.round(top)}px`;
    element.style.left = `${Math.round(left)}px`;
    element.style.visibility = 'visible';
  }, [anchor, area]);
  useEffect(() => button.current?.focus({ preventScroll: true }), []);

  const [saved, setSaved] = useState(false);

  /** The problem for a field to show, or null when done with: a second choice while the first is saved is turned away, not dropped. */
  const create = async (code?: PassageCode): Promise<OpError | null> => {
    if (busy) return STILL_SAVING;
    setBusy(true);
    const outcome = await onCreate(colour, code);
    setBusy(false);
    setError(outcome.problem);
    setSaved(outcome.saved);
    // Stored but not tagged: the toolbar says why and offers only Close, or a second area would be made.
    return outcome.saved ? null : outcome.problem;
  };

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label="Area"
      className="selection-toolbar"
      style={{ visibility: 'hidden' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {saved ? (
        <div className="selection-toolbar-row">
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Close
          </button>
        </div>
      ) : (
        <>
          <div className="selection-toolbar-row">
            <button ref={button} type="button" className="button selection-toolbar-highlight" disabled={busy} onClick={() => void create()}>
              <span className="colour-chip" data-colour={colour} aria-hidden="true" />
              Highlight area
            </button>
            <ColourPicker name={radioName} value={colour} onChange={onColourChange} disabled={busy} />
            <button type="button" className="button button-quiet" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </div>
          <div className="toolbar-actor-picker">
            <ActorCombobox label="Actor" placeholder="Highlight area and tag with an actor…" actors={actors ?? []} allowCreate onPick={(actor) => create({ kind: 'actor', actor })} />
          </div>
          <div className="toolbar-actor-picker">
            <ThemeCombobox label="Theme" placeholder="Highlight area and code with a theme…" rows={themes} allowCreate onPick={(theme) => create({ kind: 'theme', theme })} />
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="selection-toolbar-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
