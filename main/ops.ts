import path from 'node:path';
import type { ImportOutcome } from './common/records';
import { isOpName, opInputs, type OpName, type OpOutputs, type OpResult, type ParsedOpInput } from './common/contract';
import type { Library } from './core/db/library';
import { getDocument, getDocumentSummary, listDocuments } from './core/documents/document-repo';
import { documentFileBytes } from './core/documents/document-files';
import { documentParts } from './core/documents/document-parts';
import { storageError } from './core/db/storage-errors';
import { FieldbookError } from './core/errors';
import { actorPage } from './core/actors/actor-page';
import { createActor, deleteActor, getActor, listActors, mergeActors, updateActor } from './core/actors/actor-repo';
import { listAllHighlights } from './core/highlights/all-highlights';
import { tagHighlights } from './core/actors/tag-highlights';
import { acceptMentions, documentMentions, forgetMentions, rejectMention, tagHighlight, untagHighlight } from './core/actors/document-mentions';
import { themePage } from './core/themes/theme-page';
import {
  createTheme,
  deleteTheme,
  getTheme,
  mergeThemes,
  tagHighlightsWithTheme,
  tagHighlightWithTheme,
  themeTree,
  untagHighlightTheme,
  updateTheme,
} from './core/themes/theme-repo';
import { createNote, getNote, listNotes, notesLinkingTo, saveNote, setNoteDeleted } from './core/notes/note-repo';
import { rebuildSearchIndex, searchLibrary } from './core/search/search-library';
import { backupNow, defaultBackupFolder, listBackups } from './core/backup/backup-library';
import {
  actorMarkdownFile,
  documentHtmlFile,
  documentMarkdownFile,
  highlightsCsvFile,
  libraryArchiveFile,
  noteHtmlFile,
  noteMarkdownFile,
  obsidianVaultFolder,
  selectedHighlightsFile,
  webAnnotationsFile,
  qdaCodebookFile,
  qdpxFile,
} from './core/export/export-files';
import { restoreArchiveAnswer } from './core/export/restore-archive';
import { actorNetwork, networkLinkPassages } from './core/analysis/actor-network';
import { networkFile } from './core/analysis/network-files';
import { coOccurrence } from './core/analysis/co-occurrence';
import { coOccurrenceFile } from './core/analysis/co-occurrence-csv';
import { coOccurrencePassages } from './core/analysis/co-occurrence-passages';
import { readingPosition, saveReadingPosition } from './core/documents/reading-position';
import { documentOutline } from './core/documents/document-outline';
import { createAnalysis, deleteAnalysis, getAnalysis, listAnalyses, updateAnalysis } from './core/hypotheses/analysis-repo';
import { addEvidence, addHypothesis, rateCell, removeEvidence, removeHypothesis, updateEvidence, updateHypothesis } from './core/hypotheses/analysis-matrix';
import { analysisFile } from './core/hypotheses/analysis-exports';
import { replaceDocument } from './core/documents/replace-document';
import { listDocumentTags, updateDocumentDetails } from './core/documents/document-details';
import { gradeDocument, gradeHighlight } from './core/grades/source-grades';
import { createCollection, deleteCollection, getCollection, listCollections, renameCollection } from './core/collections/collection-repo';
import { createHighlight } from './core/highlights/create-highlight';
import { createAreaHighlight } from './core/highlights/create-area-highlight';
import { getHighlight, listHighlights, setHighlightDeleted, updateHighlight } from './core/highlights/highlight-repo';
import { importFile } from './core/import/import-document';
import { importQdpx } from './core/import/refi-qda-import';
import type { Task } from './core/task';
import { confirmDate, dismissDate, highlightDates, timeline } from './core/timeline/timeline-repo';
import { timelineFile } from './core/timeline/timeline-files';
import { wellFormedValue } from './core/text/well-formed';

export interface OpContext {
  library: Library;
  /** Given by a caller that shows a long operation's progress or may stop it (see core/task.ts). */
  task?: Task;
}

interface Op<N extends OpName> {
  /**
   * 'write' runs inside one transaction that dispatch opens. 'own-transactions' opens its own, so
   * slow work (parsing a file, checking an archive) happens outside any: an import commits each
   * file in a transaction of its own, so one refused file never undoes the others; a replace and
   * a restore parse first, then write everything in one.
   */
  access: 'read' | 'write' | 'own-transactions';
  run(ctx: OpContext, input: ParsedOpInput<N>): OpOutputs[N];
}

/** The only door into the core: the Electron shell, the browser host and the CLI all call this table. */
export const ops: { [N in OpName]: Op<N> } = {
  'documents.list': { access: 'read', run: ({ library }) => listDocuments(library) },
  'documents.get': { access: 'read', run: ({ library }, { id }) => getDocument(library, id) },
  'documents.import': {
    access: 'own-transactions',
    run: ({ library, task }, { files }) => importFiles(library, files, task),
  },
  'documents.replace': {
    access: 'own-transactions',
    run: ({ library }, { id, file }) => replaceDocument(library, id, file.name, uploadedBytes(file), file.password),
  },
  'documents.readingPosition': { access: 'read', run: ({ library }, { documentId }) => readingPosition(library, documentId) },
  'documents.outline': { access: 'read', run: ({ library }, { documentId }) => documentOutline(library, documentId) },
  'documents.saveReadingPosition': {
    access: 'write',
    run: ({ library }, { documentId, offset }) => saveReadingPosition(library, documentId, offset),
  },
  'documents.update': { access: 'write', run: ({ library }, { id, ...change }) => updateDocumentDetails(library, id, change) },
  'documents.grade': { access: 'write', run: ({ library }, { id, ...change }) => gradeDocument(library, id, change) },
  'documents.tags': { access: 'read', run: ({ library }) => listDocumentTags(library) },
  'documents.parts': { access: 'read', run: ({ library }, { id }) => documentParts(library, id) },
  'documents.file': {
    access: 'read',
    run: ({ library }, { id }) => {
      const { bytes, ...file } = documentFileBytes(library, id);
      return { ...file, base64: bytes.toString('base64') };
    },
  },
  'collections.list': { access: 'read', run: ({ library }) => listCollections(library) },
  'collections.create': { access: 'write', run: ({ library }, { name }) => createCollection(library, name) },
  'collections.rename': { access: 'write', run: ({ library }, { id, name }) => renameCollection(library, id, name) },
  'collections.delete': { access: 'write', run: ({ library }, { id }) => deleteCollection(library, id) },
  'highlights.list': {
    access: 'read',
    run: ({ library }, { documentId }) => {
      getDocumentSummary(library, documentId);
      return listHighlights(library, documentId);
    },
  },
  'highlights.all': {
    access: 'read',
    run: ({ library }, filter) => {
      // A filter naming something gone is an error, not an empty list that would look like "no highlights".
      if (filter.documentId !== undefined) getDocumentSummary(library, filter.documentId);
      if (filter.actorId !== undefined) getActor(library, filter.actorId);
      if (filter.themeId !== undefined) getTheme(library, filter.themeId);
      if (filter.collectionId !== undefined) getCollection(library, filter.collectionId);
      return listAllHighlights(library, filter);
    },
  },
  'highlights.create': { access: 'write', run: ({ library }, input) => createHighlight(library, input) },
  'highlights.createArea': { access: 'write', run: ({ library }, input) => createAreaHighlight(library, input) },
  'highlights.update': {
    access: 'write',
    run: ({ library }, { id, ...changes }) => {
      updateHighlight(library, id, changes);
      return getHighlight(library, id);
    },
  },
  'highlights.grade': { access: 'write', run: ({ library }, { id, credibility }) => gradeHighlight(library, id, credibility) },
  'highlights.delete': {
    access: 'write',
    run: ({ library }, { id }) => {
      const highlight = getHighlight(library, id);
      setHighlightDeleted(library, id, true);
      return highlight;
    },
  },
  'highlights.restore': {
    access: 'write',
    run: ({ library }, { id }) => {
      setHighlightDeleted(library, id, false);
      return getHighlight(library, id);
    },
  },
  'highlights.tag': {
    access: 'write',
    run: ({ library }, { highlightId, actorId }) => {
      getHighlight(library, highlightId);
      tagHighlight(library, highlightId, actorId);
      return getHighlight(library, highlightId);
    },
  },
  'highlights.untag': {
    access: 'write',
    run: ({ library }, { highlightId, actorId }) => {
      untagHighlight(library, highlightId, actorId);
      return getHighlight(library, highlightId);
    },
  },
  'highlights.tagMany': { access: 'write', run: ({ library }, { highlightIds, actorId }) => tagHighlights(library, highlightIds, actorId) },
  'highlights.tagTheme': {
    access: 'write',
    run: ({ library }, { highlightId, themeId }) => {
      getHighlight(library, highlightId);
      tagHighlightWithTheme(library, highlightId, themeId);
      return getHighlight(library, highlightId);
    },
  },
  'highlights.untagTheme': {
    access: 'write',
    run: ({ library }, { highlightId, themeId }) => {
      getHighlight(library, highlightId);
      untagHighlightTheme(library, highlightId, themeId);
      return getHighlight(library, highlightId);
    },
  },
  'highlights.tagManyTheme': {
    access: 'write',
    run: ({ library }, { highlightIds, themeId }) => tagHighlightsWithTheme(library, highlightIds, themeId),
  },
  'themes.list': { access: 'read', run: ({ library }) => themeTree(library) },
  'themes.create': {
    access: 'write',
    run: ({ library }, input) =>
      createTheme(library, { name: input.name, parentId: input.parentId ?? null, colour: input.colour, description: input.description ?? '' }),
  },
  'themes.update': { access: 'write', run: ({ library }, { id, ...changes }) => updateTheme(library, id, changes) },
  'themes.delete': { access: 'write', run: ({ library }, { id }) => deleteTheme(library, id) },
  'themes.merge': { access: 'write', run: ({ library }, { keepId, mergeId }) => mergeThemes(library, keepId, mergeId) },
  'themes.page': { access: 'read', run: ({ library }, { id }) => themePage(library, id) },
  'actors.list': { access: 'read', run: ({ library }) => listActors(library) },
  'actors.create': {
    access: 'write',
    run: ({ library }, input) =>
      createActor(library, { ...input, aliases: input.aliases ?? [], description: input.description ?? '' }),
  },
  'actors.update': { access: 'write', run: ({ library }, { id, ...changes }) => updateActor(library, id, changes) },
  'actors.delete': { access: 'write', run: ({ library }, { id }) => deleteActor(library, id) },
  'actors.merge': { access: 'write', run: ({ library }, { keepId, mergeId }) => mergeActors(library, keepId, mergeId) },
  'actors.page': { access: 'read', run: ({ library }, { id }) => actorPage(library, id) },
  'actors.mentions': { access: 'read', run: ({ library }, { documentId }) => documentMentions(library, documentId) },
  'actors.acceptMentions': { access: 'write', run: ({ library }, input) => acceptMentions(library, input) },
  'actors.rejectMention': { access: 'write', run: ({ library }, input) => rejectMention(library, input) },
  'actors.forgetMentions': { access: 'write', run: ({ library }, { ids }) => forgetMentions(library, ids) },
  'notes.list': { access: 'read', run: ({ library }) => listNotes(library) },
  'notes.get': { access: 'read', run: ({ library }, { id }) => getNote(library, id) },
  'notes.create': { access: 'write', run: ({ library }, { title }) => createNote(library, title ?? '') },
  'notes.save': { access: 'write', run: ({ library }, { id, title, body }) => saveNote(library, id, title, body) },
  'notes.delete': { access: 'write', run: ({ library }, { id }) => setNoteDeleted(library, id, true) },
  'notes.restore': { access: 'write', run: ({ library }, { id }) => setNoteDeleted(library, id, false) },
  'notes.linking': { access: 'read', run: ({ library }, { kind, id }) => notesLinkingTo(library, kind, id) },
  'search.query': { access: 'read', run: ({ library }, input) => searchLibrary(library, input) },
  'search.rebuild': {
    access: 'write',
    run: ({ library, task }) => {
      rebuildSearchIndex(library, task);
      return { rebuilt: true };
    },
  },
  'export.noteMarkdown': { access: 'read', run: ({ library }, { id }) => noteMarkdownFile(library, id) },
  'export.noteHtml': { access: 'read', run: ({ library }, { id }) => noteHtmlFile(library, id) },
  'export.documentMarkdown': { access: 'read', run: ({ library }, { id }) => documentMarkdownFile(library, id) },
  'export.documentHtml': { access: 'read', run: ({ library }, { id }) => documentHtmlFile(library, id) },
  'export.actorMarkdown': { access: 'read', run: ({ library }, { id }) => actorMarkdownFile(library, id) },
  'export.webAnnotations': { access: 'read', run: ({ library }, { documentId }) => webAnnotationsFile(library, documentId) },
  'export.highlightsCsv': {
    access: 'read',
    run: ({ library }, { scope, bom }) => highlightsCsvFile(library, scope, { bom: bom ?? true }),
  },
  'export.highlightsSelection': {
    access: 'read',
    run: ({ library }, { highlightIds, format, bom }) => selectedHighlightsFile(library, highlightIds, format, { bom: bom ?? true }),
  },
  // Reads every table in one read transaction of its own, so the archive is one consistent moment.
  'export.archive': { access: 'read', run: ({ library, task }, { originals }) => libraryArchiveFile(library, new Date(), task, originals) },
  'export.vault': { access: 'read', run: ({ library }, { originals }) => obsidianVaultFolder(library, new Date(), originals) },
  // One read transaction, so the sources, selections and codes are one consistent moment.
  'export.qdpx': { access: 'read', run: ({ library }) => library.db.transaction(() => qdpxFile(library))() },
  'export.qdc': { access: 'read', run: ({ library }) => qdaCodebookFile(library) },
  // Validates first, then writes everything in one IMMEDIATE transaction of its own.
  'library.restoreArchive': {
    access: 'own-transactions',
    run: ({ library, task }, { json, files }) =>
      restoreArchiveAnswer(library, json, task, (files ?? []).map((file) => ({ name: file.name, bytes: uploadedBytes(file) }))),
  },
  // Unzips, parses and prepares every source first, then writes the whole project in one transaction of its own.
  'library.importQdpx': {
    access: 'own-transactions',
    run: ({ library }, { file }) => importQdpx(library, file.name, uploadedBytes(file)),
  },
  'analysis.network': { access: 'read', run: ({ library }, filter) => actorNetwork(library, filter) },
  'analysis.linkPassages': {
    access: 'read',
    run: ({ library }, { source, target, ...filter }) => networkLinkPassages(library, source, target, filter),
  },
  'export.network': {
    access: 'read',
    run: ({ library }, { format, bom, ...filter }) => networkFile(actorNetwork(library, filter), format, { bom: bom ?? true }),
  },
  'analysis.coOccurrence': { access: 'read', run: ({ library }, { against, ...filter }) => coOccurrence(library, against, filter) },
  'analysis.coOccurrencePassages': {
    access: 'read',
    run: ({ library }, { themeId, with: partner, ...filter }) => coOccurrencePassages(library, themeId, partner, filter),
  },
  'export.coOccurrence': {
    access: 'read',
    run: ({ library }, { against, bom, ...filter }) => coOccurrenceFile(coOccurrence(library, against, filter), { bom: bom ?? true }),
  },
  'timeline.events': { access: 'read', run: ({ library }, { suggestions, ...filter }) => timeline(library, filter, { suggestions: suggestions ?? true }) },
  'timeline.highlightDates': { access: 'read', run: ({ library }, { highlightId }) => highlightDates(library, highlightId) },
  'timeline.confirm': { access: 'write', run: ({ library }, input) => confirmDate(library, input) },
  'timeline.dismiss': { access: 'write', run: ({ library }, { highlightId, date }) => dismissDate(library, highlightId, date) },
  'export.timeline': {
    access: 'read',
    run: ({ library }, { format, bom, ...filter }) => timelineFile(timeline(library, filter, { suggestions: false }), format, { bom: bom ?? true }),
  },
  // VACUUM INTO cannot run inside a transaction; it reads one consistent snapshot by itself.
  'backup.now': { access: 'read', run: ({ library }) => backupNow(library, defaultBackupFolder(library.file)) },
  'backup.list': { access: 'read', run: ({ library }) => listBackups(defaultBackupFolder(library.file)) },
  'ach.list': { access: 'read', run: ({ library }) => listAnalyses(library) },
  'ach.get': { access: 'read', run: ({ library }, { id }) => getAnalysis(library, id) },
  'ach.create': { access: 'write', run: ({ library }, fields) => createAnalysis(library, fields) },
  'ach.update': { access: 'write', run: ({ library }, { id, ...changes }) => updateAnalysis(library, id, changes) },
  'ach.delete': { access: 'write', run: ({ library }, { id }) => deleteAnalysis(library, id) },
  'ach.addHypothesis': { access: 'write', run: ({ library }, { analysisId, text }) => addHypothesis(library, analysisId, text) },
  'ach.updateHypothesis': { access: 'write', run: ({ library }, { id, text }) => updateHypothesis(library, id, text) },
  'ach.removeHypothesis': { access: 'write', run: ({ library }, { id }) => removeHypothesis(library, id) },
  'ach.addEvidence': {
    access: 'write',
    run: ({ library }, { analysisId, highlightId, text, weight }) =>
      addEvidence(library, analysisId, highlightId !== undefined ? { highlightId } : { text: text! }, weight),
  },
  'ach.updateEvidence': { access: 'write', run: ({ library }, { id, ...changes }) => updateEvidence(library, id, changes) },
  'ach.removeEvidence': { access: 'write', run: ({ library }, { id }) => removeEvidence(library, id) },
  'ach.rate': { access: 'write', run: ({ library }, { evidenceId, hypothesisId, rating }) => rateCell(library, evidenceId, hypothesisId, rating) },
  'export.ach': { access: 'read', run: ({ library }, { id, format, bom }) => analysisFile(getAnalysis(library, id), format, { bom: bom ?? true }) },
};

/** Whether an operation only reads: the names a second, read-only connection may answer. */
export const readOpNames = (): OpName[] => (Object.keys(ops) as OpName[]).filter((name) => ops[name].access === 'read');

/**
 * One file at a time, each committed on its own: a cancel between two files keeps those already
 * in and says, for each of the rest, that it was not imported.
 */
function importFiles(library: Library, files: ParsedOpInput<'documents.import'>['files'], task: Task | undefined): ImportOutcome[] {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    if (task?.cancelled()) {
      const fileName = path.basename(file.name);
      outcomes.push({ fileName, status: 'cancelled', message: `${fileName} was not imported: the import was cancelled.` });
      continue;
    }
    outcomes.push(importFile(library, file.name, uploadedBytes(file), { password: file.password }));
    task?.report({ done: outcomes.length, total: files.length, message: `Imported ${outcomes.length} of ${files.length} files` });
  }
  return outcomes;
}

/** A file's bytes as the door received them (the contract holds that exactly one of the two is there); bytes are not copied. */
function uploadedBytes(file: Pick<ParsedOpInput<'documents.replace'>['file'], 'base64' | 'bytes'>): Buffer {
  return file.bytes ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) : Buffer.from(file.base64 ?? '', 'base64');
}

/** Deeper than any note or import needs; deeper input is refused before the schema recurses into it. */
const MAX_INPUT_DEPTH = 200;

/** Validates and runs one operation; never throws, so nothing raw crosses IPC or HTTP. */
export function dispatch(ctx: OpContext, name: unknown, input: unknown): OpResult<unknown> {
  if (!isOpName(name)) return { ok: false, error: { code: 'unknown_op', message: `There is no operation named ${JSON.stringify(name)}.` } };
  try {
    if (nestingDepth(input) > MAX_INPUT_DEPTH) {
      return { ok: false, error: { code: 'invalid_input', message: `The input is nested more than ${MAX_INPUT_DEPTH} levels deep.` } };
    }
    // Strings are stored as they were checked: a lone surrogate becomes U+FFFD first (see well-formed.ts).
    const parsed = opInputs[name].safeParse(wellFormedValue(input ?? {}));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
      // The contract's own messages are sentences that name what is wrong; zod's generic ones
      // ("Invalid input: expected number") are not, and need the field named to mean anything.
      const message = issue?.message ?? 'Invalid input.';
      const said = field && !/[.?!]$/.test(message) ? `${message} (${field})` : message;
      return { ok: false, error: { code: 'invalid_input', message: said, ...(field && { field }) } };
    }
    const op = ops[name] as Op<OpName>;
    const value = op.access === 'write' ? ctx.library.write(() => op.run(ctx, parsed.data)) : op.run(ctx, parsed.data);
    return { ok: true, value };
  } catch (error) {
    const known = error instanceof FieldbookError ? error : storageError(error);
    if (known) return { ok: false, error: { code: known.code, message: known.message, ...(known.password && { password: known.password }) } };
    console.error(`Operation ${name} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}; nothing was changed. (${describe(error)})` } };
  }
}

/**
 * Without recursion, so a hostile depth cannot overflow the stack while being measured. Only objects
 * are stacked, in two flat arrays: a long note's body holds tens of thousands of strings and numbers,
 * and a pair allocated for each was a megabyte of garbage per save.
 */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const items: object[] = [];
  const depths: number[] = [];
  const push = (item: unknown, depth: number) => {
    // A file's bytes are one value, not millions of nested ones.
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) return;
    items.push(item);
    depths.push(depth);
  };
  push(value, 1);
  while (items.length > 0) {
    const item = items.pop()!;
    const depth = depths.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_INPUT_DEPTH) return deepest;
    for (const child of Object.values(item)) push(child, depth + 1);
  }
  return deepest;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
