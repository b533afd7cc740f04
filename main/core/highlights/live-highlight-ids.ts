import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';

/**
 * The chosen highlights, each once, after checking every one is there and not deleted: an act on
 * several (tag them with an actor or a theme) is all or nothing, so a missing one refuses them all
 * before anything is written.
 */
export function liveHighlightIds(library: Library, highlightIds: readonly number[]): number[] {
  const wanted = [...new Set(highlightIds)];
  const live = new Set(
    prepare<[string], { id: number }>(library.db, 'SELECT id FROM highlights WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(wanted))
      .map((row) => row.id),
  );
  const missing = wanted.filter((id) => !live.has(id));
  if (missing.length > 0) throw new FieldbookError('not_found', `There is no highlight with id ${missing.join(', ')}; no highlight was tagged.`);
  return wanted;
}
