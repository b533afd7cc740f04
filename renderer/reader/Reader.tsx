import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { OpError } from '../../main/common/contract';
import type { Highlight, HighlightArea, HighlightColour } from '../../main/common/records';
import { api } from '../api/client';
import { MentionsSection } from '../actors/MentionsSection';
import { MentionsToggle } from '../actors/MentionsToggle';
import { MentionHint } from '../actors/MentionHint';
import { useMentions } from '../actors/use-mentions';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { loadLastColour, saveLastColour } from '../highlights/highlight-colours';
import { clearHighlights, flashSpan, paintHighlights } from '../highlights/paint-highlights';
import { HighlightPopover } from '../highlights/HighlightPopover';
import { SelectionToolbar } from '../highlights/SelectionToolbar';
import { textMapOf, type TextSpan } from '../highlights/text-offsets';
import { useHighlightClicks } from '../highlights/use-highlight-clicks';
import { showChangedHighlight, useHighlights } from '../highlights/use-highlights';
import type { PassageCode } from '../highlights/passage-code';
import type { AreaSaved } from './pdf/AreaMarks';
import { useHighlightUndo } from '../highlights/use-highlight-undo';
import { DocumentView } from './DocumentView';
import { ExternalLinkNotice } from './ExternalLinkNotice';
import { rememberOpenedDocument } from './last-document';
import { takeEarlyParts } from './early-open';
import { FindBar } from './find/FindBar';
import { useRevealRequests } from './find/pending-reveal';
import { rangeOfSpan, scrollRangeIntoView } from './find/reveal-span';
import { ReplaceButton } from './ReplaceButton';
import { DocumentContentsMenu } from './ContentsMenu';
import { landingSpan } from './contents-items';
import { usePassageFromRoute, useWordsFromRoute } from './use-passage-from-route';
import { useDocument } from './use-document';
import { useReadingPosition } from './use-reading-position';
import { DetailsButton } from '../document-details/DetailsButton';
import { ExportMenu } from '../export/ExportMenu';
import { documentExportChoices } from '../export/export-choices';
import { OpenProblem } from './OpenProblem';
import { ReadingControls } from './ReadingControls';
import { useTextSizeKeys } from './text-size-keys';
import { partAt, type DocumentPart } from '../../main/common/document-parts';
import { useOp } from '../data/op-queries';
import { PdfView, type PageRequest } from './pdf/PdfView';
import { placeCitation } from './place-citation';

interface Props {
  documentId: number | null;
  /** A passage to open the document at (#/document/ID/highlight/HID). */
  highlightId?: number;
  /** Words to open the document at (#/document/ID/at/START-END). */
  at?: TextSpan;
  /** A document's title or source may have changed: the library list should show it. */
}

const NO_PARTS: readonly DocumentPart[] = [];
const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** Scrolls a passage on a PDF's drawn pages into view and makes it blink; false when its page is not drawn yet. */
function showOnPages(pagesElement: HTMLElement, span: TextSpan): boolean {
  const range = textMapOf(pagesElement).rangeOf(span.start, span.end);
  if (!range) return false;
  scrollRangeIntoView(pagesElement, range);
  flashSpan(pagesElement, span);
  return true;
}

export function Reader({ documentId, highlightId, at }: Props) {
  const { state, retry } = useDocument(documentId);
  const pane = useRef<HTMLElement>(null);
  const article = useRef<HTMLElement | null>(null);
  // A PDF's pages, where its text is selected and highlights are painted, through their text layers.
  const pages = useRef<HTMLDivElement>(null);
  // Asked with the document, and waited for: a PDF must not flash up as text before its pages. Until
  // both are in, nothing is shown, so a place to open at (left there, or a search result's) waits too.
  const parts = useOp('documents.parts', { id: documentId ?? 0 }, { enabled: documentId !== null, read: () => takeEarlyParts(documentId ?? 0) });
  const partsKnown = parts.data !== undefined || parts.error !== null;
  const shownId = state.status === 'open' && partsKnown ? state.document.id : null;
  // Asked for with the document, not after it: the passages are ready to paint when the text is.
  const list = useHighlights(documentId);
  const undo = useHighlightUndo(list, shownId);
  const [colour, setColour] = useState<HighlightColour>(loadLastColour);
  const [activeId, setActiveId] = useState<number | null>(null);
  // Bumped whenever the article's markup is (re)set, since painted ranges point into its old nodes.
  const [renderCount, setRenderCount] = useState(0);
  const rendered = useCallback(() => setRenderCount((value) => value + 1), []);
  // The web link last followed in the document, which the reader offers to open or copy.
  const [externalLink, setExternalLink] = useState<{ documentId: number | null; url: string } | null>(null);
  const followedLink = useCallback((url: string) => setExternalLink({ documentId: shownId, url }), [shownId]);
  const closeExternalLink = useCallback(() => {
    setExternalLink(null);
    article.current?.focus({ preventScroll: true });
  }, []);

  // A newly opened document starts at its beginning, not where the last one was left.
  useLayoutEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [shownId]);

  // The Evidence panel beside a note lists the highlights of the document read last.
  useEffect(() => {
    if (shownId !== null) rememberOpenedDocument(shownId);
  }, [shownId]);

  // Where it was left, unless it opens at a passage or at a search result's words (hence before them).
  useReadingPosition({ documentId: shownId, articleRef: article, paneRef: pane, openedAtPassage: highlightId !== undefined || at !== undefined });


  // A PDF shows its pages; its extracted text, reflowed as an article, is one button away.
  const pdfFile = shownId !== null && parts.data?.file?.kind === 'pdf' ? parts.data.file : null;
  const [textOf, setTextOf] = useState<number | null>(null);
  const showPages = pdfFile !== null && textOf !== shownId;
  const [pageRequest, setPageRequest] = useState<PageRequest | null>(null);

  const { highlights } = list;
  const firstScreenShown = useRef<number | null>(null);
  // A passage asked for on a page not drawn yet: shown once its page's text is.
  const passageOnPages = useRef<TextSpan | null>(null);
  useLayoutEffect(() => {
    const root = showPages ? pages.current : article.current;
    if (!root || shownId === null || highlights === null) {
      clearHighlights();
      return;
    }
    paintHighlights(root, highlights, activeId);
    if (showPages && passageOnPages.current && showOnPages(root, passageOnPages.current)) passageOnPages.current = null;
    performance.mark('fieldbook:highlights-painted');
    if (firstScreenShown.current !== shownId) {
      firstScreenShown.current = shownId;
      // After the frame that shows it: what the reader-paint benchmark times a document's opening to.
      requestAnimationFrame(() => window.setTimeout(() => performance.mark('fieldbook:first-screen-shown'), 0));
    }
  }, [highlights, activeId, shownId, renderCount, showPages]);

  useLayoutEffect(() => clearHighlights, []);

  const chooseColour = useCallback((next: HighlightColour) => {
    setColour(next);
    saveLastColour(next);
  }, []);

  // The card of a passage opened from elsewhere is brought into view in the panel, which mounts only the cards near its view.
  const [cardToShow, setCardToShow] = useState<{ id: number } | null>(null);
  const showCard = useCallback((id: number) => setCardToShow({ id }), []);
  const { create, createArea, tag } = list;
  /** Tags a passage just made with the actor or theme chosen in its toolbar; the problem to show, if any. */
  const codePassage = useCallback(
    async (highlightId: number, code: PassageCode | undefined): Promise<OpError | null> => {
      if (!code) return null;
      if (code.kind === 'theme') {
        const coded = await api.call('highlights.tagTheme', { highlightId, themeId: code.theme.id });
        if (!coded.ok) return { ...coded.error, message: `Highlighted, but not coded with ${code.theme.name}: ${coded.error.message}` };
        showChangedHighlight(coded.value);
        return null;
      }
      const tagged = await tag(highlightId, code.actor.id);
      if (!tagged.ok) return { ...tagged.error, message: `Highlighted, but not tagged with ${code.actor.name}: ${tagged.error.message}` };
      return null;
    },
    [tag],
  );
  const createAreaHighlight = useCallback(
    async (area: HighlightArea, chosen: HighlightColour, code?: PassageCode): Promise<AreaSaved> => {
      const result = await createArea(area, chosen);
      if (!result.ok) return { saved: false, problem: result.error };
      saveLastColour(chosen);
      setActiveId(result.value.id);
      setCardToShow({ id: result.value.id });
      return { saved: true, problem: await codePassage(result.value.id, code) };
    },
    [createArea, codePassage],
  );
  const highlight = useCallback(
    async (span: TextSpan, chosen: HighlightColour, code?: PassageCode) => {
      const result = await create(span, chosen);
      if (!result.ok) return result.error;
      saveLastColour(chosen);
      return codePassage(result.value.id, code);
    },
    [create, codePassage],
  );

  const shownParts = parts.data?.parts;
  const goTo = useCallback((target: TextSpan & { area?: HighlightArea | null }) => {
    // An area has no words: its page is shown, and its mark made the active one.
    if (target.area) {
      setTextOf(null);
      setPageRequest({ pageNumber: target.area.page });
      return;
    }
    if (showPages) {
      const root = pages.current;
      if (root && showOnPages(root, target)) return;
      passageOnPages.current = target;
      const page = shownParts ? partAt(shownParts, target.start) : null;
      if (page) setPageRequest({ pageNumber: page.ordinal + 1 });
      return;
    }
    const root = article.current;
    const scroller = pane.current;
    if (!root || !scroller) return;
    const range = rangeOfSpan(root, target);
    if (!range) return;
    scrollRangeIntoView(scroller, range);
    flashSpan(root, target);
  }, [showPages, shownParts]);
  // After the reset above: a search result opens the document at the words it matched (a PDF's pages at their page).
  useRevealRequests(shownId, article, pane, showPages ? goTo : null);

  const placeOf = useCallback((passage: Highlight) => placeCitation(shownParts, passage), [shownParts]);

  // A chapter from the contents: its first words at the top, and the caret there, so reading (and the keyboard) go on from it.
  const shownText = state.status === 'open' ? state.document.text : null;
  const goToPlace = useCallback(
    (offset: number) => {
      const root = article.current;
      const scroller = pane.current;
      const span = shownText === null ? null : landingSpan(shownText, offset);
      if (!root || !scroller || !span) return;
      const range = rangeOfSpan(root, span);
      if (!range) return;
      scrollRangeIntoView(scroller, range, { at: 'top' });
      root.focus({ preventScroll: true });
      window.getSelection()?.collapse(range.startContainer, range.startOffset);
    },
    [shownText],
  );


  // A click on a painted passage makes it the active one, shows its card and opens its popover there.
  const [popoverId, setPopoverId] = useState<number | null>(null);
  // An area's mark opens its card, where its colour, comment and actors are.
  const openAreaCard = useCallback((clicked: Highlight) => {
    setActiveId(clicked.id);
    setCardToShow({ id: clicked.id });
  }, []);
  const openCard = useCallback((clicked: Highlight) => {
    setActiveId(clicked.id);
    setCardToShow({ id: clicked.id });
    setPopoverId(clicked.id);
  }, []);
  const closePopover = useCallback((toText: boolean) => {
    setPopoverId(null);
    if (toText) pane.current?.focus({ preventScroll: true });
  }, []);
  const popoverHighlight = popoverId === null ? undefined : highlights?.find((h) => h.id === popoverId && h.status !== 'orphaned');
  useHighlightClicks(showPages ? pages : article, shownId, highlights, openCard);
  usePassageFromRoute(shownId, highlightId, highlights, renderCount, goTo, showCard);
  useWordsFromRoute(shownId, at, renderCount, goTo);
  const mentions = useMentions({ documentId: shownId, articleRef: showPages ? pages : article, renderCount });
  useTextSizeKeys(state.status === 'open');

  return (
    <>
      {/* tabIndex: a document without links would otherwise leave keyboard users no way to scroll it. */}
      <main
        ref={pane}
        tabIndex={showPages ? undefined : 0}
        aria-label="Reader"
        aria-busy={state.status === 'loading' || undefined}
        className={showPages ? 'reader reader-pdf' : 'reader'}
      >
        {state.status === 'none' && (
          <div className="reader-message">
            <svg className="reader-message-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
              <path
                d="M24 13c-4-3-10-4-16-3v26c6-1 12 0 16 3 4-3 10-4 16-3V10c-6-1-12 0-16 3Zm0 0v26"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinejoin="round"
              />
            </svg>
            <h1 className="reader-message-lead">Choose a document from the library, or import one.</h1>
            <p className="reader-message-hint">Use Import at the top of the library to add PDF, EPUB, HTML, Markdown or plain-text files. They stay on this computer.</p>
          </div>
        )}
        {state.status === 'loading' && (
          <div className="reader-message">
            <p className="reader-message-hint">Opening…</p>
          </div>
        )}
        {state.status === 'failed' && (
          <div className="reader-message">
            <OpenProblem message={state.error.message} onRetry={retry} />
          </div>
        )}
        {state.status === 'open' && partsKnown && pdfFile && showPages && (
          <PdfView
            key={state.document.id}
            documentId={state.document.id}
            title={state.document.title}
            file={pdfFile}
            text={state.document.text}
            parts={shownParts ?? NO_PARTS}
            pagesRef={pages}
            highlights={highlights ?? NO_HIGHLIGHTS}
            activeId={activeId}
            colour={colour}
            onColourChange={chooseColour}
            onCreateArea={createAreaHighlight}
            onOpenArea={openAreaCard}
            pageRequest={pageRequest}
            onRendered={rendered}
            actions={
              <div className="document-tools">
                {pdfFile.hasText && (
                  <button type="button" className="button button-quiet" onClick={() => {
                      // A page asked for earlier is not where the pages should open when shown again.
                      setPageRequest(null);
                      passageOnPages.current = null;
                      setTextOf(state.document.id);
                    }}>
                    Show text
                  </button>
                )}
                <DetailsButton key={`details-${state.document.id}`} document={state.document} />
                {/* Before the row can wrap: its list opens leftwards, and must not open past the reader's edge. */}
                <ExportMenu label="Export" choices={documentExportChoices(state.document.id)} />
                {pdfFile.hasText && <MentionsToggle mentions={mentions} />}
                <ReplaceButton key={`replace-${state.document.id}`} documentId={state.document.id} />
              </div>
            }
          >
            {pdfFile.hasText && (
              <>
                <FindBar text={state.document.text} articleRef={pages} scrollerRef={pages} renderCount={renderCount} className="find-anchor-pdf" onMatchNotShown={goTo} />
                <SelectionToolbar articleRef={pages} scrollerRef={pages} colour={colour} onColourChange={chooseColour} onHighlight={highlight} />
              </>
            )}
          </PdfView>
        )}
        {state.status === 'open' && partsKnown && !showPages && <FindBar text={state.document.text} articleRef={article} scrollerRef={pane} renderCount={renderCount} />}
        {state.status === 'open' && partsKnown && !showPages && (
          <DocumentView
            document={state.document}
            articleRef={article}
            scrollerRef={pane}
            onRendered={rendered}
            onExternalLink={followedLink}
            actions={
              <div className="document-tools">
                {pdfFile && (
                  <button type="button" className="button button-quiet" onClick={() => setTextOf(null)}>
                    Show pages
                  </button>
                )}
                <DocumentContentsMenu key={`contents-${state.document.id}`} documentId={state.document.id} onGoTo={goToPlace} />
                <DetailsButton key={`details-${state.document.id}`} document={state.document} />
                <ReplaceButton key={`replace-${state.document.id}`} documentId={state.document.id} />
                <MentionsToggle mentions={mentions} />
                <ExportMenu label="Export" choices={documentExportChoices(state.document.id)} />
                {/* Last, so when the row wraps these go below and the Export menu keeps its place (its list opens leftwards). */}
                <ReadingControls />
              </div>
            }
          >
            <SelectionToolbar articleRef={article} scrollerRef={pane} colour={colour} onColourChange={chooseColour} onHighlight={highlight} />
          </DocumentView>
        )}
        {state.status === 'open' && <MentionHint articleRef={showPages ? pages : article} mentions={mentions.mentions} />}
        {state.status === 'open' && popoverHighlight && (
          <HighlightPopover
            key={popoverHighlight.id}
            highlight={popoverHighlight}
            articleRef={showPages ? pages : article}
            scrollerRef={showPages ? pages : pane}
            onClose={closePopover}
            onColour={(chosen) => undo.changeColour(popoverHighlight, chosen)}
            onUpdate={list.update}
            onDelete={() => undo.deleteHighlight(popoverHighlight)}
            onTag={list.tag}
            onUntag={list.untag}
          />
        )}
        {externalLink && externalLink.documentId === shownId && <ExternalLinkNotice url={externalLink.url} onClose={closeExternalLink} />}
      </main>
      {state.status === 'open' && (
        <HighlightsPanel
          list={list}
          undo={undo}
          onGoTo={goTo}
          onActive={setActiveId}
          reveal={cardToShow}
          placeOf={placeOf}
          mentions={<MentionsSection mentions={mentions} text={state.document.text} onGoTo={goTo} />}
        />
      )}
    </>
  );
}
