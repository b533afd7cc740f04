import type { NoteReference, ReferenceKind } from '../../common/note-format';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';

/**
 * What the uids in note bodies name in this library now, by uid: a note renamed after being
 * linked is shown by its new title, a merged actor's mentions by the actor it was merged into.
 * A uid this library does not hold is absent (a target deleted, or never here).
 */
export interface ReferenceTargets {
  notes: Map<string, { id: number; uid: string; title: string; deleted: boolean }>;
  actors: Map<string, { id: number; uid: string; name: string }>;
  highlights: Map<string, { id: number; uid: string; documentId: number; documentUid: string; deleted: boolean }>;
  documents: Map<string, { id: number; uid: string; title: string }>;
}

export const referenceUids = (): Record<ReferenceKind, Set<string>> => ({ note: new Set(), actor: new Set(), highlight: new Set(), document: new Set() });

export function addReferences(into: Record<ReferenceKind, Set<string>>, references: Iterable<NoteReference>): Record<ReferenceKind, Set<string>> {
  for (const { kind, uid } of references) into[kind].add(uid);
  return into;
}

/** One query per kind, whatever the number of references. */
export function loadReferenceTargets(library: Library, uids: Record<ReferenceKind, Set<string>>): ReferenceTargets {
  const json = (set: Set<string>) => JSON.stringify([...set]);
  const targets: ReferenceTargets = { notes: new Map(), actors: new Map(), highlights: new Map(), documents: new Map() };
  for (const row of prepare<[string], { id: number; uid: string; title: string; deleted_at: string | null }>(
    library.db,
    'SELECT id, uid, title, deleted_at FROM notes WHERE uid IN (SELECT value FROM json_each(?))',
  ).all(json(uids.note))) {
    targets.notes.set(row.uid, { id: row.id, uid: row.uid, title: row.title, deleted: row.deleted_at !== null });
  }
  // A merged actor's uid lives on as a former uid of the actor it was merged into (see mergeActors).
  for (const row of prepare<[string, string], { named: string; id: number; uid: string; name: string }>(
    library.db,
    `SELECT a.uid AS named, a.id, a.uid, a.name FROM actors a WHERE a.uid IN (SELECT value FROM json_each(?))
     UNION ALL
     SELECT f.uid AS named, a.id, a.uid, a.name FROM actor_former_uids f JOIN actors a ON a.id = f.actor_id
       WHERE f.uid IN (SELECT value FROM json_each(?))`,
  ).all(json(uids.actor), json(uids.actor))) {
    targets.actors.set(row.named, { id: row.id, uid: row.uid, name: row.name });
  }
  const documentUids = new Set(uids.document);
  for (const row of prepare<[string], { id: number; uid: string; document_id: number; document_uid: string; deleted_at: string | null }>(
    library.db,
    `SELECT h.id, h.uid, h.document_id, d.uid AS document_uid, h.deleted_at FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE h.uid IN (SELECT value FROM json_each(?))`,
  ).all(json(uids.highlight))) {
    targets.highlights.set(row.uid, { id: row.id, uid: row.uid, documentId: row.document_id, documentUid: row.document_uid, deleted: row.deleted_at !== null });
    documentUids.add(row.document_uid);
  }
  for (const row of prepare<[string], { id: number; uid: string; title: string }>(
    library.db,
    'SELECT id, uid, title FROM documents WHERE uid IN (SELECT value FROM json_each(?))',
  ).all(json(documentUids))) {
    targets.documents.set(row.uid, row);
  }
  return targets;
}

/** The local id each reference resolves to here, for the links table; references to nothing here are left out. */
export function resolveReferences(library: Library, references: NoteReference[]): Array<{ kind: ReferenceKind; id: number }> {
  const targets = loadReferenceTargets(library, addReferences(referenceUids(), references));
  const byKind = { note: targets.notes, actor: targets.actors, highlight: targets.highlights, document: targets.documents };
  const links = new Map<string, { kind: ReferenceKind; id: number }>();
  for (const { kind, uid } of references) {
    const target = byKind[kind].get(uid);
    if (target) links.set(`${kind}:${target.id}`, { kind, id: target.id });
  }
  return [...links.values()];
}

/** The target a reference names, if this library holds it; null refers to nothing. */
export const targetOf = <T>(targets: Map<string, T>, uid: string | null | undefined): T | undefined => (uid == null ? undefined : targets.get(uid));
