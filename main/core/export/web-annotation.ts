import type { Credibility, Reliability } from '../../common/admiralty';
import type { Actor, DocumentSummary, Highlight } from '../../common/records';
import type { DocumentPart } from '../../common/document-parts';
import { areaFragment } from '../../common/highlight-area';
import { partOfHighlight } from '../documents/document-parts';
import { EPUB_CFI_SPEC } from '../import/epub/epub-cfi';
import { themesOf, type AnnotatedDocument, type ExportTheme } from './export-data';

/** W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), as JSON-LD. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
  /** A theme's tag: its path in Fieldbook's codebook, "Violence/Financing". */
  'fieldbook:theme'?: string;
}
export interface IdentifyingBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: string;
}

interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** A page of a PDF, as RFC 3778 names one in a fragment: "page=12", counted from 1 whatever the page's printed label. */
interface PdfPageSelector {
  type: 'FragmentSelector';
  conformsTo: typeof PDF_FRAGMENT_SPEC;
  value: `page=${number}`;
}
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** An area highlight: its page, refined by the rectangle on it in percent of the page (see areaFragment). */
interface PdfAreaSelector extends PdfPageSelector {
  refinedBy: { type: 'FragmentSelector'; conformsTo: typeof MEDIA_FRAGMENT_SPEC; value: ReturnType<typeof areaFragment> };
}
export const MEDIA_FRAGMENT_SPEC = 'http://www.w3.org/TR/media-frags/';

/** A chapter of an EPUB as an EPUB CFI to its body, refined by the quote within it (see epub-cfi.ts). */
interface EpubChapterSelector {
  type: 'FragmentSelector';
  conformsTo: typeof EPUB_CFI_SPEC;
  value: string;
  refinedBy: TextQuoteSelector;
}

type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  body?: Array<TextualBody | IdentifyingBody>;
  target: {
    type: 'SpecificResource';
    source: string;
    /**
     * An orphan has only its quote: its offsets named a version of the text that is gone. A
     * passage of a PDF also names its page, for a viewer that finds it there, and one of an EPUB
     * its chapter, for a reading system. An area has no words to quote: only its page and its
     * rectangle on it.
     */
    selector:
      | [TextQuoteSelector, TextPositionSelector, PdfPageSelector | EpubChapterSelector]
      | [TextQuoteSelector, TextPositionSelector]
      | [TextQuoteSelector]
      | [PdfAreaSelector];
  };
  'fieldbook:colour': Highlight['colour'];
  'fieldbook:anchorStatus': Highlight['status'];
  /** The Admiralty code (see admiralty.ts): its document's source reliability, when graded. */
  'fieldbook:reliability'?: Reliability;
  /** The passage's credibility, its own or else its document's, when graded. */
  'fieldbook:credibility'?: Credibility;
}

export interface AnnotationCollection {
  '@context': [typeof ANNOTATION_CONTEXT, { fieldbook: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** Our own terms are namespaced so a consumer that knows only the W3C vocabulary can ignore them. */
// A URN, not a web address: nothing reading the export should try to fetch it, and no domain is claimed.
const FIELDBOOK_NAMESPACE = 'urn:fieldbook:annotation#';

export const urn = (uid: string) => `urn:uuid:${uid}`;

/** The document as annotation target: its web address when it came from one, else its stable uid. */
export function targetSource(document: Pick<DocumentSummary, 'uid' | 'sourceUrl'>): string {
  return document.sourceUrl && /^https?:\/\//i.test(document.sourceUrl) ? document.sourceUrl : urn(document.uid);
}

/**
 * Each live highlight as an Annotation. Orphans are included, flagged by anchorStatus, with only
 * their quote: a position in the current text would point a reader at the wrong words.
 */
export function webAnnotationCollection(
  documents: AnnotatedDocument[],
  actors: Map<number, Pick<Actor, 'uid' | 'name'>>,
  options: { id: string; label: string; themes?: Map<number, ExportTheme>; chapterCfis?: ReadonlyMap<number, ReadonlyArray<string | null>> },
): AnnotationCollection {
  const items: WebAnnotation[] = [];
  for (const { document, highlights, parts = [] } of documents) {
    const cfis = options.chapterCfis?.get(document.id);
    for (const highlight of highlights) {
      const part = partOfHighlight(parts, highlight);
      const cfi = part?.kind === 'chapter' ? (cfis?.[part.ordinal] ?? null) : null;
      items.push(toAnnotation(document, highlight, actors, options.themes, part, cfi));
    }
  }
  return {
    '@context': [ANNOTATION_CONTEXT, { fieldbook: FIELDBOOK_NAMESPACE }],
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    first: { id: `${options.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

function toAnnotation(
  document: DocumentSummary,
  highlight: Highlight,
  actors: Map<number, Pick<Actor, 'uid' | 'name'>>,
  themes: Map<number, ExportTheme> | undefined,
  part: DocumentPart | null,
  /** Its chapter's EPUB CFI, for a passage of an EPUB. */
  chapterCfi: string | null = null,
): WebAnnotation {
  const body: Array<TextualBody | IdentifyingBody> = [];
  if (highlight.comment.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: highlight.comment, format: 'text/plain' });
  for (const actorId of highlight.actorIds) {
    const actor = actors.get(actorId);
    if (!actor) continue;
    body.push({ type: 'TextualBody', purpose: 'tagging', value: actor.name, format: 'text/plain' });
    body.push({ type: 'SpecificResource', purpose: 'identifying', source: urn(actor.uid) });
  }
  // A theme is a tag as the model means it; its value is its name, with its place in the codebook kept apart.
  for (const theme of themesOf(highlight, themes)) {
    body.push({ type: 'TextualBody', purpose: 'tagging', value: theme.name, format: 'text/plain', 'fieldbook:theme': theme.path.join('/') });
  }
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix };
  return {
    id: urn(highlight.uid),
    type: 'Annotation',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    // A highlight with no comment or tags is a bodiless annotation, which the model allows.
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: targetSource(document),
      selector: selectors(highlight, quote, part, chapterCfi),
    },
    'fieldbook:colour': highlight.colour,
    'fieldbook:anchorStatus': highlight.status,
    // The W3C model has no word for a grade; ungraded passages simply lack the terms.
    ...(highlight.grade?.reliability ? { 'fieldbook:reliability': highlight.grade.reliability } : {}),
    ...(highlight.grade?.credibility ? { 'fieldbook:credibility': highlight.grade.credibility } : {}),
  };
}

function selectors(highlight: Highlight, quote: TextQuoteSelector, part: DocumentPart | null, chapterCfi: string | null): WebAnnotation['target']['selector'] {
  // The page is the PDF's own number, so an area keeps its place even where its document's pages are not known.
  if (highlight.area) {
    const { page } = highlight.area;
    const refinedBy = { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENT_SPEC, value: areaFragment(highlight.area) } as const;
    return [{ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}`, refinedBy }];
  }
  if (highlight.status === 'orphaned') return [quote];
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: highlight.start, end: highlight.end };
  if (part?.kind === 'chapter' && chapterCfi) return [quote, position, { type: 'FragmentSelector', conformsTo: EPUB_CFI_SPEC, value: chapterCfi, refinedBy: quote }];
  if (part?.kind !== 'page') return [quote, position];
  return [quote, position, { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${part.ordinal + 1}` }];
}
