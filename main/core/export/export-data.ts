import type { DocumentPart } from '../../common/document-parts';
import type { Actor, DocumentSummary, Highlight, Theme } from '../../common/records';
import { listActors } from '../actors/actor-repo';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { readDocumentParts } from '../documents/document-parts';
import { getDocumentSummary, listDocuments } from '../documents/document-repo';
import { FieldbookError } from '../errors';
import { listHighlights } from '../highlights/highlight-repo';
import { listThemes } from '../themes/theme-repo';

/** A document with its live highlights in reading order, orphans last (as the repo lists them). */
export interface AnnotatedDocument {
  document: DocumentSummary;
  highlights: Highlight[];
  /** A PDF's pages or an EPUB's chapters, so each passage can say where it is ("p. 12"); none for other documents. */
  parts?: DocumentPart[];
}

export type HighlightScope = { kind: 'library' } | { kind: 'document'; documentId: number } | { kind: 'actor'; actorId: number };

export function loadAnnotatedDocument(library: Library, documentId: number): AnnotatedDocument {
  return { document: getDocumentSummary(library, documentId), highlights: listHighlights(library, documentId), parts: readDocumentParts(library, documentId) };
}

export function actorsById(library: Library): Map<number, Actor> {
  return new Map(listActors(library).map((actor) => [actor.id, actor]));
}

/** A theme as exports name it: with its place in the codebook, top first ("Violence", "Financing"). */
export interface ExportTheme extends Theme {
  path: string[];
}

export function themesById(library: Library): Map<number, ExportTheme> {
  const themes = new Map(listThemes(library).map((theme) => [theme.id, theme]));
  const pathOf = (theme: Theme): string[] => {
    const path = [theme.name];
    const seen = new Set([theme.id]);
    for (let parent = theme.parentId; parent !== null && !seen.has(parent); ) {
      const above = themes.get(parent);
      if (!above) break;
      seen.add(parent);
      path.unshift(above.name);
      parent = above.parentId;
    }
    return path;
  };
  return new Map([...themes.values()].map((theme) => [theme.id, { ...theme, path: pathOf(theme) }]));
}

/** The themes a highlight is coded with, as exports list them: A to Z by their place in the codebook. */
export function themesOf(highlight: Pick<Highlight, 'themeIds'>, themes: Map<number, ExportTheme> | undefined): ExportTheme[] {
  if (!themes) return [];
  return highlight.themeIds
    .map((id) => themes.get(id))
    .filter((t): t is ExportTheme => t !== undefined)
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
}

/** The documents (and their highlights) a scope covers; an actor's scope keeps only passages tagged with it. */
export function loadHighlightScope(library: Library, scope: HighlightScope): AnnotatedDocument[] {
  switch (scope.kind) {
    case 'document':
      return [loadAnnotatedDocument(library, scope.documentId)];
    case 'library':
      return listDocuments(library).map((document) => ({ document, highlights: listHighlights(library, document.id), parts: readDocumentParts(library, document.id) }));
    case 'actor': {
      const exists = prepare<[number], { id: number }>(library.db, 'SELECT id FROM actors WHERE id = ?').get(scope.actorId);
      if (!exists) throw new FieldbookError('not_found', `There is no actor with id ${scope.actorId}.`);
      const documentIds = new Set(
        prepare<[number], { document_id: number }>(
          library.db,
          `SELECT DISTINCT h.document_id FROM highlight_actors ha JOIN highlights h ON h.id = ha.highlight_id
           WHERE ha.actor_id = ? AND h.deleted_at IS NULL`,
        )
          .all(scope.actorId)
          .map((r) => r.document_id),
      );
      return listDocuments(library)
        .filter((document) => documentIds.has(document.id))
        .map((document) => ({
          document,
          highlights: listHighlights(library, document.id).filter((h) => h.actorIds.includes(scope.actorId)),
          parts: readDocumentParts(library, document.id),
        }));
    }
  }
}

/**
 * The chosen highlights, grouped by document (documents by title, passages in reading order as
 * the repo lists them). Every id must name a live highlight: an export that quietly left one out
 * would look complete.
 */
export function loadSelectedHighlights(library: Library, highlightIds: readonly number[]): AnnotatedDocument[] {
  const wanted = new Set(highlightIds);
  const found = prepare<[string], { id: number; document_id: number }>(
    library.db,
    'SELECT id, document_id FROM highlights WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...wanted]));
  const live = new Set(found.map((row) => row.id));
  const missing = [...wanted].filter((id) => !live.has(id));
  if (missing.length > 0) throw new FieldbookError('not_found', `There is no highlight with id ${missing.join(', ')}.`);
  const documentIds = new Set(found.map((row) => row.document_id));
  return listDocuments(library)
    .filter((document) => documentIds.has(document.id))
    .map((document) => ({
      document,
      highlights: listHighlights(library, document.id).filter((h) => wanted.has(h.id)),
      parts: readDocumentParts(library, document.id),
    }));
}

export const liveHighlightsOf = (documents: AnnotatedDocument[]) => documents.flatMap((d) => d.highlights);

/** A date for people: the day in UTC, which is what the stored ISO times carry. */
export const dayOf = (iso: string) => iso.slice(0, 10);
