import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIGHLIGHT_COLOURS } from '../main/common/records';
import { partAt, type DocumentPart } from '../main/common/document-parts';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark, type BenchRow } from './benchmark';
import { browserBenchmarksAvailable, openInBrowser } from './browser-session';
import { call } from './call';
import { importedDocumentId, importThroughCli, type CliImport } from './cli-import';
import { generateProsePdf } from './generate-pdf';
import { openPdfAtPage, watchPdfPages, type PdfOpen } from './pdf-page-open';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';
import { wordRangeAt } from './word-ranges';

/*
 * PDFs end to end: imported through the command line as a user would (each import a process of
 * its own, so its peak memory is its own, pdf.js's reader thread included), opened in the reader
 * in Chromium and taken to a page, and a passage on a page highlighted and read back.
 *
 * Targets, from what a reader expects rather than from the figures: a 117-page PDF imported in under 5 s and a 1,000-page one in
 * under 10 s (text is taken at about 4 ms a page warm, so 4 s of the 10 are pages); peak memory
 * beyond the bundled article's import at most 4× the file, as for a large saved page (the
 * import benchmark); the PDF's first page drawn within 1.5 s of a page load (the reader then
 * also loads pdf.js and the file's bytes), and a page asked for drawn within half a second.
 */

const GEOTOPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/testdata/documents/GeoTopo-komprimiert.pdf');
const GEOTOPO_PAGES = 117;
const GENERATED_PAGES = 1_000;
const TARGET_GEOTOPO_SECONDS = 5;
const TARGET_GENERATED_SECONDS = 10;
const TARGET_MEMORY_FACTOR = 4;
const OPENS = 5;
const PAGE_ASKED = 50;
const TARGET_FIRST_PAGE_MS = 1_500;
const TARGET_GO_TO_PAGE_MS = 500;
const ROUND_TRIPS = 50;
/** The create and the read-back are each given the 5 ms the highlights benchmark gives a create. */
const TARGET_ROUND_TRIP_MS = 10;

const megabytes = (file: string) => fs.statSync(file).size / (1024 * 1024);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const pdfBenchmark: Benchmark = {
  name: 'pdf',
  async run({ workDir, log, built }) {
    const row = rowMaker('pdf');
    if (!fs.existsSync(GEOTOPO)) throw new Error(`${GEOTOPO} is missing: the PDF benchmark reads the shared test documents`);
    const building = performance.now();
    const generated = path.join(workDir, `generated-${GENERATED_PAGES}-pages.pdf`);
    const onePage = path.join(workDir, 'generated-1-page.pdf');
    const book = generateProsePdf(GENERATED_PAGES, 0x9df);
    fs.writeFileSync(generated, book.bytes);
    fs.writeFileSync(onePage, generateProsePdf(1, 0x9df).bytes);
    built(`a ${n(GENERATED_PAGES)}-page PDF of ${n(book.words)} words (${megabytes(generated).toFixed(1)} MB)`, performance.now() - building);

    const imports = importAll(workDir, { geotopo: GEOTOPO, generated, onePage }, log);
    const geotopoId = importedDocumentId(imports.geotopo, path.basename(GEOTOPO));
    const geotopoLibrary = imports.libraries.geotopo;
    const geotopoMb = megabytes(GEOTOPO);
    const generatedMb = megabytes(generated);
    const beyondBaseline = (run: CliImport) => run.maxRssMb - imports.baseline.maxRssMb;
    const perPageMs = (imports.generated.ms - imports.onePage.ms) / (GENERATED_PAGES - 1);
    const rows: BenchRow[] = [
      row(`${GEOTOPO_PAGES}-page German PDF (${geotopoMb.toFixed(1)} MB) through the CLI`, imports.geotopo.ms / 1000, 's', TARGET_GEOTOPO_SECONDS),
      row('  the same, CPU time', imports.geotopo.cpuMs / 1000, 's'),
      row(`  peak memory beyond the bundled article's (target ${TARGET_MEMORY_FACTOR}× the file)`, beyondBaseline(imports.geotopo), 'MB', Math.round(TARGET_MEMORY_FACTOR * geotopoMb)),
      row(`${n(GENERATED_PAGES)}-page generated PDF (${generatedMb.toFixed(1)} MB, ${n(book.words)} words) through the CLI`, imports.generated.ms / 1000, 's', TARGET_GENERATED_SECONDS),
      row('  the same, CPU time', imports.generated.cpuMs / 1000, 's'),
      row(`  peak memory beyond the bundled article's (target ${TARGET_MEMORY_FACTOR}× the file)`, beyondBaseline(imports.generated), 'MB', Math.round(TARGET_MEMORY_FACTOR * generatedMb)),
      row('  each page beyond the one-page PDF\'s import', perPageMs, 'ms'),
      row('  peak memory of its import', imports.generated.maxRssMb, 'MB'),
      row('the bundled article through the CLI (start-up and reading)', imports.baseline.ms / 1000, 's'),
      row('a one-page generated PDF through the CLI (start-up, pdf.js\'s thread)', imports.onePage.ms / 1000, 's'),
      row('  its peak memory beyond the bundled article\'s: what reading any PDF costs', beyondBaseline(imports.onePage), 'MB'),
    ];

    rows.push(...(await openingRows(geotopoLibrary, geotopoId, log)));

    // After the browser has let go of the library: one writer at a time.
    rows.push(...highlightRoundTrips(geotopoLibrary, geotopoId, log));
    return rows;
  },
};

interface Imports {
  baseline: CliImport;
  onePage: CliImport;
  geotopo: CliImport;
  generated: CliImport;
  libraries: Record<'geotopo' | 'generated' | 'onePage', string>;
}

/**
 * Each PDF into a library of its own that already exists (made by importing the bundled article,
 * as every new library has it), so no figure pays for creating one; the baseline is the bundled
 * article imported again (a duplicate, so only start-up and reading it).
 */
function importAll(workDir: string, files: Record<'geotopo' | 'generated' | 'onePage', string>, log: (line: string) => void): Imports {
  const small = path.join(packageResourcesDir(), 'aqim-state-sanctuary.html');
  const libraryOf = (name: string) => path.join(workDir, name);
  const libraries = { geotopo: libraryOf('geotopo'), generated: libraryOf('generated'), onePage: libraryOf('one-page') };
  for (const library of [libraryOf('baseline'), ...Object.values(libraries)]) importThroughCli(library, small);
  const baseline = importThroughCli(libraryOf('baseline'), small);
  const report = (what: string, run: CliImport) =>
    log(`  ${what}: ${seconds(run.ms)} (${seconds(run.cpuMs)} of CPU), peak ${run.maxRssMb.toFixed(0)} MB`);
  report('the bundled article again', baseline);
  const importPdf = (name: keyof typeof files): CliImport => {
    const run = importThroughCli(libraries[name], files[name]);
    importedDocumentId(run, path.basename(files[name]));
    report(path.basename(files[name]), run);
    return run;
  };
  return { baseline, onePage: importPdf('onePage'), geotopo: importPdf('geotopo'), generated: importPdf('generated'), libraries };
}

/** In Chromium through the browser host: each open a fresh page load, then page 50 asked for in the page-number box. */
async function openingRows(libraryDir: string, documentId: number, log: (line: string) => void): Promise<BenchRow[]> {
  const row = rowMaker('pdf');
  const missing = browserBenchmarksAvailable();
  if (missing) {
    log(`  opening skipped: ${missing}`);
    return [];
  }
  const session = await openInBrowser(libraryDir);
  try {
    await watchPdfPages(session.page, [1, PAGE_ASKED]);
    const opens: PdfOpen[] = [];
    for (let open = 0; open < OPENS; open++) {
      const figures = await openPdfAtPage(session.page, documentId, PAGE_ASKED);
      log(`  open ${open + 1}: pdf.js had the file at ${figures.pdfLoadedMs.toFixed(0)} ms, first page drawn at ${figures.firstPageMs.toFixed(0)} ms, page ${PAGE_ASKED} drawn ${figures.goToPageMs.toFixed(0)} ms after Enter`);
      opens.push(figures);
    }
    const firstPage = opens.map((o) => o.firstPageMs);
    const goToPage = opens.map((o) => o.goToPageMs);
    return [
      row(`${GEOTOPO_PAGES}-page PDF in the reader: page load to its first page drawn, p50 of ${OPENS}`, percentile(firstPage, 50), 'ms', TARGET_FIRST_PAGE_MS),
      row(`  slowest of ${OPENS}`, Math.max(...firstPage), 'ms'),
      row('  of which page load to pdf.js having the file (the app, the file\'s bytes, pdf.js), p50', percentile(opens.map((o) => o.pdfLoadedMs), 50), 'ms'),
      row(`page ${PAGE_ASKED} typed in the page box: Enter to that page drawn, p50 of ${OPENS}`, percentile(goToPage, 50), 'ms', TARGET_GO_TO_PAGE_MS),
      row(`  slowest of ${OPENS}`, Math.max(...goToPage), 'ms'),
    ];
  } finally {
    await session.close();
  }
}

/**
 * A passage on page 50 highlighted and read back as the reader reads a document's highlights on
 * opening (highlights.list, and documents.parts to cite each one's page), through the core's
 * operations table. The UI already makes highlights on a PDF's text (Show text), so this is the
 * core's share of that round trip; what the browser adds is the reader's, measured elsewhere.
 */
function highlightRoundTrips(libraryDir: string, documentId: number, log: (line: string) => void): BenchRow[] {
  const row = rowMaker('pdf');
  const library = openLibrary(path.join(libraryDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  try {
    const page = pageAt(call(library, 'documents.parts', { id: documentId }).parts, PAGE_ASKED);
    const pageText = call(library, 'documents.get', { id: documentId }).text.slice(page.startOffset, page.endOffset);
    const pick = new Picker(seededRandom(0x50f));
    const createMs: number[] = [];
    const readBackMs: number[] = [];
    for (let trip = 0; trip < ROUND_TRIPS; trip++) {
      const words = wordRangeAt(pageText, pick.int(0, pageText.length - 1), pick.int(3, 15));
      const range = { start: page.startOffset + words.start, end: page.startOffset + words.end };
      const created = timed(() => call(library, 'highlights.create', { documentId, ...range, colour: pick.pick(HIGHLIGHT_COLOURS) }));
      const read = timed(() => ({ highlights: call(library, 'highlights.list', { documentId }), parts: call(library, 'documents.parts', { id: documentId }).parts }));
      const found = read.result.highlights.find((h) => h.id === created.result.id);
      if (!found || found.start !== range.start || found.end !== range.end || found.status !== 'exact') throw new Error('a highlight on the PDF did not read back where it was made');
      if (partAt(read.result.parts, found.start)?.ordinal !== PAGE_ASKED - 1) throw new Error(`a highlight on page ${PAGE_ASKED} was not cited on it`);
      createMs.push(created.ms);
      readBackMs.push(read.ms);
    }
    const tripMs = createMs.map((ms, index) => ms + readBackMs[index]!);
    log(`  ${ROUND_TRIPS} highlights on page ${PAGE_ASKED} (${n(pageText.length)} characters), each read back with the document's ${GEOTOPO_PAGES} pages`);
    return [
      row(`highlight on page ${PAGE_ASKED} made and read back (core), p50 of ${ROUND_TRIPS}`, percentile(tripMs, 50), 'ms', TARGET_ROUND_TRIP_MS),
      row(`highlight on page ${PAGE_ASKED} made and read back (core), p95 of ${ROUND_TRIPS}`, percentile(tripMs, 95), 'ms', TARGET_ROUND_TRIP_MS),
      row('  of which highlights.create, p95', percentile(createMs, 95), 'ms'),
      row('  of which highlights.list and documents.parts, p95', percentile(readBackMs, 95), 'ms'),
    ];
  } finally {
    library.close();
  }
}

function pageAt(parts: readonly DocumentPart[], pageNumber: number): DocumentPart {
  const page = parts[pageNumber - 1];
  if (parts.length !== GEOTOPO_PAGES || page?.kind !== 'page' || page.endOffset <= page.startOffset) {
    throw new Error(`expected ${GEOTOPO_PAGES} pages with text on page ${pageNumber}, found ${parts.length} parts`);
  }
  return page;
}
