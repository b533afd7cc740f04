import { createHash } from 'node:crypto';
import path from 'node:path';
import { oversizeReason } from '../../common/import-limits';
import type { QdpxImportReport } from '../../common/records';
import { tagHighlight } from '../actors/document-mentions';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { findDocumentIdByHash, insertDocument } from '../documents/document-repo';
import { describeRange } from '../highlights/anchor';
import { insertHighlight } from '../highlights/highlight-repo';
import { headOf } from '../text/code-points';
import { tagHighlightWithTheme } from '../themes/theme-repo';
import { prepareDocument, type PreparedDocument } from './import-document';
import { ImportRefusal } from './import-refusal';
import { importCodes, type ImportedCodes } from './qda-codes';
import { importNotes } from './qda-notes';
import { parseQdaProject, type QdaLeftOut, type QdaNote, type QdaProject, type QdaTextSelection, type QdaTextSource } from './qda-project';
import { SelectionPlacer } from './qda-selections';
import { openQdpx, type QdpxArchive } from './qdpx-archive';

/** A comment's and a title's limits in the contract (highlights.update, documents.update). */
const MAX_COMMENT = 20_000;
const MAX_TITLE = 500;
const INTERNAL = 'internal://';

/** A text source read and run through the importer, ready to be written. */
interface ReadSource {
  source: QdaTextSource;
  /** The text as the project has it, which its selections count positions in. */
  text: string;
  prepared: PreparedDocument;
}

/**
 * Imports a REFI-QDA project (.qdpx). Everything slow (unzipping, parsing, each source through
 * the same importer a person's files go through) happens first; then the whole project is
 * written in one transaction, so it is all added or, on any failure, none of it is.
 */
export function importQdpx(library: Library, fileName: string, bytes: Uint8Array): QdpxImportReport {
  const name = path.basename(fileName);
  const archive = openQdpx(name, bytes);
  const project = parseQdaProject(name, archive.projectXml);
  const leftOut = [...project.leftOut];
  const sources = readTextSources(archive, project.textSources, leftOut);
  return library.write(() => writeProject(library, name, project, sources, leftOut));
}

function readTextSources(archive: QdpxArchive, sources: readonly QdaTextSource[], leftOut: QdaLeftOut[]): ReadSource[] {
  const entryOf = new Map(sources.map((source) => [source, sourceEntry(source)]));
  const entries = archive.readEntries(new Set([...entryOf.values()].filter((entry) => typeof entry === 'string')));
  const read: ReadSource[] = [];
  for (const source of sources) {
    const bytes = sourceBytes(source, entryOf.get(source)!, entries);
    if (!(bytes instanceof Uint8Array)) {
      leftOut.push({ kind: 'text source', name: sourceName(source), reason: bytes.problem });
      continue;
    }
    try {
      const prepared = prepareDocument('source.txt', bytes, { title: headOf(sourceName(source), MAX_TITLE) });
      read.push({ source, text: new TextDecoder('utf-8').decode(bytes), prepared: { ...prepared, sourceUrl: sourceUrl(source) } });
    } catch (error) {
      if (!(error instanceof ImportRefusal)) throw error;
      leftOut.push({ kind: 'text source', name: sourceName(source), reason: error.reason });
    }
  }
  return read;
}

/** The source's text file from the zip; else the text it carries itself; else why there is none. */
function sourceBytes(
  source: QdaTextSource,
  entry: string | { problem: string },
  entries: ReadonlyMap<string, Uint8Array | { tooLarge: number }>,
): Uint8Array | { problem: string } {
  const found = typeof entry === 'string' ? entries.get(entry) : undefined;
  if (found instanceof Uint8Array) return found;
  if (source.plainTextContent !== null) return new TextEncoder().encode(source.plainTextContent);
  if (typeof entry !== 'string') return entry;
  return { problem: found === undefined ? `its text, ${entry}, is missing from the project file` : `its text is too large: ${oversizeReason(found.tooLarge)}` };
}

/**
 * The zip entry holding a source's text. `internal://` names a file in the project's sources
 * folder; a name that would climb out of it is refused, though nothing is ever read from disk.
 */
function sourceEntry(source: QdaTextSource): string | { problem: string } {
  const where = source.plainTextPath;
  if (where === null) return { problem: 'it names no file for its text and holds none itself' };
  if (!where.startsWith(INTERNAL)) return { problem: `its text is a file outside the project (${where}), which the project file does not carry` };
  const file = where.slice(INTERNAL.length);
  if (file === '' || file === '.' || file === '..' || /[/\\\0]/.test(file)) {
    return { problem: `its text is named “${file}”, which is not a file in the project’s sources` };
  }
  return `sources/${file}`;
}

function sourceName(source: QdaTextSource): string {
  return source.name || source.guid || 'Untitled source';
}

/** Fieldbook writes a document's source URL as the source's description (export/refi-qda.ts). */
function sourceUrl(source: QdaTextSource): string | null {
  return /^Source: (https?:\/\/\S{1,2040})$/.exec(source.description.trim())?.[1] ?? null;
}

function writeProject(library: Library, fileName: string, project: QdaProject, sources: readonly ReadSource[], leftOut: QdaLeftOut[]): QdpxImportReport {
  const codes = importCodes(library, project);
  leftOut.push(...codes.leftOut);
  const report: QdpxImportReport = {
    fileName,
    project: { name: project.name, origin: project.origin },
    documentsAdded: [],
    documentsFound: [],
    themesAdded: codes.themesAdded,
    actorsAdded: codes.actorsAdded,
    highlightsAdded: 0,
    highlightsFound: 0,
    notesAdded: [],
    skipped: leftOut,
  };
  const unknownCodes = new Set<string>();
  const commentNotes = new Set(sources.flatMap(({ source }) => source.selections.flatMap((selection) => selection.noteGuids)));
  for (const read of sources) {
    const { id, title, text } = findOrAddDocument(library, fileName, read, report);
    const placer = new SelectionPlacer(read.text, text, read.source.selections);
    for (const selection of read.source.selections) {
      const placement = placer.place(selection);
      if (!placement.placed) {
        leftOut.push({ kind: 'selection', name: selection.name || selection.guid, reason: `${placement.reason} (in “${title}”)` });
        continue;
      }
      let highlightId = liveHighlightAt(library, id, placement.start, placement.end);
      if (highlightId === null) {
        highlightId = insertHighlight(library, id, describeRange(text, placement.start, placement.end), 'yellow', comment(selection, project.notes));
        report.highlightsAdded++;
      } else {
        report.highlightsFound++;
      }
      for (const guid of selection.codeGuids) tagWithCode(library, highlightId, guid, codes, unknownCodes);
    }
  }
  for (const guid of unknownCodes) leftOut.push({ kind: 'coding', name: guid, reason: 'it refers to a code the project’s codebook does not have' });
  report.notesAdded = importNotes(library, [...project.notes.values()].filter((note) => !commentNotes.has(note.guid)), leftOut);
  return report;
}

/**
 * The document holding this source's text. Matched first by the text exactly as the project has
 * it (a Fieldbook export carries each document's stored text, so its own documents come back as
 * themselves), then as the importer stores it, as importing the same file twice is matched.
 */
function findOrAddDocument(library: Library, fileName: string, read: ReadSource, report: QdpxImportReport): { id: number; title: string; text: string } {
  const rawHash = createHash('sha256').update(read.text).digest('hex');
  const existing = findDocumentIdByHash(library, rawHash) ?? findDocumentIdByHash(library, read.prepared.contentHash);
  if (existing !== null) {
    const row = prepare<[number], { title: string; text: string }>(
      library.db,
      'SELECT d.title, b.text FROM documents d JOIN document_bodies b ON b.document_id = d.id WHERE d.id = ?',
    ).get(existing)!;
    // Two sources with the same text are one document, reported once.
    const reported = [...report.documentsFound, ...report.documentsAdded].some((each) => each.id === existing);
    if (!reported) report.documentsFound.push({ id: existing, title: row.title });
    return { id: existing, ...row };
  }
  const { prepared } = read;
  const id = insertDocument(library, { ...prepared, uid: newUid(), fileName, importedAt: nowIso() });
  report.documentsAdded.push({ id, title: prepared.title });
  return { id, title: prepared.title, text: prepared.text };
}

/** A live, placed highlight already covering exactly this range: a selection imported twice is one highlight. */
function liveHighlightAt(library: Library, documentId: number, start: number, end: number): number | null {
  const row = prepare<[number, number, number], { id: number }>(
    library.db,
    `SELECT id FROM highlights WHERE document_id = ? AND position_start = ? AND position_end = ?
       AND deleted_at IS NULL AND anchor_status != 'orphaned' AND area_page IS NULL ORDER BY id LIMIT 1`,
  ).get(documentId, start, end);
  return row?.id ?? null;
}

/** The selection's description and the notes it refers to, as the highlight's comment. */
function comment(selection: QdaTextSelection, notes: ReadonlyMap<string, QdaNote>): string {
  const parts = [selection.description, ...selection.noteGuids.map((guid) => notes.get(guid)?.text ?? '')].map((part) => part.trim()).filter(Boolean);
  return headOf(parts.join('\n\n'), MAX_COMMENT);
}

function tagWithCode(library: Library, highlightId: number, guid: string, codes: ImportedCodes, unknown: Set<string>): void {
  const target = codes.targets.get(guid);
  if (!target) {
    // A code left out (no letters to name it by) is reported already, with its codings.
    if (!codes.leftOutGuids.has(guid)) unknown.add(guid);
    return;
  }
  if (target.kind === 'theme') tagHighlightWithTheme(library, highlightId, target.id);
  else tagHighlight(library, highlightId, target.id);
}
