import type { Page } from '@playwright/test';
import { markTime } from './library-view.bench';

/** One open of a PDF in the reader, in the page's own clock. */
export interface PdfOpen {
  /** Navigation start (the page load) to the PDF's first page drawn. */
  firstPageMs: number;
  /** Navigation start to pdf.js having the document (the reader's own fieldbook:pdf-opened mark): the rest is drawing. */
  pdfLoadedMs: number;
  /** Enter in the page-number box to the asked-for page drawn. */
  goToPageMs: number;
}

/**
 * Installs, before the app's own code on every load, a watch that marks in the page's timeline
 * when a page of pdf.js's viewer is first drawn (`bench:page-N-drawn`) and when Enter is pressed
 * in the page-number box (`bench:page-asked`). Drawn means pdf.js has finished painting the
 * page's canvas: its `data-loaded` is set when drawing starts, and its `loadingIcon` class goes
 * only when the render task is done, by which time the canvas is in the page. Marks taken in the
 * page keep the round trips to Playwright out of the figures.
 */
export async function watchPdfPages(page: Page, pageNumbers: readonly number[]): Promise<void> {
  // A string, not a function: tsx would wrap a function's inner helpers in code the page lacks.
  await page.addInitScript(`(() => {
    const waiting = new Set(${JSON.stringify(pageNumbers)});
    const drawn = (pageNumber) => {
      const div = document.querySelector('.pdfViewer .page[data-page-number="' + pageNumber + '"]');
      return div !== null && div.getAttribute('data-loaded') === 'true' && !div.classList.contains('loadingIcon') && div.querySelector('canvas') !== null;
    };
    new MutationObserver(() => {
      for (const pageNumber of waiting) {
        if (drawn(pageNumber)) {
          performance.mark('bench:page-' + pageNumber + '-drawn');
          waiting.delete(pageNumber);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-loaded'] });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.matches('.pdf-page-input')) performance.mark('bench:page-asked');
    }, true);
  })()`);
}

/**
 * A fresh page load of the reader on the PDF, then its page `pageNumber` asked for as a person
 * does: typed into the page-number box, then Enter. Needs watchPdfPages for 1 and pageNumber.
 */
export async function openPdfAtPage(page: Page, documentId: number, pageNumber: number): Promise<PdfOpen> {
  await page.goto(new URL(`#/document/${documentId}`, page.url()).toString());
  await page.reload();
  const firstPageMs = await markTime(page, 'bench:page-1-drawn');
  const pdfLoadedMs = await markTime(page, 'fieldbook:pdf-opened');
  const box = page.getByRole('main', { name: 'Reader' }).getByRole('group', { name: 'Pages' }).getByRole('textbox', { name: 'Page', exact: true });
  await box.fill(String(pageNumber));
  await box.press('Enter');
  const drawnAt = await markTime(page, `bench:page-${pageNumber}-drawn`);
  const askedAt = await markTime(page, 'bench:page-asked');
  return { firstPageMs, pdfLoadedMs, goToPageMs: drawnAt - askedAt };
}
