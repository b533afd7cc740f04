import type { ActorPassage } from '../../common/records';
import type { Library } from '../db/library';
import { actorIdsOf, JOINED_HIGHLIGHT_COLUMNS, themeIdsOf, toHighlight, type HighlightRow } from './highlight-repo';

/**
 * A passage as the pages list it (a theme's, an actor's, a network link's, a co-occurrence cell's):
 * the highlight with its tags, and the title of the document it is in. Queries select
 * PASSAGE_COLUMNS from `highlights h JOIN documents d`.
 */
export const PASSAGE_COLUMNS = `${JOINED_HIGHLIGHT_COLUMNS}, d.title AS document_title`;

export type PassageRow = HighlightRow & { document_title: string };

/** Two queries for the tags of all the rows, not two per row. */
export function toPassages(library: Library, rows: readonly PassageRow[]): ActorPassage[] {
  const ids = rows.map((row) => row.id);
  const actors = actorIdsOf(library, ids);
  const themes = themeIdsOf(library, ids);
  return rows.map((row) => ({
    highlight: toHighlight(row, actors.get(row.id) ?? [], themes.get(row.id) ?? []),
    documentTitle: row.document_title,
  }));
}
