import type { PassageFilter } from '../../common/network';
import type { CoOccurrenceColumn, CoOccurrencePassages, CoOccurrenceTheme } from '../../common/records';
import { getActor } from '../actors/actor-repo';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { PASSAGE_COLUMNS, toPassages, type PassageRow } from '../highlights/passage-rows';
import { AREA_ORDER } from '../highlights/highlight-repo';
import { ancestorIds, getTheme } from '../themes/theme-repo';
import { scopedPassageCount, TAGS, type TagKind } from './co-occurrence';
import { assertScopeExists, passageScope, type Param } from './passage-scope';

/** A cell's passages listed at once, as many as a network link's; the total says how many there are in all. */
export const CELL_PASSAGES_AT_MOST = 500;

export interface CellPartner {
  kind: TagKind;
  id: number;
}

/**
 * The live passages behind one cell of the matrix: those carrying the theme and the other theme or
 * actor, within the filter, by document then reading order. The same theme twice is the diagonal:
 * the theme's own passages.
 */
export function coOccurrencePassages(library: Library, themeId: number, partner: CellPartner, filter: PassageFilter = {}): CoOccurrencePassages {
  // Named things first, so a missing theme or actor is "not found", never an empty cell.
  const theme = themeHeading(library, themeId, filter);
  const other: CoOccurrenceColumn = partner.kind === 'theme' ? themeHeading(library, partner.id, filter) : actorHeading(library, partner.id, filter);
  assertScopeExists(library, filter);
  const { table, column } = TAGS[partner.kind];
  const scope = passageScope(filter);
  const both = `${scope.where}
     AND EXISTS (SELECT 1 FROM highlight_themes t WHERE t.highlight_id = h.id AND t.theme_id = ?)
     AND EXISTS (SELECT 1 FROM ${table} o WHERE o.highlight_id = h.id AND o.${column} = ?)`;
  const params = [...scope.params, themeId, partner.id];
  const { total } = prepare<Param[], { total: number }>(
    library.db,
    `SELECT count(*) AS total FROM highlights h JOIN documents d ON d.id = h.document_id WHERE ${both}`,
  ).get(...params)!;
  const rows = prepare<Param[], PassageRow>(
    library.db,
    `SELECT ${PASSAGE_COLUMNS} FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE ${both}
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, ${AREA_ORDER}, h.id
     LIMIT ?`,
  ).all(...params, CELL_PASSAGES_AT_MOST);
  return { theme, with: other, passages: toPassages(library, rows), total };
}

function themeHeading(library: Library, id: number, filter: PassageFilter): CoOccurrenceTheme {
  const theme = getTheme(library, id);
  const above = ancestorIds(library, id)
    .reverse()
    .map((ancestor) => getTheme(library, ancestor).name);
  return {
    kind: 'theme',
    id,
    name: theme.name,
    colour: theme.colour,
    depth: above.length,
    path: [...above, theme.name],
    passageCount: scopedPassageCount(library, 'theme', id, filter),
  };
}

function actorHeading(library: Library, id: number, filter: PassageFilter): CoOccurrenceColumn {
  const actor = getActor(library, id);
  return { kind: 'actor', id, name: actor.name, colour: actor.colour, actorKind: actor.kind, passageCount: scopedPassageCount(library, 'actor', id, filter) };
}
