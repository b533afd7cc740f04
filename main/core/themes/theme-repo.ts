import { ACTOR_COLOURS, type Theme, type ThemeNode } from '../../common/records';
import { nameKey } from '../../common/fold-text';
import { sortedByText } from '../../common/sort-orders';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { liveHighlightIds } from '../highlights/live-highlight-ids';

interface ThemeRow {
  id: number;
  uid: string;
  parent_id: number | null;
  name: string;
  colour: string;
  description: string;
  passage_count: number;
  created_at: string;
  updated_at: string;
}

const SELECT_THEMES = `
  SELECT t.id, t.uid, t.parent_id, t.name, t.colour, t.description, t.created_at, t.updated_at,
    (SELECT count(*) FROM highlight_themes ht JOIN highlights h ON h.id = ht.highlight_id
      WHERE ht.theme_id = t.id AND h.deleted_at IS NULL) AS passage_count
  FROM themes t`;

export interface ThemeFields {
  name: string;
  parentId: number | null;
  colour: string;
  description: string;
}

export function listThemes(library: Library): Theme[] {
  return sortedByText(prepare<[], ThemeRow>(library.db, SELECT_THEMES).all().map(toTheme), (theme) => theme.name);
}

/** The codebook as a tree, A to Z at every level. */
export function themeTree(library: Library): ThemeNode[] {
  const nodes = new Map<number, ThemeNode>();
  const themes = listThemes(library);
  for (const theme of themes) nodes.set(theme.id, { ...theme, children: [] });
  const roots: ThemeNode[] = [];
  for (const theme of themes) {
    const node = nodes.get(theme.id)!;
    const parent = theme.parentId === null ? undefined : nodes.get(theme.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function getTheme(library: Library, id: number): Theme {
  const row = prepare<[number], ThemeRow>(library.db, `${SELECT_THEMES} WHERE t.id = ?`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no theme with id ${id}.`);
  return toTheme(row);
}

export function createTheme(library: Library, fields: Omit<ThemeFields, 'colour'> & { colour?: string | undefined }): Theme {
  if (fields.parentId !== null) getTheme(library, fields.parentId);
  const key = themeNameKey(fields.name);
  assertNameFree(library, fields.name, key, fields.parentId, null);
  const now = nowIso();
  const result = prepare(
    library.db,
    `INSERT INTO themes (uid, parent_id, name, name_key, colour, description, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newUid(), fields.parentId, fields.name, key, fields.colour ?? defaultColour(key), fields.description, now, now);
  return getTheme(library, Number(result.lastInsertRowid));
}

/** Renames, recolours, redefines or moves a theme; a move under itself or one of its own sub-themes is refused. */
export function updateTheme(library: Library, id: number, changes: Partial<ThemeFields>): Theme {
  const current = getTheme(library, id);
  const name = changes.name ?? current.name;
  const parentId = changes.parentId === undefined ? current.parentId : changes.parentId;
  if (parentId !== null && parentId !== current.parentId) {
    const parent = getTheme(library, parentId);
    if (parentId === id || ancestorIds(library, parentId).includes(id)) {
      throw new FieldbookError('conflict', `“${current.name}” cannot move under “${parent.name}”, which is itself or one of its own sub-themes.`);
    }
  }
  const key = themeNameKey(name);
  assertNameFree(library, name, key, parentId, id);
  prepare(library.db, 'UPDATE themes SET name = ?, name_key = ?, parent_id = ?, colour = ?, description = ?, updated_at = ? WHERE id = ?').run(
    name,
    key,
    parentId,
    changes.colour ?? current.colour,
    changes.description ?? current.description,
    nowIso(),
    id,
  );
  return getTheme(library, id);
}

/**
 * Deletes a theme: its passages lose the tag (they stay in the library), and its sub-themes move
 * up to its own parent rather than vanish with it. A sub-theme whose name its new siblings already
 * hold makes the delete refused, with nothing changed, so the person can rename or merge first.
 */
export function deleteTheme(library: Library, id: number): { theme: Theme; tagsRemoved: number; subThemesMoved: number } {
  const theme = getTheme(library, id);
  const moved = moveChildren(library, id, theme.parentId);
  prepare(library.db, 'DELETE FROM themes WHERE id = ?').run(id);
  return { theme, tagsRemoved: theme.passageCount, subThemesMoved: moved };
}

/**
 * Folds `mergeId` into `keepId`: its passages are tagged with the kept theme instead, its
 * sub-themes move under the kept theme, and it is gone. Merging a theme into one of its own
 * sub-themes is refused: its other sub-themes would have to move under their own descendant.
 */
export function mergeThemes(library: Library, keepId: number, mergeId: number): Theme {
  const keep = getTheme(library, keepId);
  const merged = getTheme(library, mergeId);
  if (ancestorIds(library, keepId).includes(mergeId)) {
    throw new FieldbookError('conflict', `“${merged.name}” cannot be merged into “${keep.name}”, one of its own sub-themes; move “${keep.name}” out first.`);
  }
  prepare(
    library.db,
    'INSERT OR IGNORE INTO highlight_themes (highlight_id, theme_id) SELECT highlight_id, ? FROM highlight_themes WHERE theme_id = ?',
  ).run(keepId, mergeId);
  moveChildren(library, mergeId, keepId);
  prepare(library.db, 'DELETE FROM themes WHERE id = ?').run(mergeId);
  prepare(library.db, 'UPDATE themes SET updated_at = ? WHERE id = ?').run(nowIso(), keepId);
  return getTheme(library, keepId);
}

/** The themes above this one, nearest first. The tree has no cycles (moves refuse them), but a bound keeps a damaged file from looping. */
export function ancestorIds(library: Library, id: number): number[] {
  const parentOf = prepare<[number], { parent_id: number | null }>(library.db, 'SELECT parent_id FROM themes WHERE id = ?');
  const ancestors: number[] = [];
  let parent = parentOf.get(id)?.parent_id ?? null;
  while (parent !== null && !ancestors.includes(parent) && ancestors.length < 10_000) {
    ancestors.push(parent);
    parent = parentOf.get(parent)?.parent_id ?? null;
  }
  return ancestors;
}

export function tagHighlightWithTheme(library: Library, highlightId: number, themeId: number): void {
  getTheme(library, themeId);
  prepare(library.db, 'INSERT OR IGNORE INTO highlight_themes (highlight_id, theme_id) VALUES (?, ?)').run(highlightId, themeId);
}

export function untagHighlightTheme(library: Library, highlightId: number, themeId: number): void {
  prepare(library.db, 'DELETE FROM highlight_themes WHERE highlight_id = ? AND theme_id = ?').run(highlightId, themeId);
}

/**
 * Tags several highlights with one theme, or none of them: every id is checked before anything is
 * written (as tagging several with an actor is). Answers how many were newly tagged.
 */
export function tagHighlightsWithTheme(library: Library, highlightIds: readonly number[], themeId: number): { tagged: number } {
  getTheme(library, themeId);
  const wanted = liveHighlightIds(library, highlightIds);
  const insert = prepare(library.db, 'INSERT OR IGNORE INTO highlight_themes (highlight_id, theme_id) VALUES (?, ?)');
  let tagged = 0;
  for (const id of wanted) tagged += insert.run(id, themeId).changes;
  return { tagged };
}

/** Moves a theme's sub-themes under another parent, refusing (before any move) a name the new siblings hold. */
function moveChildren(library: Library, fromId: number, toParentId: number | null): number {
  const children = prepare<[number], { id: number; name: string; name_key: string }>(library.db, 'SELECT id, name, name_key FROM themes WHERE parent_id = ?').all(fromId);
  for (const child of children) assertNameFree(library, child.name, child.name_key, toParentId, child.id, fromId);
  prepare(library.db, 'UPDATE themes SET parent_id = ?, updated_at = ? WHERE parent_id = ?').run(toParentId, nowIso(), fromId);
  return children.length;
}

/** A theme's name is unique among its siblings, up to case, accents and spacing. */
function assertNameFree(library: Library, name: string, key: string, parentId: number | null, ownerId: number | null, leavingParentId?: number): void {
  const same = prepare<[number, string], { id: number; name: string }>(
    library.db,
    'SELECT id, name FROM themes WHERE coalesce(parent_id, 0) = ? AND name_key = ?',
  ).get(parentId ?? 0, key);
  if (same && same.id !== ownerId && same.id !== leavingParentId) {
    const where = parentId === null ? 'at the top of the codebook' : `under “${getTheme(library, parentId).name}”`;
    throw new FieldbookError('conflict', `There is already a theme named “${same.name}” ${where}.`);
  }
}

function themeNameKey(name: string): string {
  const key = nameKey(name);
  if (key.length === 0) throw new FieldbookError('invalid_input', `“${name}” has no letters or digits to name a theme by.`);
  return key;
}

function defaultColour(key: string): string {
  let hash = 7;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return ACTOR_COLOURS[hash % ACTOR_COLOURS.length]!;
}

function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    uid: row.uid,
    parentId: row.parent_id,
    name: row.name,
    colour: row.colour,
    description: row.description,
    passageCount: row.passage_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
