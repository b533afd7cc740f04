import { canonicalLanguageTag, cleanTag, isLanguageTag, isPartialDate, tagKey } from '../../common/document-details';
import { CREDIBILITY_RULE, isCredibility, isReliability, RELIABILITY_RULE } from '../../common/admiralty';
import { withinPage } from '../../common/highlight-area';
import { createHash } from 'node:crypto';
import { LexicalState, MAX_NOTE_BYTES, MAX_NOTE_DEPTH, noteBodyDepth } from '../../common/note-format';
import { nameKey } from '../../common/fold-text';
import { exactNameKey } from '../actors/fold-name';
import { FieldbookError } from '../errors';
import { anchor, AnchorTarget, describeRange } from '../highlights/anchor';
import { splitsCodePoint, wholeCodePoints } from '../text/code-points';
import { parseBodyFragment, serialiseChildren, textContent } from '../import/html-tree';
import { sanitiseTree } from '../import/sanitise-html';
import { readNoteBody } from '../notes/read-note-body';
import { wellFormedValue } from '../text/well-formed';
import { fileContentHash } from '../documents/document-files';
import type { ArchiveActorRow, ArchiveDocumentFileRow, ArchiveDocumentRow, ArchiveHighlightRow, ArchiveNoteRow, LibraryArchive } from './library-archive';

/** What a highlight and a judged mention both keep of their place. */
type PlacedRow = Pick<ArchiveHighlightRow, 'quoteExact' | 'quotePrefix' | 'quoteSuffix' | 'positionStart' | 'positionEnd' | 'anchorStatus'>;

/**
 * An archive is a file from anywhere: its rows are checked and cleaned as an import's would be,
 * never trusted. What Fieldbook derives (plain text's hash, anchor status, name keys, a note's
 * text) is derived again; what it sanitises (HTML, source URLs) is sanitised again; what it never
 * writes (a colour outside the palette, a body nested beyond the editor's depth, an id no
 * library can hold, a reference that is not a uid) refuses the archive, naming the row. An archive Fieldbook wrote comes out of
 * this unchanged, so a restore into an empty library is still the library, row for row.
 */
export function checkArchiveRows(archive: LibraryArchive): LibraryArchive {
  const documents = archive.documents.map((row) => checkDocument(wellFormedRow(row)));
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const placed = (row: ArchiveHighlightRow) => (row.area ? checkArea(row, byId.get(row.documentId)) : checkPlace(row, texts.get(row.documentId)));
  return {
    ...archive,
    documents,
    highlights: archive.highlights.map((row) => checkHighlightGrade(placed(wellFormedRow(row)))),
    actorMentions: archive.actorMentions.map((row) => checkPlace(wellFormedRow(row), texts.get(row.documentId))),
    actors: archive.actors.map((row) => checkActor(wellFormedRow(row))),
    notes: archive.notes.map((row) => checkNote(wellFormedRow(row))),
  };
}

const refuse = (row: string, problem: string) => new FieldbookError('invalid_input', `The archive is damaged: ${row} ${problem}`);
const documentName = (d: ArchiveDocumentRow) => `the document “${d.title}” (${d.uid})`;

/** Lone surrogates become U+FFFD first (see well-formed.ts), so every check sees what will be stored. */
const wellFormedRow = <T,>(row: T): T => wellFormedValue(row) as T;

/** The importer keeps only a web address as a document's source (see extract-article.ts). */
const SOURCE_URL = /^https?:\/\//i;

/**
 * The text is what the sanitised HTML reads as, as at import: an archive whose HTML held more
 * (a script's words, or markup an older Fieldbook kept and this one drops) gets the text of what
 * is kept, and its highlights are placed again on that text (checkPlace).
 */
function checkDocument(row: ArchiveDocumentRow): ArchiveDocumentRow {
  // A grade is the person's judgement: one the app could not have saved refuses the archive rather than being guessed at.
  if (row.reliability !== null && !isReliability(row.reliability)) throw refuse(documentName(row), `has the reliability “${row.reliability}”; ${lowerFirst(RELIABILITY_RULE)}`);
  if (row.credibility !== null && !isCredibility(row.credibility)) throw refuse(documentName(row), `has the credibility ${row.credibility}; ${lowerFirst(CREDIBILITY_RULE)}`);
  const { html, text } = sanitisedHtml(row.html);
  const file = row.file === null ? null : checkDocumentFile(row, text);
  // A scan has no text, and says so: only a document with text to read may not lose it.
  if (text.trim().length === 0 && file?.hasText !== false) throw refuse(documentName(row), 'has no readable text once its HTML is sanitised.');
  const sourceUrl = row.sourceUrl !== null && SOURCE_URL.test(row.sourceUrl.trim()) ? row.sourceUrl : null;
  // The importer's count (import-document.ts), needed only when the text changed.
  const wordCount = text === row.text ? row.wordCount : text.split(/\s+/).filter((word) => word.length > 0).length;
  // Details follow the door's rules (contract.ts): what an app could not have saved is left out.
  const published = row.published !== null && isPartialDate(row.published) ? row.published : null;
  const language = row.language !== null && isLanguageTag(row.language) ? canonicalLanguageTag(row.language) : null;
  const tags = [...new Map(row.tags.map(cleanTag).filter((tag) => tagKey(tag) !== '').map((tag) => [tagKey(tag), tag])).values()];
  const authors = row.authors.map((author) => author.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // A file-backed document is known by its bytes, as at import (import-pdf.ts): two scans have the same (empty) text.
  const contentHash = file ? fileContentHash(file.sha256) : createHash('sha256').update(text).digest('hex');
  return { ...row, html, text, wordCount, sourceUrl, published, language, tags, authors, contentHash, file };
}

/**
 * A PDF's or EPUB's file: its identity is derived again from its bytes, and its parts must lie in
 * order within the text as sanitised here, or no page could be cited right. A file referred to
 * keeps the SHA-256 it names: the bytes given for it at restore must have that one.
 */
function checkDocumentFile(row: ArchiveDocumentRow, text: string): ArchiveDocumentFileRow {
  const file = row.file!;
  const bytes = file.base64 === undefined ? null : Buffer.from(file.base64, 'base64');
  if (bytes?.byteLength === 0) throw refuse(documentName(row), 'has an empty file.');
  try {
    JSON.parse(file.outline);
  } catch {
    throw refuse(documentName(row), 'has a table of contents that is not JSON.');
  }
  let reached = 0;
  const seen = new Set<string>();
  for (const part of file.parts) {
    const key = `${part.kind} ${part.ordinal}`;
    if (seen.has(key)) throw refuse(documentName(row), `has two parts numbered ${part.ordinal}.`);
    seen.add(key);
    if (part.startOffset < reached || part.endOffset < part.startOffset || part.endOffset > text.length) {
      throw refuse(documentName(row), `has a ${part.kind} (${part.label}) outside its text, or out of order.`);
    }
    reached = part.endOffset;
  }
  const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : file.sha256;
  return { ...file, sha256, hasText: text.trim().length > 0 };
}

/**
 * The importer's own sanitiser, run again over the tree it works on (a parse of an archive's
 * HTML with a DOM costs ten times as much); the text that offsets count in is what remains.
 */
function sanitisedHtml(html: string): { html: string; text: string } {
  const tree = parseBodyFragment(html);
  sanitiseTree(tree);
  return { html: serialiseChildren(tree), text: textContent(tree) };
}

/**
 * A placed highlight's (or judged mention's) quote must be its document's text at its offsets. One that is not (or
 * cuts a character in half) is anchored afresh on the text, as a replaced document's would be.
 */
function checkPlace<Row extends PlacedRow>(row: Row, text: string | undefined): Row {
  if (text === undefined || row.anchorStatus === 'orphaned') return row;
  const { positionStart: start, positionEnd: end } = row;
  const holds = end <= text.length && !splitsCodePoint(text, start) && !splitsCodePoint(text, end) && text.slice(start, end) === row.quoteExact;
  if (holds) return row;
  const anchoring = anchor(new AnchorTarget(text), {
    quote: { type: 'TextQuoteSelector', exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
    position: { type: 'TextPositionSelector', start: Math.min(start, text.length), end: Math.min(end, text.length) },
  });
  if (anchoring.status === 'orphaned') return { ...row, anchorStatus: 'orphaned' };
  const range = wholeCodePoints(text, anchoring.start, anchoring.end);
  const { quote } = describeRange(text, range.start, range.end);
  return {
    ...row,
    anchorStatus: anchoring.status,
    positionStart: range.start,
    positionEnd: range.end,
    quoteExact: quote.exact,
    quotePrefix: quote.prefix,
    quoteSuffix: quote.suffix,
  };
}

/**
 * An area must be on a page its PDF has; its quote and offsets are derived from that page, as
 * highlights.createArea derives them. An orphan is left as it is: it was kept by a restore onto a
 * document without its page, and is still on none.
 */
function checkArea(row: ArchiveHighlightRow, document: ArchiveDocumentRow | undefined): ArchiveHighlightRow {
  // A document the archive lacks is refused with the archive's references (library-archive.ts).
  if (!document || row.anchorStatus === 'orphaned') return row;
  const area = row.area!;
  if (document.file?.mediaType !== 'application/pdf') throw refuse(`the highlight ${row.uid}`, `marks an area on ${documentName(document)}, which is not a PDF.`);
  const pages = document.file.parts.filter((part) => part.kind === 'page');
  const page = pages.find((part) => part.ordinal === area.page - 1);
  if (!page) throw refuse(`the highlight ${row.uid}`, `marks an area on page ${area.page} of ${documentName(document)}, which has ${pages.length}.`);
  const { startOffset } = page;
  return { ...row, area: withinPage(area), anchorStatus: 'exact', quoteExact: '', quotePrefix: '', quoteSuffix: '', positionStart: startOffset, positionEnd: startOffset };
}

function checkHighlightGrade(row: ArchiveHighlightRow): ArchiveHighlightRow {
  if (row.credibility !== null && !isCredibility(row.credibility)) {
    throw refuse(`the highlight ${row.uid}`, `has the credibility ${row.credibility}; ${lowerFirst(CREDIBILITY_RULE)}`);
  }
  return row;
}

const lowerFirst = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

const ACTOR_COLOUR = /^#[0-9a-f]{6}$/i;

/** Keys are how names are compared and found; they are derived from the names, never taken as given. */
function checkActor(row: ArchiveActorRow): ArchiveActorRow {
  const name = `the actor “${row.name}” (${row.uid})`;
  if (!ACTOR_COLOUR.test(row.colour)) throw refuse(name, `has the colour “${row.colour}”; a colour is written #rrggbb.`);
  const folded = nameKey(row.name);
  if (folded.length === 0) throw refuse(name, 'has a name with no letters or digits.');
  const aliases = row.aliases.map((alias) => {
    const aliasKey = nameKey(alias.alias);
    if (aliasKey.length === 0) throw refuse(name, `has the alias “${alias.alias}”, which has no letters or digits.`);
    return { ...alias, aliasKey };
  });
  return { ...row, nameKey: exactNameKey(row.name), nameFolded: folded, aliases };
}

/** A body must be one the editor could have saved through the door; its text is read from it again. */
function checkNote(row: ArchiveNoteRow): ArchiveNoteRow {
  const name = `the note “${row.title || 'Untitled'}” (${row.uid})`;
  if (row.bodyJson.length > MAX_NOTE_BYTES) throw refuse(name, 'is larger than a note can be (8 MB).');
  const body = JSON.parse(row.bodyJson) as { root: unknown };
  if (noteBodyDepth(body.root) > MAX_NOTE_DEPTH) throw refuse(name, `is nested more than ${MAX_NOTE_DEPTH} levels deep.`);
  const parsed = LexicalState.safeParse(body);
  if (!parsed.success) {
    throw refuse(name, `has a body that is not an editor state Fieldbook can open: ${parsed.error.issues[0]?.message ?? 'it is malformed.'}`);
  }
  return { ...row, bodyText: readNoteBody(body).text };
}
