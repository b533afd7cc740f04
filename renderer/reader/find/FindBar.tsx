import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { textMapOf, type TextSpan } from '../../highlights/text-offsets';
import { ON_MAC } from '../../keyboard/chords';
import { isFindChord } from './find-chord';
import { describeMatches, findMatches, firstMatchFrom, foldWithOffsets, stepMatch } from './find-matches';
import { clearFind, paintFind } from './paint-find';
import { chunkAt, fillText } from '../chunked-article';
import { scrollRangeIntoView } from './reveal-span';
import '../../styles/find.css';

interface Props {
  /** The document's text, which is exactly the article's textContent once all of it is on the page. */
  text: string;
  articleRef: RefObject<HTMLElement | null>;
  scrollerRef: RefObject<HTMLElement | null>;
  /** Changes whenever the article's markup is set afresh, so the marks are painted on its new nodes. */
  renderCount: number;
  /** What is searched, for the bar's name: "Find in document", "Find in note". */
  label?: string;
  /** Places the bar for its pane: the reader's padding differs from the note page's. */
  className?: string;
  /** Goes to a match whose words are not drawn yet (on a PDF's page pdf.js has not drawn). */
  onMatchNotShown?(match: TextSpan): void;
}

interface Found {
  query: string;
  /** The text the matches were found in; a replaced document is searched again. */
  text: string;
  matches: TextSpan[];
  current: number;
}

/** Ctrl+F in the reader or a note: every match marked, one current, stepped through with Enter. */
export function FindBar({ text, articleRef, scrollerRef, renderCount, label = 'Find in document', className = 'find-anchor', onMatchNotShown }: Props) {
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Found>({ query: '', text, matches: [], current: -1 });
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const folded = useMemo(() => (open ? foldWithOffsets(text) : null), [open, text]);
  const live = useMemo<Found>(() => {
    if (found.text === text || !folded) return found;
    const matches = findMatches(folded, found.query);
    return { query: found.query, text, matches, current: matches.length > 0 ? 0 : -1 };
  }, [found, text, folded]);

  useEffect(() => {
    const keydown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || !isFindChord(event, ON_MAC)) return;
      // A modal dialog (search) owns the keyboard while it is open.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      event.preventDefault();
      if (!input.current || document.activeElement !== input.current) returnFocus.current = document.activeElement;
      setOpen(true);
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', keydown);
    return () => window.removeEventListener('keydown', keydown);
  }, []);

  // The input exists only once open; focus it as soon as it does.
  useLayoutEffect(() => {
    if (!open) return;
    input.current?.focus();
    input.current?.select();
  }, [open]);

  // Repainted on every change of matches and on fresh markup; the view follows only a new current match.
  const shown = useRef<{ matches: TextSpan[]; current: number } | null>(null);
  useLayoutEffect(() => {
    const article = articleRef.current;
    const scroller = scrollerRef.current;
    if (!open || !article || !scroller) {
      clearFind();
      shown.current = null;
      return;
    }
    // The current match is put on the page if its part of a long document is not there yet; the others are marked as theirs come.
    const match = live.matches[live.current];
    if (match) fillText(article, match.start, match.end);
    const range = paintFind(textMapOf(article), live.matches, live.current);
    const moved = shown.current?.matches !== live.matches || shown.current.current !== live.current;
    shown.current = { matches: live.matches, current: live.current };
    if (range && moved) scrollRangeIntoView(scroller, range, { onlyIfHidden: true });
    else if (!range && moved && match) onMatchNotShown?.(match);
  }, [open, live, articleRef, scrollerRef, renderCount, onMatchNotShown]);

  useLayoutEffect(() => clearFind, []);

  const search = (query: string) => {
    const article = articleRef.current;
    const scroller = scrollerRef.current;
    const matches = folded ? findMatches(folded, query) : [];
    // Typing on from a match stays there; a fresh search starts with what is on screen, as a reader expects.
    const previous = live.matches[live.current];
    const current = previous
      ? firstMatchFrom(matches, previous.start)
      : article && scroller
        ? firstMatchOnScreen(article, matches, scroller)
        : firstMatchFrom(matches, 0);
    setFound({ query, text, matches, current });
  };

  const step = (direction: 1 | -1) => setFound({ ...live, current: stepMatch(live.current, live.matches.length, direction) });

  const close = useCallback(() => {
    setOpen(false);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus({ preventScroll: true });
    else scrollerRef.current?.focus({ preventScroll: true });
  }, [scrollerRef]);

  const keyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  if (!open) return null;
  const count = describeMatches(live.current, live.matches.length, live.query);
  const none = live.matches.length === 0;
  return (
    <div className={className}>
      <div role="search" aria-label={label} className="find-bar" onKeyDown={keyDown}>
        <input
          ref={input}
          type="search"
          className="find-input"
          aria-label={label}
          placeholder={label}
          value={live.query}
          onChange={(event) => search(event.target.value)}
          aria-invalid={(count !== '' && none) || undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <span role="status" className="find-count" data-none={(count !== '' && none) || undefined}>
          {count}
        </span>
        <button type="button" className="icon-button" aria-label="Previous" title="Previous match (Shift+Enter)" disabled={none} onClick={() => step(-1)}>
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="m5 12.5 5-5 5 5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="icon-button" aria-label="Next" title="Next match (Enter)" disabled={none} onClick={() => step(1)}>
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="m5 7.5 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="icon-button" aria-label="Close find" title="Close (Escape)" onClick={close}>
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="m6 6 8 8m0-8-8 8" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </div>
  );
}

/**
 * The first match not above the top of the pane, found by halving (each test measures one range,
 * or for words of a book not on the page yet, the room kept for their chunk).
 */
function firstMatchOnScreen(article: HTMLElement, matches: readonly TextSpan[], scroller: HTMLElement): number {
  if (matches.length === 0) return -1;
  const top = scroller.getBoundingClientRect().top;
  const index = textMapOf(article);
  if (index.firstOffsetBelow) return firstMatchFrom(matches, index.firstOffsetBelow(top));
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const { start, end } = matches[middle]!;
    const box = index.rangeOf(start, end)?.getBoundingClientRect() ?? chunkAt(article, start)?.getBoundingClientRect();
    if (box && box.bottom <= top) low = middle + 1;
    else high = middle;
  }
  return low < matches.length ? low : 0;
}
