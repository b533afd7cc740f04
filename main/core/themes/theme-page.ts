import type { ThemePage } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { PASSAGE_COLUMNS, toPassages, type PassageRow } from '../highlights/passage-rows';
import { AREA_ORDER } from '../highlights/highlight-repo';
import { ancestorIds, getTheme, listThemes } from './theme-repo';

const PASSAGE_LIMIT = 500;

/** A theme's page: its place in the codebook, its sub-themes, and its passages across documents. */
export function themePage(library: Library, id: number): ThemePage {
  const theme = getTheme(library, id);
  const themes = new Map(listThemes(library).map((t) => [t.id, t]));
  const rows = prepare<[number, number], PassageRow>(
    library.db,
    `SELECT ${PASSAGE_COLUMNS}
     FROM highlight_themes ht
     JOIN highlights h ON h.id = ht.highlight_id AND h.deleted_at IS NULL
     JOIN documents d ON d.id = h.document_id
     WHERE ht.theme_id = ?
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, ${AREA_ORDER}, h.id
     LIMIT ?`,
  ).all(id, PASSAGE_LIMIT);
  return {
    theme,
    path: ancestorIds(library, id)
      .reverse()
      .map((ancestor) => ({ id: ancestor, name: themes.get(ancestor)?.name ?? '' })),
    children: [...themes.values()]
      .filter((t) => t.parentId === id)
      .map(({ id: childId, name, colour, passageCount }) => ({ id: childId, name, colour, passageCount })),
    passages: toPassages(library, rows),
    passageCount: theme.passageCount,
  };
}
