import { isId } from '../../common/ids';
import { MAX_NOTE_DEPTH, noteBodyDepth, walkNoteBody, type ReferenceKind } from '../../common/note-format';

/**
 * Bodies as Fieldbook wrote them before references were by uid (library schema 50 and before,
 * archive version 1): each of its nodes named its target by the local integer id, in `noteId`,
 * `actorId`, `highlightId` and `documentId`. Frozen: the migration and old archives depend on
 * exactly this reading, so it does not follow later changes to the body format.
 */
const ID_FIELDS: Readonly<Record<string, ReadonlyArray<readonly [idField: string, uidField: string, kind: ReferenceKind]>>> = {
  'fb-note-link': [['noteId', 'noteUid', 'note']],
  'fb-actor-mention': [['actorId', 'actorUid', 'actor']],
  'fb-highlight-quote': [
    ['highlightId', 'highlightUid', 'highlight'],
    ['documentId', 'documentUid', 'document'],
  ],
};

/** The text fields each node shows; an old body missing one gets it empty, as the old editor read it. */
const SHOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'fb-note-link': ['title'],
  'fb-actor-mention': ['name'],
  'fb-highlight-quote': ['documentTitle', 'quote'],
};

/**
 * Rewrites, in place, an id-based body's references as uids: `uidOf` names the uid of the row a
 * local id was (null when there is none: an id of a row since deleted, or 0, the old "nothing").
 * True when anything changed. Nodes already by uid are left as they are.
 */
export function referencesToUids(root: unknown, uidOf: (kind: ReferenceKind, id: number) => string | null): boolean {
  let changed = false;
  walkNoteBody(root, {
    enter: (node) => {
      const fields = typeof node.type === 'string' && Object.hasOwn(ID_FIELDS, node.type) ? ID_FIELDS[node.type]! : [];
      for (const [idField, uidField, kind] of fields) {
        if (Object.hasOwn(node, uidField) && !Object.hasOwn(node, idField)) continue;
        const id = node[idField];
        delete node[idField];
        node[uidField] = isId(id) ? uidOf(kind, id) : null;
        changed = true;
      }
      for (const field of fields.length > 0 ? SHOWN_FIELDS[node.type as string]! : []) {
        if (typeof node[field] !== 'string') {
          node[field] = '';
          changed = true;
        }
      }
    },
  });
  return changed;
}

/**
 * A stored body's JSON with its references as uids, or the same string when nothing changed.
 * A body that is not JSON, or is nested beyond what the editor saves, is returned as it is: it
 * is read as empty (parseStoredBody), or refused by an archive's checks, either way.
 */
export function bodyJsonWithUids(json: string, uidOf: (kind: ReferenceKind, id: number) => string | null): string {
  let body: { root?: unknown };
  try {
    body = JSON.parse(json) as { root?: unknown };
  } catch {
    return json;
  }
  if (body === null || typeof body !== 'object' || noteBodyDepth(body.root) > MAX_NOTE_DEPTH) return json;
  return referencesToUids(body.root, uidOf) ? JSON.stringify(body) : json;
}
