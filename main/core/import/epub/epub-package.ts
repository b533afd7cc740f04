import { languageFrom, partialDateFrom } from '../../../common/document-details';
import { ImportRefusal } from '../import-refusal';
import type { EpubArchive } from './epub-archive';
import { cfiAssertion, cfiStep } from './epub-cfi';
import { resolveHref } from './epub-paths';
import { childrenNamed, DC_NS, elementsNamed, parseXml, plainText } from './epub-xml';

/** What the package (OPF) says of the book, its hrefs resolved to paths in the zip. */
export interface EpubPackage {
  opfPath: string;
  title: string | null;
  authors: string[];
  language: string | null;
  published: string | null;
  publisher: string | null;
  /** The spine's linear XHTML items, in reading order. */
  chapters: string[];
  /**
   * Each chapter's place in the package as an EPUB CFI path, "/6/14[chap05ref]": the spine's step,
   * then its itemref's, with the itemref's id when it has one (see epub-cfi.ts); null in a package whose spine is not where the format
   * puts it. Parallel to `chapters`.
   */
  chapterCfiPaths: Array<string | null>;
  /** EPUB 3's navigation document. */
  navPath: string | null;
  /** EPUB 2's NCX (EPUB 3 books often carry one too, for older readers). */
  ncxPath: string | null;
  /** `page-progression-direction="rtl"` on the spine. */
  rightToLeft: boolean;
}

const CONTAINER = 'META-INF/container.xml';
const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html']);

export function readPackage(fileName: string, archive: EpubArchive): EpubPackage {
  if (!archive.has(CONTAINER)) throw new ImportRefusal(fileName, `it has no ${CONTAINER}, which every EPUB has`);
  const container = parseXml(fileName, archive.readText(CONTAINER, 'container'), `container (${CONTAINER})`);
  const rootfiles = elementsNamed(container, 'rootfile');
  const rootfile = rootfiles.find((element) => element.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const fullPath = rootfile?.getAttribute('full-path');
  const opfPath = fullPath ? resolveHref('', fullPath)?.path : undefined;
  if (!opfPath) throw new ImportRefusal(fileName, `its ${CONTAINER} names no package file`);
  if (!archive.has(opfPath)) throw new ImportRefusal(fileName, `its package file (${opfPath}) is missing`);
  const opf = parseXml(fileName, archive.readText(opfPath, 'package file'), `package file (${opfPath})`);

  const manifest = new Map<string, { path: string; mediaType: string; properties: string[] }>();
  for (const item of elementsNamed(opf, 'item')) {
    const id = item.getAttribute('id');
    const location = resolveHref(opfPath, item.getAttribute('href') ?? '');
    if (!id || !location) continue;
    const properties = (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean);
    manifest.set(id, { path: location.path, mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(), properties });
  }
  const spine = elementsNamed(opf, 'spine')[0];
  if (!spine) throw new ImportRefusal(fileName, 'its package file has no spine, the list of what to read');
  const chapters: string[] = [];
  const chapterCfiPaths: Array<string | null> = [];
  const spineStep = cfiStep(opf.documentElement, spine);
  for (const itemref of childrenNamed(spine, 'itemref')) {
    const idref = itemref.getAttribute('idref') ?? '';
    const item = manifest.get(idref);
    // A non-linear item (a cover, a pop-up note) is reached by a link, not read in order.
    if (!item || itemref.getAttribute('linear')?.trim() === 'no' || !CHAPTER_TYPES.has(item.mediaType)) continue;
    if (archive.has(item.path) && !chapters.includes(item.path)) {
      chapters.push(item.path);
      // The assertion is the itemref's own id (the spec's `[chap01ref]`), not the item it names; none without one.
      const ownId = itemref.getAttribute('id');
      chapterCfiPaths.push(spineStep && `${spineStep}${cfiStep(spine, itemref)}${ownId ? `[${cfiAssertion(ownId)}]` : ''}`);
    }
  }
  if (chapters.length === 0) throw new ImportRefusal(fileName, 'its spine lists no chapter to read');

  const nav = [...manifest.values()].find((item) => item.properties.includes('nav'));
  const ncx = manifest.get(spine.getAttribute('toc') ?? '') ?? [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml');
  const metadata = elementsNamed(opf, 'metadata')[0] ?? opf.documentElement;
  const dc = (name: string) => [...metadata.getElementsByTagNameNS(DC_NS, name)];
  return {
    opfPath,
    title: plainText(dc('title')[0]) || null,
    authors: authorsOf(opf, dc('creator')),
    language: languageFrom(plainText(dc('language')[0])),
    published: partialDateFrom(plainText(publicationDate(dc('date')))),
    publisher: plainText(dc('publisher')[0]).slice(0, 500) || null,
    chapters,
    chapterCfiPaths,
    navPath: nav && archive.has(nav.path) ? nav.path : null,
    ncxPath: ncx && archive.has(ncx.path) ? ncx.path : null,
    rightToLeft: spine.getAttribute('page-progression-direction')?.trim() === 'rtl',
  };
}

/**
 * The creators who wrote the book: a translator or an illustrator is a creator too, with a role
 * (EPUB 2: `opf:role`; EPUB 3: a `meta refines` naming it). Those without a role are taken for
 * authors; when none is an author, every creator is named.
 */
function authorsOf(opf: Document, creators: Element[]): string[] {
  const roles = new Map<string, string>();
  for (const meta of elementsNamed(opf, 'meta')) {
    const refines = meta.getAttribute('refines');
    if (refines?.startsWith('#') && meta.getAttribute('property') === 'role') roles.set(refines.slice(1), plainText(meta));
  }
  const named = creators.map((creator) => ({
    name: plainText(creator),
    role: creator.getAttributeNS('http://www.idpf.org/2007/opf', 'role') ?? creator.getAttribute('opf:role') ?? roles.get(creator.getAttribute('id') ?? '') ?? null,
  }));
  const authors = named.filter((creator) => creator.role === null || creator.role === 'aut');
  return [...new Set((authors.length > 0 ? authors : named).map((creator) => creator.name).filter(Boolean))];
}

/** EPUB 2 may list several dates, each with its event; the publication's is the one a citation wants. */
function publicationDate(dates: Element[]): Element | undefined {
  return dates.find((date) => (date.getAttributeNS('http://www.idpf.org/2007/opf', 'event') ?? date.getAttribute('opf:event')) === 'publication') ?? dates[0];
}
