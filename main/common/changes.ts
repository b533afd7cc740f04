/**
 * What one or more committed writes touched, as a window needs to know it: which kinds of rows
 * changed and, for each, which ones. `seq` is the last change included, so a window that hears of
 * the same write twice (in the answer to its own call and from the feed) acts once.
 */
export type ChangedKind = 'document' | 'highlight' | 'actor' | 'note' | 'collection' | 'theme' | 'analysis';

export const CHANGED_KINDS: readonly ChangedKind[] = ['document', 'highlight', 'actor', 'note', 'collection', 'theme', 'analysis'];

export interface LibraryChange {
  seq: number;
  /**
   * The ids of the changed rows of each kind that changed. `'all'` when there were too many to
   * list, or when the reader fell so far behind that the log no longer says (then every kind is 'all').
   */
  changed: Partial<Record<ChangedKind, number[] | 'all'>>;
}
