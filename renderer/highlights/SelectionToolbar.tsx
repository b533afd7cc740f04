import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { ToolbarActorPicker } from '../actors/ToolbarActorPicker';
import { ToolbarThemePicker } from '../themes/ToolbarThemePicker';
import type { PassageCode } from './passage-code';
import { ColourPicker } from './ColourPicker';
import { COLOUR_LABELS } from './highlight-colours';
import { textMapOf, trimSpan, type TextSpan } from './text-offsets';
import { ON_MAC } from '../keyboard/chords';
import { isHighlightChord } from './undo-delete';

interface Props {
  articleRef: RefObject<HTMLElement | null>;
  /** The reader pane, whose scrolling moves the selection under a fixed toolbar. */
  scrollerRef: RefObject<HTMLElement | null>;
  colour: HighlightColour;
  onColourChange(colour: HighlightColour): void;
  /** Saves the highlight (tagged with the actor or theme, if one is given); resolves with the error to show, or null once it is stored. */
  onHighlight(span: TextSpan, colour: HighlightColour, code?: PassageCode): Promise<OpError | null>;
}

interface Selected {
  span: TextSpan;
  /** Where the selection is on screen, for placing the toolbar next to it. */
  box: { top: number; bottom: number; left: number; right: number };
}

const TOOLBAR_GAP = 8;
const MAC = ON_MAC;
export const HIGHLIGHT_SHORTCUT = MAC ? '⌘⇧H' : 'Ctrl+Shift+H';
const SHORTCUT_ARIA = MAC ? 'Meta+Shift+H' : 'Control+Shift+H';

/** The selection's trimmed text span in the article and where it is on screen; null if it selects nothing there. */
function readSelection(article: HTMLElement): Selected | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(article)) return null;
  const index = textMapOf(article);
  // Trimmed by the index, not textContent: part of a long document may not be on the page yet.
  const span = trimSpan(index, index.spanOf(range));
  if (!span) return null;
  const rects = Array.from(index.rangeOf(span.start, span.end)?.getClientRects() ?? []).filter((rect) => rect.width > 0 || rect.height > 0);
  const first = rects[0];
  const last = rects.at(-1);
  if (!first || !last) return null;
  return {
    span,
    box: {
      top: first.top,
      bottom: last.bottom,
      left: Math.min(...rects.map((rect) => rect.left)),
      right: Math.max(...rects.map((rect) => rect.right)),
    },
  };
}

export function SelectionToolbar({ articleRef, scrollerRef, colour, onColourChange, onHighlight }: Props) {
  const [selected, setSelected] = useState<Selected | null>(null);
  // Kept with the text it was about: a selection that moved on is about new text, and shows no old failure.
  const [failure, setFailure] = useState<{ key: string; error: OpError } | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [dismissed, setDismissed] = useState<string | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const pointerDown = useRef(false);
  const radioName = useId();

  const refresh = useCallback(() => {
    const article = articleRef.current;
    if (!article || pointerDown.current) return;
    // Typing in the toolbar's Actor field moves the browser's selection into the field; the toolbar keeps the text's.
    if (toolbar.current?.contains(document.activeElement)) return;
    setSelected(readSelection(article));
  }, [articleRef]);

  useEffect(() => {
    const article = articleRef.current;
    const scroller = scrollerRef.current;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refresh);
    };
    // While the mouse drags, the selection changes on every move; the toolbar waits for the drop.
    const down = (event: PointerEvent) => {
      if (event.button === 0) pointerDown.current = true;
    };
    const up = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      schedule();
    };
    document.addEventListener('selectionchange', schedule);
    article?.addEventListener('pointerdown', down);
    window.addEventListener('pointerup', up);
    window.addEventListener('resize', schedule);
    scroller?.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      article?.removeEventListener('pointerdown', down);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('resize', schedule);
      scroller?.removeEventListener('scroll', schedule);
    };
  }, [articleRef, scrollerRef, refresh]);

  const spanKey = selected ? `${selected.span.start}-${selected.span.end}` : null;
  const visible = selected !== null && dismissed !== spanKey;
  const error = failure && failure.key === spanKey ? failure.error : null;

  // Above the selection's first line when it fits, else below its last; always inside the window.
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!visible || !element || !selected) return;
    const { offsetWidth: width, offsetHeight: height } = element;
    const { box } = selected;
    const viewportTop = scrollerRef.current?.getBoundingClientRect().top ?? 0;
    let top = box.top - height - TOOLBAR_GAP;
    if (top < viewportTop + TOOLBAR_GAP) top = box.bottom + TOOLBAR_GAP;
    top = Math.min(Math.max(top, viewportTop + TOOLBAR_GAP), window.innerHeight - height - TOOLBAR_GAP);
    const centre = (box.left + box.right) / 2;
    const left = Math.min(Math.max(centre - width / 2, TOOLBAR_GAP), window.innerWidth - width - TOOLBAR_GAP);
    element.style.top = `${Math.round(top)}px`;
    element.style.left = `${Math.round(left)}px`;
    element.style.visibility = 'visible';
  }, [visible, selected, scrollerRef, error]);

  const highlight = useCallback(
    async (span: TextSpan, code?: PassageCode) => {
      if (busy) return null;
      setBusy(true);
      const problem = await onHighlight(span, colour, code);
      setBusy(false);
      if (problem) {
        setFailure({ key: `${span.start}-${span.end}`, error: problem });
        return problem;
      }
      setFailure(null);
      const coded = code ? (code.kind === 'actor' ? ` and tagged with ${code.actor.name}` : ` and coded with ${code.theme.name}`) : '';
      setAnnouncement(`Highlighted in ${COLOUR_LABELS[colour].toLowerCase()}${coded}.`);
      const article = articleRef.current;
      const focusWasHere = toolbar.current?.contains(document.activeElement) ?? false;
      // The new highlight shows once the selection no longer covers it; the caret stays at its end.
      window.getSelection()?.collapseToEnd();
      if (focusWasHere) article?.focus({ preventScroll: true });
      setSelected(null);
      return null;
    },
    [busy, onHighlight, colour, articleRef],
  );

  // The shortcut works wherever the selection is in the article, with or without the toolbar.
  useEffect(() => {
    const keydown = (event: globalThis.KeyboardEvent) => {
      if (!isHighlightChord(event, MAC)) return;
      const article = articleRef.current;
      const current = article ? readSelection(article) : null;
      if (!current) return;
      event.preventDefault();
      setSelected(current);
      setDismissed(null);
      void highlight(current.span);
    };
    document.addEventListener('keydown', keydown);
    return () => document.removeEventListener('keydown', keydown);
  }, [articleRef, highlight]);

  const keydown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setDismissed(spanKey);
    articleRef.current?.focus({ preventScroll: true });
  };

  useEffect(() => {
    const article = articleRef.current;
    const escape = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && spanKey) setDismissed(spanKey);
    };
    article?.addEventListener('keydown', escape);
    return () => article?.removeEventListener('keydown', escape);
  }, [articleRef, spanKey]);

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {visible && (
        <div
          ref={toolbar}
          role="toolbar"
          aria-label="Selection"
          className="selection-toolbar"
          // Hidden until the layout effect has measured it and put it by the selection.
          style={{ visibility: 'hidden' }}
          // Pressing on the toolbar must not take the selection (or the caret's focus) away from the text.
          // The Actor and Theme fields are the exception: they need the press to take focus so they can be typed in.
          onMouseDown={(event) => {
            if (!(event.target instanceof HTMLInputElement)) event.preventDefault();
          }}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) refresh();
          }}
          onKeyDown={keydown}
        >
          <div className="selection-toolbar-row">
            <button
              type="button"
              className="button selection-toolbar-highlight"
              aria-disabled={busy || undefined}
              aria-keyshortcuts={SHORTCUT_ARIA}
              title={`Highlight (${HIGHLIGHT_SHORTCUT})`}
              onClick={() => void highlight(selected.span)}
            >
              <span className="colour-chip" data-colour={colour} aria-hidden="true" />
              Highlight
            </button>
            <ColourPicker name={radioName} value={colour} onChange={onColourChange} />
          </div>
          <ToolbarActorPicker articleRef={articleRef} span={selected.span} onPick={(actor) => highlight(selected.span, { kind: 'actor', actor })} />
          <ToolbarThemePicker articleRef={articleRef} span={selected.span} onPick={(theme) => highlight(selected.span, { kind: 'theme', theme })} />
          {error && (
            <p role="alert" className="selection-toolbar-error">
              {error.message}
            </p>
          )}
        </div>
      )}
    </>
  );
}
