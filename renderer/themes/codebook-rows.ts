import type { Theme, ThemeNode } from '../../main/common/records';

/** A theme in the codebook's reading order, with where it sits, for lists that show the tree flat. */
export interface CodebookRow {
  theme: Theme;
  depth: number;
  /** Its name after its ancestors' ("Financing / Ransom"): two sub-themes may share a name. */
  path: string;
}

export const PATH_SEPARATOR = ' / ';

/** The tree walked depth first, parents before their sub-themes, siblings in the core's order. */
export function codebookRows(tree: readonly ThemeNode[]): CodebookRow[] {
  const rows: CodebookRow[] = [];
  const stack: Array<{ node: ThemeNode; depth: number; above: string }> = [...tree].reverse().map((node) => ({ node, depth: 0, above: '' }));
  while (stack.length > 0) {
    const { node, depth, above } = stack.pop()!;
    const { children, ...theme } = node;
    const path = above ? `${above}${PATH_SEPARATOR}${theme.name}` : theme.name;
    rows.push({ theme, depth, path });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1, above: path });
  }
  return rows;
}

/** The theme and every theme under it: none of them can become its parent. */
export function themeAndBelow(rows: readonly CodebookRow[], id: number): Set<number> {
  const below = new Set([id]);
  // Rows are depth first, so a theme's descendants follow it until the depth returns to its own.
  const start = rows.findIndex((row) => row.theme.id === id);
  if (start < 0) return below;
  const depth = rows[start]!.depth;
  for (let i = start + 1; i < rows.length && rows[i]!.depth > depth; i++) below.add(rows[i]!.theme.id);
  return below;
}
