import type { ExportedFile, ExportedFolder, OriginalFiles } from '../../common/records';
import { randomUUID } from 'node:crypto';
import type { Library } from '../db/library';
import type { Task } from '../task';
import { getDocumentSummary } from '../documents/document-repo';
import { actorFileMarkdown, loadActorFile, standaloneActorLinks } from './actor-file-markdown';
import { documentAnnotationsHtml, noteToHtml } from './annotations-html';
import { documentAnnotationsMarkdown } from './document-annotations-markdown';
import { actorsById, themesById, loadAnnotatedDocument, loadHighlightScope, loadSelectedHighlights, type HighlightScope } from './export-data';
import { highlightsCsv } from './highlights-csv';
import { libraryArchiveJson } from './library-archive';
import { loadNoteForExport } from './note-references';
import { noteToMarkdown, standaloneLinker } from './note-to-markdown';
import { obsidianVault } from './obsidian-vault';
import { listCollections } from '../collections/collection-repo';
import { collectionNames } from './document-details-facts';
import { safeFileName } from './safe-file-name';
import { webAnnotationCollection } from './web-annotation';
import { epubChapterCfis } from './epub-chapter-cfis';
import { loadQdaData, qdaCodebook, qdaProject, qdpxBytes } from './refi-qda';

const MARKDOWN = 'text/markdown; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

export function noteMarkdownFile(library: Library, noteId: number): ExportedFile {
  const note = loadNoteForExport(library, noteId);
  return { fileName: `${safeFileName(note.title)}.md`, mediaType: MARKDOWN, content: noteToMarkdown(note, standaloneLinker(note.names)) };
}

export function noteHtmlFile(library: Library, noteId: number): ExportedFile {
  const note = loadNoteForExport(library, noteId);
  return { fileName: `${safeFileName(note.title)}.html`, mediaType: HTML, content: noteToHtml(note, note.names) };
}

export function documentMarkdownFile(library: Library, documentId: number): ExportedFile {
  const annotated = loadAnnotatedDocument(library, documentId);
  return {
    fileName: `${safeFileName(annotated.document.title)} - highlights.md`,
    mediaType: MARKDOWN,
    content: documentAnnotationsMarkdown(annotated, {
      actors: actorsById(library),
      themes: themesById(library),
      collections: collectionNames(listCollections(library)),
    }),
  };
}

export function documentHtmlFile(library: Library, documentId: number): ExportedFile {
  const annotated = loadAnnotatedDocument(library, documentId);
  return {
    fileName: `${safeFileName(annotated.document.title)} - highlights.html`,
    mediaType: HTML,
    content: documentAnnotationsHtml(annotated, actorsById(library), collectionNames(listCollections(library))),
  };
}

export function actorMarkdownFile(library: Library, actorId: number): ExportedFile {
  const file = loadActorFile(library, actorId);
  return { fileName: `${safeFileName(file.actor.name)}.md`, mediaType: MARKDOWN, content: actorFileMarkdown(file, standaloneActorLinks) };
}

/** One document's highlights, or the whole library's when documentId is omitted. */
export function webAnnotationsFile(library: Library, documentId?: number): ExportedFile {
  const scope: HighlightScope = documentId === undefined ? { kind: 'library' } : { kind: 'document', documentId };
  const title = documentId === undefined ? 'Fieldbook library' : getDocumentSummary(library, documentId).title;
  const documents = loadHighlightScope(library, scope);
  const collection = webAnnotationCollection(documents, actorsById(library), {
    id: `urn:uuid:${randomUUID()}`,
    label: `Highlights in ${title}`,
    themes: themesById(library),
    chapterCfis: epubChapterCfis(library, documents.map((annotated) => annotated.document.id)),
  });
  return {
    fileName: `${safeFileName(title)} - annotations.jsonld`,
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    content: JSON.stringify(collection, null, 2),
  };
}

export function highlightsCsvFile(library: Library, scope: HighlightScope, options: { bom?: boolean } = {}): ExportedFile {
  const actors = actorsById(library);
  const title =
    scope.kind === 'library'
      ? 'Fieldbook library'
      : scope.kind === 'document'
        ? getDocumentSummary(library, scope.documentId).title
        : (actors.get(scope.actorId)?.name ?? 'Actor');
  return {
    fileName: `${safeFileName(title)} - highlights.csv`,
    mediaType: 'text/csv; charset=utf-8; header=present',
    content: highlightsCsv(loadHighlightScope(library, scope), actors, { bom: options.bom ?? true, themes: themesById(library) }),
  };
}

/**
 * Highlights chosen in All highlights, from any documents: the Markdown is each document's
 * annotations one after the other, the CSV the same rows as any other highlights CSV.
 */
export function selectedHighlightsFile(
  library: Library,
  highlightIds: readonly number[],
  format: 'markdown' | 'csv',
  options: { bom?: boolean } = {},
): ExportedFile {
  const documents = loadSelectedHighlights(library, highlightIds);
  const actors = actorsById(library);
  const themes = themesById(library);
  if (format === 'csv') {
    return {
      fileName: 'Selected highlights.csv',
      mediaType: 'text/csv; charset=utf-8; header=present',
      content: highlightsCsv(documents, actors, { bom: options.bom ?? true, themes }),
    };
  }
  return {
    fileName: 'Selected highlights.md',
    mediaType: MARKDOWN,
    content: documents.map((annotated) => documentAnnotationsMarkdown(annotated, { actors, themes })).join('\n'),
  };
}

export function libraryArchiveFile(library: Library, now = new Date(), task?: Task, originals: OriginalFiles = 'include'): ExportedFile {
  return {
    // Named apart, so an archive without the files is never taken for a whole one, a backup say.
    fileName: `fieldbook-archive-${now.toISOString().slice(0, 10)}${originals === 'refer' ? '-without-files' : ''}.json`,
    mediaType: 'application/json',
    content: libraryArchiveJson(library, now.toISOString(), task, originals),
  };
}

export function obsidianVaultFolder(library: Library, now = new Date(), originals: OriginalFiles = 'include'): ExportedFolder {
  const without = originals === 'refer' ? ' without files' : '';
  return { folderName: `Fieldbook vault ${now.toISOString().slice(0, 10)}${without}`, files: obsidianVault(library, originals) };
}

export function qdpxFile(library: Library, now = new Date()): ExportedFile {
  const project = qdaProject(loadQdaData(library), now.toISOString());
  return {
    fileName: `fieldbook-project-${now.toISOString().slice(0, 10)}.qdpx`,
    mediaType: 'application/zip',
    content: Buffer.from(qdpxBytes(project)).toString('base64'),
    encoding: 'base64',
  };
}

export function qdaCodebookFile(library: Library, now = new Date()): ExportedFile {
  return { fileName: `fieldbook-codebook-${now.toISOString().slice(0, 10)}.qdc`, mediaType: 'application/xml', content: qdaCodebook(loadQdaData(library)) };
}
