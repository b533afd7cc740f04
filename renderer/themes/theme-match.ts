import { nameKey } from '../../main/common/fold-text';
import type { CodebookRow } from './codebook-rows';

/**
 * The themes a typed query could mean: those whose own name starts with it come first, then those
 * with a later word starting with it, then those whose path holds it ("fin ran" finds
 * "Financing / Ransom"); each group in codebook order, so the list keeps the tree's shape.
 */
export function matchThemes(rows: readonly CodebookRow[], query: string): CodebookRow[] {
  const folded = nameKey(query);
  if (!folded) return [...rows];
  const ranked: Array<{ row: CodebookRow; rank: number; order: number }> = [];
  rows.forEach((row, order) => {
    const name = nameKey(row.theme.name);
    const rank = name.startsWith(folded) ? 0 : name.includes(` ${folded}`) ? 1 : pathHolds(row.path, folded) ? 2 : null;
    if (rank !== null) ranked.push({ row, rank, order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ row }) => row);
}

/** Every typed word starts some word of the path, in any order. */
function pathHolds(path: string, folded: string): boolean {
  const words = nameKey(path).split(' ');
  return folded.split(' ').every((typed) => words.some((word) => word.startsWith(typed)));
}

/** Whether a theme at the top of the codebook already has this name, up to case and accents. */
export function isTopLevelName(rows: readonly CodebookRow[], text: string): boolean {
  const key = nameKey(text);
  return key.length > 0 && rows.some((row) => row.depth === 0 && nameKey(row.theme.name) === key);
}
