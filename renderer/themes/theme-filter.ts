import type { Highlight } from '../../main/common/records';
import type { CodebookRow } from './codebook-rows';

/** The themes coded on these highlights, in codebook order, with how many highlights carry each. */
export function codedThemes(highlights: readonly Highlight[], rows: readonly CodebookRow[]): Array<{ row: CodebookRow; count: number }> {
  const counts = new Map<number, number>();
  for (const highlight of highlights) for (const id of highlight.themeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return rows.flatMap((row) => {
    const count = counts.get(row.theme.id);
    return count ? [{ row, count }] : [];
  });
}

/** The highlights the filter lets through; all of them while no (still coded) theme is chosen. */
export function filterByTheme(highlights: readonly Highlight[], themeId: number | null): readonly Highlight[] {
  if (themeId === null) return highlights;
  const kept = highlights.filter((h) => h.themeIds.includes(themeId));
  return kept.length > 0 ? kept : highlights;
}
