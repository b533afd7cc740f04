import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { citePart, type DocumentFileInfo, type DocumentPart } from '../../../main/common/document-parts';
import type { Highlight, HighlightArea, HighlightColour } from '../../../main/common/records';
import type { PassageCode } from '../../highlights/passage-code';
import { registerTextMap } from '../../highlights/text-offsets';
import { useOp } from '../../data/op-queries';
import { ContentsMenu } from '../ContentsMenu';
import { OpenProblem } from '../OpenProblem';
import { PageNumberBox } from './PageNumberBox';
import { PdfTextMap } from './pdf-text-map';
import { AreaMarks, type AreaSaved } from './AreaMarks';
import { useAreaLayers } from './use-area-layers';
import { pdfContentsRows } from './pdf-contents';
import { usePdfViewer } from './use-pdf-viewer';
import '../../styles/pdf.css';

interface Props {
  documentId: number;
  title: string;
  file: DocumentFileInfo;
  /** The document's stored text and its pages' ranges in it: what highlights' offsets count in. */
  text: string;
  parts: readonly DocumentPart[];
  /** The element the pages scroll in; its text offsets map through the pages' text layers. */
  pagesRef: RefObject<HTMLDivElement | null>;
  /** Controls for the document as a whole, shown under its title. */
  actions: ReactNode;
  /** A page to show (a highlight's, a search result's); a new object each time it is asked for. */
  pageRequest: PageRequest | null;
  /** Called once the pages are laid out, and again whenever a page's text is drawn, so highlights are painted on it. */
  onRendered(): void;
  /** Selection and the highlight toolbar, which work in the pages' text. */
  children?: ReactNode;
  /** The document's highlights: those of an area are drawn over their pages here. */
  highlights: readonly Highlight[];
  activeId: number | null;
  colour: HighlightColour;
  onColourChange(colour: HighlightColour): void;
  onCreateArea(area: HighlightArea, colour: HighlightColour, code?: PassageCode): Promise<AreaSaved>;
  onOpenArea(highlight: Highlight): void;
}

export interface PageRequest {
  pageNumber: number;
}

export const SCAN_NOTE = 'This PDF is a scan: its pages have no text to highlight or search. Select an area of a page to highlight it.';

/** A PDF's pages as it prints them, drawn by pdf.js, with zoom, page number and its outline. */
export function PdfView(props: Props) {
  const { documentId, title, file, text, parts, pagesRef: container, actions, pageRequest, onRendered, children } = props;
  const viewerElement = useRef<HTMLDivElement>(null);
  // The bytes are the largest answer a document has: not kept once the view is closed.
  const bytes = useOp('documents.file', { id: documentId }, { forgetWhenUnused: true });
  const textMap = useMemo(() => new PdfTextMap(text, parts), [text, parts]);
  useLayoutEffect(() => {
    const pages = container.current;
    if (!pages) return;
    registerTextMap(pages, textMap);
    return () => registerTextMap(pages, null);
  }, [container, textMap]);
  const textLayerDrawn = useCallback(
    (pageNumber: number, layer: HTMLElement) => {
      textMap.addPage(pageNumber, layer);
      onRendered();
    },
    [textMap, onRendered],
  );
  const { layers, pageDrawn } = useAreaLayers();
  // On a scan there is nothing else to select: drawing is how its pages are highlighted.
  const [drawing, setDrawing] = useState(!file.hasText);
  const areas = useMemo(() => props.highlights.filter((highlight) => highlight.area), [props.highlights]);
  const pageName = useCallback((pageNumber: number) => {
    const part = parts[pageNumber - 1];
    return part ? citePart(part) : `p. ${pageNumber}`;
  }, [parts]);
  const { state, controls } = usePdfViewer(container, viewerElement, {
    base64: bytes.data?.base64 ?? null,
    hasText: file.hasText,
    onTextLayer: textLayerDrawn,
    onPageDrawn: pageDrawn,
  });
  const contents = useMemo(() => pdfContentsRows(file.outline), [file.outline]);
  const ready = state.status === 'ready';
  const { goToPage } = controls;
  useEffect(() => {
    if (ready) onRendered();
  }, [ready, onRendered]);
  useEffect(() => {
    if (ready && pageRequest) goToPage(pageRequest.pageNumber);
  }, [ready, pageRequest, goToPage]);
  const problem = bytes.error?.message ?? (state.status === 'failed' ? `This PDF could not be shown: ${state.message}` : null);

  return (
    <div className="pdf-reader">
      <header className="document-header pdf-header">
        <h1>{title}</h1>
        {actions}
        {state.status === 'ready' && (
          <div className="pdf-controls" role="group" aria-label="Pages">
            <button type="button" className="button button-quiet" aria-label="Zoom out" title="Zoom out" onClick={controls.zoomOut}>
              −
            </button>
            <span className="pdf-zoom" aria-live="polite">
              {Math.round(state.scale * 100)}%
            </span>
            <button type="button" className="button button-quiet" aria-label="Zoom in" title="Zoom in" onClick={controls.zoomIn}>
              +
            </button>
            <button type="button" className="button button-quiet" onClick={controls.fitWidth}>
              Fit width
            </button>
            <button type="button" className="button button-quiet" aria-pressed={drawing} title="Drag on a page to highlight a rectangle: a table, a figure, part of a scan" onClick={() => setDrawing(!drawing)}>
              Select area
            </button>
            <PageNumberBox pageNumber={state.pageNumber} pagesCount={state.pagesCount} onGoTo={controls.goToPage} />
            <ContentsMenu items={contents} onGoTo={(row) => controls.goToPage(row.pageNumber)} />
          </div>
        )}
        {!file.hasText && <p className="pdf-scan-note">{SCAN_NOTE}</p>}
      </header>
      {problem && (
        <div className="reader-message">
          <OpenProblem message={problem} onRetry={bytes.error ? bytes.refetch : undefined} />
        </div>
      )}
      {state.status === 'loading' && !problem && <p className="reader-message-hint pdf-opening">Opening…</p>}
      <div className="pdf-frame">
        {/* Focusable so the arrow keys and Page Up/Down scroll the pages, as they do a web page. */}
        <div ref={container} className="pdf-pages" tabIndex={0} role="region" aria-label={`Pages of ${title}`} aria-busy={state.status === 'loading' || undefined}>
          <div ref={viewerElement} className="pdfViewer" />
        </div>
        {children}
        {/* Keyed by the mode: a rectangle half drawn is let go of when drawing is turned off. */}
        <AreaMarks
          key={drawing ? 'drawing' : 'reading'}
          layers={layers}
          highlights={areas}
          activeId={props.activeId}
          drawing={drawing}
          colour={props.colour}
          onColourChange={props.onColourChange}
          onCreate={props.onCreateArea}
          onOpen={props.onOpenArea}
          pageName={pageName}
        />
      </div>
    </div>
  );
}
