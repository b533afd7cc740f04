import type { ChangedKind, LibraryChange } from '../../main/common/changes';
import type { OpInput, OpName } from '../../main/common/contract';

/** Whether a change touched rows of this kind (this one row, when an id is given). */
export function touches(change: LibraryChange, kind: ChangedKind, id?: number): boolean {
  const ids = change.changed[kind];
  if (!ids) return false;
  return ids === 'all' || id === undefined || ids.includes(id);
}

type Dependency<N extends OpName> = (change: LibraryChange, input: OpInput<N>) => boolean;

/**
 * What each read's answer is made of, so a change refreshes exactly the answers it can alter. A
 * read not listed here is refreshed by every change: forgetting an entry costs a query, never a
 * stale screen.
 */
const DEPENDENCIES: { [N in OpName]?: Dependency<N> } = {
  'documents.list': (change) => touches(change, 'document'),
  'documents.get': (change, { id }) => touches(change, 'document', id),
  'documents.outline': (change, { documentId }) => touches(change, 'document', documentId),
  // A document's tags are logged as a change to the document.
  'documents.tags': (change) => touches(change, 'document'),
  // A document's file and parts are written with it, once, and leave with it.
  'documents.parts': (change, { id }) => touches(change, 'document', id),
  'documents.file': (change, { id }) => touches(change, 'document', id),
  // A membership is logged against its collection too, whose count it moves.
  'collections.list': (change) => touches(change, 'collection'),
  // A list holds its highlights' actors, and which of its highlights exist is not known here.
  'highlights.list': (change) => touches(change, 'highlight') || touches(change, 'actor'),
  'highlights.all': (change) => touches(change, 'highlight') || touches(change, 'actor') || touches(change, 'document'),
  'actors.list': (change) => touches(change, 'actor') || touches(change, 'highlight'),
  // Judging a mention (accept, "Not this actor", undo) is logged as a change to its actor.
  'actors.mentions': (change, { documentId }) =>
    touches(change, 'document', documentId) || touches(change, 'actor') || touches(change, 'highlight'),
  'notes.list': (change) => touches(change, 'note'),
  'notes.linking': (change) => touches(change, 'note'),
  // The open note's editor is the truth while it is open; its saves go out from it. Reading it
  // back mid-edit (after its own save) would only fight the person typing.
  'notes.get': () => false,
  'backup.list': () => false,
  'ach.list': (change) => touches(change, 'analysis'),
  // An item shows its passage's words and grade, which change with the highlight or its document.
  'ach.get': (change, { id }) => touches(change, 'analysis', id) || touches(change, 'highlight') || touches(change, 'document'),
};

/** `name` is a cache key's first part: an operation's name (anything else is refreshed by every change). */
export function isAffected(name: string, input: unknown, change: LibraryChange): boolean {
  const dependency = Object.hasOwn(DEPENDENCIES, name) ? (DEPENDENCIES[name as OpName] as Dependency<OpName>) : undefined;
  return dependency ? dependency(change, input as never) : true;
}

/**
 * Refreshed when the change feed (re)connects, since what changed while it was down is unknown.
 * A document and an open note are left alone: the one is the largest answer there is (a book),
 * the other is being edited, and neither is changed from elsewhere in the normal run of things.
 */
export function refreshedOnReconnect(name: string): boolean {
  return name !== 'documents.get' && name !== 'notes.get';
}
