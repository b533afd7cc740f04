import { noteReferences, parseStoredBody, type NoteNode } from '../../common/note-format';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { addReferences, loadReferenceTargets, referenceUids, type ReferenceTargets } from '../notes/reference-targets';

/** A note's body and the names it refers to, read in a handful of queries. */
export function loadNoteForExport(library: Library, id: number): ExportNote & { names: ReferenceTargets } {
  const row = prepare<[number], NoteExportRow>(library.db, `SELECT ${NOTE_EXPORT_COLUMNS} FROM notes WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no note with id ${id}.`);
  const note = toExportNote(row);
  return { ...note, names: loadReferenceTargets(library, addReferences(referenceUids(), noteReferences(note.body.root))) };
}

export interface ExportNote {
  id: number;
  uid: string;
  title: string;
  body: { root: NoteNode };
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
