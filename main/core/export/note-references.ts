import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import { isId } from '../../common/ids';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { parseStoredBody, walkNoteBody } from '../notes/note-body';

export interface LexicalNode {
  type?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

/** What a note points at, as the ids stored in its Lexical nodes. */
export interface NoteReferences {
  notes: Set<number>;
  actors: Set<number>;
  highlights: Set<number>;
  documents: Set<number>;
}

/**
 * The names a rendered note shows for what it points at. Exports show the current title or
 * name (a note renamed after being linked is shown by its new title), not the one saved in the node.
 */
export interface ReferenceNames {
  notes: Map<number, { uid: string; title: string; deleted: boolean }>;
  actors: Map<number, { uid: string; name: string }>;
  documents: Map<number, { uid: string; title: string }>;
  highlights: Map<number, { uid: string; documentId: number; deleted: boolean }>;
}

export const idOf = (value: unknown): number | null => (isId(value) ? value : null);

export function childrenOf(node: LexicalNode): LexicalNode[] {
  return Array.isArray(node.children) ? node.children.filter((c): c is LexicalNode => c !== null && typeof c === 'object') : [];
}

export function collectReferences(root: LexicalNode, into: NoteReferences = emptyReferences()): NoteReferences {
  const add = (set: Set<number>, value: unknown) => {
    const id = idOf(value);
    if (id !== null) set.add(id);
  };
  walkNoteBody(root, {
    enter: (node) => {
      if (node.type === NOTE_LINK_NODE) add(into.notes, node.noteId);
      else if (node.type === ACTOR_MENTION_NODE) add(into.actors, node.actorId);
      else if (node.type === HIGHLIGHT_QUOTE_NODE) {
        add(into.highlights, node.highlightId);
        add(into.documents, node.documentId);
      }
    },
  });
  return into;
}

export const emptyReferences = (): NoteReferences => ({ notes: new Set(), actors: new Set(), highlights: new Set(), documents: new Set() });

/** One query per kind, whatever the number of references. */
export function loadReferenceNames(library: Library, refs: NoteReferences): ReferenceNames {
  const json = (ids: Set<number>) => JSON.stringify([...ids]);
  const names: ReferenceNames = { notes: new Map(), actors: new Map(), documents: new Map(), highlights: new Map() };
  for (const row of prepare<[string], { id: number; uid: string; title: string; deleted_at: string | null }>(
    library.db,
    'SELECT id, uid, title, deleted_at FROM notes WHERE id IN (SELECT value FROM json_each(?))',
  ).all(json(refs.notes))) {
    names.notes.set(row.id, { uid: row.uid, title: row.title, deleted: row.deleted_at !== null });
  }
  for (const row of prepare<[string], { id: number; uid: string; name: string }>(
    library.db,
    'SELECT id, uid, name FROM actors WHERE id IN (SELECT value FROM json_each(?))',
  ).all(json(refs.actors))) {
    names.actors.set(row.id, { uid: row.uid, name: row.name });
  }
  const highlightRows = prepare<[string], { id: number; uid: string; document_id: number; deleted_at: string | null }>(
    library.db,
    'SELECT id, uid, document_id, deleted_at FROM highlights WHERE id IN (SELECT value FROM json_each(?))',
  ).all(json(refs.highlights));
  const documentIds = new Set(refs.documents);
  for (const row of highlightRows) {
    names.highlights.set(row.id, { uid: row.uid, documentId: row.document_id, deleted: row.deleted_at !== null });
    documentIds.add(row.document_id);
  }
  for (const row of prepare<[string], { id: number; uid: string; title: string }>(
    library.db,
    'SELECT id, uid, title FROM documents WHERE id IN (SELECT value FROM json_each(?))',
  ).all(json(documentIds))) {
    names.documents.set(row.id, { uid: row.uid, title: row.title });
  }
  return names;
}

/** A note's body and the names it refers to, read in a handful of queries. */
export function loadNoteForExport(library: Library, id: number): ExportNote & { names: ReferenceNames } {
  const row = prepare<[number], NoteExportRow>(library.db, `SELECT ${NOTE_EXPORT_COLUMNS} FROM notes WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no note with id ${id}.`);
  const note = toExportNote(row);
  return { ...note, names: loadReferenceNames(library, collectReferences(note.body.root)) };
}

export interface ExportNote {
  id: number;
  uid: string;
  title: string;
  body: { root: LexicalNode };
  createdAt: string;
  updatedAt: string;
}

interface NoteExportRow {
  id: number;
  uid: string;
  title: string;
  body_json: string;
  created_at: string;
  updated_at: string;
}

export const NOTE_EXPORT_COLUMNS = 'id, uid, title, body_json, created_at, updated_at';

export function toExportNote(row: NoteExportRow): ExportNote {
  // Bounded in depth, so the exports' recursive renderers stay within the stack; a body that
  // cannot be read still exports its title rather than failing the whole export.
  const body = parseStoredBody(row.body_json);
  return { id: row.id, uid: row.uid, title: row.title, body, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Live notes with their bodies in one query (the repo reads bodies one note at a time). */
export function listLiveNotesForExport(library: Library): ExportNote[] {
  return prepare<[], NoteExportRow>(library.db, `SELECT ${NOTE_EXPORT_COLUMNS} FROM notes WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE, id`)
    .all()
    .map(toExportNote);
}
