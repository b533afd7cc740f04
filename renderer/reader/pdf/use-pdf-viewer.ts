import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { documentOptions, loadPdfjs } from './load-pdfjs';
import { base64ToBytes } from './pdf-bytes';

export type PdfViewerState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; pageNumber: number; pagesCount: number; scale: number };

export interface PdfViewerControls {
  goToPage(pageNumber: number): void;
  zoomIn(): void;
  zoomOut(): void;
  fitWidth(): void;
}

interface Options {
  /** The file's bytes, base64, as documents.file gives them; null until they have arrived. */
  base64: string | null;
  /** A scan has no text layer to build: nothing on it can be selected. */
  hasText: boolean;
  /** pdf.js has drawn a page's text layer: what is selected and painted on that page lives in it. */
  onTextLayer(pageNumber: number, layer: HTMLElement): void;
  /** pdf.js has drawn a page (again): marks drawn over it must be put back, since a redraw clears the page's own elements. */
  onPageDrawn(pageNumber: number, page: HTMLElement): void;
}

/**
 * The last document's closing in pdf.js's shared worker. pdf.js refuses a document opened while
 * another is being destroyed there ("the worker is being destroyed"), as when the text view is
 * left for the pages at once.
 */
let lastClosed: Promise<void> = Promise.resolve();

type Viewer = InstanceType<Awaited<ReturnType<typeof loadPdfjs>>['viewer']['PDFViewer']>;

/**
 * pdf.js's own viewer in `container` (which must be absolutely positioned, and scrolls) around
 * `viewerElement`: pages are drawn as they come into view, each with its text layer. The PDF's
 * annotations are not drawn, so none of its links, forms or actions can do anything.
 */
export function usePdfViewer(container: RefObject<HTMLDivElement | null>, viewerElement: RefObject<HTMLDivElement | null>, { base64, hasText, onTextLayer, onPageDrawn }: Options) {
  const [state, setState] = useState<PdfViewerState>({ status: 'loading' });
  const viewer = useRef<Viewer | null>(null);
  // Read when a layer is drawn, so a new callback does not open the document again.
  const textLayerDrawn = useRef(onTextLayer);
  const pageDrawn = useRef(onPageDrawn);
  useLayoutEffect(() => {
    textLayerDrawn.current = onTextLayer;
    pageDrawn.current = onPageDrawn;
  }, [onTextLayer, onPageDrawn]);

  useEffect(() => {
    const box = container.current;
    const inner = viewerElement.current;
    if (!box || !inner || base64 === null) return;
    let gone = false;
    let release = () => {};
    void (async () => {
      try {
        const { lib, viewer: components } = await loadPdfjs();
        if (gone) return;
        const eventBus = new components.EventBus();
        const linkService = new components.PDFLinkService({ eventBus, externalLinkTarget: components.LinkTarget.NONE, externalLinkRel: 'noopener noreferrer nofollow' });
        const pdfViewer = new components.PDFViewer({
          container: box,
          viewer: inner,
          eventBus,
          linkService,
          textLayerMode: hasText ? 1 : 0,
          annotationMode: lib.AnnotationMode.DISABLE,
          // Autolinking would turn printed addresses into live links.
          enableAutoLinking: false,
          removePageBorders: false,
        });
        linkService.setViewer(pdfViewer);
        const report = () => {
          if (!gone) setState({ status: 'ready', pageNumber: pdfViewer.currentPageNumber, pagesCount: pdfViewer.pagesCount, scale: pdfViewer.currentScale });
        };
        eventBus.on('pagesinit', () => {
          pdfViewer.currentScaleValue = 'page-width';
          report();
        });
        eventBus.on('textlayerrendered', (event: { pageNumber: number; error: unknown; source: { textLayer?: { div?: HTMLElement } } }) => {
          const layer = event.source.textLayer?.div;
          if (!gone && !event.error && layer) textLayerDrawn.current(event.pageNumber, layer);
        });
        eventBus.on('pagerendered', (event: { pageNumber: number; source: { div?: HTMLElement } }) => {
          if (!gone && event.source.div) pageDrawn.current(event.pageNumber, event.source.div);
        });
        eventBus.on('pagechanging', report);
        eventBus.on('scalechanging', report);
        // The worker is shared: a document closed a moment ago must be let go of in it first.
        await lastClosed;
        if (gone) return;
        const task = lib.getDocument(documentOptions(base64ToBytes(base64)));
        release = () => {
          lastClosed = task.destroy().catch(() => undefined);
        };
        const pdf = await task.promise;
        if (gone) return;
        pdfViewer.setDocument(pdf);
        linkService.setDocument(pdf);
        viewer.current = pdfViewer;
        performance.mark('fieldbook:pdf-opened');
      } catch (error) {
        if (!gone) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      gone = true;
      viewer.current = null;
      release();
      inner.replaceChildren();
    };
  }, [container, viewerElement, base64, hasText]);

  const goToPage = useCallback((pageNumber: number) => {
    const shown = viewer.current;
    if (shown && pageNumber >= 1 && pageNumber <= shown.pagesCount) shown.currentPageNumber = pageNumber;
  }, []);
  const zoomIn = useCallback(() => viewer.current?.increaseScale(), []);
  const zoomOut = useCallback(() => viewer.current?.decreaseScale(), []);
  const fitWidth = useCallback(() => {
    if (viewer.current) viewer.current.currentScaleValue = 'page-width';
  }, []);
  const controls: PdfViewerControls = { goToPage, zoomIn, zoomOut, fitWidth };
  return { state, controls };
}
