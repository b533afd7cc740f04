import type { ThemePage } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { HIGHLIGHT_COLUMNS, themeIdsOf, toHighlight, type HighlightRow } from '../highlights/highlight-repo';
import { ancestorIds, getTheme, listThemes } from './theme-repo';

const PASSAGE_LIMIT = 500;

/** A theme's page: its place in the codebook, its sub-themes, and its passages across documents. */
export function themePage(library: Library, id: number): ThemePage {
  const theme = getTheme(library, id);
  const themes = new Map(listThemes(library).map((t) => [t.id, t]));
  const columns = HIGHLIGHT_COLUMNS.split(',').map((c) => `h.${c.trim()}`).join(', ');
  const rows = prepare<[number, number], HighlightRow & { document_title: string }>(
    library.db,
    `SELECT ${columns}, d.title AS document_title
     FROM highlight_themes ht
     JOIN highlights h ON h.id = ht.highlight_id AND h.deleted_at IS NULL
     JOIN documents d ON d.id = h.document_id
     WHERE ht.theme_id = ?
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, h.id
     LIMIT ?`,
  ).all(id, PASSAGE_LIMIT);
  const ids = rows.map((r) => r.id);
  const actors = new Map<number, number[]>();
  for (const row of prepare<[string], { highlight_id: number; actor_id: number }>(
    library.db,
    'SELECT highlight_id, actor_id FROM highlight_actors WHERE highlight_id IN (SELECT value FROM json_each(?)) ORDER BY actor_id',
  ).all(JSON.stringify(ids))) {
    actors.set(row.highlight_id, [...(actors.get(row.highlight_id) ?? []), row.actor_id]);
  }
  const themesOf = themeIdsOf(library, ids);
  return {
    theme,
    path: ancestorIds(library, id)
      .reverse()
      .map((ancestor) => ({ id: ancestor, name: themes.get(ancestor)?.name ?? '' })),
    children: [...themes.values()]
      .filter((t) => t.parentId === id)
      .map(({ id: childId, name, colour, passageCount }) => ({ id: childId, name, colour, passageCount })),
    passages: rows.map((row) => ({
      highlight: toHighlight(row, actors.get(row.id) ?? [], themesOf.get(row.id) ?? []),
      documentTitle: row.document_title,
    })),
    passageCount: theme.passageCount,
  };
}
