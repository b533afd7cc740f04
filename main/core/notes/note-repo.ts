import { MAX_NOTE_BYTES, noteReferences, parseStoredBody, type NoteBody, type ReferenceKind } from '../../common/note-format';
import type { Note, NoteSummary } from '../../common/records';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { headOf } from '../text/code-points';
import { readNoteBody } from './read-note-body';
import { referenceContext } from './reference-context';
import { addReferences, loadReferenceTargets, referenceUids, resolveReferences } from './reference-targets';
import { byLastChange } from '../../common/sort-orders';

interface NoteRow {
  id: number;
  uid: string;
  title: string;
  body_text: string;
  created_at: string;
  updated_at: string;
}

const SUMMARY = 'id, uid, title, body_text, created_at, updated_at';

export const EMPTY_NOTE_BODY = {
  root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [] }], direction: null, format: '', indent: 0 },
} as const;

export function listNotes(library: Library): NoteSummary[] {
  return prepare<[], NoteRow>(library.db, `SELECT ${SUMMARY} FROM notes WHERE deleted_at IS NULL`)
    .all()
    .map(toSummary)
    .sort(byLastChange);
}

export function getNote(library: Library, id: number): Note {
  const row = prepare<[number], NoteRow & { body_json: string }>(
    library.db,
    `SELECT ${SUMMARY}, body_json FROM notes WHERE id = ? AND deleted_at IS NULL`,
  ).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no note with id ${id}.`);
  const body = parseStoredBody(row.body_json) as NoteBody;
  return { ...toSummary(row), body, bodyText: row.body_text, passages: passagesQuoted(library, body) };
}

function passagesQuoted(library: Library, body: NoteBody): Note['passages'] {
  const quoted = noteReferences(body.root).filter((ref) => ref.kind === 'highlight');
  const passages: Note['passages'] = {};
  if (quoted.length === 0) return passages;
  for (const [uid, highlight] of loadReferenceTargets(library, addReferences(referenceUids(), quoted)).highlights) {
    passages[uid] = { highlightId: highlight.id, documentId: highlight.documentId };
  }
  return passages;
}

export function createNote(library: Library, title: string): Note {
  const now = nowIso();
  const result = prepare(
    library.db,
    'INSERT INTO notes (uid, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(newUid(), title.trim(), JSON.stringify(EMPTY_NOTE_BODY), '', now, now);
  return getNote(library, Number(result.lastInsertRowid));
}

/** Title, body, plain text and links land together or not at all (the op runs in one transaction). */
export function saveNote(library: Library, id: number, title: string, body: NoteBody): NoteSummary {
  const stored = prepare<[number], NoteRow>(library.db, `SELECT ${SUMMARY} FROM notes WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!stored) throw new FieldbookError('not_found', `There is no note with id ${id}.`);
  const json = JSON.stringify(body);
  if (json.length > MAX_NOTE_BYTES) throw new FieldbookError('invalid_input', 'A note can be at most 8 MB; split it into several notes.');
  const { text, references } = readNoteBody(body);
  const saved: NoteRow = { ...stored, title: title.trim(), body_text: text, updated_at: nowIso() };
  // Naming title or body_text in the UPDATE makes the search trigger re-index the whole note, most
  // of a long note's save: a save that changed no words (formatting, a moved link) skips it.
  if (saved.title === stored.title && saved.body_text === stored.body_text) {
    prepare(library.db, 'UPDATE notes SET body_json = ?, updated_at = ? WHERE id = ?').run(json, saved.updated_at, id);
  } else {
    prepare(library.db, 'UPDATE notes SET title = ?, body_json = ?, body_text = ?, updated_at = ? WHERE id = ?').run(
      saved.title,
      json,
      saved.body_text,
      saved.updated_at,
      id,
    );
  }
  updateLinks(library, id, resolveReferences(library, references));
  return toSummary(saved);
}

export function setNoteDeleted(library: Library, id: number, deleted: boolean): NoteSummary {
  const result = prepare(library.db, 'UPDATE notes SET deleted_at = ? WHERE id = ?').run(deleted ? nowIso() : null, id);
  if (result.changes === 0) throw new FieldbookError('not_found', `There is no note with id ${id}.`);
  return toSummary(prepare<[number], NoteRow>(library.db, `SELECT ${SUMMARY} FROM notes WHERE id = ?`).get(id)!);
}

/**
 * Backlinks, each with the sentence in which it refers to the target as its excerpt (why that
 * note links here), or its first line when the reference is no longer in words (never, once saved).
 */
export function notesLinkingTo(library: Library, kind: ReferenceKind, id: number): NoteSummary[] {
  const uids = targetUids(library, kind, id);
  return prepare<[string, number], NoteRow & { body_json: string }>(
    library.db,
    `SELECT ${SUMMARY.split(', ').map((c) => `n.${c}`).join(', ')}, n.body_json FROM links l JOIN notes n ON n.id = l.from_note_id
     WHERE l.target_kind = ? AND l.target_id = ? AND n.deleted_at IS NULL`,
  )
    .all(kind, id)
    .map((row) => {
      const summary = toSummary(row);
      const context = referenceContext((parseStoredBody(row.body_json) as NoteBody).root, kind, uids);
      return context === null ? summary : { ...summary, excerpt: context };
    })
    .sort(byLastChange);
}

const UID_OF: Record<ReferenceKind, string> = {
  note: 'SELECT uid FROM notes WHERE id = ?',
  highlight: 'SELECT uid FROM highlights WHERE id = ?',
  document: 'SELECT uid FROM documents WHERE id = ?',
  // A merged actor's mentions still name the uid it had: those are its mentions too.
  actor: 'SELECT uid FROM actors WHERE id = ? UNION ALL SELECT uid FROM actor_former_uids WHERE actor_id = ?',
};

/** Every uid a body may name the target by. */
function targetUids(library: Library, kind: ReferenceKind, id: number): Set<string> {
  const statement = prepare<number[], { uid: string }>(library.db, UID_OF[kind]);
  const rows = kind === 'actor' ? statement.all(id, id) : statement.all(id);
  return new Set(rows.map((row) => row.uid));
}

/**
 * The links table is what bodies refer to, by local id, so backlinks are one indexed query. It
 * is derived from the body at each save: bodies name targets by uid, and the uids are resolved here.
 */
interface NoteLink {
  kind: ReferenceKind;
  id: number;
}

/** Writes only the links that changed: a long note saved every second keeps most of its links. */
function updateLinks(library: Library, noteId: number, links: NoteLink[]): void {
  const key = (link: NoteLink) => `${link.kind}:${link.id}`;
  const wanted = new Map(links.map((link) => [key(link), link]));
  const current = prepare<[number], NoteLink>(library.db, 'SELECT target_kind AS kind, target_id AS id FROM links WHERE from_note_id = ?').all(noteId);
  const remove = prepare(library.db, 'DELETE FROM links WHERE from_note_id = ? AND target_kind = ? AND target_id = ?');
  for (const link of current) {
    if (!wanted.delete(key(link))) remove.run(noteId, link.kind, link.id);
  }
  const insert = prepare(library.db, 'INSERT OR IGNORE INTO links (from_note_id, target_kind, target_id) VALUES (?, ?, ?)');
  for (const link of wanted.values()) insert.run(noteId, link.kind, link.id);
}

function toSummary(row: NoteRow): NoteSummary {
  const firstLine = row.body_text.split('\n', 1)[0] ?? '';
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    excerpt: firstLine.length > 160 ? `${headOf(firstLine, 159)}…` : firstLine,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
