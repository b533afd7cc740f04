import type { PassageFilter } from '../../common/network';
import type { ActorKind, CoOccurrence, CoOccurrenceActor, CoOccurrenceAgainst, CoOccurrenceColumn, CoOccurrenceTheme, ThemeNode } from '../../common/records';
import { sortedByText } from '../../common/sort-orders';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { themeTree } from '../themes/theme-repo';
import { assertScopeExists, passageScope, type Param } from './passage-scope';

/**
 * The tag tables a matrix crosses, as constants so no caller's text ever becomes an identifier.
 * Counts are of direct codings: a parent theme's cell leaves out its sub-themes' passages, as
 * NVivo's and ATLAS.ti's co-occurrence tables do by default. Rolling them up would count a passage
 * coded with two sub-themes twice under their parent, and hide which level the coding was done at.
 */
export const TAGS = {
  theme: { table: 'highlight_themes', column: 'theme_id' },
  actor: { table: 'highlight_actors', column: 'actor_id' },
} as const;
export type TagKind = keyof typeof TAGS;

const TAG_OF: Record<CoOccurrenceAgainst, TagKind> = { themes: 'theme', actors: 'actor' };

/**
 * Every theme against every theme, or against every actor tagged within the filter: how many live
 * passages carry both. A dense matrix, because the page's table and the CSV both want every cell,
 * and a codebook of a few hundred themes is still small.
 */
export function coOccurrence(library: Library, against: CoOccurrenceAgainst, filter: PassageFilter = {}): CoOccurrence {
  assertScopeExists(library, filter);
  const themes = codebookInTreeOrder(library, filter);
  const columns: CoOccurrenceColumn[] = against === 'themes' ? themes : taggedActors(library, filter);
  const pairs = pairCounts(library, TAG_OF[against], filter);
  return {
    against,
    rows: themes.map((theme) => ({ ...theme, counts: columns.map((column) => pairs.get(pairKey(theme.id, column.id)) ?? 0) })),
    columns,
  };
}

/** How many passages within the filter carry this theme or actor. */
export function scopedPassageCount(library: Library, kind: TagKind, id: number, filter: PassageFilter): number {
  const { table, column } = TAGS[kind];
  const scope = passageScope(filter);
  return prepare<Param[], { passages: number }>(
    library.db,
    `SELECT count(*) AS passages FROM ${table} x
     JOIN highlights h ON h.id = x.highlight_id JOIN documents d ON d.id = h.document_id
     WHERE x.${column} = ? AND ${scope.where}`,
  ).get(id, ...scope.params)!.passages;
}

/** The whole codebook, empty themes too (people expect to see all of it), parents before their sub-themes. */
function codebookInTreeOrder(library: Library, filter: PassageFilter): CoOccurrenceTheme[] {
  const counts = passageCounts(library, 'theme', filter);
  const rows: CoOccurrenceTheme[] = [];
  const walk = (nodes: readonly ThemeNode[], path: readonly string[]) => {
    for (const node of nodes) {
      const own = [...path, node.name];
      rows.push({ kind: 'theme', id: node.id, name: node.name, colour: node.colour, depth: path.length, path: own, passageCount: counts.get(node.id) ?? 0 });
      walk(node.children, own);
    }
  };
  walk(themeTree(library), []);
  return rows;
}

/** Actors never tagged within the filter would only add columns of zeros, so they are left out. */
function taggedActors(library: Library, filter: PassageFilter): CoOccurrenceActor[] {
  const scope = passageScope(filter);
  const actors = prepare<Param[], { id: number; name: string; kind: ActorKind; colour: string; passages: number }>(
    library.db,
    `SELECT a.id, a.name, a.kind, a.colour, count(*) AS passages
     FROM highlight_actors ha
     JOIN highlights h ON h.id = ha.highlight_id JOIN documents d ON d.id = h.document_id
     JOIN actors a ON a.id = ha.actor_id
     WHERE ${scope.where}
     GROUP BY a.id`,
  ).all(...scope.params);
  return sortedByText(
    actors.map(({ id, name, kind, colour, passages }) => ({ kind: 'actor' as const, id, name, colour, actorKind: kind, passageCount: passages })),
    (actor) => actor.name,
  );
}

function passageCounts(library: Library, kind: TagKind, filter: PassageFilter): Map<number, number> {
  const { table, column } = TAGS[kind];
  const scope = passageScope(filter);
  const rows = prepare<Param[], { id: number; passages: number }>(
    library.db,
    `SELECT x.${column} AS id, count(*) AS passages FROM ${table} x
     JOIN highlights h ON h.id = x.highlight_id JOIN documents d ON d.id = h.document_id
     WHERE ${scope.where}
     GROUP BY x.${column}`,
  ).all(...scope.params);
  return new Map(rows.map((row) => [row.id, row.passages]));
}

/** Passages carrying each theme and each theme or actor; a theme paired with itself counts its own passages. */
function pairCounts(library: Library, against: TagKind, filter: PassageFilter): Map<string, number> {
  const { table, column } = TAGS[against];
  const scope = passageScope(filter);
  const rows = prepare<Param[], { theme_id: number; other_id: number; passages: number }>(
    library.db,
    `SELECT t.theme_id, y.${column} AS other_id, count(*) AS passages
     FROM highlight_themes t
     JOIN ${table} y ON y.highlight_id = t.highlight_id
     JOIN highlights h ON h.id = t.highlight_id JOIN documents d ON d.id = h.document_id
     WHERE ${scope.where}
     GROUP BY t.theme_id, y.${column}`,
  ).all(...scope.params);
  return new Map(rows.map((row) => [pairKey(row.theme_id, row.other_id), row.passages]));
}

const pairKey = (themeId: number, otherId: number) => `${themeId}:${otherId}`;
